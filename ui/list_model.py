"""A read-only table over a Python list: one item a row, one header a column.

The import history, its conflicts, the duplicates page and the 名录 proposals are such
tables; each says only how an item reads in a column (``text``) and, if it likes, how it
looks (``style``). Rows, columns and headers are the same everywhere, so they live here.
"""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
TEXT_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)


class ListModel(QAbstractTableModel, Generic[T]):
    def __init__(self, headers: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = headers
        self.items: list[T] = []

    def set_items(self, items: list[T]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def text(self, item: T, column: int) -> str:
        raise NotImplementedError

    def style(self, item: T, column: int, role: int) -> Any:
        """Any other role (colour, alignment …); None by default."""
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self.items[index.row()]
        if role in TEXT_ROLES:
            return self.text(item, index.column())
        return self.style(item, index.column(), role)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None
