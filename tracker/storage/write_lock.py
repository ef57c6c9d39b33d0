"""Taking the database's write lock: wait for another writer, say so, give up in time.

Every write transaction starts with ``BEGIN IMMEDIATE``: the lock is taken before the
first read, so what a write checks (an import's duplicate keys) cannot change before it
commits. A second writer (another window's import, a CLI ``demo``) makes us wait; the
clerk is told once that we are waiting, and after ``busy_timeout_s()`` the operation is
refused in Chinese instead of failing with ``database is locked``.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

from tracker.storage.faults import busy, is_busy

log = logging.getLogger(__name__)

WaitNotifier = Callable[[str], None]
# Each attempt waits this long inside SQLite (its busy handler sleeps and retries).
ATTEMPT_MS = 500
DEFAULT_TIMEOUT_S = 60.0


def busy_timeout_s() -> float:
    """How long a write waits for another writer (``TRACKER_BUSY_TIMEOUT`` seconds)."""
    try:
        return max(0.0, float(os.environ.get("TRACKER_BUSY_TIMEOUT", DEFAULT_TIMEOUT_S)))
    except ValueError:
        return DEFAULT_TIMEOUT_S


def _log_wait(message: str) -> None:
    log.info("%s", message)


_notifier: WaitNotifier = _log_wait


def set_wait_notifier(notify: WaitNotifier | None) -> None:
    """Who hears "waiting for another program" (the CLI prints it; default: the log)."""
    global _notifier
    _notifier = notify or _log_wait


def print_wait(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def begin_immediate(conn: sqlite3.Connection, path: Path | None = None) -> None:
    """Start a write transaction, waiting up to ``busy_timeout_s()`` for the lock."""
    timeout = busy_timeout_s()
    deadline = time.monotonic() + timeout
    previous = conn.execute("PRAGMA busy_timeout").fetchone()[0]
    conn.execute(f"PRAGMA busy_timeout = {ATTEMPT_MS}")
    told = False
    try:
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not is_busy(exc):
                    raise
                if time.monotonic() >= deadline:
                    log.warning("gave up waiting %.1f s for the write lock on %s", timeout, path)
                    raise busy(path, timeout) from exc
                if not told:
                    told = True
                    _notifier(f"数据库正被另一个程序写入，正在等待（最多 {timeout:g} 秒）…")
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(previous)}")
