"""Computed columns: rules told from header wording, units and dates the header names, and
the 填报单位 / 填报日期 blanks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.helpers.ledgers import write_xlsx
from tests.helpers.templates import sample_ledger
from tracker.ledger.portfolio import Portfolio
from tracker.templates.fill import FillOptions, fill_template, inspect_template, select_projects
from tracker.templates.placeholders import fill_text
from tracker.templates.rules import Scope, header_scope

AS_OF = date(2025, 6, 30)


@pytest.mark.parametrize(
    ("header", "at", "since"),
    [
        ("至2024年底累计完成投资（万元）", date(2024, 12, 31), None),
        ("截至2025年6月底累计到位资金", date(2025, 6, 30), None),
        ("截止2025年3月15日累计完成投资", date(2025, 3, 15), None),
        ("2025年1-6月完成投资（万元）", date(2025, 6, 30), date(2024, 12, 31)),
        ("2025年4—6月完成投资", date(2025, 6, 30), date(2025, 3, 31)),
        ("2024年完成投资", date(2024, 12, 31), date(2023, 12, 31)),
        ("累计完成投资", None, None),
    ],
)
def test_header_dates(header: str, at: date | None, since: date | None) -> None:
    assert header_scope(header, None, None) == Scope(None, at, since)


def test_unit_from_header_else_title() -> None:
    assert header_scope("总投资", "亿元", None).unit == "亿元"
    assert header_scope("总投资（元）", "亿元", "元").unit == "元"


WIDE = [
    "序号",
    "项目名称",
    "企业负责人及电话",
    "项目建设起止年限",
    "年度计划投资",
    "当前阶段",
    "统计截止日期",
    "总投资（元）",
    "2025年1-6月完成投资（万元）",
    "截至2025年6月底累计到位资金（万元）",
    "是否开工",
    "实际开工时间",
    "计划开工时间",
    "签约时间",
]


def test_computed_columns_of_a_wide_template(portfolio: Portfolio, tmp_path: Path) -> None:
    sample_ledger(portfolio)
    template = write_xlsx(
        tmp_path / "宽表.xlsx",
        {"Sheet1": [["单位：万元"], WIDE, [None] * len(WIDE), [None] * len(WIDE)]},
    )
    plan = inspect_template(template, portfolio)
    assert [r.key for r in plan.rules] == [
        "serial",
        "name",
        "contact+phone",
        "period",
        None,
        "stage",
        "as_of",
        "signed_amount_wan",
        "invested_wan",
        "funds_arrived_wan",
        "stage_flags.started",
        "stage_dates.started",
        "planned_start",
        "sign_date",
    ]
    words = {r.column.letter: w["words"] for r, w in zip(plan.rules, plan.to_json(), strict=True)}
    assert words["H"] == "签约总投资（元）"
    assert words["I"] == "累计完成投资：2024-12-31 至 2025-06-30 的增加额（万元）"
    options = FillOptions(as_of=AS_OF)
    out = tmp_path / "宽表（填好）.xlsx"
    fill_template(plan, select_projects(portfolio, options), out, options, portfolio.settings())
    ws = load_workbook(out).active
    first = {ws.cell(3, c).column_letter: ws.cell(3, c).value for c in range(1, len(WIDE) + 1)}
    assert first["C"] == "张三 13800000001"
    assert first["D"] == "2024.09—2025.12"
    assert first["E"] is None
    assert first["F"] == "开工" and first["G"] == "2025-06-30"
    assert first["H"] == 520005000  # 52000.5 万元 in 元, exact
    assert first["I"] == 7000  # 15000 at 2025-06-20 less 8000 at 2024-12-31
    assert first["J"] == 9000
    assert first["K"] == "是" and first["L"] == "2024-09-10"
    assert first["M"] is None and first["N"] == "2024-03-15"
    second = {ws.cell(4, c).column_letter: ws.cell(4, c).value for c in range(1, len(WIDE) + 1)}
    assert second["F"] == "签约" and second["K"] == "否" and second["M"] == "2025-08-01"
    assert second["I"] is None  # no figure reported: blank, not a made-up zero


def test_figures_are_read_as_of_the_date(portfolio: Portfolio, tmp_path: Path) -> None:
    """A report as of 2025-03-31 must not show the June figure or the June note."""
    sample_ledger(portfolio)
    template = write_xlsx(
        tmp_path / "t.xlsx",
        {"S": [["序号", "项目名称", "累计完成投资（亿元）", "目前进展情况"], [None] * 4]},
    )
    plan = inspect_template(template, portfolio)
    options = FillOptions(as_of=date(2025, 3, 31))
    out = tmp_path / "o.xlsx"
    fill_template(plan, select_projects(portfolio, options), out, options, portfolio.settings())
    ws = load_workbook(out).active
    assert Decimal(str(ws["C2"].value)) == Decimal("0.8")
    assert ws["D2"].value == "开工 2024-09-10"


@pytest.mark.parametrize(
    ("text", "filled"),
    [
        ("填报单位：", "填报单位：示范县投资促进中心"),
        ("填报单位（盖章）：______", "填报单位（盖章）：示范县投资促进中心"),
        (
            "填报单位：        填报日期：    年  月  日",
            "填报单位：示范县投资促进中心    填报日期：2025年6月30日",
        ),
        ("（截至    年   月   日）", "（截至2025年6月30日）"),
        ("××县（市、区）招商引资项目表", "示范县招商引资项目表"),
        ("填报单位：市商务局", "填报单位：市商务局"),  # the city's own words stay
        ("注：签约日期指协议签订之日", "注：签约日期指协议签订之日"),
    ],
)
def test_placeholders(text: str, filled: str) -> None:
    assert fill_text(text, unit="示范县投资促进中心", county="示范县", as_of=AS_OF) == filled
