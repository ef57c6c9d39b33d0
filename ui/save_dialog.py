"""What every dialog that writes an Excel file in the background shares: run the writing
through ``run_task``, keep the dialog open while it runs, 取消 stops it (nothing
half-written stays), a file open in Excel/WPS is said plainly and another name offered.

Used by 导出报表 and 按上级模板填报. Its strings use ``QCoreApplication.translate`` with
this module's own context: PySide's ``self.tr`` would look them up under the subclass.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QLabel, QLineEdit, QMessageBox

from tracker.errors import TrackerError
from tracker.reports.output import OutputLockedError, another_name

from .tasks import TaskContext, run_task


def _tr(text: str) -> str:
    return QCoreApplication.translate("SaveDialog", text)


class SaveDialog(QDialog):
    """Subclasses build ``path_edit``, ``status`` and ``buttons``, and implement ``start``."""

    path_edit: QLineEdit
    status: QLabel
    buttons: QDialogButtonBox
    task: Any = None

    def title(self) -> str:
        return self.windowTitle()

    def start(self, path: Path) -> Any:
        """Begin writing ``path`` (usually through ``run_save``)."""
        raise NotImplementedError

    def name_chosen(self, path: Path) -> None:
        """The clerk picked ``path`` in a save dialog."""
        self.path_edit.setText(str(path))

    def set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)

    def run_save(
        self, path: Path, work: Callable[[TaskContext], Any], on_done: Callable[[Any], None]
    ) -> Any:
        """Run ``work`` off the UI thread; its result goes to ``on_done``."""
        self.set_busy(True)
        self.status.setText(_tr("Writing {name}…").format(name=path.name))
        self.task = run_task(
            self,
            self.title(),
            work,
            db_path=getattr(self, "db_path", None),
            on_done=lambda result: self._saved(on_done, result),
            on_error=self._failed,
        )
        self.task.cancelled.connect(self._cancelled)
        return self.task

    def _saved(self, on_done: Callable[[Any], None], result: Any) -> None:
        if shiboken6.isValid(self):
            self.set_busy(False)
            on_done(result)

    def _cancelled(self) -> None:
        if not shiboken6.isValid(self):
            return
        self.set_busy(False)
        self.status.setText(_tr("Cancelled; nothing was saved."))

    def _failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        self.set_busy(False)
        if isinstance(error, OutputLockedError):
            self.status.setText(error.message)
            self.show_error(error.message)
            chosen = self.ask_file_name(another_name(error.path))
            if chosen is not None:
                self.name_chosen(chosen)
                self.start(chosen)
            return
        message = (
            error.message
            if isinstance(error, TrackerError)
            else _tr("Internal error while writing the report: {error}").format(error=error)
        )
        self.status.setText(message)
        self.show_error(message)

    def reject(self) -> None:
        """Cancel first stops a running job (nothing half-written stays); then closes."""
        if self.task is not None and not self.task.done:
            self.task.cancel()
            return
        super().reject()

    def show_error(self, message: str) -> None:
        QMessageBox.warning(self, self.title(), message)

    def ask_file_name(self, suggestion: Path) -> Path | None:
        """A save dialog for an .xlsx (tests replace this)."""
        name, _filter = QFileDialog.getSaveFileName(
            self, self.title(), str(suggestion), _tr("Excel workbook (*.xlsx)")
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")

    def open_url(self, path: Path) -> None:
        """Open a file (in Excel/WPS) or a folder with the system's program."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
