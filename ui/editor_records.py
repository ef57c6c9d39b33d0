"""资金与投资 / 跟踪服务 / 企业诉求: a project's dated records, staged until the form is saved.

New records, deletions and problem status changes wait in the tab; ``apply`` writes them
inside the editor's one transaction, so nothing is saved half. The core checks each
record; its ValidationError comes back as a RecordError naming the tab and row.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.dates import display_date, today_iso
from tracker.domain.money import format_wan
from tracker.domain.project import Project
from tracker.domain.vocabulary import PROBLEM_CATEGORIES, PROBLEM_STATUSES
from tracker.errors import ValidationError
from tracker.ledger.portfolio import Portfolio

from .widgets import (
    ChoiceCombo,
    DateEdit,
    MoneyEdit,
    add_labelled,
    clear_invalid,
    mark_invalid,
)


@dataclass(frozen=True)
class FieldDef:
    key: str
    title: str  # Chinese ledger word, as the core's records use
    kind: str = "text"  # text | date | money | category | unit


@dataclass(frozen=True)
class RecordSpec:
    entity: str  # "progress" | "visit" | "problem" (core child entity names)
    attr: str  # Project attribute holding the existing records
    fields: tuple[FieldDef, ...]
    shown: tuple[FieldDef, ...]  # table columns (fields plus status ones)
    add: Callable[[Portfolio, int, dict[str, Any]], int]


def _add_progress(pf: Portfolio, pid: int, v: dict[str, Any]) -> int:
    return pf.add_progress(
        pid,
        v["as_of"],
        funds_arrived_wan=v["funds_arrived_wan"],
        invested_wan=v["invested_wan"],
        output_wan=v["output_wan"],
        tax_wan=v["tax_wan"],
        note=v["note"],
    )


def _add_visit(pf: Portfolio, pid: int, v: dict[str, Any]) -> int:
    return pf.add_visit(pid, v["date"], v["visitor"], v["content"])


def _add_problem(pf: Portfolio, pid: int, v: dict[str, Any]) -> int:
    return pf.add_problem(
        pid,
        v["raised_date"],
        v["description"],
        category=v["category"],
        owner_unit=v["owner_unit"],
        deadline=v["deadline"],
    )


PROGRESS_FIELDS = (
    FieldDef("as_of", "统计日期", "date"),
    FieldDef("funds_arrived_wan", "累计到位资金（万元）", "money"),
    FieldDef("invested_wan", "累计完成投资（万元）", "money"),
    FieldDef("output_wan", "产值（万元）", "money"),
    FieldDef("tax_wan", "税收（万元）", "money"),
    FieldDef("note", "备注"),
)
VISIT_FIELDS = (
    FieldDef("date", "走访日期", "date"),
    FieldDef("visitor", "走访人"),
    FieldDef("content", "服务内容"),
)
PROBLEM_FIELDS = (
    FieldDef("raised_date", "提出日期", "date"),
    FieldDef("description", "诉求内容"),
    FieldDef("category", "类别", "category"),
    FieldDef("owner_unit", "责任单位", "unit"),
    FieldDef("deadline", "办结时限", "date"),
)
PROBLEM_SHOWN = PROBLEM_FIELDS + (
    FieldDef("status", "状态"),
    FieldDef("resolution", "办理结果"),
    FieldDef("resolved_date", "解决日期", "date"),
)
SPECS = {
    "progress": RecordSpec("progress", "progress", PROGRESS_FIELDS, PROGRESS_FIELDS, _add_progress),
    "visit": RecordSpec("visit", "visits", VISIT_FIELDS, VISIT_FIELDS, _add_visit),
    "problem": RecordSpec("problem", "problems", PROBLEM_FIELDS, PROBLEM_SHOWN, _add_problem),
}


WIDE_COLUMNS = ("note", "content", "description")


class RecordError(Exception):
    """A staged record the core refused: which tab, which row, the core's message."""

    def __init__(self, tab: RecordTab, row: int, error: ValidationError) -> None:
        super().__init__(error.message)
        self.tab, self.row, self.error = tab, row, error


