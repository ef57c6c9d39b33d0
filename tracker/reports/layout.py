"""The parts every printed table shares: title block, header + body, 填表人/审核人 lines.

A report sheet reads as an official form: a title merged across the table, a line with
统计截至 and 填报单位, the table with a coloured header row (repeated on every printed page),
and blank lines for signatures at the end. Every row gets an explicit height (lines of
wrapped text × the line height), so the page breaks that ``pages`` plans are the ones a
spreadsheet program prints.
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
ROW_PADDING = 4.5  # points above and below the text of a body row


@dataclass(frozen=True)
class ReportColumn:
    header: str
    style: str = "text"  # a style name from styles._STYLE_SPECS
    width: float | None = None  # wrap columns: the width; others: the least width

    @property
    def wraps(self) -> bool:
        return self.style in WRAP_STYLES and self.width is not None


def title_block(
    w: SheetWriter,
    row: int,
    ncols: int,
    title: str,
    left: str,
    right: str,
    extra: str | None = None,
) -> int:
    """Title merged across ``ncols`` columns, then 统计截至 (left) and 填报单位 (right),
    then ``extra`` (the counts a list sheet is about) on a line of its own."""
    w.merged(row, 1, ncols, title, "title")
    w.ws.row_dimensions[row].height = 32
    half = max(1, ncols // 2)
    w.merged(row + 1, 1, half, left, "subtitle")
    if ncols > 1:
        w.merged(row + 1, half + 1, ncols, right, "subtitle_right")
    w.ws.row_dimensions[row + 1].height = 20
    if extra:
        w.merged(row + 2, 1, ncols, extra, "subtitle")
        w.ws.row_dimensions[row + 2].height = 20
        return row + 3
    return row + 2


def table(
    w: SheetWriter,
    row: int,
    columns: Sequence[ReportColumn],
    rows: Iterable[Sequence[Any]],
    tints: Iterable[str | None] | None = None,
    *,
    empty: str | None = None,
) -> tuple[int, int]:
    """Header at ``row`` and the body below; returns (header row, last body row)."""
    header_style = w.style("header")
    w.row(row, [c.header for c in columns], [header_style] * len(columns))
    header_lines = max(c.header.count("\n") + 1 for c in columns)
    w.ws.row_dimensions[row].height = max(30, LINE_HEIGHT * header_lines + 2 * ROW_PADDING)
    return row, body(w, row + 1, columns, rows, tints, empty=empty)


def body(
    w: SheetWriter,
    first: int,
    columns: Sequence[ReportColumn],
    rows: Iterable[Sequence[Any]],
    tints: Iterable[str | None] | None = None,
    *,
    empty: str | None = None,
) -> int:
    """Rows from ``first`` on in the columns' styles; returns the last row written.

    With ``empty`` (a printed report: "—"), a missing value prints as that mark, centred,
    instead of a blank cell a reader may take for a zero or a printing fault.
    """
    by_tint: dict[str | None, list[StyleArray]] = {}
    centred: dict[str | None, StyleArray] = {}
    tint_iter = iter(tints) if tints is not None else None
    # Spreadsheet programs do not grow rows for wrapped text on opening: set the height.
    wrapping = [(i, c.width - 1) for i, c in enumerate(columns) if c.wraps and c.width]
    # single-line rows take the sheet's default height; only taller rows get their own
    w.ws.sheet_format.defaultRowHeight = LINE_HEIGHT + ROW_PADDING
    w.ws.sheet_format.customHeight = True
    last = first - 1
    for values in rows:
        last += 1
        tint = next(tint_iter) if tint_iter is not None else None
        styles = by_tint.get(tint)
        if styles is None:
            styles = by_tint[tint] = [w.style(c.style, tint) for c in columns]
        if empty is not None:
            blanks = [i for i, v in enumerate(values) if v is None or v == "" or v == empty]
            if blanks:
                if tint not in centred:
                    centred[tint] = w.style("center", tint)
                values, styles = list(values), list(styles)
                for i in blanks:
                    values[i], styles[i] = empty, centred[tint]
        w.row(last, values, styles)
        lines = 1
        for i, room in wrapping:
            value = values[i]
            # a character is at most 1.9 units wide (CJK): shorter text fits on one line
            if type(value) is not str or len(value) * 1.9 <= room:
                continue
            if "\n" in value:
                needed = sum(max(1, math.ceil(print_width(p) / room)) for p in value.split("\n"))
            else:
                needed = math.ceil(print_width(value) / room)
            if needed > lines:
                lines = needed
        if lines > 1:
            w.height(last, LINE_HEIGHT * lines + ROW_PADDING)
    return last


def set_widths(
    w: SheetWriter,
    columns: Sequence[ReportColumn],
    header_row: int,
    last_row: int,
    sample: int = 300,
    *,
    fixed: bool = False,
) -> None:
    """Wrap columns get their given width; others fit the header and the first ``sample``
    rows (at least the given width), so nothing is clipped when printed.

    ``fixed``: every column with a given width keeps it exactly — a printed sheet whose
    widths were chosen to fit one A4 width at 100 % (see ``pages``)."""
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
        keep = column.wraps or fixed
        dim.width = column.width if keep else max(column.width, dim.width or 0)


SIGN_PARTS = ("填表人：＿＿＿＿＿＿＿", "审核人：＿＿＿＿＿＿＿", "日期：＿＿＿＿年＿＿月＿＿日")
SIGN_SCALE = 1.2  # the sign line is 12-pt 仿宋: wider than the 10-pt text print_width measures


def preparer(settings: Mapping[str, Any]) -> str:
    """The 填表人 the settings name (asked at first run); empty leaves a line to sign."""
    return str(settings.get("preparer") or "")


def signoff(w: SheetWriter, row: int, ncols: int, preparer: str = "") -> int:
    """填表人 / 审核人 / 日期 with blank lines to sign on, after a blank row; 填表人 is
    printed when the settings name one.

    Each part gets columns at least as wide as its text (set the widths first): the date
    takes columns from the right, 填表人 from the left, 审核人 the middle — a part wider
    than its columns would spill past the table and print a page of its own."""
    row += 1
    dims = w.ws.column_dimensions
    widths = [dims[get_column_letter(c)].width or 8.43 for c in range(1, ncols + 1)]
    parts = (f"填表人：{preparer}" if preparer else SIGN_PARTS[0], *SIGN_PARTS[1:])
    need = [print_width(text) * SIGN_SCALE + 1 for text in parts]
    last_first = ncols  # first column of the date part
    while last_first > 1 and sum(widths[last_first - 1 :]) < need[2]:
        last_first -= 1
    first_last = 1  # last column of the 填表人 part
    while first_last < last_first - 2 and sum(widths[:first_last]) < need[0]:
        first_last += 1
    spans = [(1, first_last), (first_last + 1, last_first - 1), (last_first, ncols)]
    for text, (first, last) in zip(parts, spans, strict=True):
        if first <= last:
            w.merged(row, first, last, text, "sign")
    w.ws.row_dimensions[row].height = 28
    return row + 1
