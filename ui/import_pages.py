"""The import wizard's pages. Each page shows what the core found and passes the clerk's
choices back; reading, mapping, planning and writing are ``tracker.importing`` calls made
by the wizard through ``ui.tasks`` (off the UI thread)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWizardPage,
)

from tracker.errors import TrackerError
from tracker.importing.errors_out import plan_conflicts
from tracker.importing.plan import Plan

from .import_models import ConflictsModel, PlanModel
from .import_state import ImportState, ImportSteps
from .widgets import DateEdit, clear_invalid, mark_invalid

FILE_FILTER = (
    "Spreadsheets (*.xlsx *.xlsm *.xltx *.xltm *.xlsb *.xls *.xlt *.et *.ett *.ods *.ots"
    " *.csv *.tsv *.txt *.htm *.html *.mht *.mhtml);;All files (*)"
)


class _Page(QWizardPage):
    """A page reads the shared ``state`` and asks ``steps`` for work."""

    def __init__(self, state: ImportState, steps: ImportSteps) -> None:
        super().__init__()
        self.state = state
        self.steps = steps


def counts_text(state: ImportState, done: bool = False) -> str:
    totals = state.totals()
    text = QCoreApplication.translate(
        "ImportWizard",
        "{rows} project rows: {create} new, {update} updated, {fill} filled in, {skip} "
        "skipped, {reject} rejected; {conflicts} projects with conflicts (kept as stored).",
    ).format(**totals)
    if totals.get("review") and done:
        text += " " + QCoreApplication.translate(
            "ImportWizard",
            "{review} rows that may be projects already in the ledger were not confirmed and "
            "not imported.",
        ).format(review=totals["review"])
    elif totals.get("review"):
        text += " " + QCoreApplication.translate(
            "ImportWizard",
            "{review} rows may be projects already in the ledger, typed otherwise: confirm "
            "them on the duplicates page (until then they are not imported).",
        ).format(review=totals["review"])
    return text


def as_of_text(plan: Plan) -> str:
    """ "2024-06-30（取自标题“…”）" for a plan's figures."""
    if plan.as_of is None:
        return ""
    return f"{plan.as_of.value}（{plan.as_of.detail}）"


