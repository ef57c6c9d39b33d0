"""Sending a round: one protected ``.xlsx`` per unit (or town), ready to fill.

The sheet 项目进度 lists the unit's projects: hidden 系统编号 and 收集轮次 columns, the
identity columns locked, the stage dates already reached locked and grey, the figures to
fill beside the latest stored ones, two text columns, and blank rows for new projects.
Validation (dates, numbers ≥ 0) warns rather than refuses, so "约3000万" can still be typed
and is read back. Sheet protection has no password: structure survives, nothing is secret.
"""

from __future__ import annotations

import math
import re
from copy import copy
from dataclasses import dataclass
from pathlib import Path

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.workbook import Workbook
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from tracker.collection.columns import (
    COLUMNS,
    FIGURES,
    HELP_SHEET,
    NEW_PROJECT_KEYS,
    NEW_ROWS,
    NEW_SECTION,
    SHEET_NAME,
    TOKEN_LABEL,
    Column,
)
from tracker.collection.rounds import Round, target_project_ids
from tracker.collection.state import Stored, load_stored
from tracker.domain.dates import to_date
from tracker.errors import Cancelled
from tracker.ledger.portfolio import Portfolio
from tracker.reports.layout import title_block
from tracker.reports.output import save_workbook
from tracker.reports.styles import SheetWriter, print_setup, print_width
from tracker.work import CancelFn, ProgressFn, never_cancelled, no_progress

HELP_WIDTH = 72  # the 填报说明 column: one A4 portrait width
INPUT_FILL = "FFF2CC"  # pale yellow: the cells to fill
DONE_FILL = "E7E6E6"  # grey: known, locked
HEADER_ROW = 4
FIRST_ROW = HEADER_ROW + 1


@dataclass
class SentFile:
    target: str
    path: Path
    projects: int


def file_name(rnd: Round, target: str) -> str:
    safe = re.sub(r'[\\/:*?"<>|]', "_", target)
    return f"{safe}_项目进度填报_截至{rnd.as_of}.xlsx"


