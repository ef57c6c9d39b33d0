"""导出当前视图: the ledger or the warning list exactly as the window shows it — the rows
the filter left, in the order on screen, the columns on screen — as a print-ready sheet.

The window passes the ids (or warnings) in its order and its visible columns with their
headers; the values come from ``view_columns``, the same functions the window displays.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from tracker.errors import Cancelled
from tracker.reports.layout import ReportColumn, set_widths, table, title_block
from tracker.reports.output import check_target, save_workbook
from tracker.reports.pages import fit_page_width
from tracker.reports.styles import SheetWriter, filter_range, print_setup
from tracker.reports.view_columns import (
    LEDGER_VIEW_KINDS,
    WARNING_VIEW_KINDS,
    ledger_view_rows,
    warning_view_rows,
)
from tracker.review import ProjectWarnings, ReviewWarning
from tracker.work import CancelFn, ProgressFn

# kind -> (style, width): wrapped text gets a set width, the rest fits its contents
KIND_STYLE: dict[str, tuple[str, float | None]] = {
    "text": ("text", None),
    "wrap": ("wrap", 22),
    "long": ("wrap", 46),
    "money": ("money", 13),
    "date": ("center", 12.5),
}
LONG_KEYS = {"message", "threshold", "facts"}


def _columns(columns: Sequence[tuple[str, str]], kinds: dict[str, str]) -> list[ReportColumn]:
    out = []
    for key, header in columns:
        kind = "long" if key in LONG_KEYS else kinds.get(key, "text")
        style, width = KIND_STYLE[kind]
        out.append(ReportColumn(header, style, width))
    return out


def write_view(
    path: Path,
    title: str,
    subtitle: str,
    columns: list[ReportColumn],
    rows: list[list[Any]],
    sheet: str,
    tints: list[str | None] | None = None,
) -> Path:
    """One sheet: the title, what was filtered, the table; saved safely."""
    path = check_target(Path(path))
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    w = SheetWriter(ws)
    ncols = max(1, len(columns))
    row = title_block(w, 1, ncols, title, subtitle, f"共 {len(rows)} 行")
    header, last = table(w, row, columns, rows, tints)
    set_widths(w, columns, header, last)
    print_setup(
        ws,
        title_rows=(1, header),
        freeze=f"A{header + 1}",
        filter_ref=filter_range(header, last, ncols),
    )
    fit_page_width(ws, ncols)
    return save_workbook(wb, path)


def write_ledger_view(
    portfolio: Any,
    path: Path,
    ids: Sequence[int],
    columns: Sequence[tuple[str, str]],
    title: str,
    subtitle: str,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> tuple[Path, int]:
    """The ledger rows ``ids`` in that order, ``columns`` = [(key, header on screen)]."""
    check_target(Path(path))
    if progress is not None:
        progress(0, 2, "正在读取台账")
    rows = ledger_view_rows(portfolio, ids, [key for key, _ in columns], cancelled)
    if cancelled is not None and cancelled():
        raise Cancelled()
    if progress is not None:
        progress(1, 2, "正在写入文件")
    out = write_view(path, title, subtitle, _columns(columns, LEDGER_VIEW_KINDS), rows, "项目台账")
    return out, len(rows)


def write_warning_view(
    path: Path,
    items: Sequence[ReviewWarning | ProjectWarnings],
    columns: Sequence[tuple[str, str]],
    title: str,
    subtitle: str,
) -> tuple[Path, int]:
    """The 预警 list in the order on screen — warnings, or projects with their warnings —
    ``columns`` = [(key, header on screen)]."""
    rows = warning_view_rows(items, [key for key, _ in columns])
    out = write_view(
        path,
        title,
        subtitle,
        _columns(columns, WARNING_VIEW_KINDS),
        rows,
        "预警清单",
        [item.level for item in items],
    )
    return out, len(rows)
