"""Which database file the window works on: the one-writer lock and the recent-files list.

One window per database file (QLockFile beside it), so two windows never write the same
ledger with different ideas of it. The lock names the process that holds it, and a
lock left by a crashed process is taken over (QLockFile checks the pid is gone).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile

from tracker.errors import TrackerError
from tracker.storage.access import folder_writable
from tracker.storage.paths import demo_db_path

from .app import settings

MAX_RECENT = 8


class DatabaseInUse(TrackerError):
    """Another window (this machine or another) has the database open."""


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def acquire_lock(db_path: Path) -> QLockFile:
    """Lock db_path for this process or raise DatabaseInUse with a Chinese message."""
    db_path = Path(db_path).resolve()
    db_path.parent.mkdir(parents=True, exist_ok=True)
    lock = QLockFile(str(lock_path(db_path)))
    if not folder_writable(db_path):
        # No lock file can be made in a read-only folder, and no window can write the
        # ledger there either: it opens read-only, unlocked (unlock() is then harmless).
        return lock
    lock.setStaleLockTime(0)  # only a dead owner makes it stale, never its age
    if lock.tryLock(200):
        return lock
    info = lock.getLockInfo()  # PySide6: (pid, host, app), or a leading bool on some versions
    if info and isinstance(info[0], bool):
        info = info[1:] if info[0] else ()
    ok = len(info) >= 2 and bool(info[0])
    pid, host = (info[0], info[1]) if ok else (0, "")
    who = (
        QCoreApplication.translate("db_files", "process {pid} on {host}").format(pid=pid, host=host)
        if ok
        else QCoreApplication.translate("db_files", "another program")
    )
    raise DatabaseInUse(
        QCoreApplication.translate(
            "db_files",
            "The database {path} is already open in another window ({who}). Only one window "
            "may change a ledger at a time: switch to that window, or close it and try again.",
        ).format(path=db_path, who=who)
    )


def recent_databases() -> list[Path]:
    values = settings().value("recent_databases") or []
    if isinstance(values, str):
        values = [values]
    return [Path(v) for v in values if v]


def remember_database(db_path: Path) -> None:
    """Put db_path first in the recent list (kept to MAX_RECENT, no duplicates); the demo
    ledger is opened from the 帮助 menu, never from the list of the clerk's ledgers."""
    path = str(Path(db_path).resolve())
    if path == str(demo_db_path().resolve()):
        return
    values = [str(p) for p in recent_databases() if str(p) != path]
    settings().setValue("recent_databases", [path, *values][:MAX_RECENT])
