"""文件 → 打印… (Ctrl+P) and 导出当前视图…: the ledger or the 预警 list exactly as on screen.

"As on screen" means the rows the filter left, in the order shown, and the columns shown
(hidden ones left out, moved ones where they were moved). Both actions follow the current
tab; on the 统计 tab they are off (the review workbook is its printout).
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tracker.domain.money import format_wan
from tracker.reports.view_columns import (
    LEDGER_VIEW_KINDS,
    ledger_view_rows,
    view_text,
    warning_view_rows,
)

from .tasks import run_task

if TYPE_CHECKING:  # printing (QtPrintSupport) and the Excel writers (openpyxl) load on use
    from .printing import PrintTable

log = logging.getLogger(__name__)

CONFIRM_ROWS = 2000  # printing more rows than this asks first (about 80 pages)


class ViewActions(QObject):
    """The two actions and their slots; ``window`` is the ``MainWindow``."""

    def __init__(self, window: Any) -> None:
        super().__init__(window)
        self.window = window
        self.task: Any = None
        self.print_action = QAction(self.tr("&Print…"), window)
        self.print_action.setObjectName("action_print")
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_action.setStatusTip(
            self.tr("Print the ledger or the warning list as filtered and sorted on screen")
        )
        self.print_action.triggered.connect(lambda _c=False: self.print_view())
        self.export_action = QAction(self.tr("Export current &view…"), window)
        self.export_action.setObjectName("action_export_view")
        self.export_action.setStatusTip(
            self.tr("Save the rows and columns on screen as an Excel workbook")
        )
        self.export_action.triggered.connect(lambda _c=False: self.export_view())
        window.tabs.currentChanged.connect(lambda _i: self.update_enabled())
        self.update_enabled()

    # -- what is on screen -------------------------------------------------------------

    def current(self) -> tuple[str, Any] | None:
        """("ledger", LedgerView) or ("warnings", WarningsView) for the tab shown."""
        shown = self.window.tabs.currentWidget()
        if shown is self.window.ledger:
            return "ledger", self.window.ledger
        if shown is self.window.pages.get("warnings"):
            return "warnings", self.window.page("warnings")
        return None

    def update_enabled(self) -> None:
        on = self.current() is not None
        self.print_action.setEnabled(on)
        self.export_action.setEnabled(on)

    def county(self) -> str:
        return str(self.window.portfolio.settings().get("county_name") or "")

    def ledger_subtitle(self) -> str:
        result = self.window.model.last_result
        count = result.filtered_count if result else self.window.model.rowCount()
        amount = format_wan(result.filtered_total) if result else "—"
        return self.tr(
            "Filter: {filter}    {n} projects · signed total {amount} (10k yuan)"
        ).format(filter=self.window.ledger.filter_description(), n=count, amount=amount)

    def ledger_table(self, columns: list[tuple[str, str]], rows: list[list[Any]]) -> PrintTable:
        from .printing import PrintTable

        model = self.window.model
        ids = model.ids()
        return PrintTable(
            title=self.tr("{county} ledger of signed projects").format(county=self.county()),
            subtitle=self.tr("{subtitle}    Printed {date}").format(
                subtitle=self.ledger_subtitle(), date=date.today().isoformat()
            ),
            headers=[header for _key, header in columns],
            rows=[[view_text(v) for v in row] for row in rows],
            right_aligned={
                i for i, (key, _h) in enumerate(columns) if LEDGER_VIEW_KINDS.get(key) == "money"
            },
            tints=[model.level_of(pid) for pid in ids[: len(rows)]],
        )

    def warnings_table(self, page: Any) -> PrintTable:
        columns = page.view_columns()
        warnings = page.model.shown()
        rows = warning_view_rows(warnings, [key for key, _ in columns])
        from .printing import PrintTable

        return PrintTable(
            title=self.tr("{county} warning list (signed and forgotten)").format(
                county=self.county()
            ),
            subtitle=self.tr("{filter}    Printed {date}").format(
                filter=page.filter_description(), date=date.today().isoformat()
            ),
            headers=[header for _key, header in columns],
            rows=[[view_text(v) for v in row] for row in rows],
            tints=[w.level for w in warnings],
            tint_columns={i for i, (key, _h) in enumerate(columns) if key == "level"},
        )

    # -- printing ----------------------------------------------------------------------

    def print_view(self) -> None:
        from . import printing

        shown = self.current()
        if shown is None:
            return
        kind, view = shown
        if kind == "warnings":
            if view.review is None:
                self.window.statusBar().showMessage(
                    self.tr("The warnings are still loading."), 5000
                )
                return
            printing.exec_preview(self.window, self.warnings_table(view))
            return
        ids = self.window.model.ids()
        if len(ids) > CONFIRM_ROWS and not self.confirm_long(len(ids)):
            return
        columns = view.view_columns()
        keys = [key for key, _ in columns]

        def done(rows: list[list[Any]]) -> None:
            printing.exec_preview(self.window, self.ledger_table(columns, rows))

        self.task = run_task(
            self.window,
            self.tr("Preparing the printout"),
            lambda ctx: ledger_view_rows(ctx.portfolio(), ids, keys, ctx.cancelled),
            db_path=self.window.db_path,
            on_done=done,
        )

    def confirm_long(self, rows: int) -> bool:
        answer = QMessageBox.question(
            self.window,
            self.tr("Print"),
            self.tr(
                "{n} rows are shown: about {pages} pages. Print them all? "
                "(Filter the ledger first to print fewer.)"
            ).format(n=rows, pages=rows // 25 + 1),
        )
        return answer == QMessageBox.StandardButton.Yes

    # -- exporting ---------------------------------------------------------------------

    def export_view(self) -> None:
        from tracker.reports.review_report import default_file_name
        from tracker.reports.view_export import write_ledger_view, write_warning_view

        shown = self.current()
        if shown is None:
            return
        kind, view = shown
        today = date.today().isoformat()
        settings = self.window.portfolio.settings()
        name = default_file_name(
            settings, f"{'ledger' if kind == 'ledger' else 'warning'}_view", today, None
        )
        path = self.ask_file_name(self.documents() / name)
        if path is None:
            return
        columns = view.view_columns()
        if kind == "ledger":
            ids = self.window.model.ids()
            title = self.tr("{county} ledger of signed projects").format(county=self.county())
            subtitle = self.tr("{subtitle}    Exported {date}").format(
                subtitle=self.ledger_subtitle(), date=today
            )

            def work(ctx: Any) -> tuple[Path, int]:
                return write_ledger_view(
                    ctx.portfolio(),
                    path,
                    ids,
                    columns,
                    title,
                    subtitle,
                    ctx.progress,
                    ctx.cancelled,
                )

        else:
            if view.review is None:
                return
            warnings = view.model.shown()
            title = self.tr("{county} warning list (signed and forgotten)").format(
                county=self.county()
            )
            subtitle = self.tr("{filter}    Exported {date}").format(
                filter=view.filter_description(), date=today
            )

            def work(ctx: Any) -> tuple[Path, int]:
                return write_warning_view(path, warnings, columns, title, subtitle)

        self.task = run_task(
            self.window,
            self.tr("Export current view"),
            work,
            db_path=self.window.db_path,
            on_done=self._exported,
        )

    def _exported(self, result: tuple[Path, int]) -> None:
        path, n = result
        self.window.statusBar().showMessage(
            self.tr("Exported {n} rows to {path}").format(n=n, path=path), 10_000
        )

    def documents(self) -> Path:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(folder) if folder and Path(folder).is_dir() else Path.home()

    def ask_file_name(self, suggestion: Path) -> Path | None:
        """A save dialog (tests replace this)."""
        name, _filter = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export current view"),
            str(suggestion),
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".xlsx" else path.with_suffix(".xlsx")
