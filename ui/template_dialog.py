"""按上级模板填报: choose the template the city sent, check what goes under each column
(editable, each rule said in words), choose the projects, preview the first rows, save.

Everything shown is decided in ``tracker.templates`` (the table found, the rule of each
column and why, the values); the dialog shows it and passes the clerk's changes back. A
corrected mapping is remembered, so next month's identical template needs no look. Reading
the template, the preview and the fill run through ``run_task``.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QDate,
    QStandardPaths,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.vocabulary import Stage, Status
from tracker.errors import TrackerError
from tracker.ledger.portfolio import Portfolio
from tracker.ledger.queries import distinct_values
from tracker.storage.db import connect
from tracker.templates.fill import (
    FillOptions,
    FillResult,
    Preview,
    TemplatePlan,
    fill_template,
    inspect_template,
    preview,
    remember,
    select_projects,
    set_rule,
)
from tracker.templates.rules import describe, rule_choices, rule_label
from tracker.templates.source import TEMPLATE_SUFFIXES

from .save_dialog import SaveDialog
from .tasks import run_task
from .template_preview import PreviewModel
from .widgets import mapping_table

log = logging.getLogger(__name__)

UNSURE = QColor("#fff3c4")  # a rule chosen without certainty, or a column left blank


class TemplateDialog(SaveDialog):
    def __init__(self, parent: QWidget | None, db_path: Path, template: Path | None = None):
        super().__init__(parent)
        self.setObjectName("template_dialog")
        self.setWindowTitle(self.tr("Fill the city's template"))
        self.db_path = Path(db_path)
        self.plan: TemplatePlan | None = None
        self.saved_path: Path | None = None
        self.task: Any = None
        self.preview_task: Any = None
        self._preview_serial = 0
        self.combos: list[QComboBox] = []
        portfolio = Portfolio(connect(self.db_path))
        try:
            self.settings = portfolio.settings()
            years = distinct_values(portfolio.db, "year")
            units = distinct_values(portfolio.db, "unit")
            towns = distinct_values(portfolio.db, "location")
        finally:
            portfolio.close()

        self.template_edit = QLineEdit(self)
        self.template_edit.setObjectName("template")
        self.template_edit.setReadOnly(True)
        self.template_edit.setPlaceholderText(
            self.tr("The blank report the city sent (.xlsx, .xls)")
        )
        choose = QPushButton(self.tr("&Choose template…"), self)
        choose.setObjectName("choose_template")
        choose.clicked.connect(self.choose_template)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Template:"), self))
        top.addWidget(self.template_edit, 1)
        top.addWidget(choose)
        self.info = QLabel(self)
        self.info.setObjectName("info")
        self.info.setWordWrap(True)

        self.mapping = mapping_table(
            self,
            [self.tr("Column of the template"), self.tr("Filled with"), self.tr("In words")],
            (220, 200),
        )

        self.as_of_edit = QDateEdit(QDate.currentDate(), self)
        self.as_of_edit.setObjectName("as_of")
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")
        self.year_combo = self._combo("year", self.tr("All years"), [(y, int(y)) for y in years])
        self.unit_combo = self._combo("unit", self.tr("All units"), [(u, u) for u in units])
        self.town_combo = self._combo("town", self.tr("All towns"), [(t, t) for t in towns])
        self.stage_combo = self._combo(
            "stage", self.tr("Any stage"), [(s.label, s.value) for s in Stage]
        )
        self.status_combo = self._combo(
            "status", self.tr("Any status"), [(s.label, s.value) for s in Status]
        )
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count")
        filters = QGroupBox(self.tr("Which projects"), self)
        form = QFormLayout(filters)
        form.addRow(self.tr("&As of"), self.as_of_edit)
        form.addRow(self.tr("Signed &in"), self.year_combo)
        form.addRow(self.tr("&Unit"), self.unit_combo)
        form.addRow(self.tr("&Town / park"), self.town_combo)
        form.addRow(self.tr("Stage &reached"), self.stage_combo)
        form.addRow(self.tr("S&tatus"), self.status_combo)
        form.addRow("", self.count_label)
        for signal in (
            self.as_of_edit.dateChanged,
            self.year_combo.currentIndexChanged,
            self.unit_combo.currentIndexChanged,
            self.town_combo.currentIndexChanged,
            self.stage_combo.currentIndexChanged,
            self.status_combo.currentIndexChanged,
        ):
            signal.connect(self.refresh_preview)

        self.preview_model = PreviewModel(self)
        self.preview_view = QTableView(self)
        self.preview_view.setObjectName("preview")
        self.preview_view.setModel(self.preview_model)
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_view.horizontalHeader().setDefaultSectionSize(130)
        preview_box = QGroupBox(self.tr("Preview: the first rows as they will be written"), self)
        QVBoxLayout(preview_box).addWidget(self.preview_view)

        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(self.mapping)
        upper.addWidget(filters)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 1)
        middle = QSplitter(Qt.Orientation.Vertical, self)
        middle.addWidget(upper)
        middle.addWidget(preview_box)
        middle.setStretchFactor(0, 3)
        middle.setStretchFactor(1, 2)

        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("path")
        browse = QPushButton(self.tr("Browse…"), self)
        browse.setObjectName("browse")
        browse.clicked.connect(self.browse)
        self.open_after = QCheckBox(self.tr("&Open the file in Excel/WPS when saved"), self)
        self.open_after.setObjectName("open_after")
        save_row = QHBoxLayout()
        save_row.addWidget(QLabel(self.tr("Save as:"), self))
        save_row.addWidget(self.path_edit, 1)
        save_row.addWidget(browse)
        save_row.addWidget(self.open_after)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.fill_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.fill_button.setText(self.tr("&Fill and save"))
        self.fill_button.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addWidget(middle, 1)
        layout.addLayout(save_row)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        self._folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
        self.resize(1180, 690)
        if template is not None:
            self.load_template(Path(template))

    def _combo(self, name: str, anything: str, items: list[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(anything, None)
        for text, data in items:
            combo.addItem(text, data)
        return combo

    # -- the template ------------------------------------------------------------------

    def choose_template(self) -> None:
        path = self.ask_template()
        if path is not None:
            self.load_template(path)

    def ask_template(self) -> Path | None:
        """An open dialog (tests replace this)."""
        patterns = " ".join(f"*{s}" for s in TEMPLATE_SUFFIXES)
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the city's template"),
            str(self._folder),
            self.tr("Excel/WPS workbooks ({patterns})").format(patterns=patterns),
        )
        return Path(name) if name else None

    def load_template(self, path: Path) -> Any:
        self.template_edit.setText(str(path))
        self.status.setText(self.tr("Reading {name}…").format(name=path.name))
        self.fill_button.setEnabled(False)
        self.task = run_task(
            self,
            self.tr("Reading the template"),
            lambda ctx: inspect_template(path, ctx.portfolio()),
            db_path=self.db_path,
            on_done=self._template_read,
            on_error=self._template_failed,
        )
        return self.task

    def _template_read(self, plan: TemplatePlan) -> None:
        if not shiboken6.isValid(self):
            return
        self.plan = plan
        self.status.clear()
        layout = plan.layout
        text = self.tr(
            "Sheet “{sheet}”: header in row {rows}; the projects go from row {first} on."
        ).format(
            sheet=layout.sheet,
            rows="、".join(str(r + 1) for r in layout.header_rows),
            first=layout.area_start + 1,
        )
        if layout.totals:
            text += " " + self.tr("The total row is recomputed.")
        if plan.preset_used:
            text += " " + self.tr("The columns are matched as you confirmed last time.")
        self.info.setText(text)
        self._fill_mapping(plan)
        if not self.path_edit.text().strip():
            name = f"{plan.path.stem}（{self.settings.get('county_name') or ''}填报）.xlsx"
            self.path_edit.setText(str(plan.path.with_name(name)))
        self.fill_button.setEnabled(True)
        self.refresh_preview()

    def _template_failed(self, error: BaseException) -> None:
        """The template could not be read (or the preview failed): say why."""
        if not shiboken6.isValid(self):
            return
        message = (
            error.message
            if isinstance(error, TrackerError)
            else self.tr("Internal error while reading the template: {error}").format(error=error)
        )
        self.plan = None
        self.mapping.setRowCount(0)
        self.info.clear()
        self.status.setText(message)
        self.show_error(message)

    def _fill_mapping(self, plan: TemplatePlan) -> None:
        self.mapping.setRowCount(len(plan.rules))
        self.combos = []
        choices = rule_choices()
        for i, rule in enumerate(plan.rules):
            title = QTableWidgetItem(f"{rule.column.letter}  {rule.column.header}")
            title.setFlags(Qt.ItemFlag.ItemIsEnabled)
            title.setToolTip(rule.column.header)
            combo = QComboBox(self.mapping)
            combo.addItem(self.tr("(left blank)"), None)
            for key, label in choices:
                combo.addItem(label, key)
            if rule.key is not None and combo.findData(rule.key) < 0:
                combo.addItem(rule_label(rule.key), rule.key)  # a joined rule ("A及B")
            combo.setCurrentIndex(max(0, combo.findData(rule.key)) if rule.key else 0)
            combo.setAccessibleName(
                self.tr("Rule of column {column}").format(column=rule.column.header)
            )
            combo.setToolTip(rule.reason)
            combo.currentIndexChanged.connect(self.rule_changed)
            self.mapping.setItem(i, 0, title)
            self.mapping.setCellWidget(i, 1, combo)
            self.mapping.setItem(i, 2, QTableWidgetItem())
            self.combos.append(combo)
        self._show_words()

    def _show_words(self) -> None:
        if self.plan is None:
            return
        as_of = self.as_of()
        for i, rule in enumerate(self.plan.rules):
            item = self.mapping.item(i, 2)
            if item is None:
                continue
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setText(describe(rule, as_of))
            item.setToolTip(rule.reason)
            doubt = rule.key is None or not rule.confident
            for cell in (item, self.mapping.item(i, 0)):
                if cell is not None:
                    cell.setBackground(QBrush(UNSURE) if doubt else QBrush())
        blank = len(self.plan.unknown())
        self.mapping.setToolTip(
            self.tr("{count} columns are left blank (yellow): fill them by hand.").format(
                count=blank
            )
            if blank
            else ""
        )

    def rule_changed(self) -> None:
        if self.plan is None:
            return
        for rule, combo in zip(self.plan.rules, self.combos, strict=True):
            set_rule(self.plan, rule.column.letter, combo.currentData())
        self._show_words()
        self.refresh_preview()

    # -- choices -----------------------------------------------------------------------

    def as_of(self) -> date:
        d = self.as_of_edit.date()
        return date(d.year(), d.month(), d.day())

    def options(self) -> FillOptions:
        return FillOptions(
            as_of=self.as_of(),
            year=self.year_combo.currentData(),
            unit=self.unit_combo.currentData(),
            town=self.town_combo.currentData(),
            stage=self.stage_combo.currentData(),
            status=self.status_combo.currentData(),
            sheet=self.plan.layout.sheet if self.plan else None,
        )

    def refresh_preview(self, *_args: Any) -> Any:
        plan = self.plan
        if plan is None:
            return None
        self._show_words()
        options = self.options()
        self._preview_serial += 1
        serial = self._preview_serial

        def work(ctx: Any) -> Preview:
            return preview(plan, select_projects(ctx.portfolio(), options), options.as_of)

        self.preview_task = run_task(
            self,
            self.tr("Preview"),
            work,
            db_path=self.db_path,
            on_done=lambda result: self._show_preview(serial, result),
            on_error=self._template_failed,
            show_progress=False,  # the count says it is working; no dialog per filter click
        )
        self.count_label.setText(self.tr("Counting…"))
        return self.preview_task

    def _show_preview(self, serial: int, result: Preview) -> None:
        if not shiboken6.isValid(self) or serial != self._preview_serial or self.plan is None:
            return  # a newer preview is on its way
        headers = [f"{r.column.letter} {r.column.header}" for r in self.plan.rules]
        self.preview_model.set_preview(headers, result.rows)
        self.count_label.setText(self.tr("{count} projects").format(count=result.count))

    def browse(self) -> None:
        chosen = self.ask_file_name(Path(self.path_edit.text() or self._folder))
        if chosen is not None:
            self.name_chosen(chosen)

    # -- filling -----------------------------------------------------------------------

    def accept(self) -> None:
        if self.plan is None:
            self.status.setText(self.tr("Choose the template first."))
            return
        if not self.path_edit.text().strip():
            self.status.setText(self.tr("Choose where to save the filled report."))
            return
        self.start(Path(self.path_edit.text().strip()))

    def set_busy(self, busy: bool) -> None:
        super().set_busy(busy)
        self.mapping.setEnabled(not busy)

    def start(self, path: Path) -> Any:
        plan, options, settings = self.plan, self.options(), self.settings
        assert plan is not None

        def work(ctx: Any) -> tuple[FillResult, str | None]:
            portfolio = ctx.portfolio()
            projects = select_projects(portfolio, options)
            result = fill_template(
                plan, projects, path, options, settings, ctx.progress, ctx.cancelled
            )
            try:
                remember(portfolio, plan)
            except TrackerError as exc:  # a read-only ledger: filled, just not remembered
                return result, exc.message
            return result, None

        return self.run_save(path, work, self._filled)

    def _filled(self, outcome: tuple[FillResult, str | None]) -> None:
        result, not_remembered = outcome
        self.saved_path = result.path
        log.info("template filled: %s (%d rows)", result.path, result.rows)
        if not_remembered:
            self.show_error(not_remembered)
        if self.open_after.isChecked():
            self.open_url(result.path)
        super().accept()

    @classmethod
    def run(cls, parent: QWidget | None, db_path: Path) -> Path | None:
        dialog = cls(parent, db_path)
        dialog.exec()
        return dialog.saved_path
