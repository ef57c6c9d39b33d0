"""Writing the projects into the template's sheet, keeping the template's look.

Data rows take the look of the template's first empty data row (fonts, borders, number
formats, its merged cells and height), or a plain bordered look when the template has
none. Text goes in as text (never a formula: a name such as "=1+1" stays those three
characters). Text that would not fit its column wraps, and the row grows to show it. A
合计 row gets the count and the exact sums as values, whatever formulas it held.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Sequence
from copy import copy
from dataclasses import dataclass

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from tracker.importing.row_kinds import is_total
from tracker.importing.values import cell_text, fold
from tracker.reports.layout import ROW_PADDING
from tracker.reports.styles import LINE_HEIGHT, SheetWriter, print_width
from tracker.templates.layout import TemplateLayout
from tracker.templates.row_shift import replace_rows
from tracker.templates.rules import NUMERIC, ColumnRule
from tracker.templates.values import Value, column_sum

log = logging.getLogger(__name__)

DEFAULT_WIDTH = 8.43  # Excel's column width when the sheet states none
_THIN = Side(style="thin")
_COUNT = re.compile(r"[(（]?\s*(?:\d+|[Nn]|[×xX]+|[_＿]+)?\s*个\s*[)）]?")


@dataclass
class RowLook:
    """The look of one data row: a style per column, merges (first, last col) and height."""

    styles: dict[int, StyleArray]
    merges: list[tuple[int, int]]
    height: float | None
    font_size: float


def _plain_style(ws: Worksheet, layout: TemplateLayout, col: int) -> StyleArray:
    """A bordered cell in the header's font, not bold: for a template without data rows."""
    header = ws._cells.get((layout.header_rows[-1] + 1, col + 1))
    font = header.font if header is not None and header.has_style else Font()
    cell = Cell(ws)
    cell.font = Font(name=font.name, size=font.size or 11)
    cell.border = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
    cell.alignment = Alignment(vertical="center")
    return StyleArray(cell._style)


def row_look(ws: Worksheet, layout: TemplateLayout) -> RowLook:
    """Taken before the template's empty rows are replaced."""
    first, last = layout.first_col, layout.last_col
    src = layout.style_row
    styles: dict[int, StyleArray] = {}
    merges: list[tuple[int, int]] = []
    height = None
    if src is not None:
        for c in range(first, last + 1):
            cell = ws._cells.get((src + 1, c + 1))
            styles[c] = (
                copy(cell._style)
                if cell is not None and cell.has_style
                else _plain_style(ws, layout, c)
            )
        merges = [
            (m.min_col - 1, m.max_col - 1)
            for m in ws.merged_cells.ranges
            if m.min_row == m.max_row == src + 1 and m.max_col > m.min_col
        ]
        dim = ws.row_dimensions.get(src + 1)
        height = dim.height if dim is not None else None
    else:
        styles = {c: _plain_style(ws, layout, c) for c in range(first, last + 1)}
        merges = [(c.index, c.index + c.span - 1) for c in layout.columns if c.span > 1]
    probe = Cell(ws)
    probe._style = copy(styles[first])
    return RowLook(styles, merges, height, float(probe.font.size or 11))


def column_width(ws: Worksheet, col: int) -> float:
    """A column's width (0-based index), from the dimension that covers it."""
    dims = ws.column_dimensions
    own = dims.get(get_column_letter(col + 1))
    if own is not None and own.width and own.customWidth is not False:
        return float(own.width)
    for dim in dims.values():  # a group of columns sharing one width ("B:D")
        if dim.min is not None and dim.max is not None and dim.min <= col + 1 <= dim.max:
            if dim.width:
                return float(dim.width)
    return float(ws.sheet_format.defaultColWidth or DEFAULT_WIDTH)


def _wrapped(ws: Worksheet, style: StyleArray) -> StyleArray:
    cell = Cell(ws)
    cell._style = copy(style)
    a = cell.alignment
    cell.alignment = Alignment(
        horizontal=a.horizontal,
        vertical=a.vertical or "center",
        wrap_text=True,
        indent=a.indent,
        text_rotation=a.text_rotation,
    )
    return StyleArray(cell._style)