class FilesPage(_Page):
    """Choose files (button or drop)."""

    def __init__(self, state: ImportState, steps: ImportSteps) -> None:
        super().__init__(state, steps)
        self.setTitle(self.tr("Choose the spreadsheets to import"))
        self.setSubTitle(
            self.tr(
                "Previous-year ledgers from Excel or WPS (.xlsx, .xlsb, .xls, .et), .ods, .csv or "
                "a web table. "
                "You can also drop files here."
            )
        )
        self.setAcceptDrops(True)
        self.list = QListWidget(self)
        self.list.setObjectName("files")
        add = QPushButton(self.tr("Add files…"), self)
        add.setObjectName("add_files")
        add.clicked.connect(self.browse)
        remove = QPushButton(self.tr("Remove"), self)
        remove.clicked.connect(self.remove_selected)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

    def paths(self) -> list[Path]:
        return [Path(self.list.item(i).text()) for i in range(self.list.count())]

    def add_paths(self, paths: list[Path]) -> None:
        known = set(self.paths())
        for p in paths:
            if Path(p) not in known:
                self.list.addItem(str(p))
        self.completeChanged.emit()

    def browse(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Choose spreadsheets"), "", FILE_FILTER
        )
        self.add_paths([Path(f) for f in files])

    def remove_selected(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.completeChanged.emit()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        self.add_paths([Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()])
        event.acceptProposedAction()

    def isComplete(self) -> bool:
        return self.list.count() > 0

    def validatePage(self) -> bool:
        return self.steps.advance_when_loaded(self.paths())

    def nextId(self) -> int:
        return self.steps.after_files_id()


class PasswordPage(_Page):
    """One password box per encrypted file."""

    def __init__(self, state: ImportState, steps: ImportSteps) -> None:
        super().__init__(state, steps)
        self.setTitle(self.tr("Password"))
        self.setSubTitle(
            self.tr(
                "These workbooks are encrypted. Enter the password to open them "
                "(it is used only in memory and not saved)."
            )
        )
        self.form = QFormLayout(self)
        self.edits: dict[Path, QLineEdit] = {}
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020")
        self.message.setWordWrap(True)

    def initializePage(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.edits = {}
        for f in self.state.loaded:
            if f.needs_password:
                edit = QLineEdit(self)
                edit.setObjectName("password")
                edit.setEchoMode(QLineEdit.EchoMode.Password)
                self.form.addRow(f.path.name, edit)
                self.edits[f.path] = edit
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b00020")
        self.message.setWordWrap(True)
        self.form.addRow(self.message)
        self.show_errors()

    def show_errors(self) -> None:
        wrong = [f.path.name for f in self.state.loaded if f.wrong_password]
        self.message.setText(
            self.tr("Wrong password for: {files}").format(files="、".join(wrong)) if wrong else ""
        )

    def validatePage(self) -> bool:
        return self.steps.advance_when_unlocked({p: e.text() for p, e in self.edits.items()})


class PlanPage(_Page):
    """The dry run: every row with its action and reasons; filter to the problems; the
    date the figures were true, per file, which the clerk may change."""

    def __init__(
        self, state: ImportState, steps: ImportSteps, headers: list[str], labels: dict[str, str]
    ) -> None:
        super().__init__(state, steps)
        self.setTitle(self.tr("What will be imported"))
        self.setSubTitle(
            self.tr(
                "Nothing has been written yet. Red rows will not be imported; "
                "the reason is beside each."
            )
        )
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.filter = QComboBox(self)
        self.filter.setObjectName("plan_filter")
        for key, text in (
            ("all", self.tr("All rows")),
            ("problems", self.tr("Rows with problems")),
            ("reject", self.tr("Rejected")),
            ("create", self.tr("New")),
            ("update", self.tr("Updated")),
            ("fill", self.tr("Filled in")),
            ("conflicts", self.tr("With conflicts")),
            ("skip", self.tr("Skipped")),
        ):
            self.filter.addItem(text, key)
        self.model = PlanModel(headers, labels, self)
        self.filter.currentIndexChanged.connect(
            lambda: self.model.set_filter(self.filter.currentData())
        )
        self.view = QTableView(self)
        self.view.setObjectName("plan")
        self.view.setModel(self.model)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.as_of_box = QGroupBox(
            self.tr("Progress figures (funds arrived, invested) as of"), self
        )
        self.as_of_form = QFormLayout(self.as_of_box)
        self.as_of_edits: dict[Path, DateEdit] = {}
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.filter)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.as_of_box)
        layout.addWidget(self.view, 1)

    def nextId(self) -> int:
        return self.steps.after_plan_id()

    def initializePage(self) -> None:
        self.model.set_rows([r for p in self.state.plans for r in p.rows])
        self.summary.setText(counts_text(self.state))
        self.view.resizeColumnsToContents()
        self._fill_as_of()

    def _fill_as_of(self) -> None:
        while self.as_of_form.rowCount():
            self.as_of_form.removeRow(0)
        self.as_of_edits = {}
        for plan in self.state.plans:
            if plan.as_of is None:
                continue
            edit = DateEdit(self.as_of_box, allow_month=False)
            edit.setObjectName("as_of")
            edit.setAccessibleName(self.tr("Figures as of"))
            edit.set_value(plan.as_of.value)
            edit.setMaximumWidth(140)
            edit.editingFinished.connect(lambda p=plan.file, e=edit: self.as_of_changed(p, e))
            note = QLabel(plan.as_of.detail, self.as_of_box)
            note.setObjectName("as_of_note")
            note.setWordWrap(True)
            line = QHBoxLayout()
            line.addWidget(edit)
            line.addWidget(note, 1)
            self.as_of_form.addRow(plan.file.name + "：", line)
            self.as_of_edits[plan.file] = edit

    def as_of_changed(self, path: Path, edit: DateEdit) -> None:
        """The clerk dates the file's figures: plan again with that date (an empty box
        lets the file decide again)."""
        plan = next((p for p in self.state.plans if p.file == path), None)
        if plan is None or plan.as_of is None or edit.text().strip() == plan.as_of.value:
            return
        try:
            self.state.set_as_of(path, edit.text())
        except TrackerError as exc:
            mark_invalid(edit, exc.message)
            return
        clear_invalid(edit)
        self.steps.replan()


