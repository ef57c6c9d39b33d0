"""Possible matches on the wizard's duplicates page: each row of the file that may be a
project already stored, the stored project and the row side by side (库中 | 表中), the
likeness and its reasons, and the clerk's answer — 是同一项目 / 不是 — per row.

The answer is the core's (``Plan.set_choice`` with ``same`` / ``different``); until one is
given the row follows the plan's ``on_uncertain`` (skip: not imported, reported).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.money import format_wan
from tracker.importing.plan import Plan, PlanRow

from .list_model import ListModel

UNDECIDED = QColor("#fff4cc")
SAME = QColor("#e3f6e3")


def deal_text(fields: dict[str, Any]) -> str:
    """A deal in three lines: name, investor, date · amount · town."""
    amount = fields.get("signed_amount_wan")
    facts = [
        str(fields.get("sign_date") or "—"),
        f"{format_wan(Decimal(str(amount)))} 万元" if amount not in (None, "") else "—",
        str(fields.get("location") or "—"),
    ]
    return "\n".join(
        (str(fields.get("name") or ""), str(fields.get("investor") or ""), " · ".join(facts))
    )


class ReviewPairsModel(ListModel[tuple[Plan, PlanRow]]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                self.tr("In the ledger"),
                self.tr("In the file"),
                self.tr("Likeness and reasons"),
                self.tr("Your answer"),
            ],
            parent,
        )

    def text(self, item: tuple[Plan, PlanRow], column: int) -> str:
        plan, row = item
        if column == 0:
            return self.tr("No. {id}").format(id=row.candidate_id) + "\n" + deal_text(row.stored)
        if column == 1:
            where = self.tr("{sheet} row {row}").format(sheet=row.sheet, row=row.row)
            return where + "\n" + deal_text(row.data)
        if column == 2:
            return f"{row.score:.2f}\n" + row.match_reasons.replace("；", "\n")
        if row.choice == "same":
            return self.tr("Same project")
        if row.choice == "different":
            return self.tr("Not the same: a new project")
        if plan.on_uncertain == "create":
            return self.tr("Not answered: imported as new")
        return self.tr("Not answered: not imported")

    def style(self, item: tuple[Plan, PlanRow], column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and column == 3:
            if item[1].choice is None:
                return QBrush(UNDECIDED)
            return QBrush(SAME) if item[1].choice == "same" else None
        return None


class ReviewPairsBox(QWidget):
    """The possible matches, with 是同一项目 / 不是 for the selected one."""

    answered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.model = ReviewPairsModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("review_pairs")
        self.view.setAccessibleName(self.tr("Possible matches to confirm"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.same = QPushButton(self.tr("&Same project"), self)
        self.same.setObjectName("answer_same")
        self.different = QPushButton(self.tr("&Not the same"), self)
        self.different.setObjectName("answer_different")
        self.same.clicked.connect(lambda: self.answer("same"))
        self.different.clicked.connect(lambda: self.answer("different"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.label, 1)
        buttons.addWidget(self.same)
        buttons.addWidget(self.different)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)

    def set_plans(self, plans: list[Plan]) -> None:
        self.model.set_items([(plan, row) for plan in plans for row in plan.review_rows()])
        for column, width in enumerate((300, 300, 330)):
            self.view.setColumnWidth(column, width)
        self.view.resizeRowsToContents()
        if self.model.items:
            self.view.selectRow(0)
        self.show_count()

    def show_count(self) -> None:
        open_ = sum(1 for _, row in self.model.items if row.choice is None)
        self.label.setText(
            self.tr(
                "{count} rows may be projects already in the ledger, typed otherwise; "
                "{open} not answered yet (those are not imported)."
            ).format(count=len(self.model.items), open=open_)
        )

    def answer(self, choice: str) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        plan, row = self.model.items[index.row()]
        plan.set_choice(row, choice)
        self.model.dataChanged.emit(
            self.model.index(index.row(), 0), self.model.index(index.row(), 3)
        )
        if index.row() + 1 < len(self.model.items):
            self.view.selectRow(index.row() + 1)
        self.show_count()
        self.answered.emit()
