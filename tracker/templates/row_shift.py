"""Making room in a sheet: a run of rows gives way to another number of rows, and all that
is below moves with its look.

openpyxl's ``insert_rows`` moves cell values only: merged cells, row heights, the print
area, page breaks, data validation and conditional formats stay where they were, so the
notes under a filled template would lose their merges and the print area would cut the
table. Here every one of those moves: a range below the run shifts, a range over the run
(a print area, a validation list on the empty rows) stretches to cover the new rows.
"""

from __future__ import annotations

import logging

from openpyxl.formatting.formatting import ConditionalFormattingList
from openpyxl.worksheet.cell_range import CellRange, MultiCellRange
from openpyxl.worksheet.worksheet import Worksheet

log = logging.getLogger(__name__)


class RowShift:
    """Rows ``first`` .. ``first + old - 1`` (1-based) become ``new`` rows."""

    def __init__(self, first: int, old: int, new: int) -> None:
        self.first, self.end, self.new = first, first + old, new
        self.delta = new - old

    def row(self, r: int, *, last: bool) -> int | None:
        """Where row ``r`` goes: rows below the run move; a row inside maps to the first
        new row (a range's start) or the last (its end); None when no row is left."""
        if r < self.first:
            return r
        if r >= self.end:
            return r + self.delta
        if self.new == 0:
            return None
        return self.first + self.new - 1 if last else self.first

    def span(self, rng: CellRange) -> CellRange | None:
        """A range after the move (stretched over the new rows when it covered the run)."""
        low = self.row(rng.min_row, last=False)
        high = self.row(rng.max_row, last=True)
        if low is None and rng.min_row >= self.first:
            low = self.end + self.delta if rng.max_row >= self.end else None
        if high is None and rng.max_row < self.end:
            high = self.first - 1
        if low is None or high is None or high < low:
            return None
        return CellRange(min_col=rng.min_col, min_row=low, max_col=rng.max_col, max_row=high)

    def multi(self, ranges: MultiCellRange) -> MultiCellRange:
        kept = [moved for rng in ranges.ranges if (moved := self.span(rng)) is not None]
        return MultiCellRange([str(r) for r in kept])


def replace_rows(ws: Worksheet, first: int, old: int, new: int) -> None:
    """Drop rows ``first`` .. ``first + old - 1`` and leave ``new`` empty rows there;
    everything below moves by the difference, with its merges, heights and ranges."""
    shift = RowShift(first, old, new)
    if shift.delta == 0 and old == 0:
        return
    cells = {}
    for (r, c), cell in ws._cells.items():
        if shift.first <= r < shift.end:
            continue
        if r >= shift.end:
            cell.row = r + shift.delta
        cells[(cell.row, c)] = cell
    ws._cells.clear()
    ws._cells.update(cells)
    _merges(ws, shift)
    dims = {}
    for index, dim in list(ws.row_dimensions.items()):
        if shift.first <= index < shift.end:
            continue
        if index >= shift.end:
            dim.index = index + shift.delta
        dims[dim.index] = dim
    ws.row_dimensions.clear()
    ws.row_dimensions.update(dims)
    _ranges(ws, shift)
    log.debug("rows %d-%d replaced by %d rows", first, shift.end - 1, new)


def _merges(ws: Worksheet, shift: RowShift) -> None:
    for mcr in list(ws.merged_cells.ranges):
        if mcr.max_row < shift.first:
            continue
        ws.merged_cells.remove(mcr)
        if mcr.min_row >= shift.first and mcr.max_row < shift.end:
            continue  # a merge inside the dropped rows goes with them
        moved = shift.span(mcr)
        if moved is not None and (moved.min_row < moved.max_row or moved.min_col < moved.max_col):
            mcr.min_row, mcr.max_row = moved.min_row, moved.max_row
            ws.merged_cells.add(mcr)


def _ranges(ws: Worksheet, shift: RowShift) -> None:
    """Print area, auto-filter, page breaks, data validation, conditional formats."""
    if ws.print_area:
        areas = []
        for part in str(ws.print_area).split(","):
            ref = part.split("!")[-1].replace("$", "")
            moved = shift.span(CellRange(ref))
            if moved is not None:
                areas.append(moved.coord)
        ws.print_area = areas or None
    if ws.auto_filter.ref:
        moved = shift.span(CellRange(ws.auto_filter.ref))
        ws.auto_filter.ref = moved.coord if moved is not None else None
    for brk in list(ws.row_breaks.brk):
        moved_row = shift.row(brk.id, last=True) if brk.id else None
        if moved_row is None:
            ws.row_breaks.brk.remove(brk)
        else:
            brk.id = moved_row
    for dv in ws.data_validations.dataValidation:
        dv.sqref = shift.multi(dv.sqref)
    old_cf = ws.conditional_formatting
    if len(old_cf):
        ws.conditional_formatting = ConditionalFormattingList()
        for cf in old_cf:
            moved = shift.multi(cf.sqref)
            if moved.ranges:
                for rule in cf.rules:
                    ws.conditional_formatting.add(str(moved), rule)
    for anchor in [*getattr(ws, "_images", []), *getattr(ws, "_charts", [])]:
        start = getattr(getattr(anchor, "anchor", None), "_from", None)
        if start is not None and start.row + 1 >= shift.end:
            start.row += shift.delta
            end = getattr(anchor.anchor, "to", None)
            if end is not None:
                end.row += shift.delta