class RunPage(_Page):
    """Writes the import (a backup first); progress and 取消 come from ui.tasks."""

    def __init__(self, state: ImportState, steps: ImportSteps) -> None:
        super().__init__(state, steps)
        self.setTitle(self.tr("Importing"))
        self.setCommitPage(True)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.start_button = QPushButton(self.tr("Import now"), self)
        self.start_button.setObjectName("start_import")
        self.start_button.clicked.connect(lambda: self.steps.start_import())
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.start_button)
        layout.addStretch(1)
        self.done = False

    def initializePage(self) -> None:
        self.done = False
        self.label.setText(
            self.tr(
                "A backup of the database is made first. The whole import is "
                "one step: cancelled or failed, nothing is written."
            )
        )
        self.steps.start_import()

    def isComplete(self) -> bool:
        return self.done


class SummaryPage(_Page):
    """What was written, the conflicts kept as stored, and undo / export."""

    def __init__(self, state: ImportState, steps: ImportSteps) -> None:
        super().__init__(state, steps)
        self.setTitle(self.tr("Import finished"))
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.conflicts_label = QLabel(self)
        self.conflicts_label.setWordWrap(True)
        self.conflicts = ConflictsModel(self)
        self.conflicts_view = QTableView(self)
        self.conflicts_view.setObjectName("conflicts")
        self.conflicts_view.setModel(self.conflicts)
        self.conflicts_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflicts_view.verticalHeader().setVisible(False)
        self.conflicts_view.horizontalHeader().setStretchLastSection(True)
        self.undo_button = QPushButton(self.tr("Undo this import"), self)
        self.undo_button.setObjectName("undo_import")
        self.undo_button.clicked.connect(lambda: self.steps.undo())
        self.errors_button = QPushButton(self.tr("Export rejected rows…"), self)
        self.errors_button.setObjectName("export_errors")
        self.errors_button.clicked.connect(lambda: self.steps.export_errors())
        self.conflicts_button = QPushButton(self.tr("Export conflicts…"), self)
        self.conflicts_button.setObjectName("export_conflicts")
        self.conflicts_button.clicked.connect(lambda: self.steps.export_conflicts())
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.errors_button)
        buttons.addWidget(self.conflicts_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.conflicts_label)
        layout.addWidget(self.conflicts_view, 1)
        layout.addLayout(buttons)

    def initializePage(self) -> None:
        state = self.state
        lines = [
            counts_text(state, done=True),
            self.tr("Batch number: {ids}").format(ids="、".join(str(b) for b in state.batch_ids)),
        ]
        for plan in state.plans:
            if plan.as_of is not None:
                lines.append(
                    self.tr("{file}: figures as of {date}").format(
                        file=plan.file.name, date=as_of_text(plan)
                    )
                )
        self.label.setText("\n".join(lines))
        found = [c for plan in state.plans for c in plan_conflicts(plan)]
        self.conflicts.set_items(found)
        self.conflicts_label.setText(
            self.tr(
                "Conflicts: the ledger's value was kept where the file says otherwise. "
                "Check them; to take the file's value, edit the project or import again "
                "choosing “Update” for it."
            )
            if found
            else self.tr("No conflicts: nothing stored was left different from the file.")
        )
        self.conflicts_view.setVisible(bool(found))
        self.conflicts_view.resizeColumnsToContents()
        self.undo_button.setEnabled(bool(state.batch_ids) and not state.undone)
        self.errors_button.setEnabled(state.has_rejects())
        self.conflicts_button.setEnabled(bool(found))
