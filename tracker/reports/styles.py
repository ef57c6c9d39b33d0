"""Workbook look and print setup shared by every report: 宋体, thin borders, A4 landscape.

Why the fast path (``SheetWriter.put``): assigning ``cell.font``/``cell.border`` hashes and
looks the style up for every cell; a county ledger has hundreds of thousands of cells.
Styles are built once as openpyxl ``StyleArray`` templates and copied onto new cells, and
text is stored with ``data_type = "s"`` directly — so user text such as ``=HYPERLINK(...)``
or ``#N/A`` stays text and is never turned into a formula or an error value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.dimensions import RowDimension
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

BODY_FONT = "宋体"
TITLE_FONT = "宋体"
SIGN_FONT = "仿宋"
FOOTER_TEXT = "第 &P 页 共 &N 页"
RED_FILL = "FFC7CE"
YELLOW_FILL = "FFEB9C"
HEADER_FILL = "D9E1F2"
TOTAL_FILL = "F2F2F2"
NO_VALUE = "—"  # what a printed report shows for a value that is not there
MONEY_FORMAT = "#,##0.00"
PERCENT_FORMAT = "0.00%"
MAX_WIDTH = 42  # wider text wraps instead of widening the column
MAX_CELL_TEXT = 32767  # Excel's limit for one cell
LINE_HEIGHT = 13.5  # points per line of 10-pt 宋体, for rows of wrapped text

_THIN = Side(style="thin", color="808080")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)

# name -> (font kwargs, fill colour, alignment kwargs, number format, border?)
_STYLE_SPECS: dict[str, tuple[dict[str, Any], str | None, dict[str, Any], str, bool]] = {
    "title": (
        {"name": TITLE_FONT, "size": 16, "bold": True},
        None,
        {"horizontal": "center", "vertical": "center"},
        "General",
        False,
    ),
    "subtitle": ({"name": BODY_FONT, "size": 10}, None, {"vertical": "center"}, "General", False),
    "subtitle_right": (
        {"name": BODY_FONT, "size": 10},
        None,
        {"horizontal": "right", "vertical": "center"},
        "General",
        False,
    ),
    "section": (
        {"name": BODY_FONT, "size": 12, "bold": True},
        None,
        {"vertical": "center"},
        "General",
        False,
    ),
    "header": (
        {"name": BODY_FONT, "size": 10, "bold": True},
        HEADER_FILL,
        {"horizontal": "center", "vertical": "center", "wrap_text": True},
        "General",
        True,
    ),
    "text": ({"name": BODY_FONT, "size": 10}, None, {"vertical": "center"}, "General", True),
    "wrap": (
        {"name": BODY_FONT, "size": 10},
        None,
        {"vertical": "center", "wrap_text": True},
        "General",
        True,
    ),
    "center": (
        {"name": BODY_FONT, "size": 10},
        None,
        {"horizontal": "center", "vertical": "center"},
        "General",
        True,
    ),
    "int": ({"name": BODY_FONT, "size": 10}, None, {"vertical": "center"}, "0", True),
    "money": ({"name": BODY_FONT, "size": 10}, None, {"vertical": "center"}, MONEY_FORMAT, True),
    "percent": (
        {"name": BODY_FONT, "size": 10},
        None,
        {"vertical": "center"},
        PERCENT_FORMAT,
        True,
    ),
    "decimal1": ({"name": BODY_FONT, "size": 10}, None, {"vertical": "center"}, "0.0", True),
    "note": (
        {"name": BODY_FONT, "size": 10},
        None,
        {"vertical": "top", "wrap_text": True},
        "General",
        False,
    ),
    "sign": ({"name": SIGN_FONT, "size": 12}, None, {"vertical": "center"}, "General", False),
}
# Variants: the same style on a red / yellow / total row.
_TINTS = {"red": RED_FILL, "yellow": YELLOW_FILL, "total": TOTAL_FILL}


def _make_style(wb: Workbook, ws: Worksheet, name: str, tint: str | None) -> StyleArray:
    font, fill, align, number_format, boxed = _STYLE_SPECS[name]
    cell = Cell(ws)
    cell.font = Font(**({**font, "bold": True} if tint == "total" else font))
    colour = _TINTS.get(tint or "", fill)
    if colour:
        cell.fill = PatternFill("solid", start_color=colour, end_color=colour)
    cell.alignment = Alignment(**align)
    cell.number_format = number_format
    if boxed:
        cell.border = _BOX
    return StyleArray(cell._style)


def clean_text(value: str) -> str:
    """Text Excel accepts: control characters dropped, cut to Excel's cell limit."""
    if value.isprintable():  # no control character at all: the common case, checked in C
        return value[:MAX_CELL_TEXT]
    return ILLEGAL_CHARACTERS_RE.sub("", value)[:MAX_CELL_TEXT]


def display_width(text: str) -> int:
    """Column width a text needs: CJK characters count double (UTF-8 trick: 3 bytes → 2)."""
    return (len(text.encode("utf-8")) + len(text)) // 2


