"""Opening the template the city sent, with its look, and the grid the importer reads.

The file is first read by the importer's reader (``read_workbook``): it tells the format
from the bytes and refuses a damaged, encrypted, foreign or oversized file with the true
reason in Chinese. Then the workbook is opened again with its formatting — openpyxl for
the .xlsx family, xlrd (``xls_convert``) for .xls and WPS .et — because a template is
filled *in place*: its title, fonts, borders, widths and print setup must survive.
"""

from __future__ import annotations

import io
import logging
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from tracker.errors import TrackerError
from tracker.importing.read import LABELS, PasswordRequired, read_workbook
from tracker.importing.workbook import Sheet
from tracker.templates.xls_convert import convert_xls

log = logging.getLogger(__name__)

OOXML = ("xlsx", "xlsm", "xltx", "xltm")
BIFF = ("xls", "et")
# What the template dialog offers to open (the .xlsx family, .xls, WPS .et and templates).
TEMPLATE_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm", ".xls", ".xlt", ".et", ".ett")
MAX_TEMPLATE_ROWS = 5000  # a template is a title, a header, some blank rows and notes
MAX_TEMPLATE_COLS = 200


@dataclass
class TemplateBook:
    """The template as openpyxl holds it (to fill and save) and its file's name."""

    path: Path
    format: str
    workbook: Workbook


def open_template(path: Path | str) -> TemplateBook:
    """Read the template at ``path``; TrackerError (Chinese) for anything unusable."""
    path = Path(path)
    try:
        checked = read_workbook(path)
    except PasswordRequired as exc:
        raise TrackerError(
            f"模板“{path.name}”设有打开密码。请在 Excel/WPS 中取消密码并保存后再选择。"
        ) from exc
    except TrackerError as exc:  # the reader's reason, said for a template, not an import
        raise TrackerError(exc.message.replace("再导入", "再选择")) from exc
    fmt = checked.format
    if fmt not in OOXML + BIFF:
        label = LABELS.get(fmt, fmt.upper())
        raise TrackerError(
            f"模板“{path.name}”是{label}，无法保留其格式填报。"
            "请用 Excel/WPS 打开后另存为 .xlsx（或 .xls）再选择。"
        )
    data = path.read_bytes()
    if fmt in BIFF:
        wb = convert_xls(path.name, data)
    else:
        wb = _load_ooxml(path.name, data)
    wb.template = False  # saved as a plain .xlsx workbook, whatever it came as
    log.info("template %s: %s, sheets %s", path.name, fmt, wb.sheetnames)
    return TemplateBook(path, fmt, wb)


def _load_ooxml(name: str, data: bytes) -> Workbook:
    try:
        with warnings.catch_warnings():  # "extension not supported" for slicers and the like
            warnings.simplefilter("ignore", UserWarning)
            return load_workbook(io.BytesIO(data), rich_text=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise TrackerError(
            f"模板“{name}”的格式信息无法读取（{type(exc).__name__}）。"
            "请用 Excel/WPS 打开后另存为 .xlsx 再选择。"
        ) from exc


def sheet_grid(ws: Worksheet) -> Sheet:
    """The sheet's values and merges as the importer's table finder reads them."""
    rows = min(ws.max_row, MAX_TEMPLATE_ROWS)
    cols = min(ws.max_column, MAX_TEMPLATE_COLS)
    grid: list[list[object]] = [[None] * cols for _ in range(rows)]
    for (r, c), cell in ws._cells.items():
        if r <= rows and c <= cols:
            grid[r - 1][c - 1] = cell.value
    merges = [
        (m.min_row - 1, m.min_col - 1, m.max_row - 1, m.max_col - 1)
        for m in ws.merged_cells.ranges
        if m.min_row <= rows and m.min_col <= cols
    ]
    return Sheet(ws.title, grid, merges)
