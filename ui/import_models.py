"""Table models for the import wizard: the sheet preview and the plan.

Both are read-only ``QAbstractTableModel`` views over data the core produced (a grid with
row kinds, a list of plan rows); nothing here decides anything about the data.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from tracker.domain.money import format_wan, to_decimal
from tracker.importing.plan import PlanRow
from tracker.importing.table import Table
from tracker.importing.values import cell_text
from tracker.ledger.batches import Conflict

from .list_model import ListModel
from .widgets import TEXT_ON_TINT

PREVIEW_ROWS = 300
KIND_COLOURS = {
    "header": QColor("#cfe2ff"),
    "title": QColor("#eeeeee"),
    "total": QColor("#f5f5f5"),
    "category": QColor("#f5f5f5"),
    "numbers": QColor("#f5f5f5"),
    "note": QColor("#f5f5f5"),
    "blank": QColor("#ffffff"),
}
ACTION_COLOURS = {
    "create": QColor("#e3f6e3"),
    "update": QColor("#e3eefc"),
    "fill": QColor("#eef6fc"),
    "skip": QColor("#eeeeee"),
    "reject": QColor("#fde2e1"),
}
Index = QModelIndex | QPersistentModelIndex


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


class PreviewModel(QAbstractTableModel):
    """The first rows of a sheet; header rows blue, title and non-data rows grey."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.table: Table | None = None
        self._rows: list[list[object]] = []
        self._width = 0

    def set_table(self, table: Table | None) -> None:
        self.beginResetModel()
        self.table = table
        self._rows = table.rows[:PREVIEW_ROWS] if table else []
        self._width = max((len(r) for r in self._rows), default=0)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._width

    def kind(self, row: int) -> str:
        table = self.table
        if table is None:
            return ""
        if row in table.header_rows:
            return "header"
        if row in table.title_rows:
            return "title"
        return table.kinds.get(row, "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        value = row[index.column()] if index.column() < len(row) else None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(value)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = KIND_COLOURS.get(self.kind(index.row()))
            return QBrush(colour) if colour else None
        if role == Qt.ItemDataRole.FontRole and self.kind(index.row()) == "header":
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and self.table is not None:
            return self.table.reasons.get(index.row())
        if role == Qt.ItemDataRole.ForegroundRole:
            kind = self.kind(index.row())
            if kind in ("total", "category", "numbers", "note", "title"):
                return QBrush(QColor("#777777"))
            return QBrush(TEXT_ON_TINT) if kind in KIND_COLOURS else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_letter(section)
        return str(section + 1)


class PlanModel(QAbstractTableModel):
    """Plan rows, coloured by action, with the reasons beside each."""

    FIELDS = (
        "sheet",
        "row",
        "action",
        "name",
        "investor",
        "sign_date",
        "signed_amount_wan",
        "reasons",
    )

    def __init__(
        self, headers: list[str], action_labels: dict[str, str], parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._headers = headers
        self._labels = action_labels
        self._all: list[PlanRow] = []
        self.rows: list[PlanRow] = []
        self.filter = "all"

    def set_rows(self, rows: list[PlanRow]) -> None:
        self._all = rows
        self.set_filter(self.filter)

    def set_filter(self, which: str) -> None:
        """ "all", "problems" (rejected or with warnings) or one action name."""
        self.beginResetModel()
        self.filter = which
        if which == "all":
            self.rows = list(self._all)
        elif which == "problems":
            self.rows = [r for r in self._all if r.errors or r.warnings or r.conflicts]
        elif which == "conflicts":
            self.rows = [r for r in self._all if r.conflicts]
        else:
            self.rows = [r for r in self._all if r.action == which]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.FIELDS)

    def _value(self, row: PlanRow, field: str) -> str:
        if field == "sheet":
            return row.sheet
        if field == "row":
            return str(row.row)
        if field == "action":
            return self._labels.get(row.action, row.action)
        if field == "reasons":
            return "；".join(row.reasons())
        value = row.fields.get(field)
        if field == "signed_amount_wan" and isinstance(value, int | float):
            return format_wan(to_decimal(value))  # as the ledger shows money: 12,500.50
        return "" if value is None else str(value)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        field = self.FIELDS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._value(row, field)
        if role == Qt.ItemDataRole.TextAlignmentRole and field in ("row", "signed_amount_wan"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(ACTION_COLOURS[row.action])
        if role == Qt.ItemDataRole.ForegroundRole:
            if field == "reasons" and row.errors:
                return QBrush(QColor("#b00020"))
            if field == "reasons" and row.conflicts:
                return QBrush(QColor("#8a4b00"))
            return QBrush(TEXT_ON_TINT)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


class ConflictsModel(ListModel[Conflict]):
    """Stored values an import kept because the file stated others: the finished page and
    the import history list them."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                self.tr("Sheet"),
                self.tr("Row"),
                self.tr("Project (id)"),
                self.tr("Changed field"),
                self.tr("In the ledger (kept)"),
                self.tr("In the file"),
            ],
            parent,
        )

    def text(self, item: Conflict, column: int) -> str:
        project = f"{item.name}（{item.project_id}）" if item.project_id else item.name
        return (item.sheet, str(item.row), project, item.label, item.stored, item.file)[column]
