"""导入往年台账: choose files -> password -> check columns per sheet -> the plan (with the
date its figures were true) -> projects already in the ledger (old → new, a choice each)
-> import (progress, cancel) -> summary with its conflicts, 撤销本次导入, 导出错误行 and
导出冲突; the last page closes with 完成 (no 取消: the import is done by then).

Every step that touches a file or the database is a ``tracker.importing.session`` call run
through ``ui.tasks.run_task``; a page that needs one starts it from ``validatePage`` and the
wizard moves on by itself when it finishes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget, QWizard

from tracker.importing import session
from tracker.importing.errors_out import plan_conflicts, write_conflicts, write_rejected
from tracker.importing.plan import Plan
from tracker.importing.session import LoadedFile

from .import_duplicates import DuplicatesPage
from .import_mapping import MappingPage
from .import_pages import FilesPage, PasswordPage, PlanPage, RunPage, SummaryPage
from .import_state import ImportState
from .import_undo import undo_asking
from .tasks import Task, TaskContext, run_task

FILES, PASSWORD, MAPPING, PLAN, DUPLICATES, RUN, SUMMARY = range(7)


class ImportWizard(QWizard):
    def __init__(self, parent: QWidget | None, db_path: Path, files: list[Path] | None = None):
        super().__init__(parent)
        self.setObjectName("import_wizard")
        self.setWindowTitle(self.tr("Import spreadsheets"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        # Once imported there is nothing to cancel: the last page only closes (完成).
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Done"))
        self.resize(1200, 680)  # the column page shows each choice with its reason; fits 1366×768
        self.db_path = Path(db_path)
        self.state = ImportState(self.db_path)
        self.task: Task[Any] | None = None
        self._ready: set[int] = set()
        self.action_labels = {
            "create": self.tr("New"),
            "update": self.tr("Update"),
            "fill": self.tr("Fill in"),
            "skip": self.tr("Skip"),
            "reject": self.tr("Reject"),
        }
        headers = [
            self.tr("Sheet"),
            self.tr("Row"),
            self.tr("Action"),
            self.tr("Project name"),
            self.tr("Investor"),
            self.tr("Signed on"),
            self.tr("Amount (10k yuan)"),
            self.tr("Reasons"),
        ]
        state = self.state
        self.files_page = FilesPage(state, self)
        self.password_page = PasswordPage(state, self)
        self.mapping_page = MappingPage(state, self)
        self.plan_page = PlanPage(state, self, headers, self.action_labels)
        self.duplicates_page = DuplicatesPage(state, self)
        self.run_page = RunPage(state, self)
        self.summary_page = SummaryPage(state, self)
        for pid, page in (
            (FILES, self.files_page),
            (PASSWORD, self.password_page),
            (MAPPING, self.mapping_page),
            (PLAN, self.plan_page),
            (DUPLICATES, self.duplicates_page),
            (RUN, self.run_page),
            (SUMMARY, self.summary_page),
        ):
            self.setPage(pid, page)
        if files:
            self.files_page.add_paths([Path(f) for f in files])

    @classmethod
    def run(
        cls, parent: QWidget | None, db_path: Path, files: list[Path] | None = None
    ) -> int | None:
        """Show the wizard; the first batch id imported (and not undone), else None."""
        wizard = cls(parent, db_path, files)
        wizard.exec()
        state = wizard.state
        return state.batch_ids[0] if state.batch_ids and not state.undone else None

    def reject(self) -> None:
        """Closing while work runs: ask it to stop, and close once it has (an import either
        rolls back or, if it was already committing, finishes and is reported)."""
        task = self.task
        if task is not None and not task.done:
            task.cancel()
            for signal in (task.finished, task.failed, task.cancelled):
                signal.connect(lambda *_: QWizard.reject(self))
            return
        super().reject()

    # -- moving on after background work -------------------------------------------------

    def _start(self, page_id: int, title: str, work: Any, done: Any) -> bool:
        """validatePage helper: True once the work for page_id has finished, else start it."""
        if page_id in self._ready:
            self._ready.discard(page_id)
            return True
        if self.task is not None and not self.task.done:
            return False

        def finished(result: Any) -> None:
            if done(result):
                self._ready.add(page_id)
                self.next()

        self.task = run_task(self, title, work, db_path=self.db_path, on_done=finished)
        return False

    def advance_when_loaded(self, paths: list[Path]) -> bool:
        def work(ctx: TaskContext) -> list[LoadedFile]:
            return session.load_files(
                paths, ctx.portfolio(), progress=ctx.progress, cancelled=ctx.cancelled
            )

        def done(loaded: list[LoadedFile]) -> bool:
            self.state.loaded = loaded
            if not any(f.tables or f.needs_password for f in loaded):
                self.files_page.status.setText(self.state.problems_text())
                return False
            return True

        return self._start(FILES, self.tr("Reading files"), work, done)

    def after_files_id(self) -> int:
        return PASSWORD if any(f.needs_password for f in self.state.loaded) else MAPPING

    def advance_when_unlocked(self, passwords: dict[Path, str]) -> bool:
        def work(ctx: TaskContext) -> list[LoadedFile]:
            return [
                session.load_file(f.path, ctx.portfolio(), passwords.get(f.path))
                if f.needs_password
                else f
                for f in self.state.loaded
            ]

        def done(loaded: list[LoadedFile]) -> bool:
            self.state.loaded = loaded
            self.password_page.show_errors()
            return not any(f.wrong_password for f in loaded)

        return self._start(PASSWORD, self.tr("Opening encrypted files"), work, done)

    def advance_when_planned(self) -> bool:
        def work(ctx: TaskContext) -> list[Plan]:
            return session.plan_files(
                self.state.loaded,
                ctx.portfolio(),
                self.state.policy,
                progress=ctx.progress,
                cancelled=ctx.cancelled,
            )

        def done(plans: list[Plan]) -> bool:
            self.state.plans = plans
            if not plans:
                QMessageBox.warning(
                    self,
                    self.windowTitle(),
                    self.state.problems_text() or self.tr("No project rows were found."),
                )
            return bool(plans)

        return self._start(MAPPING, self.tr("Checking rows"), work, done)

    def after_plan_id(self) -> int:
        """The duplicates page only when some row names a stored project."""
        return DUPLICATES if any(p.duplicate_rows() for p in self.state.plans) else RUN

    def replan(self) -> None:
        """Plan again after the clerk changed a file's as-of date (choices are kept)."""
        if self.task is not None and not self.task.done:
            return
        self.state.remember_choices()

        def work(ctx: TaskContext) -> list[Plan]:
            return session.plan_files(
                self.state.loaded,
                ctx.portfolio(),
                self.state.policy,
                progress=ctx.progress,
                cancelled=ctx.cancelled,
            )

        def done(plans: list[Plan]) -> None:
            self.state.plans = plans
            self.plan_page.initializePage()

        self.task = run_task(
            self, self.tr("Checking rows"), work, db_path=self.db_path, on_done=done
        )

    # -- importing and after ------------------------------------------------------------

    def start_import(self) -> None:
        """Write the plans as shown (each is decided again under the write lock)."""
        if self.task is not None and not self.task.done:
            return
        self.run_page.start_button.setEnabled(False)
        plans = list(self.state.plans)

        def work(ctx: TaskContext) -> list[int]:
            return session.apply_plans(
                ctx.portfolio(), plans, progress=ctx.progress, cancelled=ctx.cancelled
            )

        def done(batch_ids: list[int]) -> None:
            self.state.batch_ids = batch_ids
            self.run_page.done = True
            self.run_page.completeChanged.emit()
            self.next()

        def failed(exc: BaseException) -> None:
            from .tasks import show_error

            self.run_page.label.setText(self.tr("The import failed; nothing was written."))
            self.run_page.start_button.setEnabled(True)
            show_error(self, self.windowTitle(), exc)

        self.task = run_task(
            self, self.tr("Importing"), work, db_path=self.db_path, on_done=done, on_error=failed
        )
        self.task.cancelled.connect(self._import_cancelled)

    def _import_cancelled(self) -> None:
        self.run_page.label.setText(self.tr("Cancelled: nothing was written."))
        self.run_page.start_button.setEnabled(True)

    def undo(self) -> None:
        """撤销本次导入: the same question as the import history asks, then undo."""

        def done(result: dict[str, int]) -> None:
            self.state.undone = True
            self.summary_page.undo_button.setEnabled(False)
            text = self.tr(
                "Undone: {deleted} new projects removed, {reverted} changes reverted."
            ).format(**result)
            if result.get("kept"):
                text += self.tr(" {kept} later edits were kept.").format(**result)
            self.summary_page.label.setText(self.summary_page.label.text() + "\n" + text)

        undo_asking(self, self.db_path, list(self.state.batch_ids), done)

    def export_conflicts(self) -> None:
        conflicts = [c for plan in self.state.plans for c in plan_conflicts(plan)]
        if not conflicts:
            return
        first = self.state.plans[0].file
        out, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save conflicts"),
            str(first.with_name(first.stem + "_冲突.xlsx")),
            "Excel (*.xlsx)",
        )
        if not out:
            return

        def done(count: int) -> None:
            self.summary_page.label.setText(
                self.summary_page.label.text()
                + "\n"
                + self.tr("{count} conflicts saved to: {path}").format(count=count, path=out)
            )

        self.task = run_task(
            self,
            self.tr("Saving conflicts"),
            lambda _ctx: write_conflicts(conflicts, out),
            on_done=done,
        )

    def export_errors(self) -> None:
        plans = [p for p in self.state.plans if any(r.action == "reject" for r in p.rows)]
        if not plans:
            return
        first = plans[0].file
        out, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save rejected rows"),
            str(first.with_name(first.stem + "_错误行.xlsx")),
            "Excel (*.xlsx)",
        )
        if not out:
            return
        target = Path(out)

        def work(ctx: TaskContext) -> list[Path]:
            written = []
            for i, plan in enumerate(plans):
                path = (
                    target if i == 0 else target.with_name(f"{target.stem}_{plan.file.stem}.xlsx")
                )
                write_rejected(plan, path)
                written.append(path)
            return written

        def done(paths: list[Path]) -> None:
            self.summary_page.label.setText(
                self.summary_page.label.text()
                + "\n"
                + self.tr("Rejected rows saved to: {paths}").format(
                    paths="、".join(str(p) for p in paths)
                )
            )

        self.task = run_task(self, self.tr("Saving rejected rows"), work, on_done=done)
