"""An old .xls template as an openpyxl workbook that looks the same.

Cities still send .xls. calamine (the importer's reader) gives values and merges only; a
template must keep its fonts, borders, fills, alignment, number formats, column widths,
row heights, frozen panes and print setup, so it is read with xlrd's ``formatting_info``
and rebuilt cell by cell, each distinct cell format (XF record) turned into one openpyxl
style once. The result is saved as .xlsx (openpyxl cannot write .xls).
"""

from __future__ import annotations

import logging
from copy import copy
from typing import Any

import xlrd
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from tracker.errors import TrackerError
from tracker.reports.styles import clean_text
from tracker.templates.xls_print import apply_print_setup, read_print_setup

log = logging.getLogger(__name__)

_H_ALIGN = {
    1: "left",
    2: "center",
    3: "right",
    4: "fill",
    5: "justify",
    6: "centerContinuous",
    7: "distributed",
}
_V_ALIGN = {0: "top", 1: "center", 2: "bottom", 3: "justify", 4: "distributed"}
_LINES = {
    1: "thin",
    2: "medium",
    3: "dashed",
    4: "dotted",
    5: "thick",
    6: "double",
    7: "hair",
    8: "mediumDashed",
    9: "dashDot",
    10: "mediumDashDot",
    11: "dashDotDot",
    12: "mediumDashDotDot",
    13: "slantDashDot",
}
_UNDERLINE = {1: "single", 2: "double", 0x21: "singleAccounting", 0x22: "doubleAccounting"}
_AUTOMATIC = (0x7FFF, 64, 65, 0x7FFE)  # system colours: leave the program's default


class _Styles:
    """openpyxl style arrays for the workbook's XF records, made once each."""

    def __init__(self, book: Any, ws: Worksheet) -> None:
        self.book = book
        self.ws = ws
        self.cache: dict[int, StyleArray] = {}

    def colour(self, index: int) -> str | None:
        if index in _AUTOMATIC:
            return None
        rgb = self.book.colour_map.get(index)
        return None if rgb is None else "FF" + "".join(f"{v:02X}" for v in rgb)

    def side(self, style: int, colour: int) -> Side:
        name = _LINES.get(style)
        return Side(style=name, color=self.colour(colour)) if name else Side()

    def style(self, xf_index: int) -> StyleArray:
        found = self.cache.get(xf_index)
        if found is None:
            found = self.cache[xf_index] = self._make(xf_index)
        return found

    def _make(self, xf_index: int) -> StyleArray:
        xf = self.book.xf_list[xf_index]
        font = self.book.font_list[xf.font_index]
        cell = Cell(self.ws)
        cell.font = Font(
            name=font.name,
            size=font.height / 20,
            bold=bool(font.bold),
            italic=bool(font.italic),
            underline=_UNDERLINE.get(font.underline_type),
            strike=bool(font.struck_out),
            vertAlign={1: "superscript", 2: "subscript"}.get(font.escapement),
            color=self.colour(font.colour_index),
        )
        b = xf.border
        cell.border = Border(
            left=self.side(b.left_line_style, b.left_colour_index),
            right=self.side(b.right_line_style, b.right_colour_index),
            top=self.side(b.top_line_style, b.top_colour_index),
            bottom=self.side(b.bottom_line_style, b.bottom_colour_index),
        )
        bg = xf.background
        if bg.fill_pattern == 1 and (rgb := self.colour(bg.pattern_colour_index)):
            cell.fill = PatternFill("solid", start_color=rgb, end_color=rgb)
        a = xf.alignment
        rotation = a.rotation if a.rotation <= 180 else 0  # 255: stacked text
        cell.alignment = Alignment(
            horizontal=_H_ALIGN.get(a.hor_align),
            vertical=_V_ALIGN.get(a.vert_align),
            wrap_text=bool(a.text_wrapped) or None,
            shrink_to_fit=bool(a.shrink_to_fit) or None,
            indent=a.indent_level,
            text_rotation=rotation,
        )
        fmt = self.book.format_map.get(xf.format_key)
        cell.number_format = fmt.format_str if fmt is not None and fmt.format_str else "General"
        return StyleArray(cell._style)


