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
from tracker.storage.db import EmptyDatabaseFile
from tracker.storage.restore import BackupContents, current_contents, inspect_backup, restore

from .database_switcher import DatabaseSwitcher
from .tasks import run_task, show_error


def _db_filter() -> str:
    return QCoreApplication.translate("file_actions", "Tracker database (*.db);;All files (*)")


def switch_database(
    parent: QWidget, switcher: DatabaseSwitcher, path: Path, *, create: bool = False
) -> bool:
    """Open another database file (refused while another window has it)."""
    try:
        switcher.switch_to(Path(path), create=create)
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
    switch_database(parent, switcher, path, create=True)


def confirm_empty_file(exc: EmptyDatabaseFile) -> bool:
    """A 0-byte database file: start a new ledger in it only when the clerk says so."""
    answer = QMessageBox.question(
        None,
        QCoreApplication.translate("file_actions", "Empty database file"),
        exc.message
        + "\n\n"
        + QCoreApplication.translate(
            "file_actions", "Start a new, empty ledger in this file? (No: leave it untouched.)"
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


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
    """Pick a backup, check it in full and show what it holds, confirm (twice for an
    empty backup over a non-empty ledger), back up the current file, restore, reopen."""
    title = QCoreApplication.translate("file_actions", "Restore from backup")
    folder = backup.backup_dir(switcher.path)
    name, _ = QFileDialog.getOpenFileName(
        parent, title, str(folder if folder.is_dir() else switcher.path.parent), _db_filter()
    )
    if not name:
        return
    db_path, source = switcher.path, Path(name)

    def inspected(found: tuple[BackupContents, BackupContents | None]) -> None:
        if confirm_restore(parent, title, *found):
            _run_restore(parent, switcher, title, db_path, source, force=found[0].projects == 0)

    run_task(
        parent,
        QCoreApplication.translate("file_actions", "Checking the backup"),
        lambda ctx: (inspect_backup(source), current_contents(db_path)),
        on_done=inspected,
    )


def confirm_restore(
    parent: QWidget, title: str, chosen: BackupContents, current: BackupContents | None
) -> bool:
    """Ask before replacing the ledger, saying what each holds; an empty backup over a
    ledger with projects is a second, explicit question whose default is No."""
    when = (chosen.last_change or "—").replace("T", " ")
    lines = [
        QCoreApplication.translate(
            "file_actions", "The backup {name} holds {count} projects (last change: {when})."
        ).format(name=chosen.path.name, count=chosen.projects, when=when),
    ]
    if current is not None:
        lines.append(
            QCoreApplication.translate(
                "file_actions", "The current ledger holds {count} projects."
            ).format(count=current.projects)
        )
    lines.append(
        QCoreApplication.translate(
            "file_actions",
            "Replace the current ledger with this backup? The current ledger is backed up "
            "first, so this can be undone by restoring that backup.",
        )
    )
    no = QMessageBox.StandardButton.No
    yes = QMessageBox.StandardButton.Yes
    if QMessageBox.question(parent, title, "\n\n".join(lines), yes | no, no) != yes:
        return False
    if chosen.projects == 0 and current is not None and current.projects > 0:
        warning = QCoreApplication.translate(
            "file_actions",
            "The backup is EMPTY: after restoring it the ledger will have no projects at all "
            "(now {count}). Restore the empty backup anyway?",
        ).format(count=current.projects)
        return QMessageBox.warning(parent, title, warning, yes | no, no) == yes
    return True


def _run_restore(
    parent: QWidget,
    switcher: DatabaseSwitcher,
    title: str,
    db_path: Path,
    source: Path,
    *,
    force: bool,
) -> None:
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
        lambda ctx: restore(db_path, source, force=force),
        on_done=reopen,
        on_error=failed,
    )
