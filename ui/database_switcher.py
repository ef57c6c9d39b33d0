"""The window's open database: its path, its ``Portfolio`` and the lock that keeps a second
window off it — and the one way to change them.

File actions (open, new, restore) and the main window share this object instead of each
other: actions call ``switch_to`` / ``reopen``; the window listens to ``switched`` and
reloads its views. Background work is waited for before a connection is closed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal

from tracker.ledger.portfolio import Portfolio
from tracker.storage.faults import ReadOnlyDatabase

from .db_files import acquire_lock, remember_database
from .tasks import wait_for_all

log = logging.getLogger(__name__)


def open_portfolio(path: Path, *, create: bool = False, auto_backup: bool = True) -> Portfolio:
    """The ledger for a window: writable when the file allows it, else read-only (the
    window then shows its read-only banner) instead of refusing to open it. The quick_check
    of a writable one is left to the window, after its first paint (``file_check``)."""
    try:
        return Portfolio.open(path, create=create, auto_backup=auto_backup, check_later=True)
    except ReadOnlyDatabase as exc:
        log.info("opening %s read-only: %s", path, exc.message)
        return Portfolio.open(path, read_only=True)


class DatabaseSwitcher(QObject):
    switched = Signal(object)  # Path of the database now open
    message = Signal(str, int)  # a status-bar message and how long to show it (ms)

    def __init__(
        self, path: Path, portfolio: Portfolio, lock: QLockFile, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._path, self._portfolio, self._lock = Path(path), portfolio, lock
        remember_database(self._path)

    @property
    def path(self) -> Path:
        return self._path

    @property
    def portfolio(self) -> Portfolio:
        return self._portfolio

    def switch_to(self, path: Path, *, create: bool = False) -> None:
        """Open another database file (created when new, or when 0 bytes and ``create``);
        raises TrackerError when it is in use by another window or is not a tracker
        database. The current one stays open then. A read-only file opens read-only."""
        path = Path(path)
        if path.resolve() == self._path.resolve():
            return
        lock = acquire_lock(path)
        try:
            portfolio = open_portfolio(path, create=create)
        except Exception:
            lock.unlock()
            raise
        self._install(path, portfolio, lock)

    def close_connection(self) -> None:
        """Close our connection but keep the lock (a restore replaces the file under it)."""
        wait_for_all()
        self._portfolio.close()

    def reopen(self) -> None:
        """Open the same file again (after a restore) and tell the views."""
        self._install(self._path, open_portfolio(self._path, auto_backup=False), self._lock)

    def release(self) -> None:
        """Close the database and drop the lock (after background work has finished)."""
        wait_for_all()
        self._portfolio.close()
        self._lock.unlock()

    def _install(self, path: Path, portfolio: Portfolio, lock: QLockFile) -> None:
        wait_for_all()
        old_portfolio, old_lock = self._portfolio, self._lock
        self._path, self._portfolio, self._lock = path, portfolio, lock
        if old_portfolio is not portfolio:
            old_portfolio.close()
        if old_lock is not lock:
            old_lock.unlock()
        remember_database(path)
        self.switched.emit(path)
