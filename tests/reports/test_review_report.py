"""The review workbook, opened back with openpyxl: sheets, print setup, fills, chart, text."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.helpers.review import HAND_AS_OF, build_hand_portfolio
from tracker.errors import TrackerError
from tracker.ledger.portfolio import Portfolio
from tracker.reports import output
from tracker.reports.output import OutputLockedError
from tracker.reports.pages import print_scale
from tracker.reports.review_report import write_review_report
from tracker.reports.styles import FOOTER_TEXT, RED_FILL, YELLOW_FILL
from tracker.review import run_review

EVIL = '=HYPERLINK("http://x","y")'
SHEETS = ["汇总", "预警清单", "预警明细", "项目台账", "诉求清单"]


@pytest.fixture(scope="module")
def workbook_path(tmp_path_factory) -> Path:
    """One workbook for the read-only tests below (built once: writing it takes a while)."""
    folder = tmp_path_factory.mktemp("report")
    portfolio = Portfolio.open(folder / "review.db", auto_backup=False)
    try:
        build_hand_portfolio(portfolio)
        pid = portfolio.add_project(
            {
                "name": EVIL,
                "investor": "#N/A",
                "sign_date": "2024-01-05",
                "signed_amount_wan": "300",
                "unit": "=1+1",
                "leader": "@SUM(A1)",
                "agreement_type": "意向协议",
            }
        )
        portfolio.add_problem(pid, "2025-01-01", "=cmd|' /C calc'!A0", deadline="2025-02-01")
        portfolio.update_settings({"county_name": "青溪县", "reporting_unit": "青溪县投资促进中心"})
        review = run_review(portfolio, HAND_AS_OF)
    finally:
        portfolio.close()
    return write_review_report(review, folder / "评估报表.xlsx")


def test_sheets_titles_and_print_setup(workbook_path: Path) -> None:
    wb = load_workbook(workbook_path)
    assert wb.sheetnames == SHEETS
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9  # A4
        # designed to fit one A4 width: printed at full size, never shrunk to fit
        assert print_scale(ws, ws.max_column) == 1.0, ws.title
        assert ws.sheet_properties.pageSetUpPr.fitToPage is False
        assert int(ws.page_setup.scale) == 100
        assert ws.oddFooter.center.text == FOOTER_TEXT
        assert ws.print_title_rows and ws.print_title_rows.startswith("$1:")
        assert ws.freeze_panes is not None
        title = ws["A1"].value
        assert title.startswith("青溪县2024—2025年签约项目"), title
        assert ws["A1"].font.name == "宋体" and ws["A1"].font.b
        assert any(str(r).startswith("A1:") for r in ws.merged_cells.ranges)
        assert ws["A2"].value.startswith(f"统计截至：{HAND_AS_OF}")
        texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        assert any(t.startswith("填报单位：") or "填报单位：" in t for t in texts)
        assert any(t.startswith("填表人") for t in texts) and any(
            t.startswith("审核人") for t in texts
        )
    for name in SHEETS[1:]:
        ws = wb[name]
        header = int(ws.print_title_rows.split(":")[1].strip("$"))
        assert ws.freeze_panes == f"A{header + 1}"
        assert ws.auto_filter.ref.startswith(f"A{header}:")
        assert ws.cell(header, 1).value == "序号"
        assert ws.cell(header, 1).font.name == "宋体"


def test_warning_details_red_before_yellow_with_fills(workbook_path: Path) -> None:
    ws = load_workbook(workbook_path)["预警明细"]
    header = int(ws.print_title_rows.split(":")[1].strip("$"))
    levels, fills = [], []
    for row in ws.iter_rows(min_row=header + 1):
        if not isinstance(row[0].value, int) or row[1].value not in ("红灯", "黄灯"):
            break
        levels.append(row[1].value)
        fills.append(row[8].fill.fgColor.rgb[-6:])
    assert "红灯" in levels and "黄灯" in levels
    assert levels == sorted(levels, key=["红灯", "黄灯"].index)
    assert {(lvl, f) for lvl, f in zip(levels, fills, strict=True)} == {
        ("红灯", RED_FILL),
        ("黄灯", YELLOW_FILL),
    }
    values = [c.value for row in ws.iter_rows() for c in row]
    assert "签约已 726 天仍未注册（黄灯 90 天，红灯 180 天）" in values  # the =HYPERLINK project
    terminated = [
        c.value for row in load_workbook(workbook_path)["预警清单"].iter_rows() for c in row
    ]
    assert "已终止项目（不预警，列明终止原因）：1 个" in terminated
    assert "2025-09-01 终止，原因：投资方资金链断裂" in terminated


def test_user_text_stays_text(workbook_path: Path) -> None:
    wb = load_workbook(workbook_path)
    seen = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value in (EVIL, "#N/A", "=1+1", "@SUM(A1)", "=cmd|' /C calc'!A0"):
                    assert c.data_type == "s", (ws.title, c.coordinate, c.value)
                    seen[c.value] = ws.title
    assert set(seen) == {EVIL, "#N/A", "=1+1", "@SUM(A1)", "=cmd|' /C calc'!A0"}
    with zipfile.ZipFile(workbook_path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/sheet"):
                assert "<f>" not in z.read(name).decode("utf-8")


def test_summary_rates_chart_and_definitions(workbook_path: Path) -> None:
    ws = load_workbook(workbook_path)["汇总"]
    cells = {c.value: c for row in ws.iter_rows() for c in row if c.value is not None}
    assert "三、按责任单位" in cells and "四、按产业类别" in cells and "口径说明" in cells
    # projects and warnings, each named as such (a project counts once, at its worst light)
    counts = [v for v in cells if isinstance(v, str) and v.startswith("二、预警情况：")]
    assert counts and "红灯项目" in counts[0] and "黄灯项目" in counts[0] and "条" in counts[0]
    assert any(
        isinstance(v, str) and v.startswith("2. 履约率 = 履约项目数 ÷ 签约项目数") for v in cells
    )
    # the 合计 rows: one per breakdown table, bold on a grey fill
    totals = [c for row in ws.iter_rows() for c in row if c.value == "合计"]
    assert len(totals) >= 3 and all(c.font.b for c in totals)
    scope = cells["全部签约项目"]
    row = [ws.cell(scope.row, col).value for col in range(1, 16)]
    assert row[1] == 7 and row[3] == 4  # 签约 7 (the =HYPERLINK one included), 履约 4
    assert ws.cell(scope.row, 5).number_format == "0.00%"
    assert abs(float(row[4]) - 4 / 7) < 0.0001
    assert len(ws._charts) == 1
    with zipfile.ZipFile(workbook_path) as z:
        chart = z.read("xl/charts/chart1.xml").decode("utf-8")
    assert "barChart" in chart and "项目推进情况" in chart


def test_ledger_and_problem_sheets(workbook_path: Path) -> None:
    wb = load_workbook(workbook_path)
    ledger = wb["项目台账"]
    names = [c.value for c in ledger["B"]][3:]  # title, subtitle, header
    assert EVIL in names and "项目P7" not in names  # P7 is signed after the as-of date
    problems = wb["诉求清单"]
    texts = [c.value for row in problems.iter_rows() for c in row]
    assert "项目用地指标尚未落实" in texts and "自然资源局" in texts


def test_locked_target_is_reported(hand_portfolio, tmp_path: Path, monkeypatch) -> None:
    review = run_review(hand_portfolio, HAND_AS_OF)
    target = tmp_path / "开着的.xlsx"
    target.write_bytes(b"old")

    def locked(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(output.os, "replace", locked)
    with pytest.raises(OutputLockedError) as err:
        write_review_report(review, target)
    assert "正被 Excel 或 WPS 打开" in err.value.message and str(target) in err.value.message
    assert target.read_bytes() == b"old"  # untouched
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".xlsx"] == ["开着的.xlsx"]


@pytest.mark.parametrize("name", ["报表.xls", "报表.txt", "无此文件夹/报表.xlsx"])
def test_bad_targets(hand_portfolio, tmp_path: Path, name: str) -> None:
    review = run_review(hand_portfolio, HAND_AS_OF)
    with pytest.raises(TrackerError):
        write_review_report(review, tmp_path / name)
