"""The project editor (objectName ``project_editor``): one form, six tabs, one transaction.

Saving applies the fields, stage dates, status and every staged record inside ONE
``portfolio.transaction()``: if the core refuses anything, nothing is written, and the
refused field is marked where the clerk typed it, with the core's Chinese message.
Ctrl+S saves and stays; 保存 saves and closes; Esc cancels (asking about unsaved changes).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.project import Project
from tracker.domain.vocabulary import Status
from tracker.errors import TrackerError, ValidationError
from tracker.ledger import name_lists
from tracker.ledger.batches import source_labels
from tracker.ledger.portfolio import Portfolio

from .editor_audit import AuditTab
from .editor_basic import BasicTab, FormErrors
from .editor_records import ProblemTab, RecordError, RecordTab
from .editor_stages import StagesTab
from .editor_warnings import WarningStrip
from .widgets import ErrorBanner


class ProjectEditor(QDialog):
    saved = Signal(int)

    def __init__(
        self, portfolio: Portfolio, project_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("project_editor")
        self.setAccessibleName(self.tr("Project editor"))
        self.portfolio = portfolio
        self.project_id = project_id
        self.saved_id: int | None = None
        self._snapshot: Any = None
        settings = portfolio.settings()
        self.warning_strip = WarningStrip(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("editor_tabs")
        self.basic = BasicTab(settings, self)
        self.stages = StagesTab(self)
        self.progress = RecordTab("progress", settings, self)
        self.visits = RecordTab("visit", settings, self)
        self.problems = ProblemTab(settings, self)
        self.audit = AuditTab(self)
        for page, title in (
            (self.basic, self.tr("&Basic information")),
            (self.stages, self.tr("&Milestones")),
            (self.progress, self.tr("&Funds and investment")),
            (self.visits, self.tr("&Visits")),
            (self.problems, self.tr("&Problems")),
            (self.audit, self.tr("&Change history")),
        ):
            self.tabs.addTab(page, title)
        self.basic.inputs["sign_date"].editingFinished.connect(self._sign_date_changed)
        self.banner = ErrorBanner(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("editor_buttons")
        self.buttons.accepted.connect(self.save_and_close)
        self.buttons.rejected.connect(self.reject)
        shortcut = QShortcut("Ctrl+S", self)
        shortcut.activated.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning_strip)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.banner)
        layout.addWidget(self.buttons)
        self.resize(1040, 700)
        self.load()

    # -- loading -----------------------------------------------------------------------

    def load(self) -> None:
        project: Project | None = None
        if self.project_id is not None:
            project = self.portfolio.get_project(self.project_id)
        # why the project is red or yellow, before any tab (refreshed after each save)
        self.warning_strip.load(project, self.portfolio.settings(), date.today())
        self.basic.load(project)
        self.stages.load(project)
        for tab in (self.progress, self.visits, self.problems):
            tab.load(project)
        entries = (
            self.portfolio.audit_for(project_id=self.project_id)
            if self.project_id is not None
            else []
        )
        self.audit.load(entries, source_labels(self.portfolio, entries))
        self.basic.set_lists(self.portfolio.settings())
        self.tabs.setTabEnabled(self.tabs.indexOf(self.audit), project is not None)
        if project is None:
            self.setWindowTitle(self.tr("New project"))
        else:
            self.setWindowTitle(self.tr("Project: {name}").format(name=project.name))
        self.banner.clear_message()
        self._snapshot = self.form_state()

    def form_state(self) -> Any:
        return (
            self.basic.raw_values(),
            self.stages.raw_values(),
            [t.is_dirty() for t in (self.progress, self.visits, self.problems)],
        )

    def is_dirty(self) -> bool:
        return self.form_state() != self._snapshot

    def _sign_date_changed(self) -> None:
        try:
            self.stages.set_sign_date(self.basic.inputs["sign_date"].value())  # type: ignore[attr-defined]
        except ValueError:
            pass

    # -- saving ------------------------------------------------------------------------

    def save(self) -> bool:
        """Validate, then write everything in one transaction; True when saved."""
        self.banner.clear_message()
        try:
            fields = self.basic.values()
            status, status_date, status_reason = self.basic.status_values()
            stage_changes = self.stages.changes()
        except FormErrors as exc:
            self._show_errors(exc.errors)
            return False
        try:
            with self.portfolio.transaction():
                pid = self._write(fields, status, status_date, status_reason, stage_changes)
        except FormErrors as exc:
            self._show_errors(exc.errors)
            return False
        except RecordError as exc:
            self.tabs.setCurrentWidget(exc.tab)
            exc.tab.show_error(exc.row, exc.error.message)
            self.banner.show_message(exc.error.message)
            return False
        except ValidationError as exc:
            self._show_errors([exc])
            return False
        except TrackerError as exc:
            self.banner.show_message(exc.message)
            return False
        self.project_id = self.saved_id = pid
        self.load()
        self.saved.emit(pid)
        return True

    def _write(
        self,
        fields: dict[str, Any],
        status: Status,
        status_date: str | None,
        status_reason: str | None,
        stage_changes: dict[Any, Any],
    ) -> int:
        pf = self.portfolio
        if self.project_id is None:
            pid = pf.add_project(fields)
        else:
            pid = self.project_id
            pf.edit_project(pid, fields)
        for stage, (planned, actual) in stage_changes.items():
            pf.set_stage_date(pid, stage, planned=planned, actual=actual)
        pf.set_status(pid, status, status_date, status_reason)
        for tab in (self.progress, self.visits, self.problems):
            tab.apply(pf, pid)
        name_lists.remember(pf, [fields])  # a unit typed here is offered next time
        return pid

    def _show_errors(self, errors: list[ValidationError]) -> None:
        first: QWidget | None = None
        for error in errors:
            widget = self.basic.mark(error) or self.stages.mark(error)
            first = first or widget
        if first is not None:
            page = self.stages if first.parent() is self.stages else self.basic
            self.tabs.setCurrentWidget(page)
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        self.banner.show_message(
            "\n".join(e.message for e in errors[:4]) + ("\n…" if len(errors) > 4 else "")
        )

    def save_and_close(self) -> None:
        if self.save():
            self.accept()

    # -- closing -----------------------------------------------------------------------

    def reject(self) -> None:
        """Esc / Cancel / the window's close button: ask first if something changed."""
        if self.is_dirty():
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved changes"),
                self.tr("This project has unsaved changes. Save them?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save():
                return
        self.done(QDialog.DialogCode.Accepted if self.saved_id else QDialog.DialogCode.Rejected)

    def closeEvent(self, event: Any) -> None:
        event.ignore()
        self.reject()

    @classmethod
    def run(
        cls, parent: QWidget | None, portfolio: Portfolio, project_id: int | None
    ) -> int | None:
        """Open modally; returns the project id if anything was saved, else None."""
        editor = cls(portfolio, project_id, parent)
        editor.exec()
        editor.deleteLater()
        return editor.saved_id
