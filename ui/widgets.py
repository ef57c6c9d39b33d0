"""Small form widgets shared by the editor and dialogs: date, money and list-backed choices.

Typed text is read by ``tracker.domain.typed_input`` (the rules live in the core); these widgets only
show the result, and mark themselves invalid with the core's Chinese message.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTableView,
    QTableWidget,
    QWidget,
)

from tracker.domain.dates import display_date, today_iso
from tracker.domain.money import format_wan
from tracker.domain.typed_input import parse_typed_date, parse_typed_money

INVALID_STYLE = "border: 1px solid #d32f2f; background: #fff3f3; color: #1f1f1f;"
# Text on a pale tint (warning rows, import previews) is set with the tint: under a dark
# palette the default text is light, and light text on a pale tint cannot be read.
TEXT_ON_TINT = QColor("#1f1f1f")


def mark_invalid(widget: QWidget, message: str) -> None:
    """Red frame and the message as tooltip; the form also shows it in its banner."""
    widget.setProperty("invalid", True)
    widget.setStyleSheet(INVALID_STYLE)
    widget.setToolTip(message)
    widget.setAccessibleDescription(message)


def clear_invalid(widget: QWidget) -> None:
    if widget.property("invalid"):
        widget.setProperty("invalid", False)
        widget.setStyleSheet("")
        widget.setToolTip("")
        widget.setAccessibleDescription("")


def add_labelled(
    layout: QBoxLayout, pairs: list[tuple[str, QWidget]], stretch: QWidget | None = None
) -> None:
    """Label + widget pairs along a row, each label the buddy of its widget (mnemonics)."""
    for text, widget in pairs:
        label = QLabel(text, widget.parentWidget())
        label.setBuddy(widget)
        layout.addWidget(label)
        layout.addWidget(widget, 1 if widget is stretch else 0)


def shown_columns(table: QTableView, keys: tuple[str, ...] | list[str]) -> list[tuple[str, str]]:
    """(key, header text) of a table's visible columns in the order shown (moved columns
    where the clerk moved them): what a printout or an export of "the view" contains."""
    header = table.horizontalHeader()
    model = table.model()
    out = []
    for visual in range(header.count()):
        logical = header.logicalIndex(visual)
        if not header.isSectionHidden(logical):
            title = model.headerData(logical, Qt.Orientation.Horizontal)
            out.append((keys[logical], str(title)))
    return out


def widget_text(widget: QWidget) -> str:
    """The text a form input shows, whatever kind of input it is."""
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise TypeError(type(widget).__name__)


class DateEdit(QLineEdit):
    """A date that may stay empty; accepts 2024.5.1, 2024/5/1, 2024年5月1日, 20240501.

    A QDateEdit cannot be empty and fights partial typing; old ledgers also carry
    month-only dates (2024-05), which this keeps and shows as ``2024-05（约）``.
    """

    def __init__(self, parent: QWidget | None = None, *, allow_month: bool = True) -> None:
        super().__init__(parent)
        self._allow_month = allow_month
        self.setPlaceholderText(self.tr("e.g. 2024-05-01"))
        self.setMaxLength(20)
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(120)
        self.editingFinished.connect(self._normalise)

    def _normalise(self) -> None:
        try:
            value = parse_typed_date(self.text(), allow_month=self._allow_month)
        except ValueError as exc:
            mark_invalid(self, str(exc))
            return
        clear_invalid(self)
        shown = display_date(value)
        if shown and shown != self.text():
            self.setText(shown)

    def value(self) -> str | None:
        """The ISO date, None when empty; raises ValueError (Chinese) when unreadable."""
        return parse_typed_date(self.text(), allow_month=self._allow_month)

    def set_value(self, value: str | None) -> None:
        self.setText(display_date(value) or "")
        clear_invalid(self)

    def set_today(self) -> None:
        self.setText(today_iso())


class MoneyEdit(QLineEdit):
    """An amount in 万元: right-aligned, thousands separators once typed, exact Decimal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMaxLength(30)
        self.setMinimumWidth(120)
        self.editingFinished.connect(self._normalise)

    def _normalise(self) -> None:
        try:
            value = parse_typed_money(self.text())
        except ValueError as exc:
            mark_invalid(self, str(exc))
            return
        clear_invalid(self)
        self.set_value(value)

    def value(self) -> Decimal | None:
        return parse_typed_money(self.text())

    def set_value(self, value: Decimal | None) -> None:
        if value is None:
            self.setText("")
            return
        decimals = max(0, -int(value.normalize().as_tuple().exponent))
        self.setText(format_wan(value, min(decimals, 4)))


class ChoiceCombo(QComboBox):
    """An editable combo fed from a settings list that also accepts a new value."""

    def __init__(
        self,
        items: list[str] | tuple[str, ...] = (),
        parent: QWidget | None = None,
        *,
        editable: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setEditable(editable)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(10)
        self.set_items(items)

    def set_items(self, items: list[str] | tuple[str, ...]) -> None:
        current = self.value()
        self.blockSignals(True)
        self.clear()
        self.addItem("")
        self.addItems([i for i in items if i])
        self.blockSignals(False)
        self.set_value(current)

    def value(self) -> str | None:
        return self.currentText().strip() or None

    def set_value(self, value: str | None) -> None:
        value = value or ""
        index = self.findText(value)
        if index < 0 and value:
            self.addItem(value)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))
        if self.isEditable():
            self.setEditText(value)


class ErrorBanner(QLabel):
    """The form's one-line summary of what is wrong, in red; hidden when all is well."""

    shown = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("error_banner")
        self.setWordWrap(True)
        self.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setAccessibleName(message)
        self.show()
        self.shown.emit(message)

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


def mapping_table(parent: QWidget, headers: list[str], widths: tuple[int, int]) -> QTableWidget:
    """Column → rule → words: the three-column table the import wizard and the template
    dialog show their mapping in (rows of one line; the whole reason is in a tooltip)."""
    table = QTableWidget(0, 3, parent)
    table.setObjectName("mapping")
    table.setHorizontalHeaderLabels(headers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    table.setColumnWidth(0, widths[0])
    table.setColumnWidth(1, widths[1])
    table.setWordWrap(False)
    rows = table.verticalHeader()
    rows.setVisible(False)
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(28)
    return table


class LedgerToolDialog(QDialog):
    """A window of the 工具 menu that may write to the ledger (导入记录, 进度收集, 疑似重复项目):
    shown modally over a database path, it tells the window whether to reload."""

    changed = False  # something was written: the ledger must reload

    def __init__(self, db_path: Path, parent: QWidget | None = None, *, read_only: bool = False):
        super().__init__(parent)
        self.db_path, self.read_only = Path(db_path), read_only

    @classmethod
    def run(cls, parent: QWidget | None, db_path: Path, *, read_only: bool = False) -> bool:
        """Show the window modally; True when something was written (reload the ledger)."""
        dialog = cls(db_path, parent, read_only=read_only)
        dialog.exec()
        changed = dialog.changed
        dialog.deleteLater()
        return changed