def _value(book: Any, ctype: int, value: Any) -> Any:
    if ctype == xlrd.XL_CELL_TEXT:
        return clean_text(value)
    if ctype == xlrd.XL_CELL_NUMBER:
        return int(value) if float(value).is_integer() and abs(value) < 2**53 else value
    if ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(value, book.datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return value
    if ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(value)
    return None  # empty, blank (formatted only) and error cells


def _sheet(book: Any, sh: Any, ws: Worksheet) -> None:
    styles = _Styles(book, ws)
    for rlo, rhi, clo, chi in sh.merged_cells:  # half-open ranges
        if rhi - rlo > 1 or chi - clo > 1:
            ws.merge_cells(start_row=rlo + 1, start_column=clo + 1, end_row=rhi, end_column=chi)
    for r in range(sh.nrows):
        for c in range(sh.row_len(r)):
            cell = ws.cell(r + 1, c + 1)
            cell._style = copy(styles.style(sh.cell_xf_index(r, c)))
            if type(cell) is not Cell:  # covered by a merge: style only
                continue
            value = _value(book, sh.cell_type(r, c), sh.cell_value(r, c))
            if isinstance(value, str):
                cell._value, cell.data_type = value, "s"  # text stays text ("=…" too)
            elif value is not None:
                cell.value = value
    for c, info in sh.colinfo_map.items():
        dim = ws.column_dimensions[get_column_letter(c + 1)]
        dim.width = round(info.width / 256, 2)
        dim.hidden = bool(info.hidden)
    if sh.standardwidth:
        ws.sheet_format.defaultColWidth = round(sh.standardwidth / 256, 2)
    elif sh.defcolwidth:
        ws.sheet_format.baseColWidth = sh.defcolwidth
    if sh.default_row_height:
        ws.sheet_format.defaultRowHeight = sh.default_row_height / 20
    for r, info in sh.rowinfo_map.items():
        dim = ws.row_dimensions[r + 1]
        dim.height = info.height / 20
        dim.hidden = bool(info.hidden)
    if sh.panes_are_frozen and (sh.horz_split_pos or sh.vert_split_pos):
        ws.freeze_panes = f"{get_column_letter(sh.vert_split_pos + 1)}{sh.horz_split_pos + 1}"


def _print_names(book: Any, wb: Workbook) -> None:
    """Print titles and print areas (built-in names), when they are plain ranges."""
    for name in book.name_obj_list:
        if name.name not in ("Print_Titles", "Print_Area") or name.scope < 0:
            continue
        try:
            _sheet_index, rlo, rhi, clo, chi = name.area2d(clipped=False)
        except Exception:  # a name xlrd cannot evaluate (several areas): keep the rest
            log.info("print name %r of sheet %d not kept", name.name, name.scope)
            continue
        if name.scope >= len(wb.worksheets):
            continue
        ws = wb.worksheets[name.scope]
        if name.name == "Print_Titles":
            ws.print_title_rows = f"{rlo + 1}:{rhi}"
        else:
            ws.print_area = (
                f"{get_column_letter(clo + 1)}{rlo + 1}:{get_column_letter(chi)}{max(rhi, rlo + 1)}"
            )


def convert_xls(name: str, data: bytes) -> Workbook:
    """The .xls ``data`` as an openpyxl workbook with its look and print setup."""
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True, on_demand=False)
    except Exception as exc:  # xlrd parses hostile bytes: any failure means unreadable
        raise TrackerError(
            f"模板“{name}”无法按 Excel 97-2003 格式读取格式信息（{type(exc).__name__}）。"
            "请用 Excel/WPS 打开后另存为 .xlsx 再选择。"
        ) from exc
    wb = Workbook()
    wb.remove(wb.active)
    printing = read_print_setup(data)
    for sh in book.sheets():
        ws = wb.create_sheet(sh.name)
        _sheet(book, sh, ws)
        if sh.name in printing:
            apply_print_setup(ws, printing[sh.name])
        ws.sheet_state = "visible" if sh.visibility == 0 else "hidden"
    _print_names(book, wb)
    log.info("%s: .xls template with %d sheets converted", name, len(wb.worksheets))
    return wb