def make_files(
    portfolio: Portfolio,
    rnd: Round,
    out_dir: Path,
    *,
    progress: ProgressFn = no_progress,
    cancelled: CancelFn = never_cancelled,
) -> list[SentFile]:
    """Write one workbook per target of the round into ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    county = portfolio.settings().get("county_name") or ""
    sent = []
    for i, target in enumerate(rnd.targets):
        if cancelled():
            raise Cancelled()
        progress(i, len(rnd.targets), f"生成 {target} 的填报表")
        ids = target_project_ids(portfolio, rnd, target)
        stored = load_stored(portfolio, ids)
        wb = build_workbook(rnd, target, [stored[p] for p in ids if p in stored], county)
        path = save_workbook(wb, out_dir / file_name(rnd, target))
        sent.append(SentFile(target, path, len(ids)))
    progress(len(rnd.targets), len(rnd.targets), "完成")
    return sent


def build_workbook(rnd: Round, target: str, projects: list[Stored], county: str) -> Workbook:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET_NAME
    _write_table(ws, rnd, target, projects, county)
    _write_help(wb.create_sheet(HELP_SHEET), rnd, target)
    wb.active = 0
    return wb


def _styled(w: SheetWriter, name: str, *, fill: str | None, locked: bool) -> StyleArray:
    cell = Cell(w.ws)
    cell._style = copy(w.style("center" if name == "date" else name))
    if fill:
        cell.fill = PatternFill("solid", start_color=fill, end_color=fill)
    cell.protection = Protection(locked=locked)
    if name == "date":
        cell.number_format = "yyyy-mm-dd"
    return StyleArray(cell._style)


def _write_table(
    ws: Worksheet, rnd: Round, target: str, projects: list[Stored], county: str
) -> None:
    w = SheetWriter(ws)
    ncols = len(COLUMNS)
    title = f"{county}签约项目进度填报表（{target}）"
    deadline = f"，请于 {rnd.deadline} 前报回" if rnd.deadline else ""
    title_block(
        w,
        1,
        ncols,
        title,
        f"填报{'单位' if rnd.by_field == 'unit' else '乡镇'}：{target}    统计截至：{rnd.as_of}"
        f"{deadline}    金额单位：万元",
        f"{TOKEN_LABEL}：{rnd.receipt()}",
    )
    w.merged(
        3,
        1,
        ncols,
        "黄色格子请填写本期数字和日期（不清楚的留空）；灰色为台账已有内容，不用改。"
        "填写方法见“填报说明”工作表。",
        "subtitle",
    )
    header = w.style("header")
    w.row(HEADER_ROW, [c.header for c in COLUMNS], [header] * ncols)
    ws.row_dimensions[HEADER_ROW].height = 42
    styles = {
        "locked_text": _styled(w, "wrap", fill=None, locked=True),
        "locked_money": _styled(w, "money", fill=DONE_FILL, locked=True),
        "locked_date": _styled(w, "date", fill=DONE_FILL, locked=True),
        "plain_date": _styled(w, "date", fill=None, locked=True),
        "plain_money": _styled(w, "money", fill=None, locked=True),
        "fill_date": _styled(w, "date", fill=INPUT_FILL, locked=False),
        "fill_money": _styled(w, "money", fill=INPUT_FILL, locked=False),
        "fill_text": _styled(w, "wrap", fill=INPUT_FILL, locked=False),
        "section": _styled(w, "text", fill=None, locked=True),
    }
    row = FIRST_ROW
    for seq, p in enumerate(projects, 1):
        _project_row(w, row, seq, p, rnd, styles)
        row += 1
    w.merged(
        row,
        1,
        ncols,
        f"{NEW_SECTION}：本{'单位' if rnd.by_field == 'unit' else '乡镇'}本期新签约、"
        "上表中没有的项目，请在下面空行填写名称、投资主体、签约日期、签约金额等",
        "section",
    )
    ws.row_dimensions[row].height = 22
    new_first = row + 1
    for r in range(new_first, new_first + NEW_ROWS):
        for i, col in enumerate(COLUMNS, 1):
            if col.kind in ("id", "prev") or col.key in ("seq", "stage", "prev_as_of"):
                w.put(r, i, None, styles["locked_text"])
            elif col.key in NEW_PROJECT_KEYS or col.fill:
                kind = _kind(col)
                w.put(r, i, None, styles[f"fill_{kind}"])
            else:
                w.put(r, i, None, styles["locked_text"])
        if rnd.id:
            w.put(r, 2, rnd.id, styles["locked_text"])
    last = new_first + NEW_ROWS - 1
    _widths(ws)
    _validation(ws, FIRST_ROW, last)
    for key in ("project_id", "round_id"):
        ws.column_dimensions[_letter(key)].hidden = True
    print_setup(ws, title_rows=(HEADER_ROW, HEADER_ROW), freeze=f"{_letter('investor')}{FIRST_ROW}")
    ws.page_setup.paperSize = ws.PAPERSIZE_A3  # 24 columns: legible on A3, tiny on A4
    ws.print_area = f"C1:{get_column_letter(ncols)}{last}"
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    ws.protection.insertRows = False
    ws.protection.deleteRows = False


def _kind(col: Column) -> str:
    if col.kind in ("date", "stage"):
        return "date"
    if col.kind in ("money", "figure"):
        return "money"
    return "text"


def _project_row(
    w: SheetWriter, row: int, seq: int, p: Stored, rnd: Round, s: dict[str, StyleArray]
) -> None:
    values = {
        "project_id": p.id,
        "round_id": rnd.id,
        "seq": seq,
        "name": p.name,
        "investor": p.investor,
        "sign_date": to_date(p.sign_date),
        "signed_amount_wan": p.signed_amount_wan,
        "stage": p.stage.label,
        "prev_as_of": to_date(p.latest_as_of()),
    }
    for key, _label in FIGURES:
        if key in p.latest:
            values[f"prev.{key}"] = p.latest[key][1]
    for i, col in enumerate(COLUMNS, 1):
        value = values.get(col.key)
        if col.kind == "stage":
            known = p.actual.get(col.key.split(".")[0])
            if known:
                w.put(row, i, to_date(known) or known, s["locked_date"])
            else:
                w.put(row, i, None, s["fill_date"])
        elif col.fill:
            w.put(row, i, None, s[f"fill_{_kind(col)}"])
        elif col.kind == "prev":
            w.put(row, i, value, s["locked_money"])
        elif col.kind == "date":
            w.put(row, i, value, s["plain_date"])
        elif col.kind == "money":
            w.put(row, i, value, s["plain_money"])
        else:
            w.put(row, i, value, s["locked_text"])


def _letter(key: str) -> str:
    return get_column_letter([c.key for c in COLUMNS].index(key) + 1)


def _widths(ws: Worksheet) -> None:
    for i, col in enumerate(COLUMNS, 1):
        ws.column_dimensions[get_column_letter(i)].width = col.width


def _validation(ws: Worksheet, first: int, last: int) -> None:
    dates = DataValidation(
        type="date",
        operator="between",
        formula1="36526",  # 2000-01-01
        formula2="73050",  # 2099-12-31
        errorStyle="warning",
        showErrorMessage=True,
        errorTitle="日期",
        error="请填写日期，如 2026-06-30。",
        promptTitle="实际日期",
        prompt="该阶段实际完成的日期，如 2026-05-12；未到该阶段请留空。",
        showInputMessage=True,
    )
    numbers = DataValidation(
        type="decimal",
        operator="greaterThanOrEqual",
        formula1="0",
        errorStyle="warning",
        showErrorMessage=True,
        errorTitle="金额",
        error="请填写不小于 0 的数字，单位万元。",
        promptTitle="本期数（万元）",
        prompt="截至统计日期的数字，单位万元；左边是台账中的上期数。",
        showInputMessage=True,
    )
    for i, col in enumerate(COLUMNS, 1):
        letter = get_column_letter(i)
        if col.kind in ("stage",) or col.key == "sign_date":
            dates.add(f"{letter}{first}:{letter}{last}")
        elif col.kind == "figure" or col.key == "signed_amount_wan":
            numbers.add(f"{letter}{first}:{letter}{last}")
    ws.add_data_validation(dates)
    ws.add_data_validation(numbers)


HELP_LINES = (
    "一、填什么",
    "1. “项目进度”表列出本单位负责的签约项目，每个项目一行。",
    "2. 黄色格子请填写：已到达阶段的实际日期（注册、供地、开工、竣工、投产、达产），"
    "截至统计日期的累计到位资金、累计完成投资、产值、税收（万元），本期进展情况，存在问题及需协调事项。",
    "3. 灰色格子是台账中已有的内容（已到达阶段的日期、上期数），仅供参考，不用修改。",
    "4. 不清楚、没有变化的数字可以留空；留空不会清除台账中的数字。",
    "5. 累计数是从签约以来的总数，一般不应比上期数小；确有更正请在“本期进展情况”中说明。",
    "6. 本期新签约、表中没有的项目，填在表格下方“新签约项目”的空行里"
    "（至少填名称、投资主体、签约日期、签约金额）。",
    "",
    "二、怎么填",
    "1. 日期写成 2026-06-30 或 2026年6月30日；金额单位为万元，写数字即可（如 3000 或 1.2亿）。",
    "2. 请不要改动项目名称和投资主体；名称有误请在“本期进展情况”中注明。",
    "3. 可以插入行、调整行高列宽；请不要删除或改动表头。",
    "4. 用 Excel 或 WPS 填写均可，可另存为 .xls；填好后按时报回。",
    "",
    "三、报回",
    "文件名请保留单位名称。表格受保护（无密码）只是为了防止误改，"
    "确需修改可在“审阅 → 撤销工作表保护”中取消。",
)


def _write_help(ws: Worksheet, rnd: Round, target: str) -> None:
    ws.column_dimensions["A"].width = HELP_WIDTH
    ws["A1"] = f"填报说明（{target}，统计截至 {rnd.as_of}）"
    ws["A1"].font = Font(name="宋体", size=14, bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    body = Font(name="宋体", size=11)
    row = 2
    if rnd.deadline:
        ws.cell(row, 1, f"报送截止日期：{rnd.deadline}").font = body
        row += 1
    for line in HELP_LINES:
        row += 1
        cell = ws.cell(row, 1, line)
        cell.font = Font(name="宋体", size=11, bold=line.endswith(("填什么", "怎么填", "报回")))
        cell.alignment = wrap
        lines = math.ceil(print_width(line) * 1.1 / HELP_WIDTH) if line else 1
        if lines > 1:
            ws.row_dimensions[row].height = 15 * lines
    row += 2
    ws.cell(row, 1, f"{TOKEN_LABEL}：{rnd.receipt()}（系统识别用，请勿改动）").font = Font(
        name="宋体", size=9, color="808080"
    )
    print_setup(ws, title_rows=None, freeze=None)
    ws.page_setup.orientation = "portrait"
    ws.print_options.horizontalCentered = False
