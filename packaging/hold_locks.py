"""Hold what a clerk's other programs hold, so smoke_test.sh can check what the bundle says.

    python packaging/hold_locks.py DB READY_FILE SECONDS [XLSX]

Holds, until READY_FILE is deleted (at most SECONDS): the app's one-window lock on DB (the ``DB.lock`` file a running
SignedDealTracker keeps, through Qt's QLockFile, as ``ui.db_files`` does), SQLite's write
lock on DB (``BEGIN IMMEDIATE``, as another window's import would), and on Windows the
XLSX file opened without sharing, as Excel and WPS keep a workbook they show. Writes
READY_FILE once everything is held. Run it with a Python of the same system as the
bundle (under Wine: the prefix's Windows Python, whose locks the bundle sees).
"""

from __future__ import annotations

import sqlite3
import sys
import time
from pathlib import Path

from PySide6.QtCore import QLockFile


def hold_exclusively(path: Path) -> object:
    """Open ``path`` with no sharing (Windows), as Excel does with an open workbook."""
    import ctypes
    from ctypes import wintypes

    create = ctypes.windll.kernel32.CreateFileW  # type: ignore[attr-defined]
    create.restype = wintypes.HANDLE
    generic_read, open_always = 0x80000000, 4
    handle = create(str(path), generic_read, 0, None, open_always, 0, None)
    if handle in (None, wintypes.HANDLE(-1).value):
        raise OSError(f"cannot open {path} exclusively")
    return handle


def main(argv: list[str]) -> int:
    db, ready, seconds = Path(argv[1]), Path(argv[2]), float(argv[3])
    lock = QLockFile(str(db.with_name(db.name + ".lock")))
    if not lock.tryLock(1000):
        raise SystemExit(f"cannot take {db}.lock")
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    held = [lock, conn]
    if len(argv) > 4 and sys.platform == "win32":
        held.append(hold_exclusively(Path(argv[4])))
    ready.write_text("ready", encoding="utf-8")
    deadline = time.monotonic() + seconds
    while ready.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    conn.rollback()
    conn.close()
    lock.unlock()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
