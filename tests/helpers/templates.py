"""Blank report templates as cities send them, generated for the template tests, and a small
ledger whose values under each column are known.

``one_row_xlsx``: title, 填报单位/填报日期 row, a one-row header, five empty bordered rows,
a 合计 row with SUM formulas, a note row; widths, heights and print setup set.
``two_row_xls`` (xlwt): title, a two-level header (项目业主单位 over 业主名称 · 负责人 ·
联系人 · 电话), a 合计 row right under the header, empty rows, 填报人 and note rows below;
amounts in 亿元 and a 至2024年底 cumulative column.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from tracker.ledger.portfolio import Portfolio

ONE_ROW_HEADER = [
    "序号",
    "项目名称",
    "属地",
    "项目建设规模和内容",
    "估算投资（万元）",
    "目前进展情况",
    "招商形式(独资、合资等）",
    "承办单位",
    "联系人及电话",
    "备注",
    "对接频次",
]
ONE_ROW_WIDTHS = [6, 28, 10, 36, 12, 30, 14, 14, 20, 10, 9]
TITLE = "XX市2025年招商引资签约项目推进情况表"
NOTE = "注：1.本表由各县（市、区）招商部门填报；2.金额单位为万元；3.请于每月5日前报送。"

TWO_ROW_UPPER = [
    "序号",
    "项目名称",
    "项目性质",
    "建设内容及规模",
    "建设起止时间",
    "总投资（亿元）",
    "至2024年底累计完成投资（万元）",
    "2025年计划投资（万元）",
    "项目业主单位",
    None,
    None,
    None,
    "挂钩责任单位",
    "挂钩领导",
]
TWO_ROW_LOWER = [None] * 8 + ["业主名称", "负责人", "联系人", "电话"] + [None, None]


def _box() -> Border:
    thin = Side(style="thin")
    return Border(left=thin, right=thin, top=thin, bottom=thin)


def one_row_xlsx(path: Path, *, blank_rows: int = 5, formula_total: bool = True) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "推进情况"
    n = len(ONE_ROW_HEADER)
    ws.cell(1, 1, TITLE).font = Font(name="宋体", size=18, bold=True)
    ws.cell(1, 1).alignment = Alignment(horizontal="center", vertical="center")
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    ws.row_dimensions[1].height = 36
    ws.cell(2, 1, "填报单位：")
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=5)
    ws.cell(2, 6, "填报日期：    年  月  日")
    ws.merge_cells(start_row=2, start_column=6, end_row=2, end_column=n)
    header_font = Font(name="黑体", size=11, bold=True)
    for c, text in enumerate(ONE_ROW_HEADER, 1):
        cell = ws.cell(3, c, text)
        cell.font = header_font
        cell.border = _box()
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[3].height = 42
    body_font = Font(name="仿宋", size=11)
    for r in range(4, 4 + blank_rows):
        for c in range(1, n + 1):
            cell = ws.cell(r, c)
            cell.border = _box()
            cell.font = body_font
            cell.alignment = Alignment(vertical="center")
        ws.row_dimensions[r].height = 24
    total = 4 + blank_rows
    ws.cell(total, 1, "合计")
    ws.merge_cells(start_row=total, start_column=1, end_row=total, end_column=2)
    if formula_total:
        ws.cell(total, 5, f"=SUM(E4:E{total - 1})")
    for c in range(1, n + 1):
        ws.cell(total, c).border = _box()
        ws.cell(total, c).font = Font(name="仿宋", size=11, bold=True)
    note = total + 1
    ws.cell(note, 1, NOTE)
    ws.merge_cells(start_row=note, start_column=1, end_row=note, end_column=n)
    ws.row_dimensions[note].height = 30
    for c, width in enumerate(ONE_ROW_WIDTHS, 1):
        ws.column_dimensions[ws.cell(3, c).column_letter].width = width
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = 0.4
    wb.save(path)
    return path


def two_row_xls(path: Path, *, blank_rows: int = 4) -> Path:
    import xlwt  # type: ignore[import-untyped]

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("重点项目")
    n = len(TWO_ROW_UPPER)
    title = xlwt.easyxf("font: name 宋体, height 360, bold on; align: horiz center, vert center")
    head = xlwt.easyxf(
        "font: name 黑体, height 220, bold on; align: horiz center, vert center, wrap on;"
        "borders: left thin, right thin, top thin, bottom thin"
    )
    body = xlwt.easyxf(
        "font: name 仿宋, height 220; align: vert center;"
        "borders: left thin, right thin, top thin, bottom thin"
    )
    plain = xlwt.easyxf("font: name 宋体, height 220")
    ws.write_merge(0, 0, 0, n - 1, "XX市2025年重点招商项目推进情况表", title)
    ws.write_merge(1, 1, 0, n - 1, "XX县（市、区）    填报日期：  年  月  日", plain)
    for c, text in enumerate(TWO_ROW_UPPER):
        if c in (8, 9, 10, 11):
            continue
        ws.write_merge(2, 3, c, c, text, head)
    ws.write_merge(2, 2, 8, 11, "项目业主单位", head)
    for c in range(8, 12):
        ws.write(3, c, TWO_ROW_LOWER[c], head)
    ws.write(4, 0, "合计", body)
    ws.write(4, 1, "N个", body)
    for c in range(2, n):
        ws.write(4, c, None, body)
    for r in range(5, 5 + blank_rows):
        for c in range(n):
            ws.write(r, c, None, body)
    below = 5 + blank_rows
    ws.write_merge(below, below, 0, n - 1, "填报人：              联系电话：", plain)
    ws.write_merge(below + 1, below + 1, 0, n - 1, "说明：总投资以亿元计，其余以万元计。", plain)
    widths = [6, 26, 10, 30, 16, 12, 16, 14, 22, 10, 10, 14, 14, 10]
    for c, width in enumerate(widths):
        ws.col(c).width = width * 256
    ws.row(2).height_mismatch = True
    ws.row(2).height = 30 * 20
    ws.portrait = False
    ws.paper_size_code = 9  # A4
    ws.fit_width_to_pages = 1
    ws.fit_height_to_pages = 0
    ws.fit_num_pages = 1  # WSBOOL: fit to the page sizes above
    ws.print_centered_horz = True
    wb.save(str(path))
    return path


def sample_ledger(portfolio: Portfolio) -> dict[str, int]:
    """Three projects as of 2025-06-30, with the values the template tests check."""
    ids: dict[str, int] = {}
    ids["a"] = portfolio.add_project(
        {
            "name": "精益光源产业园项目",
            "investor": "浙江精益光源科技有限公司",
            "sign_date": "2024-03-15",
            "signed_amount_wan": "52000.5",
            "location": "城关镇",
            "content": "建设LED光源生产线12条，年产光源2亿只，配套研发中心和仓储物流用房，"
            "总建筑面积8万平方米",
            "unit": "县经信局",
            "leader": "王建国",
            "contact": "张三",
            "phone": "13800000001",
            "project_type": "新引进",
            "notes": "=1+1",
            "stage_dates": {"registered": "2024-04-01", "started": "2024-09-10"},
            "planned_production": "2025-12-31",
        }
    )
    portfolio.add_progress(ids["a"], "2024-12-31", invested_wan="8000", funds_arrived_wan="9000")
    portfolio.add_progress(ids["a"], "2025-06-20", invested_wan="15000", note="主体厂房封顶")
    ids["b"] = portfolio.add_project(
        {
            "name": "宏达新材料扩建项目",
            "investor": "宏达新材料股份有限公司",
            "sign_date": "2025-01-08",
            "signed_amount_wan": "8000",
            "location": "经济开发区",
            "unit": "县发改局",
            "leader": "李明华",
            "contact": "李四",
            "project_type": "增资扩股",
            "planned_start": "2025-08-01",
        }
    )
    ids["late"] = portfolio.add_project(  # signed after the as-of date: not in the report
        {
            "name": "康泰生物制剂生产基地",
            "investor": "康泰医药集团",
            "sign_date": "2025-09-20",
            "signed_amount_wan": "120000",
            "unit": "县经信局",
        }
    )
    portfolio.update_settings({"reporting_unit": "示范县投资促进中心", "county_name": "示范县"})
    return ids


def cell_map(ws: Any) -> dict[str, Any]:
    """{coordinate: value} of every non-empty cell of an openpyxl sheet."""
    return {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}
