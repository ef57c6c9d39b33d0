"""Where a template's parts are: title rows, header, the rows to fill, 合计, notes below.

The header is found by the importer's table finder (``find_table``): the same rows it would
take as the header of a ledger are the header of a template, one level or two. Below the
header a blank template has a run of empty bordered rows (where the projects go), often a
合计 row (above or below them), then notes ("注：…", "填报人：…") that must stay under the
table. The run is replaced by the projects; everything after it moves down with it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from tracker.errors import TrackerError
from tracker.importing.mapping import signature
from tracker.importing.row_kinds import is_total
from tracker.importing.table import find_table
from tracker.importing.table_model import SourceColumn, Table
from tracker.importing.values import cell_text, fold
from tracker.importing.workbook import Sheet
from tracker.templates.source import sheet_grid

log = logging.getLogger(__name__)

SIGNATURE_PREFIX = "template:"  # presets of templates live beside the importer's


@dataclass
class TemplateColumn:
    """One column of the template's table as the importer read its header."""

    source: SourceColumn
    covered: bool = False  # under a merged header cell that belongs to the column on its left
    span: int = 1  # columns its header cell spans (a wide 项目建设内容 over two columns)

    @property
    def index(self) -> int:
        return self.source.index

    @property
    def letter(self) -> str:
        return get_column_letter(self.source.index + 1)

    @property
    def header(self) -> str:
        return self.source.header


@dataclass
class TemplateLayout:
    """Rows are 0-based indexes into the sheet (row 1 of Excel is 0)."""

    sheet: str
    header_rows: list[int]
    title_rows: list[int]
    columns: list[TemplateColumn]
    title_unit: str | None
    area_start: int  # first row the projects replace (after a 合计 row right under the header)
    area_end: int  # first row after them that stays (a 合计 row below, notes)
    totals: list[int] = field(default_factory=list)
    style_row: int | None = None  # the template's first empty data row: its look is copied

    @property
    def first_col(self) -> int:
        return min(c.index for c in self.columns)

    @property
    def last_col(self) -> int:
        return max(c.index + c.span - 1 for c in self.columns)

    @property
    def signature(self) -> str:
        return SIGNATURE_PREFIX + signature([c.header for c in self.columns])

    def listed(self) -> list[TemplateColumn]:
        """The columns that take a value (not the right half of a merged header)."""
        return [c for c in self.columns if not c.covered]


def _bordered(ws: Worksheet, row: int, first: int, last: int) -> bool:
    """Does at least half of the table's width of this row have a drawn border?"""
    cells = ws._cells
    hits = 0
    for c in range(first, last + 1):
        cell = cells.get((row + 1, c + 1))
        if cell is not None and cell.has_style:
            b = cell.border
            if b.left.style or b.right.style or b.top.style or b.bottom.style:
                hits += 1
    return hits * 2 >= last - first + 1


def _texts(row: list[object], first: int, last: int) -> list[str]:
    return [t for v in row[first : last + 1] if (t := cell_text(v))]


def _wide_merge(sheet: Sheet, row: int, first: int, last: int) -> bool:
    """Is a cell of this row merged across half the table or more (a note, a category)?"""
    return any(
        m[0] <= row <= m[2] and (m[3] - m[1] + 1) * 2 >= last - first + 1 for m in sheet.merges
    )


def _find_area(
    sheet: Sheet, ws: Worksheet, table: Table, first: int, last: int
) -> tuple[int, int, list[int], int | None]:
    """(area_start, area_end, totals, style_row): the run of rows the projects replace.

    The run is the empty (or pre-numbered, or example) bordered rows under the header; it
    ends at a 合计 row, a note, or text outside the table's grid. Unbordered blank rows
    right above a note are spacing and stay."""
    rows = sheet.rows
    n = len(rows)

    def total_at(r: int) -> bool:
        return r < n and any(is_total(fold(t)) for t in _texts(rows[r], first, last)[:3])

    totals: list[int] = []
    r = table.data_start
    while total_at(r):  # a 合计 right under the header stays there
        totals.append(r)
        r += 1
    area_start = r
    style_row: int | None = None
    last_bordered: int | None = None
    while r < n and not total_at(r) and table.kinds.get(r) != "note":
        texts = _texts(rows[r], first, last)
        bordered = _bordered(ws, r, first, last)
        numbered = all(fold(t).isdigit() for t in texts)
        if texts and not (bordered and (numbered or not _wide_merge(sheet, r, first, last))):
            break
        if bordered:
            last_bordered = r
            if style_row is None:
                style_row = r
        r += 1
    area_end = r
    if r < n and not total_at(r):
        area_end = area_start if last_bordered is None else last_bordered + 1
    while total_at(r):
        totals.append(r)
        r += 1
    return area_start, area_end, totals, style_row


def _columns(sheet: Sheet, table: Table) -> list[TemplateColumn]:
    bottom = table.header_rows[-1]
    top = table.header_rows[0]
    out: list[TemplateColumn] = []
    for col in table.columns:
        if not col.header:
            continue
        c = col.index
        covered = any(
            m[0] <= bottom <= m[2] and m[1] < c <= m[3] and m[0] >= top for m in sheet.merges
        )
        span = next(
            (
                m[3] - m[1] + 1
                for m in sheet.merges
                if m[1] == c and top <= m[0] <= bottom <= m[2] and m[2] <= bottom
            ),
            1,
        )
        out.append(TemplateColumn(col, covered=covered, span=span))
    return out


def find_layout(ws: Worksheet) -> TemplateLayout | None:
    """The template's table on this sheet, or None when it has no header."""
    sheet = sheet_grid(ws)
    table = find_table(sheet)
    if not table.header_rows:
        return None
    columns = _columns(sheet, table)
    if not columns:
        return None
    layout = TemplateLayout(
        sheet=ws.title,
        header_rows=table.header_rows,
        title_rows=table.title_rows,
        columns=columns,
        title_unit=table.title_unit,
        area_start=table.data_start,
        area_end=table.data_start,
    )
    (layout.area_start, layout.area_end, layout.totals, layout.style_row) = _find_area(
        sheet, ws, table, layout.first_col, layout.last_col
    )
    log.info(
        "template sheet %r: header rows %s, %d columns, rows %d-%d to fill, totals %s",
        ws.title,
        [r + 1 for r in layout.header_rows],
        len(columns),
        layout.area_start + 1,
        layout.area_end,
        [r + 1 for r in layout.totals],
    )
    return layout


def choose_sheet(
    worksheets: list[Worksheet], name: str | None, file: str
) -> tuple[Worksheet, TemplateLayout]:
    """The sheet to fill: the one named, else the first visible sheet with a header."""
    if name is not None:
        found = [ws for ws in worksheets if ws.title == name]
        if not found:
            have = "、".join(ws.title for ws in worksheets)
            raise TrackerError(f"模板“{file}”中没有名为“{name}”的工作表；现有工作表：{have}。")
        candidates = found
    else:
        candidates = [ws for ws in worksheets if ws.sheet_state == "visible"] or worksheets
    for ws in candidates:
        layout = find_layout(ws)
        if layout is not None:
            return ws, layout
    raise TrackerError(
        f"模板“{file}”中没有找到表头（至少要认出“项目名称”等两列）。"
        "请确认选择的是上级下发的空白报表模板。"
    )
