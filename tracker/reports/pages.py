"""How a sheet falls onto A4 pages: does it fit one width at 100 %, and where pages break.

Why this exists: "fit to one page wide" shrinks a wide sheet until its 10-pt text prints
at 6 pt, and lets a page break fall anywhere — a table's 合计 row alone at the top of the
next page. Printed sheets here are designed to fit one A4 width at full size (checked by
``fits_page_width``: then no text prints under its own size) and get manual page breaks
between sections (``place_breaks``). Excel ignores manual breaks under "fit to", so a
sheet that fits is printed at 100 % instead.

Sizes follow the spreadsheet conventions: a column width unit is one digit of the default
font (Calibri 11: Excel draws 7 px at 96 dpi, LibreOffice about 7.4 — the wider is assumed)
and row heights are points.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break, RowBreak
from openpyxl.worksheet.worksheet import Worksheet

log = logging.getLogger(__name__)

MM_PER_INCH = 25.4
PX_PER_WIDTH_UNIT = 7.4  # pixels per column width unit at 96 dpi (see above)
DEFAULT_COLUMN_WIDTH = 8.43
DEFAULT_ROW_HEIGHT = 15.0
A4_LANDSCAPE_MM = (297.0, 210.0)
SLACK = 0.98  # leave a little room for rounding in the spreadsheet program
MAX_BREAKS = 1000  # Excel keeps at most 1026 manual page breaks per sheet


def printable_width_px(ws: Worksheet) -> float:
    margins = ws.page_margins
    inches = A4_LANDSCAPE_MM[0] / MM_PER_INCH - margins.left - margins.right
    return inches * 96 * SLACK


def printable_height_pt(ws: Worksheet) -> float:
    margins = ws.page_margins
    inches = A4_LANDSCAPE_MM[1] / MM_PER_INCH - margins.top - margins.bottom
    return inches * 72 * SLACK


def sheet_width_px(ws: Worksheet, ncols: int) -> float:
    total = 0.0
    for col in range(1, ncols + 1):
        dim = ws.column_dimensions.get(get_column_letter(col))
        width = dim.width if dim is not None and dim.width else DEFAULT_COLUMN_WIDTH
        total += width * PX_PER_WIDTH_UNIT
    return total


def print_scale(ws: Worksheet, ncols: int) -> float:
    """The scale the sheet prints at when fitted to one page width (1.0 = full size)."""
    return min(1.0, printable_width_px(ws) / sheet_width_px(ws, ncols))


def fit_page_width(ws: Worksheet, ncols: int) -> bool:
    """Print at 100 % when the columns fit one A4 width (manual breaks then hold);
    otherwise keep "fit to one page wide" and log how small it gets. True when it fits."""
    scale = print_scale(ws, ncols)
    if scale >= 1.0:
        ws.sheet_properties.pageSetUpPr.fitToPage = False
        ws.page_setup.scale = 100
        return True
    log.warning("sheet %s is too wide for A4: printed at %.0f%%", ws.title, scale * 100)
    return False


def row_height(ws: Worksheet, row: int) -> float:
    """A row's height in points: its own, else the sheet's default row height."""
    dim = ws.row_dimensions.get(row)
    if dim is not None and dim.height:
        return float(dim.height)
    return float(ws.sheet_format.defaultRowHeight or DEFAULT_ROW_HEIGHT)


@dataclass(frozen=True)
class Block:
    """Rows that belong together: a section title, its table and its 合计 row.

    ``keep``: start it on a new page rather than split it, when it fits on one page.
    ``head``: rows at its top that must not end a page alone (a title and a header).
    ``tail``: rows at its end that must not start a page alone (the 合计 row and one more).
    """

    first: int
    last: int
    keep: bool = True
    head: int = 2
    tail: int = 3


def place_breaks(
    ws: Worksheet,
    blocks: list[Block],
    repeat: tuple[int, int] | None = None,
    *,
    flow: bool = True,
) -> list[int]:
    """Rows after which a page should break, so blocks stay whole where they can.

    ``repeat`` are the rows printed at the top of every page (they take room on each).
    ``flow=False`` returns only the breaks before kept-together blocks and leaves the
    pages inside a long list to the spreadsheet program: Excel allows about a thousand
    manual breaks per sheet, and a list has no 合计 row to keep company.
    """
    if not blocks:
        return []
    height = {r: row_height(ws, r) for b in blocks for r in range(b.first, b.last + 1)}
    capacity = printable_height_pt(ws)
    start = 1
    if repeat is not None:
        capacity -= sum(row_height(ws, r) for r in range(repeat[0], repeat[1] + 1))
        start = repeat[1] + 1
    used = sum(row_height(ws, r) for r in range(start, blocks[0].first))
    breaks: list[int] = []
    previous = blocks[0].first - 1
    for block in blocks:
        used += sum(row_height(ws, r) for r in range(previous + 1, block.first))
        previous = block.last
        rows = list(range(block.first, block.last + 1))
        total = sum(height[r] for r in rows)
        if used + total <= capacity:
            used += total
            continue
        if block.keep and total <= capacity and used > 0:
            breaks.append(block.first - 1)
            used = total
            continue
        used = _flow(rows, height, capacity, used, block, breaks if flow else [])
    return breaks[:MAX_BREAKS]


def _flow(
    rows: list[int],
    height: dict[int, float],
    capacity: float,
    used: float,
    block: Block,
    breaks: list[int],
) -> float:
    """Break a block too tall for one page, keeping its head and its tail company."""
    page_first: int | None = None  # index of the block's first row on the current page
    i = 0
    while i < len(rows):
        h = height[rows[i]]
        if used == 0 or used + h <= capacity:
            used += h
            i += 1
            continue
        if page_first is None and i <= block.head:
            i = 0  # only the title/header would end this page: move the block over
        else:
            short = block.tail - (len(rows) - i)
            if short > 0 and i - short > (page_first or 0):
                i -= short  # pull rows over so the last page is not a lone 合计
        breaks.append(rows[i] - 1)
        page_first, used = i, 0.0
    return used


def apply_breaks(ws: Worksheet, breaks: list[int]) -> None:
    # one assignment: RowBreak.append re-validates the whole list on every call
    ws.row_breaks = RowBreak(brk=[Break(id=row) for row in sorted(set(breaks)) if row > 0])
