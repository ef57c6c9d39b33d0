"""The tables of 进度收集: each unit's status in a round, and the plan of returned files
(old → new per project, a tick box per project, flags in yellow, refused files in red)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from tracker.collection.plan import Change, CollectPlan, ProjectPlan
from tracker.collection.status import TargetStatus
from tracker.domain.money import format_wan

from .list_model import ListModel

Index = QModelIndex | QPersistentModelIndex
FLAGGED = QColor("#FFEB9C")
BLOCKED = QColor("#FFC7CE")
MISSING = QColor("#C00000")


class StatusModel(ListModel[TargetStatus]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                self.tr("Unit / town"),
                self.tr("Projects"),
                self.tr("Returned"),
                self.tr("Updated"),
                self.tr("New projects"),
                self.tr("New problems"),
                self.tr("File"),
            ],
            parent,
        )

    def text(self, item: TargetStatus, column: int) -> str:
        if column == 2:
            if not item.returned:
                return self.tr("Not yet")
            return (item.returned_at or "").replace("T", " ")[:16]
        return (
            item.target,
            str(item.projects),
            "",
            str(item.updated) if item.returned else "",
            str(item.created) if item.returned else "",
            str(item.problems) if item.returned else "",
            item.file_name or "",
        )[column]

    def style(self, item: TargetStatus, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and not item.returned and column in (0, 2):
            return QBrush(MISSING)
        return None


@dataclass
class _Line:
    plan: CollectPlan
    project: ProjectPlan | None  # None: a line about the whole file
    change: Change | None
    first: bool  # the project's first line carries its tick box
    remark: str = ""
    header: bool = False  # the file's own line: its name, unit and round


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_wan(value)  # as the ledger shows money: 12,500.50
    return str(Change("", "", value, None).to_json()["old"])


class PlanModel(ListModel[_Line]):
    """Each file's lines: what it says about itself, then per project its changes."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                self.tr("Write"),
                self.tr("Row"),
                self.tr("Project"),
                self.tr("Changed field"),
                self.tr("In the ledger"),
                self.tr("In the file"),
                self.tr("Check / note"),
            ],
            parent,
        )

    def set_plans(self, plans: list[CollectPlan]) -> None:
        lines: list[_Line] = []
        for plan in plans:
            rnd = plan.round
            head = self.tr("{file} — {unit}").format(
                file=plan.path.name, unit=plan.target or self.tr("unit unknown")
            )
            if rnd is not None:
                head += self.tr(" — round {id}, figures as of {as_of}").format(
                    id=rnd.id, as_of=rnd.as_of
                )
            lines.append(_Line(plan, None, None, False, head, header=True))
            if plan.blocked:
                lines.append(_Line(plan, None, None, False, plan.blocked))
                continue
            for text in plan.flags:
                lines.append(_Line(plan, None, None, False, text))
            for project in plan.projects:
                remarks = project.flags + project.notes
                for i, change in enumerate(project.changes):
                    remark = remarks[i] if i < len(remarks) else ""
                    lines.append(_Line(plan, project, change, i == 0, remark))
                for extra in remarks[len(project.changes) :]:
                    lines.append(_Line(plan, project, None, False, extra))
            for error in plan.errors:
                lines.append(_Line(plan, None, None, False, error))
        self.set_items(lines)

    def text(self, item: _Line, column: int) -> str:
        p, c = item.project, item.change
        if column == 0:
            return ""
        if item.header:
            return item.remark if column == 1 else ""
        if column == 1:
            return str(p.row) if p is not None and item.first else ""
        if column == 2:
            if p is None or not item.first:
                return ""
            return p.name + (self.tr(" (new)") if p.is_new else "")
        if c is None:
            return item.remark if column == 6 else ""
        return (c.label, _shown(c.old), _shown(c.new), item.remark)[column - 3]

    def style(self, item: _Line, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.CheckStateRole and column == 0 and item.first and item.project:
            return Qt.CheckState.Checked if item.project.accepted else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.FontRole and item.header:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            if item.plan.blocked:
                return QBrush(BLOCKED)
            if item.project is not None and item.project.flags:
                return QBrush(FLAGGED)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        item = self.items[index.row()] if index.isValid() else None
        if item is not None and index.column() == 0 and item.first and item.project:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        item = self.items[index.row()]
        if role != Qt.ItemDataRole.CheckStateRole or item.project is None:
            return False
        item.project.accepted = Qt.CheckState(value) == Qt.CheckState.Checked
        self.dataChanged.emit(index, index)
        return True
