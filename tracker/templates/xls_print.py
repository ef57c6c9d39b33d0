"""An old .xls template's print setup, read from its sheet records.

xlrd keeps cells, styles, merges, widths and heights but not how a sheet prints: paper,
orientation, scaling or fit-to-page, margins, centring, header and footer. Those are a few
fixed-layout records per sheet (SETUP, LEFTMARGIN…, HCENTER, WSBOOL, HEADER/FOOTER), read
here so that a filled .xls template prints as the city's blank one did.
"""

from __future__ import annotations

import logging
import re
import struct
import warnings
from dataclasses import dataclass, field

from openpyxl.worksheet.header_footer import HeaderFooterItem
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import Element

from tracker.importing.biff_extent import BOF, BOUNDSHEET, EOF, records_at, workbook_stream

log = logging.getLogger(__name__)

SETUP, HEADER, FOOTER, WSBOOL = 0x00A1, 0x0014, 0x0015, 0x0081
MARGINS = {0x0026: "left", 0x0027: "right", 0x0028: "top", 0x0029: "bottom"}
HCENTER, VCENTER = 0x0083, 0x0084
_PORTRAIT, _NO_PRINTER_SETTINGS, _NO_ORIENTATION = 0x02, 0x04, 0x40
_FIT_TO_PAGE = 0x0100  # in WSBOOL


@dataclass
class SheetPrint:
    """What one sheet's print records say (None: the record was absent)."""

    paper: int | None = None
    scale: int | None = None
    fit_width: int | None = None
    fit_height: int | None = None
    portrait: bool | None = None
    header_margin: float | None = None
    footer_margin: float | None = None
    fit_to_page: bool = False
    margins: dict[str, float] = field(default_factory=dict)
    centred_h: bool = False
    centred_v: bool = False
    header: str | None = None
    footer: str | None = None


def _unicode_string(body: bytes) -> str | None:
    """A BIFF8 XLUnicodeString (an empty record means no header or footer)."""
    if len(body) < 3:
        return None
    count, flags = struct.unpack_from("<HB", body, 0)
    raw = body[3 : 3 + (count * 2 if flags & 1 else count)]
    return raw.decode("utf-16-le" if flags & 1 else "latin-1", "replace")


def _read_record(setup: SheetPrint, rtype: int, body: bytes) -> None:
    if rtype == SETUP and len(body) >= 34:
        paper, scale, _start, fit_w, fit_h, flags = struct.unpack_from("<6H", body, 0)
        setup.header_margin, setup.footer_margin = struct.unpack_from("<dd", body, 16)
        setup.fit_width, setup.fit_height = fit_w, fit_h
        if not flags & _NO_PRINTER_SETTINGS:
            setup.paper, setup.scale = paper or None, scale or None
            if not flags & _NO_ORIENTATION:
                setup.portrait = bool(flags & _PORTRAIT)
    elif rtype in MARGINS and len(body) >= 8:
        setup.margins[MARGINS[rtype]] = struct.unpack_from("<d", body, 0)[0]
    elif rtype in (HCENTER, VCENTER) and len(body) >= 2:
        on = bool(struct.unpack_from("<H", body, 0)[0])
        if rtype == HCENTER:
            setup.centred_h = on
        else:
            setup.centred_v = on
    elif rtype == WSBOOL and len(body) >= 2:
        setup.fit_to_page = bool(struct.unpack_from("<H", body, 0)[0] & _FIT_TO_PAGE)
    elif rtype in (HEADER, FOOTER):
        text = _unicode_string(body)
        if rtype == HEADER:
            setup.header = text
        else:
            setup.footer = text


def read_print_setup(data: bytes) -> dict[str, SheetPrint]:
    """Sheet name -> its print setup, for every worksheet of the .xls in ``data``."""
    stream = workbook_stream(data)
    if stream is None:
        return {}
    names: dict[int, str] = {}  # BOF offset -> sheet name (from BOUNDSHEET)
    out: dict[str, SheetPrint] = {}
    depth = 0
    current: SheetPrint | None = None
    for pos, rtype, body in records_at(stream):
        if rtype == BOF:
            depth += 1
            if depth == 1 and pos in names:
                current = out.setdefault(names[pos], SheetPrint())
        elif rtype == EOF:
            depth -= 1
            if depth == 0:
                current = None
        elif rtype == BOUNDSHEET and depth == 1 and current is None and len(body) >= 8:
            offset, length, flags = struct.unpack_from("<I", body, 0)[0], body[6], body[7]
            raw = body[8 : 8 + (length * 2 if flags & 1 else length)]
            names[offset] = raw.decode("utf-16-le" if flags & 1 else "latin-1", "replace")
        elif current is not None and depth == 1:
            _read_record(current, rtype, body)
    return out


def apply_print_setup(ws: Worksheet, setup: SheetPrint) -> None:
    """Carry an .xls sheet's print setup over to the openpyxl sheet."""
    page = ws.page_setup
    if setup.paper:
        page.paperSize = setup.paper
    if setup.portrait is not None:
        page.orientation = "portrait" if setup.portrait else "landscape"
    if setup.scale:
        page.scale = setup.scale
    if setup.fit_to_page:
        if ws.sheet_properties.pageSetUpPr is None:
            ws.sheet_properties.pageSetUpPr = PageSetupProperties()
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        page.fitToWidth = setup.fit_width
        page.fitToHeight = setup.fit_height
    for side, inches in setup.margins.items():
        setattr(ws.page_margins, side, inches)
    if setup.header_margin is not None:
        ws.page_margins.header = setup.header_margin
    if setup.footer_margin is not None:
        ws.page_margins.footer = setup.footer_margin
    ws.print_options.horizontalCentered = setup.centred_h or None
    ws.print_options.verticalCentered = setup.centred_v or None
    if setup.header:
        ws.HeaderFooter.oddHeader = _header_footer("oddHeader", setup.header)
    if setup.footer:
        ws.HeaderFooter.oddFooter = _header_footer("oddFooter", setup.footer)


def _header_footer(tag: str, text: str) -> HeaderFooterItem:
    """A header or footer from its Excel codes; text before any &L/&C/&R is centred, as
    Excel prints it."""
    if not re.match(r"&[LCR]", text):
        text = "&C" + text
    node = Element(tag)
    node.text = text
    with warnings.catch_warnings():  # a code openpyxl cannot parse: printed without it
        warnings.simplefilter("ignore", UserWarning)
        return HeaderFooterItem.from_tree(node)
