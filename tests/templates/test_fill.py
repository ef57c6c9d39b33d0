"""Filling generated city templates (.xlsx one-row header, .xls two-row header): the right
value under each column, the template's look kept, 合计 recomputed, no formula from text."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.helpers.templates import (
    NOTE,
    ONE_ROW_HEADER,
    ONE_ROW_WIDTHS,
    TITLE,
    one_row_xlsx,
    sample_ledger,
    two_row_xls,
)
from tracker.ledger.portfolio import Portfolio
from tracker.templates.fill import FillOptions, fill_template, inspect_template, select_projects

AS_OF = date(2025, 6, 30)


def _fill(portfolio: Portfolio, template: Path, out: Path, **filters) -> tuple:
    plan = inspect_template(template, portfolio)
    options = FillOptions(as_of=AS_OF, **filters)
    projects = select_projects(portfolio, options)
    result = fill_template(plan, projects, out, options, portfolio.settings())
    return plan, result, load_workbook(out)


def _formulas(ws) -> list[str]:
    return [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]


def test_one_row_xlsx_template_filled_in_place(portfolio: Portfolio, tmp_path: Path) -> None:
    sample_ledger(portfolio)
    template = one_row_xlsx(tmp_path / "市模板.xlsx")
    plan, result, wb = _fill(portfolio, template, tmp_path / "填好.xlsx")
    assert plan.mapping() == {
        "A": "serial",
        "B": "name",
        "C": "location",
        "D": "content",
        "E": "signed_amount_wan",
        "F": "progress",
        "G": "project_type",
        "H": "unit",
        "I": "contact+phone",
        "J": "notes",
        "K": None,  # 对接频次: nothing in the ledger says it
    }
    assert [r.column.header for r in plan.unknown()] == ["对接频次"]
    assert result.rows == 2  # the project signed after the as-of date is not in it
    ws = wb.active
    assert ws["A1"].value == TITLE and "A1:K1" in ws.merged_cells
    assert ws["A2"].value == "填报单位：示范县投资促进中心"
    assert ws["F2"].value == "填报日期：2025年6月30日"
    assert [ws.cell(3, c).value for c in range(1, 12)] == ONE_ROW_HEADER
    first = [ws.cell(4, c).value for c in range(1, 12)]
    assert first[:3] == [1, "精益光源产业园项目", "城关镇"] and first[4] == 52000.5
    assert first[3].startswith("建设LED光源生产线12条")
    assert first[5] == "开工 2024-09-10；2025-06-20 主体厂房封顶"
    assert first[6:10] == ["新引进", "县经信局", "张三 13800000001", "=1+1"]
    assert first[10] is None
    assert ws["J4"].data_type == "s"  # the clerk's "=1+1" is text, not a formula
    second = [ws.cell(5, c).value for c in range(1, 12)]
    assert second[:3] == [2, "宏达新材料扩建项目", "经济开发区"]
    assert second[5] == "已签约 2025-01-08" and second[8] == "李四"
    # 5 empty rows gave way to 2 projects: 合计 and the note moved up, sums are values
    assert ws["A6"].value == "合计" and "A6:B6" in ws.merged_cells
    assert ws["E6"].value == 60000.5 and not _formulas(ws)
    assert ws["A7"].value == NOTE and "A7:K7" in ws.merged_cells
    assert ws.max_row == 7
    # the template's look: widths, header height, fonts, borders, print setup
    for c, width in enumerate(ONE_ROW_WIDTHS, 1):
        assert ws.column_dimensions[ws.cell(3, c).column_letter].width == width
    assert ws.row_dimensions[3].height == 42
    assert ws["A3"].font.name == "黑体" and ws["A3"].font.b
    assert ws["B4"].font.name == "仿宋" and ws["B5"].border.left.style == "thin"
    assert ws["D4"].alignment.wrap_text  # long 建设内容 wraps; its row grows
    assert ws.row_dimensions[4].height > 24
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == "$3:$3"


def test_two_row_xls_template(portfolio: Portfolio, tmp_path: Path) -> None:
    pytest.importorskip("xlwt", reason="xlwt (test extra) writes the .xls template")
    sample_ledger(portfolio)
    template = two_row_xls(tmp_path / "重点项目.xls")
    plan, result, wb = _fill(portfolio, template, tmp_path / "重点项目（填好）.xlsx")
    assert plan.format == "xls" and plan.layout.header_rows == [2, 3]
    mapping = plan.mapping()
    assert mapping == {
        "A": "serial",
        "B": "name",
        "C": "project_type",
        "D": "content",
        "E": "period",
        "F": "signed_amount_wan",
        "G": "invested_wan",
        "H": None,  # 2025年计划投资: no annual plan in the ledger
        "I": "investor",
        "J": None,  # 负责人: 联系人 already holds the one contact person
        "K": "contact",
        "L": "phone",
        "M": "unit",
        "N": "leader",
    }
    ws = wb.active
    assert ws.title == "重点项目" and result.rows == 2
    assert ws["A2"].value == "示范县    填报日期：2025年6月30日"
    for merged in ("A1:N1", "A3:A4", "I3:L3", "N3:N4"):
        assert merged in ws.merged_cells, merged
    # the 合计 row right under the header stays there, with the count and exact sums
    assert [ws["A5"].value, ws["B5"].value] == ["合计", "2个"]
    assert Decimal(str(ws["F5"].value)) == Decimal("6.00005")  # 亿元
    assert ws["G5"].value == 8000
    row = {ws.cell(6, c).column_letter: ws.cell(6, c).value for c in range(1, 15)}
    assert row["A"] == 1 and row["B"] == "精益光源产业园项目"
    assert row["E"] == "2024.09—2025.12"
    assert Decimal(str(row["F"])) == Decimal("5.20005")  # 52000.5 万元 in 亿元
    assert row["G"] == 8000  # 至2024年底: the 2024-12-31 figure, not the later 15000
    assert row["H"] is None and row["J"] is None
    assert [row["I"], row["K"], row["L"], row["M"], row["N"]] == [
        "浙江精益光源科技有限公司",
        "张三",
        "13800000001",
        "县经信局",
        "王建国",
    ]
    assert ws["E7"].value == "2025.08—" and ws["C7"].value == "增资扩股"
    # 4 empty rows gave way to 2: the 填报人 and note rows moved up with their merges
    assert ws["A8"].value.startswith("填报人：") and "A8:N8" in ws.merged_cells
    assert ws["A9"].value.startswith("说明：") and ws.max_row == 9
    assert not _formulas(ws)
    # the .xls look came across: fonts, widths, header height, print setup
    assert ws["B3"].font.name == "黑体" and ws["B3"].font.b
    assert ws["B6"].font.name == "仿宋" and ws["B6"].border.bottom.style == "thin"
    assert ws.column_dimensions["B"].width == 26
    assert ws.row_dimensions[3].height == 30
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_options.horizontalCentered


def test_more_projects_than_blank_rows_moves_the_notes_down(
    portfolio: Portfolio, tmp_path: Path
) -> None:
    portfolio.add_projects(
        [
            {
                "name": f"项目{i}",
                "investor": f"企业{i}",
                "sign_date": f"2025-0{1 + i % 5}-10",
                "signed_amount_wan": str(100 * i),
                "unit": "县商务局" if i % 2 else "县经信局",
            }
            for i in range(1, 9)
        ]
    )
    template = one_row_xlsx(tmp_path / "模板.xlsx", blank_rows=3)
    wb0 = load_workbook(template)
    wb0.active.print_area = "A1:K8"
    wb0.save(template)
    _plan, result, wb = _fill(portfolio, template, tmp_path / "out.xlsx")
    ws = wb.active
    assert result.rows == 8
    assert [ws.cell(r, 1).value for r in range(4, 12)] == list(range(1, 9))
    assert ws["A12"].value == "合计" and ws["E12"].value == sum(100 * i for i in range(1, 9))
    assert ws["A13"].value == NOTE and "A13:K13" in ws.merged_cells
    assert ws.print_area == "'推进情况'!$A$1:$K$13"  # stretched over the new rows
    assert all(ws.row_dimensions[r].height == 24 for r in range(5, 12))  # the row's look


def test_filters_and_as_of(portfolio: Portfolio, tmp_path: Path) -> None:
    ids = sample_ledger(portfolio)
    portfolio.terminate(ids["b"], "2025-05-01", "投资方资金链断裂")
    template = one_row_xlsx(tmp_path / "模板.xlsx")
    _plan, result, wb = _fill(portfolio, template, tmp_path / "a.xlsx", unit="县经信局")
    assert result.rows == 1 and wb.active["B4"].value == "精益光源产业园项目"
    _plan, result, wb = _fill(portfolio, template, tmp_path / "b.xlsx", status="terminated")
    assert result.rows == 1
    assert wb.active["F4"].value.startswith("已终止 2025-05-01 投资方资金链断裂；已签约")
    _plan, result, _wb = _fill(portfolio, template, tmp_path / "c.xlsx", stage="started")
    assert result.rows == 1
    _plan, result, _wb = _fill(portfolio, template, tmp_path / "d.xlsx", town="经济开发区")
    assert result.rows == 1
    _plan, result, wb = _fill(portfolio, template, tmp_path / "e.xlsx", year=2024)
    assert result.rows == 1 and wb.active["A5"].value == "合计"


def test_numbered_rows_validation_and_no_empty_rows(portfolio: Portfolio, tmp_path: Path) -> None:
    """Rows the city pre-numbered are places for projects; a drop-down on them covers the
    projects written there; a template with no empty rows gets its projects under the header."""
    from openpyxl.worksheet.datavalidation import DataValidation

    sample_ledger(portfolio)
    template = one_row_xlsx(tmp_path / "编号.xlsx", blank_rows=4)
    wb = load_workbook(template)
    ws = wb.active
    for r in range(4, 8):
        ws.cell(r, 1, r - 3)
    choices = DataValidation(type="list", formula1='"独资,合资,合作"')
    choices.add("G4:G7")
    ws.add_data_validation(choices)
    wb.save(template)
    _plan, result, out = _fill(portfolio, template, tmp_path / "o.xlsx")
    ws = out.active
    assert [ws.cell(r, 1).value for r in range(4, 7)] == [1, 2, "合计"]
    assert str(ws.data_validations.dataValidation[0].sqref) == "G4:G5"
    assert ws["A7"].value == NOTE

    # no empty rows: a 合计 right under the header stays there, the projects follow it
    bare = one_row_xlsx(tmp_path / "无空行.xlsx", blank_rows=0)
    _plan, result, out = _fill(portfolio, bare, tmp_path / "p.xlsx")
    ws = out.active
    assert [ws.cell(r, 2).value for r in range(5, 7)] == [
        "精益光源产业园项目",
        "宏达新材料扩建项目",
    ]
    assert ws["A4"].value == "合计" and ws["E4"].value == 60000.5 and ws["A7"].value == NOTE
    assert ws["B5"].border.left.style == "thin"  # a plain bordered look in the header's font
    assert ws["B5"].font.name == "黑体" and not ws["B5"].font.b


def test_xls_made_by_an_office_program(portfolio: Portfolio, tmp_path: Path) -> None:
    """An .xls saved by an office suite (not xlwt): print titles and merges come across."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed: no office-made .xls to read")
    sample_ledger(portfolio)
    source = one_row_xlsx(tmp_path / "模板.xlsx")
    wb = load_workbook(source)
    wb.active.print_title_rows = "3:3"
    wb.save(source)
    profile = (tmp_path / "lo").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "xls",
         "--outdir", str(tmp_path / "xls"), str(source)],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    plan, result, out = _fill(portfolio, tmp_path / "xls" / "模板.xls", tmp_path / "o.xlsx")
    ws = out.active
    assert plan.format == "xls" and result.rows == 2
    assert ws.print_title_rows == "$3:$3"
    assert "A1:K1" in ws.merged_cells and "A7:K7" in ws.merged_cells
    assert ws["B4"].value == "精益光源产业园项目" and ws["E6"].value == 60000.5
    assert ws.column_dimensions["D"].width == pytest.approx(36, abs=0.8)


