"""The ledger page: search box, filter combos and the table.

Typing filters as you go: a short debounce, then the core's SQL search (name, investor,
unit, leader, their full pinyin and pinyin initials) in a worker thread.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.vocabulary import STAGE_ORDER, Status
from tracker.ledger.portfolio import Portfolio
from tracker.ledger.queries import ProjectFilter, distinct_values

from .after_paint import after_paint
from .app import settings
from .ledger_legend import LedgerLegend
from .ledger_model import COLUMNS, LedgerModel, LoadResult
from .widgets import shown_columns

# Debounce by waiting for the search in flight: the first keystroke searches at once; the
# keystrokes typed while it runs are merged into one search when it lands. A slow search
# (a huge ledger) also waits for the typist to pause.
SLOW_SEARCH_MS = 150
SLOW_DEBOUNCE_MS = 200


class LedgerTable(QTableView):
    """The table; Enter opens the selected project (double-click does too)."""

    activated_row = Signal(int)

    def keyPressEvent(self, event) -> None:  # noqa: ANN001 - Qt signature
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.activated_row.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


class LedgerView(QWidget):
    open_project = Signal(int)
    loaded = Signal(object)  # LoadResult

    def __init__(self, model: LedgerModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledger_view")
        self.model = model
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(0)
        self._debounce.timeout.connect(self._search_now)
        self._pending = False
        self._build()
        self.model.loaded.connect(self._on_loaded)
        self.model.defer_warm_up = lambda work: after_paint(self.table.viewport(), work)

    # -- layout ------------------------------------------------------------------------

    def _build(self) -> None:
        self.search = QLineEdit(self)
        self.search.setObjectName("ledger_search")
        self.search.setAccessibleName(self.tr("Search projects"))
        self.search.setPlaceholderText(
            self.tr("Name, investor, unit, leader or pinyin initials (Ctrl+F)")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(300)
        self.search.textChanged.connect(self._text_changed)
        shortcut = QShortcut("Ctrl+F", self)
        shortcut.setWhatsThis(self.tr("Ledger: search"))  # named in 帮助 → 快捷键
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        shortcut.activated.connect(self.focus_search)

        self.year_combo = self._combo("filter_year", self.tr("Sign year"))
        self.unit_combo = self._combo("filter_unit", self.tr("Responsible unit"))
        self.stage_combo = self._combo("filter_stage", self.tr("Stage"))
        self.status_combo = self._combo("filter_status", self.tr("Status"))
        for stage in STAGE_ORDER:
            self.stage_combo.addItem(stage.label, stage.value)
        for status in Status:
            self.status_combo.addItem(status.label, status.value)
        self.incomplete = QCheckBox(self.tr("Inco&mplete"), self)
        self.incomplete.setObjectName("filter_incomplete")
        self.incomplete.setToolTip(
            self.tr("Projects an import could not complete: no investor, or only the year signed")
        )
        self.incomplete.toggled.connect(lambda _on: self.apply_filter())
        self.reset_button = QPushButton(self.tr("&Clear filters"), self)
        self.reset_button.setObjectName("clear_filters")
        self.reset_button.clicked.connect(self.clear_filters)

        bar = QHBoxLayout()
        search_label = QLabel(self.tr("&Search:"), self)
        search_label.setBuddy(self.search)
        bar.addWidget(search_label)
        bar.addWidget(self.search, 3)
        for label_text, combo in (
            (self.tr("&Year:"), self.year_combo),
            (self.tr("&Unit:"), self.unit_combo),
            (self.tr("S&tage:"), self.stage_combo),
            (self.tr("Stat&us:"), self.status_combo),
        ):
            label = QLabel(label_text, self)
            label.setBuddy(combo)
            bar.addWidget(label)
            bar.addWidget(combo, 1)
        bar.addWidget(self.incomplete)
        bar.addWidget(self.reset_button)

        self.table = LedgerTable(self)
        self.table.setObjectName("ledger_table")
        self.table.setAccessibleName(self.tr("Project ledger"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.doubleClicked.connect(lambda index: self._emit_open(index.row()))
        self.table.activated_row.connect(self._emit_open)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        for i, column in enumerate(COLUMNS):
            self.table.setColumnWidth(i, column.width)
        header.setStretchLastSection(True)
        order_by, descending = self.model.sort_state()
        header.setSortIndicator(
            [c.key for c in COLUMNS].index(order_by),
            Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder,
        )
        self.restore_columns()
        # Enabling sorting sorts by the (restored) indicator: that is the first load.
        self.table.setSortingEnabled(True)
        header.sectionResized.connect(lambda *_: self.save_columns())
        header.sectionMoved.connect(lambda *_: self.save_columns())

        self.legend = LedgerLegend(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        self.setTabOrder(self.search, self.year_combo)
        self.setTabOrder(self.status_combo, self.incomplete)
        self.setTabOrder(self.incomplete, self.reset_button)
        self.setTabOrder(self.reset_button, self.table)

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.addItem(self.tr("All"), None)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        return combo

    # -- filters -----------------------------------------------------------------------

    def fill_filter_choices(self, portfolio: Portfolio) -> None:
        """Years and units in use (and the settings list of units), keeping selections."""
        units = sorted(
            set(distinct_values(portfolio.db, "unit"))
            | set(portfolio.settings().get("units") or [])
        )
        for combo, values in (
            (self.year_combo, distinct_values(portfolio.db, "year")),
            (self.unit_combo, units),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value in values:
                combo.addItem(value, value)
            index = combo.findData(current) if current is not None else 0
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def current_filter(self) -> ProjectFilter:
        year = self.year_combo.currentData()
        return ProjectFilter(
            search=self.search.text().strip() or None,
            year=int(year) if year else None,
            unit=self.unit_combo.currentData(),
            stage=self.stage_combo.currentData(),
            status=self.status_combo.currentData(),
            incomplete=self.incomplete.isChecked() or None,
        )

    def _text_changed(self) -> None:
        if self.model.loading:
            self._pending = True  # searched when the running search lands
        else:
            self._debounce.start()

    def _search_now(self) -> None:
        if self.model.loading:
            self._pending = True
        else:
            self.apply_filter()

    def apply_filter(self) -> None:
        self._debounce.stop()
        self._pending = False
        self.model.set_filter(self.current_filter())

    def clear_filters(self) -> None:
        for combo in (self.year_combo, self.unit_combo, self.stage_combo, self.status_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.incomplete.blockSignals(True)
        self.incomplete.setChecked(False)
        self.incomplete.blockSignals(False)
        self.apply_filter()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _on_loaded(self, result: LoadResult) -> None:
        # Adapt the debounce: instant when the search is fast, patient when it is slow.
        self._debounce.setInterval(0 if result.elapsed_ms < SLOW_SEARCH_MS else SLOW_DEBOUNCE_MS)
        if self._pending:
            self._pending = False
            self._debounce.start()
        if not self.table.currentIndex().isValid() and self.model.rowCount() > 0:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self.loaded.emit(result)

    def filter_description(self) -> str:
        """The filter and order on screen, in words, for a printout's or export's title."""
        parts = []
        for combo in (self.year_combo, self.unit_combo, self.stage_combo, self.status_combo):
            if combo.currentData() is not None:
                parts.append(f"{combo.accessibleName()}：{combo.currentText()}")
        text = self.search.text().strip()
        if text:
            parts.append(self.tr("search “{text}”").format(text=text))
        filtered = "；".join(parts) if parts else self.tr("all projects")
        order_by, descending = self.model.sort_state()
        column = next((c for c in COLUMNS if c.key == order_by), None)
        if column is None:
            return filtered
        title = self.model.tr(column.title)
        order = self.tr("descending") if descending else self.tr("ascending")
        return self.tr("{filter}; sorted by {column}, {order}").format(
            filter=filtered, column=title, order=order
        )

    def view_columns(self) -> list[tuple[str, str]]:
        """(key, header) of the columns on screen, in the order they are shown."""
        return shown_columns(self.table, [c.key for c in COLUMNS])

    # -- selection and opening ---------------------------------------------------------

    def _emit_open(self, row: int) -> None:
        pid = self.model.project_id(row)
        if pid is not None:
            self.open_project.emit(pid)

    def selected_project_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.project_id(index.row()) if index.isValid() else None

    def select_project(self, project_id: int) -> None:
        row = self.model.row_of(project_id)
        if row >= 0:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    # -- columns (QSettings) -----------------------------------------------------------

    def _header_menu(self, pos: QPoint) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for i, _column in enumerate(COLUMNS):
            action = QAction(self.model.headerData(i, Qt.Orientation.Horizontal), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(i))
            action.setEnabled(i != 0)  # the project name always stays
            action.toggled.connect(lambda on, i=i: self.set_column_visible(i, on))
            menu.addAction(action)
        menu.popup(header.mapToGlobal(pos))

    def set_column_visible(self, column: int, visible: bool) -> None:
        self.table.horizontalHeader().setSectionHidden(column, not visible)
        self.save_columns()

    def save_columns(self) -> None:
        settings().setValue("ledger/header", self.table.horizontalHeader().saveState())

    def restore_columns(self) -> None:
        state = settings().value("ledger/header")
        if state is not None:
            self.table.horizontalHeader().restoreState(state)
            self.table.horizontalHeader().setSectionHidden(0, False)
