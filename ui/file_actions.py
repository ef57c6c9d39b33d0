"""File menu work: open / new database, backup now, restore from a backup.

Each action takes the dialog parent and the ``DatabaseSwitcher``; it never sees the main
window, which learns of a new database from ``switcher.switched``. Each step that touches
the disk for more than a moment runs through ``ui.tasks``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from tracker.errors import TrackerError
from tracker.storage import backup

from .database_switcher import DatabaseSwitcher
from .tasks import run_task, show_error


def _db_filter() -> str:
    return QCoreApplication.translate("file_actions", "Tracker database (*.db);;All files (*)")


def switch_database(parent: QWidget, switcher: DatabaseSwitcher, path: Path) -> bool:
    """Open another database file (refused while another window has it)."""
    try:
        switcher.switch_to(Path(path))
    except TrackerError as exc:
        show_error(parent, QCoreApplication.translate("file_actions", "Open database"), exc)
        return False
    return True


def open_database(parent: QWidget, switcher: DatabaseSwitcher) -> None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("file_actions", "Open database"),
        str(switcher.path.parent),
        _db_filter(),
    )
    if name:
        switch_database(parent, switcher, Path(name))


def new_database(parent: QWidget, switcher: DatabaseSwitcher) -> None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("file_actions", "New database"),
        str(switcher.path.parent / "新台账.db"),
        _db_filter(),
    )
    if not name:
        return
    path = Path(name)
    if path.suffix.lower() != ".db":
        path = path.with_suffix(".db")
    if path.exists() and path.stat().st_size > 0:
        show_error(
            parent,
            QCoreApplication.translate("file_actions", "New database"),
            TrackerError(
                QCoreApplication.translate(
                    "file_actions",
                    "The file {path} already exists. Choose another name, or use Open database.",
                ).format(path=path)
            ),
        )
        return
    switch_database(parent, switcher, path)


def backup_now(parent: QWidget, switcher: DatabaseSwitcher) -> None:
    db_path = switcher.path

    def done(out: Path) -> None:
        switcher.message.emit(
            QCoreApplication.translate("file_actions", "Backup saved: {path}").format(path=out),
            10_000,
        )

    run_task(
        parent,
        QCoreApplication.translate("file_actions", "Backing up"),
        lambda ctx: backup.backup_file(db_path, "manual"),
        on_done=done,
    )


def restore_backup(parent: QWidget, switcher: DatabaseSwitcher) -> None:
    """Pick a backup, confirm, back up the current file, restore, reopen."""
    title = QCoreApplication.translate("file_actions", "Restore from backup")
    folder = backup.backup_dir(switcher.path)
    name, _ = QFileDialog.getOpenFileName(
        parent, title, str(folder if folder.is_dir() else switcher.path.parent), _db_filter()
    )
    if not name:
        return
    answer = QMessageBox.question(
        parent,
        title,
        QCoreApplication.translate(
            "file_actions",
            "Replace the current ledger with the backup {name}?\n\nThe current "
            "ledger is backed up first, so this can be undone by restoring that backup.",
        ).format(name=Path(name).name),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return
    db_path = switcher.path
    switcher.close_connection()  # restore needs the file free of our connection

    def reopen(safety: Path | None = None) -> None:
        switcher.reopen()
        if safety is not None:
            switcher.message.emit(
                QCoreApplication.translate(
                    "file_actions", "Restored. The previous ledger was saved as {path}"
                ).format(path=safety),
                15_000,
            )

    def failed(exc: BaseException) -> None:
        reopen()
        show_error(parent, title, exc)

    run_task(
        parent,
        QCoreApplication.translate("file_actions", "Restoring"),
        lambda ctx: backup.restore(db_path, Path(name)),
        on_done=reopen,
        on_error=failed,
    )
