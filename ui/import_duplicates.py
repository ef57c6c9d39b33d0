"""The import wizard's 库中已有的项目 page: what the file would change on projects already
in the ledger, field by field (库中 → 表中), the policy for all of them, and a choice per
project.

Every line is one difference the core found (``PlanRow.diff``); what happens to it — written,
kept as stored (a conflict), or left out — is the core's decision (``Plan.set_policy`` /
``Plan.set_choice``), shown in 结果. The page lists ``Plan.matched_rows()`` with the
choices ``decisions.choices_for`` offers, so another kind of match (a retyped name to
confirm) appears here with its own choices and nothing else to change.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.importing.changes import Change
from tracker.importing.decisions import CHOICES, choices_for
from tracker.importing.plan import Plan, PlanRow

from .import_pages import _Page
from .import_review_pairs import ReviewPairsBox
from .import_state import ImportState, ImportSteps
from .list_model import Index, ListModel

log = logging.getLogger(__name__)
WRITTEN = QColor("#e3f6e3")
CONFLICT = QColor("#fde9c8")
LEFT_OUT = QColor("#eeeeee")
CHOICE_COLUMN = 6


@dataclass
class _Line:
    plan: Plan
    row: PlanRow
    change: Change
    first: bool  # the project's first line: it shows the project and its choice


class DuplicatesModel(ListModel[_Line]):
    """One line per difference, grouped by project; the choice column is editable on a
    project's first line."""

    choice_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                self.tr("Project (id)"),
                self.tr("Sheet / row"),
                self.tr("Changed field"),
                self.tr("In the ledger"),
                self.tr("In the file"),
                self.tr("Outcome"),
                self.tr("This project"),
            ],
            parent,
        )
        self._all: list[_Line] = []
        self.only_conflicts = False

    def set_plans(self, plans: list[Plan]) -> None:
        self._all = [
            _Line(plan, row, change, i == 0)
            for plan in plans
            for row in plan.matched_rows()
            for i, change in enumerate(row.diff)
        ]
        self.refresh()

    def set_only_conflicts(self, only: bool) -> None:
        self.only_conflicts = only
        self.refresh()

    def refresh(self) -> None:
        """The decisions changed (policy or a choice): show them again."""
        if self.only_conflicts:
            rows = {id(line.row) for line in self._all if line.row.conflicts}
            self.set_items([line for line in self._all if id(line.row) in rows])
        else:
            self.set_items(self._all)

    def result_text(self, line: _Line) -> str:
        change, row = line.change, line.row
        if change in row.conflicts:
            return self.tr("Kept as stored (conflict)")
        if change not in row.changes:
            return self.tr("Not written")
        if change.kind == "differs":
            return self.tr("Overwritten")
        return self.tr("Filled in") if change.kind == "fill" else self.tr("Added")

    def policy_text(self, policy: str) -> str:
        return self.tr("As above: {choice}").format(choice=CHOICES[policy])

    def choice_text(self, row: PlanRow, policy: str) -> str:
        return self.policy_text(policy) if row.choice is None else CHOICES[row.choice]

    def text(self, item: _Line, column: int) -> str:
        row, change = item.row, item.change
        if column == 0:
            return f"{row.data.get('name')}（{row.project_id}）" if item.first else ""
        if column == 1:
            where = self.tr("{sheet} row {row}")
            return where.format(sheet=row.sheet, row=row.row) if item.first else ""
        if column in (2, 3, 4):
            return (change.label, change.shown("old"), change.shown("new"))[column - 2]
        if column == 5:
            return self.result_text(item)
        if not item.first:
            return ""
        return self.choice_text(row, item.plan.on_duplicate) + ("  ▾" if choices_for(row) else "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == CHOICE_COLUMN:
            line = self.items[index.row()]
            if role == Qt.ItemDataRole.EditRole:
                return line.row.choice
            if role == Qt.ItemDataRole.ToolTipRole and line.first:
                return self.tr("Double-click or press F2 to choose for this project")
        return super().data(index, role)

    def style(self, item: _Line, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.BackgroundRole or not 3 <= column < CHOICE_COLUMN:
            return None
        if item.change in item.row.conflicts:
            return QBrush(CONFLICT)
        return QBrush(WRITTEN if item.change in item.row.changes else LEFT_OUT)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == CHOICE_COLUMN:
            line = self.items[index.row()]
            if line.first and choices_for(line.row):
                return base | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != CHOICE_COLUMN:
            return False
        line = self.items[index.row()]
        line.plan.set_choice(line.row, value or None)
        self.dataChanged.emit(self.index(0, 3), self.index(len(self.items) - 1, CHOICE_COLUMN))
        self.choice_changed.emit()
        return True


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down of the choices the core offers for the project (plus "as above")."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        model = index.model()
        assert isinstance(model, DuplicatesModel)
        line = model.items[index.row()]
        combo = QComboBox(parent)
        combo.setObjectName("row_choice")
        combo.addItem(model.policy_text(line.plan.on_duplicate), None)
        for key in choices_for(line.row):
            combo.addItem(CHOICES[key], key)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class DuplicatesPage(_Page):
    """Projects already in the ledger: the policy, then every difference with its result."""

    def __init__(self, state: ImportState, steps: ImportSteps) -> None:
        super().__init__(state, steps)
        self.setTitle(self.tr("Projects already in the ledger"))
        self.setSubTitle(
            self.tr(
                "Each line is a field the file states differently from the ledger. "
                "Nothing is written until you import."
            )
        )
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.radios: dict[str, QRadioButton] = {}
        group = QButtonGroup(self)
        for key, text in (
            ("fill", self.tr("&Fill blanks only; keep what the ledger holds (recommended)")),
            ("update", self.tr("&Update with the file's values")),
            ("skip", self.tr("&Leave these projects as they are")),
        ):
            radio = QRadioButton(text, self)
            radio.setObjectName(f"dup_{key}")
            group.addButton(radio)
            self.radios[key] = radio
        self.only_conflicts = QCheckBox(self.tr("Show only projects with &conflicts"), self)
        self.only_conflicts.setObjectName("only_conflicts")
        self.model = DuplicatesModel(self)
        self.model.choice_changed.connect(self.show_counts)
        self.radios["fill"].setChecked(True)
        for key, radio in self.radios.items():
            radio.toggled.connect(lambda on, key=key: on and self.set_policy(key))
        self.only_conflicts.toggled.connect(self.model.set_only_conflicts)
        self.view = QTableView(self)
        self.view.setObjectName("duplicates")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(CHOICE_COLUMN, ChoiceDelegate(self.view))
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        radios = QHBoxLayout()
        for radio in self.radios.values():
            radios.addWidget(radio)
        radios.addStretch(1)
        self.review = ReviewPairsBox(self)  # possible matches: 是同一项目 / 不是
        self.review.answered.connect(self.answered)
        layout = QVBoxLayout(self)
        layout.addWidget(self.review, 1)
        layout.addWidget(self.info)
        layout.addLayout(radios)
        layout.addWidget(self.only_conflicts)
        layout.addWidget(self.view, 1)

    def initializePage(self) -> None:
        self.radios[self.state.policy].setChecked(True)
        self.model.set_plans(self.state.plans)
        self.review.set_plans(self.state.plans)
        self.review.setVisible(bool(self.review.model.items))
        for column, width in enumerate((220, 100, 220, 150, 150, 170)):
            self.view.setColumnWidth(column, width)
        self.show_counts()

    def answered(self) -> None:
        """A possible match was confirmed or refused: its differences show (or go)."""
        self.model.set_plans(self.state.plans)
        self.show_counts()

    def set_policy(self, policy: str) -> None:
        self.state.set_policy(policy)
        self.model.refresh()
        self.show_counts()

    def policy(self) -> str:
        return self.state.policy

    def show_counts(self) -> None:
        rows = [r for p in self.state.plans for r in p.matched_rows()]
        changed = sum(1 for r in rows if r.diff)
        conflicts = sum(1 for r in rows if r.conflicts)
        self.state.remember_choices()
        self.info.setText(
            self.tr(
                "{count} projects of the file are already in the ledger: {changed} differ "
                "({conflicts} with conflicts kept as stored), {same} are the same. "
                "Rows repeated within the file are always skipped."
            ).format(
                count=len(rows), changed=changed, conflicts=conflicts, same=len(rows) - changed
            )
        )
