"""File menu work: open / new database, backup now, restore from a backup.

Each step that touches the disk for more than a moment runs through ``ui.tasks``; the
window is only told which database it now has (``MainWindow.replace_database``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tracker.storage import backup
from tracker.errors import TrackerError
from tracker.ledger.portfolio import Portfolio

from .db_files import acquire_lock
from .tasks import run_task, show_error, wait_for_all

if TYPE_CHECKING:
    from .main_window import MainWindow



def _db_filter() -> str:
    return QCoreApplication.translate("file_actions", "Tracker database (*.db);;All files (*)")


def switch_database(window: MainWindow, path: Path) -> bool:
    """Open another database file in this window (refused while another window has it)."""
    path = Path(path)
    if path.resolve() == window.db_path.resolve():
        return True
    try:
        lock = acquire_lock(path)
    except TrackerError as exc:
        show_error(window, QCoreApplication.translate("file_actions", "Open database"), exc)
        return False
    try:
        portfolio = Portfolio.open(path)
    except TrackerError as exc:
        lock.unlock()
        show_error(window, QCoreApplication.translate("file_actions", "Open database"), exc)
        return False
    window.replace_database(path, portfolio, lock)
    return True


def open_database(window: MainWindow) -> None:
    name, _ = QFileDialog.getOpenFileName(
        window, QCoreApplication.translate("file_actions", "Open database"), str(window.db_path.parent), _db_filter())
    if name:
        switch_database(window, Path(name))


def new_database(window: MainWindow) -> None:
    name, _ = QFileDialog.getSaveFileName(
        window, QCoreApplication.translate("file_actions", "New database"), str(window.db_path.parent / "新台账.db"), _db_filter())
    if not name:
        return
    path = Path(name)
    if path.suffix.lower() != ".db":
        path = path.with_suffix(".db")
    if path.exists() and path.stat().st_size > 0:
        show_error(window, QCoreApplication.translate("file_actions", "New database"), TrackerError(QCoreApplication.translate(
            "file_actions", "The file {path} already exists. Choose another name, or use Open database."
        ).format(path=path)))
        return
    switch_database(window, path)


def backup_now(window: MainWindow) -> None:
    def done(out: Path) -> None:
        window.statusBar().showMessage(QCoreApplication.translate("file_actions", "Backup saved: {path}").format(path=out), 10_000)

    run_task(window, QCoreApplication.translate("file_actions", "Backing up"), lambda ctx: backup.backup_file(window.db_path, "manual"),
             on_done=done)


def restore_backup(window: MainWindow) -> None:
    """Pick a backup, confirm, back up the current file, restore, reopen."""
    folder = backup.backup_dir(window.db_path)
    name, _ = QFileDialog.getOpenFileName(
        window, QCoreApplication.translate("file_actions", "Restore from backup"), str(folder if folder.is_dir() else window.db_path.parent),
        _db_filter())
    if not name:
        return
    answer = QMessageBox.question(window, QCoreApplication.translate("file_actions", "Restore from backup"), QCoreApplication.translate(
        "file_actions", "Replace the current ledger with the backup {name}?\n\nThe current ledger is backed "
        "up first, so this can be undone by restoring that backup."
    ).format(name=Path(name).name))
    if answer != QMessageBox.StandardButton.Yes:
        return
    db_path = window.db_path
    wait_for_all()
    window.portfolio.close()  # restore needs the file free of our connection

    def reopen(safety: Path | None = None) -> None:
        window.replace_database(db_path, Portfolio.open(db_path, auto_backup=False),
                                window._lock)
        if safety is not None:
            window.statusBar().showMessage(
                QCoreApplication.translate("file_actions", "Restored. The previous ledger was saved as {path}").format(path=safety),
                15_000)

    def failed(exc: BaseException) -> None:
        reopen()
        show_error(window, QCoreApplication.translate("file_actions", "Restore from backup"), exc)

    run_task(window, QCoreApplication.translate("file_actions", "Restoring"), lambda ctx: backup.restore(db_path, Path(name)),
             on_done=reopen, on_error=failed)
