"""How big a spreadsheet the importer reads, checked before anything is allocated.

A ledger is hundreds (at province scale tens of thousands) of rows by a few dozen
columns. A file that states more — a stray value in cell XFD1048576, a 5 MB row of
commas, ``colspan=1000`` — is refused with the place that makes it so, before a reader
allocates the grid: calamine builds a dense grid (32 bytes a cell) from A1 to the
farthest value, so one far cell can ask for 512 GB and abort the process.
"""

from __future__ import annotations

from openpyxl.utils import get_column_letter

from tracker.errors import TrackerError

MAX_COLUMNS = 1_000  # real ledgers: 10-60 columns; 180 with monthly figures for 5 years
MAX_CELLS = 2_500_000  # e.g. 50,000 rows × 50 columns, the whole workbook (~100 MB read)
MAX_ROWSPAN = 10_000  # an HTML cell spanning more rows is not a ledger's merged cell


def cell_name(row: int, col: int) -> str:
    """0-based (row, col) -> the cell's name as Excel shows it (A1, XFD1048576)."""
    return f"{get_column_letter(col + 1)}{row + 1}"


def _place(file: str, sheet: str) -> str:
    """文件“a.xlsx”的工作表“台账”; a CSV (one sheet named after the file) only its file."""
    if not sheet or file.rsplit(".", 1)[0] == sheet:
        return f"文件“{file}”"
    return f"文件“{file}”的工作表“{sheet}”"


def check_width(file: str, sheet: str, width: int, row: int | None = None) -> None:
    if width > MAX_COLUMNS:
        where = f"第 {row + 1} 行" if row is not None else "表格"
        raise TrackerError(
            f"{_place(file, sheet)}{where}有 {width:,} 列，超过上限 {MAX_COLUMNS:,} 列，"
            "不像是项目台账，已拒绝读取。请删除多余的列（或只复制台账部分到新文件）后再导入。"
        )


def check_extent(file: str, sheet: str, last_row: int, last_col: int, total: int = 0) -> int:
    """Refuse a sheet whose grid A1..(last_row, last_col) is too big; returns the running
    total of cells for the workbook (``total`` so far plus this sheet)."""
    if last_row < 0 or last_col < 0:
        return total
    if last_col + 1 > MAX_COLUMNS:
        raise TrackerError(
            f"{_place(file, sheet)}在很远的单元格 {cell_name(last_row, last_col)} 有内容，"
            f"表格因此宽达 {last_col + 1:,} 列（上限 {MAX_COLUMNS:,}），已拒绝读取。"
            "请在 Excel/WPS 中删除这个单元格所在的多余行列后再导入。"
        )
    cells = (last_row + 1) * (last_col + 1)
    if total + cells > MAX_CELLS:
        raise TrackerError(
            f"{_place(file, sheet)}从 A1 到 {cell_name(last_row, last_col)} 共 "
            f"{cells:,} 个单元格，超过上限 {MAX_CELLS:,} 个，已拒绝读取。"
            "如果最后一个单元格是误填的，请删除它所在的多余行后再导入；"
            "台账确实这么大时，请按年份或单位拆成几个文件分别导入。"
        )
    return total + cells
