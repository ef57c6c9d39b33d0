"""The ledger table: a QAbstractTableModel over a list of project ids with a row cache.

Why not QSortFilterProxyModel: over a Python model it calls ``data()`` millions of times
(measured ~42 s to sort 100k rows). Here the core sorts and filters in SQL and returns the
ordered ids (in a worker thread, through ``ui.tasks``); the model then fetches only the rows
the view draws, a page at a time, as Anki's browser does.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from tracker.domain.dates import display_date, today_iso
from tracker.domain.vocabulary import Status
from tracker.errors import TrackerError
from tracker.ledger.portfolio import Portfolio
from tracker.ledger.queries import ProjectFilter
from tracker.ledger.search_index import LedgerIndex
from tracker.reports.view_columns import ledger_cell, view_text

from .tasks import TaskContext, run_task, show_error
from .widgets import TEXT_ON_TINT

PAGE_SIZE = 80  # rows read at a time: a screenful is ~25; each read is on the UI thread
MAX_CACHE = 1200  # rows kept (a row dict is ~2 KB): the pages around what is drawn
Index = QModelIndex | QPersistentModelIndex


log = logging.getLogger(__name__)


def _log_ignored(exc: BaseException) -> None:
    """Background work the ledger can do without (tints, a warm search index) failed: the
    ledger still works, and the log keeps why."""
    log.warning("background ledger work failed: %r", exc)


@dataclass(frozen=True)
class LedgerViewColumn:
    key: str  # the row dict key, and the SQL sort key
    title: str  # English source text; translated in headerData
    width: int


COLUMNS: tuple[LedgerViewColumn, ...] = (
    LedgerViewColumn("name", QT_TRANSLATE_NOOP("LedgerModel", "Project name"), 260),
    LedgerViewColumn("investor", QT_TRANSLATE_NOOP("LedgerModel", "Investor"), 220),
    LedgerViewColumn("sign_date", QT_TRANSLATE_NOOP("LedgerModel", "Sign date"), 92),
    LedgerViewColumn(
        "signed_amount_wan", QT_TRANSLATE_NOOP("LedgerModel", "Amount (10k yuan)"), 130
    ),
    LedgerViewColumn("stage", QT_TRANSLATE_NOOP("LedgerModel", "Stage"), 60),
    LedgerViewColumn("unit", QT_TRANSLATE_NOOP("LedgerModel", "Responsible unit"), 150),
    LedgerViewColumn("leader", QT_TRANSLATE_NOOP("LedgerModel", "Leader"), 70),
    LedgerViewColumn("location", QT_TRANSLATE_NOOP("LedgerModel", "Location"), 100),
    LedgerViewColumn("industry", QT_TRANSLATE_NOOP("LedgerModel", "Industry"), 90),
    LedgerViewColumn("status", QT_TRANSLATE_NOOP("LedgerModel", "Status"), 60),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)
AMOUNT_COLUMN = COLUMN_KEYS.index("signed_amount_wan")

GREY = QColor("#8a8a8a")
TINTS = {"red": QColor("#fde0dc"), "yellow": QColor("#fff4cc")}
GREY_BRUSH = QBrush(GREY)
TINT_BRUSHES = {level: QBrush(color) for level, color in TINTS.items()}
TINT_TEXT = QBrush(TEXT_ON_TINT)  # set with each tint: readable under a dark palette too
DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
ALIGN = int(Qt.ItemDataRole.TextAlignmentRole.value)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole.value)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole.value)
USER = int(Qt.ItemDataRole.UserRole.value)
HANDLED_ROLES = frozenset((DISPLAY, TOOLTIP, ALIGN, FOREGROUND, BACKGROUND, USER))
ALIGN_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
ALIGN_LEFT = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value)
ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


@dataclass
class LoadResult:
    ids: list[int]
    filtered_count: int
    filtered_total: Decimal
    all_count: int
    all_total: Decimal
    elapsed_ms: float
    index: LedgerIndex | None = None


def load_ids(
    ctx: TaskContext,
    flt: ProjectFilter,
    order_by: str,
    descending: bool,
    index: LedgerIndex | None = None,
) -> LoadResult:
    """Worker side of a refresh: the ordered ids plus the counts the status bar shows.

    ``index`` (kept while the data has not changed) spares re-sorting the whole ledger
    for a search keystroke. Without a search and without an index (start-up, after an
    edit) the plain SQL query answers sooner; the index is then built in the background.
    """
    started = time.perf_counter()
    if (index is None or not index.matches(flt, order_by, descending)) and not flt.search:
        pf = ctx.portfolio()
        all_count, all_total = pf.totals(None)
        ids = pf.query_ids(flt, order_by, descending)
        count, total = (all_count, all_total) if flt.is_empty() else pf.totals(flt)
        return LoadResult(
            ids,
            count,
            total or Decimal(0),
            all_count,
            all_total or Decimal(0),
            (time.perf_counter() - started) * 1000,
            None,
        )
    if index is None or not index.matches(flt, order_by, descending):
        index = LedgerIndex(ctx.portfolio().db, flt, order_by, descending)
    # A keystroke on a kept index reads nothing from the database (not even a connection).
    found = index.narrow(flt.search)
    return LoadResult(
        found.ids,
        found.count,
        found.total_wan,
        index.all_count,
        index.all_total,
        (time.perf_counter() - started) * 1000,
        index,
    )


def build_index(
    ctx: TaskContext, flt: ProjectFilter, order_by: str, descending: bool
) -> LedgerIndex:
    return LedgerIndex(ctx.portfolio().db, flt, order_by, descending)


def load_warning_levels(ctx: TaskContext, read_only: bool = False) -> dict[int, str]:
    """Worst warning per project, for the row tints. ``read_only``: the window's ledger
    takes no writes (a damaged file, ``file_check``), so the lights are not stored either."""
    from tracker.review import worst_levels

    pf = ctx.portfolio()
    pf.read_only = pf.read_only or read_only
    return worst_levels(pf, today_iso(), cancelled=ctx.cancelled)


class LedgerModel(QAbstractTableModel):
    """Rows are project ids in the core's order; cells come from a paged row cache."""

    loaded = Signal(object)  # LoadResult, after every refresh lands
    levels_loaded = Signal()

    def __init__(self, portfolio: Portfolio, db_path: Path, parent: Any = None) -> None:
        super().__init__(parent)
        self._portfolio = portfolio  # UI-thread connection, for the small page reads
        self._db_path = db_path
        self._ids: list[int] = []
        self._cache: dict[int, dict[str, Any]] = {}
        self._texts: dict[int, tuple[str, ...]] = {}
        self._levels: dict[int, str] = {}
        # A row's warnings, fetched when its tooltip is first asked for (never up front:
        # a big ledger would hold every warning of every project in memory).
        self._tips: dict[int, str] = {}
        self.levels_task: Any = None  # the running tint review, cancelled when superseded
        self._levels_running = False
        self._index_wanted = False  # its warm-up waits for the running tint review
        self._filter = ProjectFilter()
        self._order_by = "sign_date"
        self._descending = True
        self._generation = 0
        self._index: LedgerIndex | None = None
        self.last_result: LoadResult | None = None
        self.loading = False
        # how the search index's warm-up waits for the rows to be drawn (``LedgerView``)
        self.defer_warm_up: Callable[[Callable[[], None]], None] = lambda work: work()
        self._bold = QFont()
        self._bold.setBold(True)

    # -- loading -----------------------------------------------------------------------

    def refresh(
        self,
        *,
        with_levels: bool = True,
        data_changed: bool = True,
        on_loaded: Callable[[LoadResult], None] | None = None,
    ) -> None:
        """Ask the core for the ids again (after a filter, sort or data change)."""
        self._generation += 1
        generation = self._generation
        flt, order_by, descending = replace(self._filter), self._order_by, self._descending
        if data_changed:
            self._index = None
        index = self._index
        self.loading = True

        def done(result: LoadResult) -> None:
            if generation != self._generation:
                return  # a newer keystroke already asked again; drop this answer
            self._apply(result)
            if on_loaded is not None:
                on_loaded(result)

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.loading = False
            show_error(self.parent_widget(), self.tr("Loading the ledger"), exc)

        run_task(
            self.parent_widget(),
            self.tr("Loading the ledger"),
            lambda ctx: load_ids(ctx, flt, order_by, descending, index),
            db_path=self._db_path,
            on_done=done,
            on_error=failed,
            show_progress=False,
            interactive=True,
        )
        if with_levels:
            self.refresh_levels()

    def refresh_levels(self) -> None:
        """Recompute the warning tints in the background (slow on big ledgers)."""
        if self.levels_task is not None:
            self.levels_task.cancel()  # superseded: the data changed again
        self.levels_task = run_task(
            self.parent_widget(),
            self.tr("Checking warnings"),
            lambda ctx, read_only=self._portfolio.read_only: load_warning_levels(ctx, read_only),
            db_path=self._db_path,
            on_done=self._apply_levels,
            show_progress=False,
            on_error=self._levels_failed,  # tints are a nicety; never block the ledger
        )
        self._levels_running = True

    def parent_widget(self) -> Any:
        parent = self.parent()
        return parent if parent is not None and hasattr(parent, "window") else None

    def _apply(self, result: LoadResult) -> None:
        self.beginResetModel()
        self._ids = result.ids
        self._cache.clear()
        self._texts.clear()
        self._tips.clear()
        self.endResetModel()
        self.last_result = result
        self._index = result.index
        self.loading = False
        self.loaded.emit(result)
        if result.index is None:
            self.defer_warm_up(self._warm_index_after_levels)

    def _warm_index_after_levels(self) -> None:
        """The index's warm-up (Python work over every project) waits for a running tint
        review, which it would slow: the tints are on screen, a first keystroke later."""
        if self._levels_running:
            self._index_wanted = True
        else:
            self._warm_index()

    def _levels_done(self) -> None:
        self._levels_running = False
        if self._index_wanted:
            self._index_wanted = False
            if self._index is None:
                self._warm_index()

    def _levels_failed(self, exc: BaseException) -> None:
        _log_ignored(exc)
        self._levels_done()

    def _warm_index(self) -> None:
        """Build the search index in the background so the first keystroke is fast too."""
        generation = self._generation
        flt, order_by, descending = replace(self._filter), self._order_by, self._descending

        def done(index: LedgerIndex) -> None:
            if generation == self._generation and self._index is None:
                self._index = index

        run_task(
            self.parent_widget(),
            self.tr("Loading the ledger"),
            lambda ctx: build_index(ctx, flt, order_by, descending),
            db_path=self._db_path,
            on_done=done,
            on_error=_log_ignored,  # the first keystroke then builds it again
            show_progress=False,
            interactive=True,
        )

    def _apply_levels(self, levels: dict[int, str]) -> None:
        self._levels_done()
        self._levels = levels
        self._tips.clear()
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._ids) - 1, len(COLUMNS) - 1),
                [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole],
            )
        self.levels_loaded.emit()

    @property
    def search_ready(self) -> bool:
        """The search index is built: a keystroke filters in memory."""
        return self._index is not None

    def project_changed(self, project_id: int) -> None:
        """After an editor save: that row is read and tinted again at once (one project
        reviewed, a few ms); the caller's ``refresh`` follows in the background."""
        from tracker.review import worst_level_of  # the review: after the first rows

        try:
            level = worst_level_of(self._portfolio, project_id, today_iso())
        except TrackerError as exc:  # deleted meanwhile: the refresh drops its row
            log.info("no tint for project %s: %s", project_id, exc.message)
            level = None
        if level is None:
            self._levels.pop(project_id, None)
        else:
            self._levels[project_id] = level
        self.invalidate_rows([project_id])

    def invalidate_rows(self, ids: list[int] | None = None) -> None:
        """Drop cached rows after an edit so the next paint reads them fresh."""
        if ids is None:
            self._cache.clear()
            self._texts.clear()
            self._tips.clear()
        else:
            for pid in ids:
                self._cache.pop(pid, None)
                self._texts.pop(pid, None)
                self._tips.pop(pid, None)
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            )

    def set_filter(self, flt: ProjectFilter) -> None:
        self._filter = flt
        self.refresh(with_levels=False, data_changed=False)

    @property
    def filter(self) -> ProjectFilter:
        return self._filter

    def set_portfolio(self, portfolio: Portfolio, db_path: Path) -> None:
        self._portfolio, self._db_path = portfolio, db_path
        self._levels, self._index, self._tips = {}, None, {}
        self.beginResetModel()
        self._ids, self._cache, self._texts = [], {}, {}
        self.endResetModel()

    # -- Qt model API ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return section + 1 if role == DISPLAY else None
        if 0 <= section < len(COLUMNS):
            if role == DISPLAY:
                return self.tr(COLUMNS[section].title)
            if role == ALIGN and section == AMOUNT_COLUMN:
                return ALIGN_RIGHT
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._order_by = COLUMNS[column].key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.refresh(with_levels=False, data_changed=False)

    def row_dict(self, row: int) -> dict[str, Any] | None:
        if not 0 <= row < len(self._ids):
            return None
        pid = self._ids[row]
        cached = self._cache.get(pid)
        if cached is None:
            self._fetch_page(row)
            cached = self._cache.get(pid)
        return cached

    def _fetch_page(self, row: int) -> None:
        if len(self._cache) > MAX_CACHE:
            self._cache.clear()
            self._texts.clear()
        start = max(0, row - PAGE_SIZE // 4)
        wanted = [i for i in self._ids[start : start + PAGE_SIZE] if i not in self._cache]
        for found in self._portfolio.rows_for_ids(wanted):
            self._cache[found["id"]] = found
        for pid in wanted:  # deleted meanwhile: an empty row until the next refresh
            self._cache.setdefault(pid, {"id": pid})

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        # Called thousands of times per repaint: plain int roles and per-row cached texts.
        if role not in HANDLED_ROLES or not index.isValid():
            return None
        column = index.column()
        cells = self._cells(index.row())
        if cells is None or not 0 <= column < len(COLUMNS):
            return None
        if role == DISPLAY:
            return cells[column]
        if role == TOOLTIP:
            return self._tooltip(index.row(), cells[column])
        if role == ALIGN:
            return ALIGN_RIGHT if column == AMOUNT_COLUMN else ALIGN_LEFT
        row = self.row_dict(index.row()) or {}
        terminated = row.get("status") == Status.TERMINATED
        if role == FOREGROUND:
            if terminated:
                return GREY_BRUSH
            return TINT_TEXT if self._levels.get(row.get("id", 0)) in TINT_BRUSHES else None
        if role == BACKGROUND and not terminated:
            return TINT_BRUSHES.get(self._levels.get(row.get("id", 0), ""))
        if role == USER:
            return row.get("id")
        return None

    def _cells(self, row: int) -> tuple[str, ...] | None:
        """The row's display texts, computed once per fetched row."""
        if not 0 <= row < len(self._ids):
            return None
        pid = self._ids[row]
        cells = self._texts.get(pid)
        if cells is None:
            found = self.row_dict(row) or {}
            cells = tuple(display_value(c.key, found.get(c.key)) for c in COLUMNS)
            self._texts[pid] = cells
        return cells

    def _tooltip(self, row: int, cell: str) -> str:
        """The cell's text, then why the row is tinted: its warnings, or why it is grey."""
        found = self.row_dict(row) or {}
        pid = found.get("id")
        if pid is None:
            return cell
        if pid not in self._tips:
            self._tips[pid] = self._why(found)
        why = self._tips[pid]
        return f"{cell}\n\n{why}" if cell and why else cell or why

    def _why(self, found: dict[str, Any]) -> str:
        if found.get("status") == Status.TERMINATED:
            when = display_date(found.get("status_date")) or ""
            reason = found.get("status_reason") or self.tr("no reason given")
            return self.tr("Terminated {date}: {reason}").format(date=when, reason=reason)
        if found["id"] not in self._levels:
            return ""
        from tracker.review import warning_line, warnings_for_project

        try:
            warnings = warnings_for_project(self._portfolio, found["id"], today_iso())
        except TrackerError as exc:  # deleted meanwhile: say nothing about its lights
            log.info("no tooltip for project %s: %s", found["id"], exc.message)
            return ""
        return "\n".join(warning_line(w) for w in warnings)

    # -- helpers for the view ----------------------------------------------------------

    def project_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, project_id: int) -> int:
        try:
            return self._ids.index(project_id)
        except ValueError:
            return -1

    def ids(self) -> list[int]:
        return list(self._ids)

    def sort_state(self) -> tuple[str, bool]:
        return self._order_by, self._descending

    def level_of(self, project_id: int) -> str | None:
        return self._levels.get(project_id)


def display_value(key: str, value: Any) -> str:
    """Cell text: 万元 with separators, Chinese stage and status labels, ``2023-08（约）``
    for an approximate date — the core's ``view_columns``, which the export shares."""
    return view_text(ledger_cell(key, value))
