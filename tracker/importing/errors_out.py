"""Rows for the clerk to deal with, to Excel: rejected rows and conflicts.

Rejected rows: one sheet per source sheet, with the source's own header texts (so the
fixed file maps the same way), the original row number and the reasons. Conflicts (stored
values an import left alone because the file said otherwise): one row each, with the
stored and the file's value side by side. Every text cell is written as a literal
string: openpyxl would otherwise store "=..." as a live formula.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from tracker.errors import TrackerError
from tracker.importing.plan import Plan
from tracker.importing.values import cell_text
from tracker.ledger.batches import Conflict
from tracker.reports.output import save_workbook
from tracker.storage.faults import explain

REASON_HEADER = "错误原因"
ROW_HEADER = "原行号"
_BAD_SHEET_CHARS = str.maketrans({c: "_" for c in "[]:*?/\\"})


def _cell_value(value: object) -> object:
    if isinstance(value, bool):
        return cell_text(value)
    if isinstance(value, int | float | datetime | date):
        return value
    return cell_text(value)


def write_rejected(plan: Plan, out: Path | str) -> int:
    """Write the plan's rejected rows to ``out``; returns how many were written."""
    out = Path(out)
    wb = Workbook()
    assert wb.active is not None
    wb.remove(wb.active)
    written = 0
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="FFF2CC")
    for sheet in plan.sheets:
        rejected = [r for r in plan.rows if r.sheet == sheet.name and r.action == "reject"]
        if not rejected:
            continue
        ws = wb.create_sheet(sheet.name.translate(_BAD_SHEET_CHARS)[:31] or "Sheet")
        headers = [c.header for c in sheet.table.columns]
        ws.append([ROW_HEADER, *headers, REASON_HEADER])
        for cell in ws[1]:
            cell.font = bold
            cell.fill = fill
            if isinstance(cell.value, str):
                cell.data_type = "s"
        for r in rejected:
            values = [_cell_value(v) for v in r.raw][: len(headers)]
            values += [""] * (len(headers) - len(values))
            ws.append([r.row, *values, "；".join(r.errors)])
            for cell in ws[ws.max_row]:
                if isinstance(cell.value, str):
                    cell.data_type = "s"
            written += 1
        ws.freeze_panes = "B2"
        for i in range(1, len(headers) + 3):
            ws.column_dimensions[get_column_letter(i)].width = 16
        ws.column_dimensions[get_column_letter(len(headers) + 2)].width = 60
        for row in ws.iter_rows(min_row=2, min_col=len(headers) + 2, max_col=len(headers) + 2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    if not written:
        ws = wb.create_sheet("错误行")
        ws.append(["没有被拒绝的行"])
    _save(wb, out, "错误行")
    return written


CONFLICT_HEADERS = ("工作表", "原行号", "项目编号", "项目名称", "内容", "库中（保留）", "表中")


def plan_conflicts(plan: Plan) -> list[Conflict]:
    """The plan's conflicts as the batch will record them."""
    return [
        Conflict(
            r.sheet,
            r.row,
            r.project_id,
            str(r.data.get("name") or ""),
            c.field,
            c.label,
            c.shown("old"),
            c.shown("new"),
        )
        for r in plan.conflict_rows()
        for c in r.conflicts
    ]


def write_conflicts(conflicts: list[Conflict], out: Path | str) -> int:
    """The conflicts, one per row, stored value beside the file's; how many were written."""
    out = Path(out)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "冲突"
    ws.append(list(CONFLICT_HEADERS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="FFF2CC")
    for c in conflicts:
        ws.append([c.sheet, c.row, c.project_id, c.name, c.label, c.stored, c.file])
        for cell in ws[ws.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    if not conflicts:
        ws.append(["没有冲突"])
    ws.freeze_panes = "A2"
    for i, width in enumerate((14, 8, 10, 30, 22, 24, 24), start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    _save(wb, out, "冲突")
    return len(conflicts)


def _save(wb: Workbook, out: Path, what: str) -> None:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        save_workbook(wb, out)
    except TrackerError:
        raise
    except OSError as exc:
        raise explain(exc, out) or TrackerError(
            f"无法写入{what}文件“{out}”：{exc.strerror or exc}。请关闭已打开的同名文件后重试。"
        ) from exc