def print_width(text: str) -> float:
    """Printed width of 10-pt 宋体 text in column units (a unit is 7 px; a CJK character
    is 13.3 px ≈ 1.9 units, a digit or Latin letter half that), to decide how many lines
    wrapped text needs. Erring wide only makes a row a little taller, never clips it."""
    wide = (len(text.encode("utf-8")) - len(text)) / 2
    return wide * 1.9 + (len(text) - wide) * 0.95


_new_cell = object.__new__  # Cell.__init__ would copy the style array for every cell
_NUMBERS = (int, float, Decimal)


class SheetWriter:
    """Writes cells fast with shared style templates; remembers widths for ``fit_columns``."""

    def __init__(self, ws: Worksheet) -> None:
        self.ws = ws
        self._styles: dict[tuple[str, str | None], StyleArray] = {}
        self._cells = ws._cells

    def style(self, name: str, tint: str | None = None) -> StyleArray:
        key = (name, tint)
        if key not in self._styles:
            self._styles[key] = _make_style(self.ws.parent, self.ws, name, tint)
        return self._styles[key]

    def put(self, row: int, col: int, value: Any, style: StyleArray | None = None) -> None:
        """One cell. The style template is shared, not copied: cells written here are never
        restyled attribute by attribute (that would change every cell sharing it); to restyle
        one, assign a new ``StyleArray`` to its ``_style``."""
        cell = _new_cell(Cell)
        cell.parent = self.ws
        cell.row = row
        cell.column = col
        cell._hyperlink = None
        cell._comment = None
        cell._style = style
        kind = type(value)
        if kind is str:
            cell._value = clean_text(value)
            cell.data_type = "s"  # literal text, never a formula or an error code
        elif value is None or kind in _NUMBERS:
            cell._value = value
            cell.data_type = "n"
        else:  # dates and anything else: let openpyxl type it
            cell._value = None
            cell.data_type = "n"
            cell.value = value
        self._cells[(row, col)] = cell

    def height(self, row: int, points: float) -> None:
        """A row's height. RowDimension.__init__ runs a dozen validating descriptors; a
        list sheet sets tens of thousands of heights, so the plain values are set directly
        (the same values the constructor would store: no style, not hidden, level 0)."""
        dim = _new_cell(RowDimension)
        dim.__dict__.update(
            ht=float(points),
            thickBot=False,
            thickTop=False,
            index=row,
            hidden=False,
            outlineLevel=0,
            collapsed=False,
        )
        dim.parent = self.ws
        dim._style = None
        dict.__setitem__(self.ws.row_dimensions, row, dim)

    def row(
        self, row: int, values: Sequence[Any], styles: Sequence[StyleArray], col: int = 1
    ) -> None:
        for i, (value, style) in enumerate(zip(values, styles, strict=True)):
            self.put(row, col + i, value, style)

    def merged(self, row: int, first: int, last: int, value: Any, style: str) -> None:
        """A text merged across columns (titles, notes), borders drawn on every part."""
        arr = self.style(style)
        self.put(row, first, value, arr)
        for col in range(first + 1, last + 1):
            self.put(row, col, None, arr)
        if last > first:
            self.ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


def print_setup(
    ws: Worksheet,
    *,
    title_rows: tuple[int, int] | None,
    freeze: str | None,
    filter_ref: str | None = None,
) -> None:
    """Print-ready as it opens: A4 landscape, one page wide, repeated headers, page footer."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    if ws.sheet_properties.pageSetUpPr is None:
        ws.sheet_properties.pageSetUpPr = PageSetupProperties()
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as the table needs
    if title_rows:
        ws.print_title_rows = f"{title_rows[0]}:{title_rows[1]}"
    ws.oddFooter.center.text = FOOTER_TEXT
    ws.oddFooter.center.font = f"{BODY_FONT},Regular"
    ws.oddFooter.center.size = 9
    ws.page_margins = PageMargins(left=0.3, right=0.3, top=0.5, bottom=0.6, header=0.3, footer=0.3)
    ws.print_options.horizontalCentered = True
    if freeze:
        ws.freeze_panes = freeze
    if filter_ref:
        ws.auto_filter.ref = filter_ref


def fit_columns(
    ws: Worksheet,
    headers: Sequence[str],
    samples: Iterable[Sequence[Any]],
    *,
    minimum: int = 4,
    maximum: int = MAX_WIDTH,
    first_col: int = 1,
) -> None:
    """Column widths from the header and a sample of rows, CJK-aware, capped (then wrapped)."""
    widths = [max(minimum, max(display_width(part) for part in h.split("\n")) + 1) for h in headers]
    for values in samples:
        for i, value in enumerate(values):
            if value is None:
                continue
            text = (
                value
                if isinstance(value, str)
                else f"{value:,.2f}"
                if not isinstance(value, int)
                else str(value)
            )
            widths[i] = max(widths[i], display_width(text) + 2)
    for i, width in enumerate(widths):
        ws.column_dimensions[get_column_letter(first_col + i)].width = min(width, maximum)


def filter_range(first_row: int, last_row: int, ncols: int) -> str:
    return f"A{first_row}:{get_column_letter(ncols)}{max(last_row, first_row)}"
