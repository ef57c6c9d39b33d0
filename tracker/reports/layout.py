"""The parts every printed table shares: title block, header + body, 填表人/审核人 lines.

A report sheet reads as an official form: a title merged across the table, a line with
统计截至 and 填报单位, the table with a coloured header row (repeated on every printed page),
and blank lines for signatures at the end.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter

from tracker.reports.styles import LINE_HEIGHT, SheetWriter, fit_columns, print_width

WRAP_STYLES = {"wrap", "header", "note"}


@dataclass(frozen=True)
class ReportColumn:
    header: str
    style: str = "text"  # a style name from styles._STYLE_SPECS
    width: float | None = None  # wrap columns: the width; others: the least width

    @property
    def wraps(self) -> bool:
        return self.style in WRAP_STYLES and self.width is not None


def title_block(w: SheetWriter, row: int, ncols: int, title: str, left: str, right: str) -> int:
    """Title merged across ``ncols`` columns, then 统计截至 (left) and 填报单位 (right)."""
    w.merged(row, 1, ncols, title, "title")
    w.ws.row_dimensions[row].height = 32
    half = max(1, ncols // 2)
    w.merged(row + 1, 1, half, left, "subtitle")
    if ncols > 1:
        w.merged(row + 1, half + 1, ncols, right, "subtitle_right")
    w.ws.row_dimensions[row + 1].height = 20
    return row + 2


def table(
    w: SheetWriter,
    row: int,
    columns: Sequence[ReportColumn],
    rows: Iterable[Sequence[Any]],
    tints: Iterable[str | None] | None = None,
) -> tuple[int, int]:
    """Header at ``row`` and the body below; returns (header row, last body row)."""
    header_style = w.style("header")
    w.row(row, [c.header for c in columns], [header_style] * len(columns))
    w.ws.row_dimensions[row].height = 30
    by_tint: dict[str | None, list[StyleArray]] = {}
    tint_iter = iter(tints) if tints is not None else None
    # Spreadsheet programs do not grow rows for wrapped text on opening: set the height.
    wrapping = [(i, c.width - 1) for i, c in enumerate(columns) if c.wraps and c.width]
    dims = w.ws.row_dimensions
    last = row
    for values in rows:
        last += 1
        tint = next(tint_iter) if tint_iter is not None else None
        styles = by_tint.get(tint)
        if styles is None:
            styles = by_tint[tint] = [w.style(c.style, tint) for c in columns]
        w.row(last, values, styles)
        lines = 1
        for i, room in wrapping:
            value = values[i]
            if isinstance(value, str) and len(value) * 0.95 > room:
                needed = max(math.ceil(print_width(part) / room) for part in value.split("\n"))
                lines = max(lines, needed + value.count("\n"))
        if lines > 1:
            dims[last].height = LINE_HEIGHT * lines + 3
    return row, last


def set_widths(
    w: SheetWriter,
    columns: Sequence[ReportColumn],
    header_row: int,
    last_row: int,
    sample: int = 300,
) -> None:
    """Wrap columns get their given width; others fit the header and the first ``sample``
    rows (at least the given width), so nothing is clipped when printed."""
    cells = w.ws._cells
    rows = (
        [cells[(r, c + 1)].value if (r, c + 1) in cells else None for c in range(len(columns))]
        for r in range(header_row + 1, min(last_row, header_row + sample) + 1)
    )
    fit_columns(w.ws, [c.header for c in columns], rows)
    for i, column in enumerate(columns):
        if column.width is None:
            continue
        dim = w.ws.column_dimensions[get_column_letter(i + 1)]
        dim.width = column.width if column.wraps else max(column.width, dim.width or 0)


def preparer(settings: Mapping[str, Any]) -> str:
    """The 填表人 the settings name (empty: a line to sign by hand)."""
    return str(settings.get("preparer") or "")


def signoff(w: SheetWriter, row: int, ncols: int, preparer: str = "") -> int:
    """填表人 / 审核人 / 日期 with blank lines to sign on, after a blank row; 填表人 is
    printed when the settings name one (asked at first run), else left to sign by hand."""
    row += 1
    parts = (
        f"填表人：{preparer or '＿＿＿＿＿＿＿＿'}",
        "审核人：＿＿＿＿＿＿＿＿",
        "日期：＿＿＿＿年＿＿月＿＿日",
    )
    step = max(1, ncols // 3)
    for i, text in enumerate(parts):
        first = 1 + i * step
        last = ncols if i == 2 else min(ncols, first + step - 1)
        if first > ncols:
            break
        w.merged(row, first, last, text, "sign")
    w.ws.row_dimensions[row].height = 28
    return row + 1
