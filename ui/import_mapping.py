"""The import wizard's column page: per sheet, whether to import it, the sign date of a
sheet without one, a preview, and each column's field with the reason it was chosen.

Everything shown here was decided in ``tracker.importing`` (the field, its reason, how sure
it is); the page shows it, highlights what the clerk should confirm, and passes the clerk's
corrections back through ``ImportState``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.errors import TrackerError
from tracker.importing import session
from tracker.importing.session import LoadedFile, target_choices
from tracker.importing.table import SourceColumn, Table

from .import_models import PreviewModel, column_letter
from .import_pages import _Page
from .import_state import ImportState, ImportSteps
from .widgets import mapping_table

log = logging.getLogger(__name__)

UNSURE = QColor("#fff3c4")  # a choice made without certainty: the clerk should look
MAX_LISTED_COLUMNS = 300  # a sheet wider than this lists only the columns that matter


def column_title(col: SourceColumn) -> str:
    """ "D  签约时间", two levels as "项目业主单位 › 业主名称"."""
    if col.upper and col.lower:
        text = f"{col.upper} › {col.lower}"
    else:
        text = col.header
    return f"{column_letter(col.index)}  {text}"


def listed_columns(table: Table) -> list[SourceColumn]:
    """The columns the mapping table lists: all of them, or on a very wide sheet those with
    a field or a reason (the rest are blank or say nothing)."""
    if len(table.columns) <= MAX_LISTED_COLUMNS:
        return list(table.columns)
    return [c for c in table.columns if c.target or c.reason][:MAX_LISTED_COLUMNS]


class MappingPage(_Page):
    """Per sheet: import it or not, its sign date if it has no such column, a preview with
    header/title rows highlighted, and the column mapping with reasons."""

    def __init__(self, state: ImportState, steps: ImportSteps) -> None:
        super().__init__(state, steps)
        self.setTitle(self.tr("Check the columns"))
        self.setSubTitle(
            self.tr(
                "Blue rows are the header, grey rows are titles, totals and notes "
                "(not imported). Yellow columns were matched without certainty: "
                "confirm or correct them."
            )
        )
        self.sheet_combo = QComboBox(self)
        self.sheet_combo.setObjectName("sheet")
        self.sheet_combo.currentIndexChanged.connect(self.show_sheet)
        self.include = QCheckBox(self.tr("&Import this sheet"), self)
        self.include.setObjectName("include_sheet")
        self.include.toggled.connect(self.include_changed)
        self.info = QLabel(self)
        self.info.setObjectName("sheet_info")
        self.info.setWordWrap(True)

        self.sign_row = QWidget(self)
        self.sign_label = QLabel(
            self.tr("Sign date of these projects (&year / year-month / date):")
        )
        self.sign_date = QLineEdit(self.sign_row)
        self.sign_date.setObjectName("sign_date")
        self.sign_date.setPlaceholderText(self.tr("e.g. 2021, 2021-06 or 2021-06-30"))
        self.sign_date.setMaximumWidth(160)
        self.sign_date.editingFinished.connect(self.sign_date_changed)
        self.sign_label.setBuddy(self.sign_date)
        self.sign_note = QLabel(self.sign_row)
        self.sign_note.setObjectName("sign_note")
        self.sign_note.setWordWrap(True)
        sign_layout = QHBoxLayout(self.sign_row)
        sign_layout.setContentsMargins(0, 0, 0, 0)
        sign_layout.addWidget(self.sign_label)
        sign_layout.addWidget(self.sign_date)
        sign_layout.addWidget(self.sign_note, 1)

        self.preview = PreviewModel(self)
        self.preview_view = QTableView(self)
        self.preview_view.setObjectName("preview")
        self.preview_view.setModel(self.preview)
        self.preview_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping = mapping_table(
            self, [self.tr("Column"), self.tr("Field"), self.tr("Why")], (170, 150)
        )
        self.combos: list[QComboBox] = []
        self._listed: list[SourceColumn] = []
        self.legend = QLabel(self)
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.mapping, 1)
        right_layout.addWidget(self.legend)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.preview_view)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        top = QHBoxLayout()
        top.addWidget(self.sheet_combo, 1)
        top.addWidget(self.include)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addWidget(self.sign_row)
        layout.addWidget(splitter, 1)
        self._choices = target_choices()

    # -- which sheet ---------------------------------------------------------------------

    def initializePage(self) -> None:
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        for fi, f in enumerate(self.state.loaded):
            for ti, t in enumerate(f.tables):
                self.sheet_combo.addItem(self._sheet_text(f, t), (fi, ti))
        self.sheet_combo.blockSignals(False)
        self.show_sheet()

    def _sheet_text(self, f: LoadedFile, t: Table) -> str:
        text = f"{f.path.name} — {t.sheet}"
        if t.excluded:
            return text + self.tr(" (not imported)")
        if sum(1 for c in t.columns if c.target and not c.confident):
            return text + self.tr(" (please confirm)")
        return text

    def current(self) -> tuple[LoadedFile, Table] | None:
        data = self.sheet_combo.currentData()
        if data is None:
            return None
        f = self.state.loaded[data[0]]
        return f, f.tables[data[1]]

    def show_sheet(self) -> None:
        cur = self.current()
        table = cur[1] if cur else None
        self.preview.set_table(table)
        self.mapping.setRowCount(0)
        self.combos = []
        self._listed = []
        self.include.blockSignals(True)
        self.include.setEnabled(bool(table and table.header_rows))
        self.include.setChecked(bool(table and table.header_rows and not table.excluded))
        self.include.blockSignals(False)
        if table is None:
            self.info.setText(self.state.problems_text())
            self.sign_row.hide()
            self.legend.clear()
            return
        self.show_info(table)
        self.show_sign_date(table)
        self._fill_mapping(table)

    def _fill_mapping(self, table: Table) -> None:
        self._listed = listed_columns(table)
        self.mapping.setRowCount(len(self._listed))
        unsure = 0
        for i, col in enumerate(self._listed):
            title = QTableWidgetItem(column_title(col))
            title.setFlags(Qt.ItemFlag.ItemIsEnabled)
            title.setToolTip(col.header)
            reason = QTableWidgetItem(col.reason)
            reason.setFlags(Qt.ItemFlag.ItemIsEnabled)
            reason.setToolTip(col.reason)
            combo = QComboBox(self.mapping)
            combo.addItem(self.tr("(not imported)"), None)
            for target, label in self._choices:
                combo.addItem(label, target)
            combo.setCurrentIndex(max(0, combo.findData(col.target)) if col.target else 0)
            combo.setAccessibleName(self.tr("Field of column {column}").format(column=col.header))
            combo.setToolTip(col.reason)
            combo.currentIndexChanged.connect(self.mapping_changed)
            if col.target and not col.confident:
                unsure += 1
                for item in (title, reason):
                    item.setBackground(QBrush(UNSURE))
                combo.setStyleSheet(f"background: {UNSURE.name()};")
            self.mapping.setItem(i, 0, title)
            self.mapping.setCellWidget(i, 1, combo)
            self.mapping.setItem(i, 2, reason)
            self.combos.append(combo)
        hidden = len(table.columns) - len(self._listed)
        notes = []
        if unsure:
            notes.append(
                self.tr(
                    "{count} columns (yellow) were matched by their values or a loose title: please confirm them."
                ).format(count=unsure)
            )
        if hidden:
            notes.append(
                self.tr("{count} more columns say nothing and are not imported.").format(
                    count=hidden
                )
            )
        self.legend.setText("\n".join(notes))

    def show_info(self, table: Table) -> None:
        if table.skipped:
            text = self.tr("Skipped: {reason}").format(reason=table.skipped)
        else:
            text = self.tr("Header in row {rows}; {count} project rows; amounts in {unit}.").format(
                rows="、".join(str(r + 1) for r in table.header_rows),
                count=len(table.data_rows()),
                unit=table.title_unit or self.tr("the header's unit"),
            )
            if table.reasons:
                text += " " + self.tr(
                    "{count} rows are totals, categories or repeated headers and are left out."
                ).format(count=len(table.reasons))
        problems = self.state.problems_text()
        self.info.setText(text + ("\n" + problems if problems else ""))

    # -- the clerk's choices ---------------------------------------------------------------

    def include_changed(self, included: bool) -> None:
        cur = self.current()
        if cur is None:
            return
        f, table = cur
        self.state.include_sheet(f, table.sheet, included)
        self.sheet_combo.setItemText(self.sheet_combo.currentIndex(), self._sheet_text(f, table))
        self.show_info(table)
        self.show_sign_date(table)
        self.completeChanged.emit()

    def show_sign_date(self, table: Table) -> None:
        needed = session.sign_date_needed(table) and not table.excluded
        self.sign_row.setVisible(needed)
        if not needed:
            return
        self.sign_date.setText(table.sign_date_default or "")
        if table.sign_date_source == "title":
            note = self.tr("The sheet has no sign-date column; the year is taken from its title.")
        elif table.sign_date_default:
            note = self.tr("The sheet has no sign-date column; every project gets this date.")
        else:
            note = self.tr("The sheet has no sign-date column: give the year, month or date.")
        self._sign_note(note, error=not table.sign_date_default)

    def _sign_note(self, text: str, *, error: bool) -> None:
        self.sign_note.setText(text)
        self.sign_note.setStyleSheet("color: #b00020" if error else "color: #555555")

    def sign_date_changed(self) -> None:
        cur = self.current()
        if cur is None:
            return
        f, table = cur
        try:
            value = self.state.set_sign_date(f, table.sheet, self.sign_date.text())
        except TrackerError as exc:
            self._sign_note(exc.message, error=True)
            return
        if value != self.sign_date.text().strip():
            self.sign_date.setText(value or "")
        self.show_sign_date(table)

    def mapping_changed(self) -> None:
        cur = self.current()
        if cur is None:
            return
        f, table = cur
        mapping = {
            col.header: combo.currentData()
            for col, combo in zip(self._listed, self.combos, strict=True)
        }
        self.state.remap(f, table.sheet, mapping)
        self.preview.set_table(table)
        self.show_info(table)
        self.show_sign_date(table)
        for i, col in enumerate(self._listed):  # what the clerk chose is no longer in doubt
            reason = self.mapping.item(i, 2)
            if reason is not None and reason.text() != col.reason:
                reason.setText(col.reason)
                reason.setToolTip(col.reason)
            if col.confident:
                for item in (self.mapping.item(i, 0), reason):
                    if item is not None:
                        item.setBackground(QBrush())
                self.combos[i].setStyleSheet("")
        self.sheet_combo.setItemText(self.sheet_combo.currentIndex(), self._sheet_text(f, table))

    def validatePage(self) -> bool:
        missing = session.missing_sign_dates(self.state.loaded)
        if missing:
            for i in range(self.sheet_combo.count()):  # show the first sheet that lacks it
                fi, ti = self.sheet_combo.itemData(i)
                f = self.state.loaded[fi]
                if f"{f.path.name}—{f.tables[ti].sheet}" == missing[0]:
                    self.sheet_combo.setCurrentIndex(i)
                    break
            self._sign_note(
                self.tr("Give the sign date of: {sheets}").format(sheets="、".join(missing)),
                error=True,
            )
            self.sign_row.show()
            return False
        return self.steps.advance_when_planned()