def test_merged_cells_of_the_data_rows_are_repeated(portfolio: Portfolio, tmp_path: Path) -> None:
    """A wide 建设内容 over two columns, merged in the header and in every empty row."""
    from openpyxl import Workbook
    from openpyxl.styles import Border, Side

    sample_ledger(portfolio)
    wb = Workbook()
    ws = wb.active
    ws.append(["某某表"])
    ws.append(["序号", "项目名称", "建设内容", None, "总投资（亿元）", "备注"])
    ws.merge_cells("C2:D2")
    thin = Side(style="thin")
    for r in range(3, 6):
        for c in range(1, 7):
            ws.cell(r, c).border = Border(left=thin, right=thin, top=thin, bottom=thin)
        ws.merge_cells(start_row=r, start_column=3, end_row=r, end_column=4)
    ws.cell(6, 1, "注：金额以亿元计")
    template = tmp_path / "宽栏.xlsx"
    wb.save(template)
    plan, _result, out = _fill(portfolio, template, tmp_path / "o.xlsx")
    assert [r.column.letter for r in plan.rules] == ["A", "B", "C", "E", "F"]  # D is C's
    ws = out.active
    assert {"C3:D3", "C4:D4"} <= {str(m) for m in ws.merged_cells.ranges}
    assert "C5:D5" not in ws.merged_cells and ws["A5"].value == "注：金额以亿元计"
    assert ws["C3"].value.startswith("建设LED") and ws["E4"].value == 0.8