class RecordTab(QWidget):
    def __init__(self, entity: str, settings: dict[str, Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = SPECS[entity]
        self.setObjectName(f"tab_{entity}")
        self.existing: list[Any] = []
        self.pending: list[dict[str, Any]] = []
        self.deleted: list[int] = []
        self.table = QTableWidget(0, len(self.spec.shown), self)
        self.table.setObjectName(f"{entity}_table")
        self.table.setHorizontalHeaderLabels([f.title for f in self.spec.shown])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        wide = [i for i, f in enumerate(self.spec.shown) if f.key in WIDE_COLUMNS]
        for column in wide:  # the free text takes the room, not the last column
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.inputs: dict[str, QWidget] = {}
        box = QGroupBox(self.tr("New record"), self)
        grid = QGridLayout(box)
        for i, field in enumerate(self.spec.fields):
            widget = self._make_input(field, settings)
            label = QLabel(field.title + "：", box)
            label.setBuddy(widget)
            grid.addWidget(label, i // 3, (i % 3) * 2)
            grid.addWidget(widget, i // 3, (i % 3) * 2 + 1)
        self.add_button = QPushButton(self.tr("&Add"), box)
        self.add_button.setObjectName(f"{entity}_add")
        self.add_button.clicked.connect(self.add_from_form)
        self.remove_button = QPushButton(self.tr("&Delete selected"), self)
        self.remove_button.setObjectName(f"{entity}_delete")
        self.remove_button.clicked.connect(self.remove_selected)
        grid.addWidget(self.add_button, (len(self.spec.fields) - 1) // 3 + 1, 5)
        self.message = QLabel(self)
        self.message.setStyleSheet("color: #b71c1c;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        buttons.addWidget(self.remove_button)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.table, 1)
        self.layout_.addLayout(buttons)
        self.layout_.addWidget(box)

    def _make_input(self, field: FieldDef, settings: dict[str, Any]) -> QWidget:
        widget: QWidget
        if field.kind == "date":
            widget = DateEdit(self)
        elif field.kind == "money":
            widget = MoneyEdit(self)
        elif field.kind == "category":
            widget = ChoiceCombo(PROBLEM_CATEGORIES, self)
        elif field.kind == "unit":
            widget = ChoiceCombo(settings.get("units") or [], self)
        else:
            widget = QLineEdit(self)
        widget.setObjectName(f"{self.spec.entity}_{field.key}")
        widget.setAccessibleName(field.title)
        self.inputs[field.key] = widget
        return widget

    # -- showing -----------------------------------------------------------------------

    def load(self, project: Project | None) -> None:
        self.existing = list(getattr(project, self.spec.attr)) if project else []
        self.pending, self.deleted = [], []
        self.message.clear()
        self.clear_form()
        self.refill()

    def rows(self) -> list[tuple[str, Any]]:
        live = [("saved", r) for r in self.existing if r.id not in self.deleted]
        return live + [("pending", p) for p in self.pending]

    def refill(self) -> None:
        rows = self.rows()
        self.table.setRowCount(len(rows))
        italic = QFont()
        italic.setItalic(True)
        for r, (kind, record) in enumerate(rows):
            values = vars(record) if kind == "saved" else record
            for c, field in enumerate(self.spec.shown):
                value = self.display(field, values)
                item = QTableWidgetItem(value)
                if field.kind == "money":
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if kind == "pending":
                    item.setFont(italic)
                    item.setToolTip(self.tr("Not saved yet"))
                self.table.setItem(r, c, item)

    def display(self, field: FieldDef, values: dict[str, Any]) -> str:
        value = values.get(field.key)
        if field.key == "status" and "status" not in values:
            return PROBLEM_STATUSES[0]
        if isinstance(value, Decimal):
            return format_wan(value)
        if field.kind == "date":
            return display_date(value) or ""
        return "" if value is None else str(value)

    # -- staging -----------------------------------------------------------------------

    def form_values(self) -> dict[str, Any]:
        """The add form read as typed values; raises ValidationError on unreadable text."""
        out: dict[str, Any] = {}
        for field in self.spec.fields:
            widget = self.inputs[field.key]
            clear_invalid(widget)
            try:
                if isinstance(widget, DateEdit | MoneyEdit):
                    out[field.key] = widget.value()
                elif isinstance(widget, ChoiceCombo):
                    out[field.key] = widget.value()
                else:
                    out[field.key] = widget.text().strip() or None  # type: ignore[attr-defined]
            except ValueError as exc:
                mark_invalid(widget, str(exc))
                raise ValidationError(field.key, f"{field.title}：{exc}") from None
        return out

    def add_from_form(self) -> bool:
        try:
            values = self.form_values()
        except ValidationError as exc:
            self.message.setText(exc.message)
            return False
        if all(v in (None, "") for v in values.values()):
            self.message.setText(self.tr("Fill in the record first."))
            return False
        self.pending.append(values)
        self.message.clear()
        self.clear_form()
        self.refill()
        self.changed()
        return True

    def clear_form(self) -> None:
        for field in self.spec.fields:
            widget = self.inputs[field.key]
            if isinstance(widget, DateEdit):
                widget.set_value(
                    today_iso() if field.key in ("as_of", "date", "raised_date") else None
                )
            elif isinstance(widget, ChoiceCombo):
                widget.set_value(None)
            else:
                widget.clear()  # type: ignore[attr-defined]

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        rows = self.rows()
        if not 0 <= row < len(rows):
            return
        kind, record = rows[row]
        if kind == "pending":
            self.pending.remove(record)
        else:
            self.deleted.append(record.id)
        self.refill()
        self.changed()

    def changed(self) -> None:
        """Hook: the editor connects this to its dirty check."""

    def is_dirty(self) -> bool:
        return bool(self.pending or self.deleted)

    def apply(self, portfolio: Portfolio, project_id: int) -> None:
        """Write the staged changes (inside the editor's transaction)."""
        for child_id in self.deleted:
            portfolio.delete_child(self.spec.entity, child_id)
        saved = len([r for r in self.existing if r.id not in self.deleted])
        for i, values in enumerate(self.pending):
            try:
                self.spec.add(portfolio, project_id, values)
            except ValidationError as exc:
                raise RecordError(self, saved + i, exc) from exc

    def show_error(self, row: int, message: str) -> None:
        self.table.selectRow(row)
        self.message.setText(message)


class ProblemTab(RecordTab):
    """企业诉求, plus changing a problem's status (办理中 / 已解决 with the result)."""

    def __init__(self, settings: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__("problem", settings, parent)
        self.status_changes: dict[int, tuple[str, str | None]] = {}
        box = QGroupBox(self.tr("Selected problem"), self)
        row = QHBoxLayout(box)
        self.status_combo = QComboBox(box)
        self.status_combo.setObjectName("problem_new_status")
        self.status_combo.setAccessibleName(self.tr("New status"))
        self.status_combo.addItems(list(PROBLEM_STATUSES))
        self.resolution = QLineEdit(box)
        self.resolution.setObjectName("problem_resolution")
        self.resolution.setAccessibleName(self.tr("Result"))
        self.resolution.setPlaceholderText(self.tr("Result (required when resolved)"))
        self.set_status_button = QPushButton(self.tr("Set &status"), box)
        self.set_status_button.setObjectName("problem_set_status")
        self.set_status_button.clicked.connect(self.stage_status)
        add_labelled(
            row,
            [(self.tr("Status:"), self.status_combo), (self.tr("Result:"), self.resolution)],
            self.resolution,
        )
        row.addWidget(self.set_status_button)
        self.layout_.insertWidget(2, box)

    def load(self, project: Project | None) -> None:
        self.status_changes = {}
        super().load(project)

    def display(self, field: FieldDef, values: dict[str, Any]) -> str:
        pid = values.get("id")
        if pid in getattr(self, "status_changes", {}) and field.key in ("status", "resolution"):
            status, resolution = self.status_changes[pid]
            return (status if field.key == "status" else resolution) or ""
        return super().display(field, values)

    def stage_status(self) -> bool:
        row = self.table.currentRow()
        rows = self.rows()
        if not 0 <= row < len(rows) or rows[row][0] != "saved":
            self.message.setText(self.tr("Select a saved problem first."))
            return False
        status = self.status_combo.currentText()
        resolution = self.resolution.text().strip() or None
        self.status_changes[rows[row][1].id] = (status, resolution)
        self.message.clear()
        self.resolution.clear()
        self.refill()
        self.changed()
        return True

    def is_dirty(self) -> bool:
        return super().is_dirty() or bool(self.status_changes)

    def apply(self, portfolio: Portfolio, project_id: int) -> None:
        super().apply(portfolio, project_id)
        for problem_id, (status, resolution) in self.status_changes.items():
            try:
                portfolio.set_problem_status(problem_id, status, resolution=resolution)
            except ValidationError as exc:
                row = next(
                    i
                    for i, (_k, r) in enumerate(self.rows())
                    if getattr(r, "id", None) == problem_id
                )
                raise RecordError(self, row, exc) from exc