def write_rows(
    ws: Worksheet,
    layout: TemplateLayout,
    rules: Sequence[ColumnRule],
    rows: Sequence[Sequence[Value]],
) -> int:
    """Replace the template's empty rows by ``rows``; returns the first data row (1-based).
    Totals and everything below move down with their look."""
    look = row_look(ws, layout)
    first_row = layout.area_start + 1
    if rows:
        replace_rows(ws, first_row, layout.area_end - layout.area_start, len(rows))
    w = SheetWriter(ws)
    scale = look.font_size / 10
    rooms: dict[int, float] = {}
    for rule in rules:
        c = rule.column.index
        span = next((b - a + 1 for a, b in look.merges if a == c), rule.column.span)
        rooms[c] = sum(column_width(ws, c + i) for i in range(span)) - 1
    wrapped: dict[int, StyleArray] = {}
    ruled = {rule.column.index for rule in rules}
    bare = [(c, style) for c, style in look.styles.items() if c not in ruled]  # look only
    for i, values in enumerate(rows):
        r = first_row + i
        for c, style in bare:
            w.put(r, c + 1, None, style)
        lines = 1
        for rule, value in zip(rules, values, strict=True):
            c = rule.column.index
            style = look.styles[c]
            if isinstance(value, str):
                needed = sum(
                    max(1, math.ceil(print_width(part) * scale / max(rooms[c], 1)))
                    for part in value.split("\n")
                )
                if needed > 1:
                    if c not in wrapped:
                        wrapped[c] = _wrapped(ws, style)
                    style = wrapped[c]
                    lines = max(lines, needed)
            w.put(r, c + 1, value, style)
        for a, b in look.merges:
            ws.merge_cells(start_row=r, start_column=a + 1, end_row=r, end_column=b + 1)
        height = LINE_HEIGHT * scale * lines + ROW_PADDING if lines > 1 else None
        if height or look.height:
            w.height(r, max(height or 0, look.height or 0))
    return first_row


def write_totals(
    ws: Worksheet,
    rows_at: Sequence[int],
    rules: Sequence[ColumnRule],
    rows: Sequence[Sequence[Value]],
) -> None:
    """Each 合计 row (1-based ``rows_at``): the count in its label or name cell, the exact
    sums under every amount column, and no formula left from the template."""
    sums = {
        rule.column.index: column_sum(rule, [values[i] for values in rows])
        for i, rule in enumerate(rules)
    }
    names = {rule.column.index for rule in rules if rule.key == "name"}
    count = len(rows)
    w = SheetWriter(ws)
    for r in rows_at:
        label_col = None
        for (row, c), cell in list(ws._cells.items()):
            if row != r or type(cell) is not Cell:
                continue
            text = cell_text(cell.value)
            if label_col is None and is_total(fold(text)):
                label_col = c - 1
                if "个" in text:
                    text = _COUNT.sub(f"（{count}个）", text, count=1)
                    w.put(r, c, text, cell._style)
            elif cell.data_type == "f" or text.startswith("="):
                w.put(r, c, None, cell._style)
        for rule in rules:
            c = rule.column.index
            if c == label_col:
                continue
            cell = ws._cells.get((r, c + 1))
            if cell is not None and type(cell) is not Cell:
                continue  # covered by the label's merge
            style = cell._style if cell is not None else None
            if rule.key in NUMERIC:
                w.put(r, c + 1, sums[c], style)
            elif c in names:
                text = cell_text(cell.value) if cell is not None else ""
                if not text or "个" in text or fold(text) in ("N", "n"):
                    w.put(r, c + 1, f"{count}个", style)


def set_print_titles(ws: Worksheet, layout: TemplateLayout) -> None:
    """Repeat the header on every printed page when the template did not say otherwise."""
    if not ws.print_title_rows:
        ws.print_title_rows = f"{layout.header_rows[0] + 1}:{layout.header_rows[-1] + 1}"


def column_letters(rules: Sequence[ColumnRule]) -> list[str]:
    return [get_column_letter(r.column.index + 1) for r in rules]
