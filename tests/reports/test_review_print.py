"""The review workbook on paper: the per-project 预警清单, every sheet at full size on A4
(no text under 9 pt), page breaks between sections (no lone 合计 row), "—" for what is
missing, and approximate dates marked （约）."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tracker.ledger.portfolio import Portfolio
from tracker.reports.ledger_export import write_ledger_export
from tracker.reports.pages import Block, place_breaks, print_scale
from tracker.reports.review_report import write_review_report
from tracker.review import run_review

AS_OF = "2025-12-31"


def _add(p: Portfolio, name: str, unit: str, sign: str, **extra) -> int:
    data = {
        "name": name,
        "investor": f"{name}公司",
        "sign_date": sign,
        "signed_amount_wan": "1000",
        "unit": unit,
        "leader": "王建国",
        "agreement_type": "正式合同",
    } | extra
    return p.add_project(data)


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> tuple[Path, dict[str, int]]:
    folder = tmp_path_factory.mktemp("print")
    p = Portfolio.open(folder / "print.db", auto_backup=False)
    ids: dict[str, int] = {}
    try:
        # three warnings on one project: 逾期未落地 red, 逾期未开工 red, 服务缺位 yellow
        ids["three"] = _add(p, "三灯项目", "乙单位", "2024-06-01")
        p.add_visit(ids["three"], "2025-10-20", "招商股", "走访")
        p.add_progress(ids["three"], "2025-12-01", funds_arrived_wan="900")
        # a month-only sign date and a start known only from a word (stored as a month)
        ids["approx"] = _add(
            p,
            "约数项目",
            "甲单位",
            "2024-03",
            stage_dates={"registered": "2024-03", "started": "2024-05"},
        )
        p.add_visit(ids["approx"], "2025-12-20", "招商股", "走访")
        ids["bare"] = p.add_project(
            {
                "name": "空白项目",
                "investor": "某公司",
                "sign_date": "2025-12-01",
                "signed_amount_wan": "10",
            }
        )
        # forty towns: the by-town table runs over a page, so its 合计 must keep company
        for i in range(40):
            _add(p, f"镇项目{i:02d}", f"单位{i % 7}", "2025-11-01", location=f"第{i:02d}镇")
        review = run_review(p, AS_OF)
        path = write_review_report(review, folder / "评估.xlsx")
        write_ledger_export(p, folder / "台账.xlsx")
    finally:
        p.close()
    return path, ids


def _header_row(ws) -> int:
    return int(ws.print_title_rows.split(":")[1].strip("$"))


def test_warning_list_has_one_row_per_project(book) -> None:
    path, _ids = book
    ws = load_workbook(path)["预警清单"]
    header = _header_row(ws)
    titles = [ws.cell(header, c).value for c in range(1, ws.max_column + 1)]
    assert titles[:3] == ["序号", "预警\n等级", "项目名称"] and "预警类型" in titles
    rows = []
    for r in range(header + 1, ws.max_row + 1):
        if not isinstance(ws.cell(r, 1).value, int):
            break
        rows.append({t: ws.cell(r, c + 1).value for c, t in enumerate(titles)})
    names = [r["项目名称"] for r in rows]
    assert len(names) == len(set(names))  # each project once
    three = next(r for r in rows if r["项目名称"] == "三灯项目")
    assert three["预警\n等级"] == "红灯"
    assert three["预警类型"].splitlines() == [
        "逾期未落地（红）",
        "逾期未开工（红）",
        "服务缺位（黄）",
    ]
    facts = three["预警事实"].splitlines()
    assert facts[0] == "逾期未落地：签约 578 天未注册" and facts[2].startswith("服务缺位：")
    levels = [r["预警\n等级"] for r in rows]
    assert levels == sorted(levels, key=["红灯", "黄灯"].index)  # red projects first
    counts_line = ws.cell(3, 1).value
    assert counts_line.startswith("红灯项目 ") and "预警 " in counts_line and "条" in counts_line
    details = load_workbook(path)["预警明细"]
    per_warning = [
        details.cell(r, 4).value
        for r in range(_header_row(details) + 1, details.max_row + 1)
        if isinstance(details.cell(r, 1).value, int)
    ]
    assert per_warning.count("三灯项目") == 3  # the second sheet keeps one row per warning


def test_every_sheet_prints_at_full_size_with_no_small_text(book) -> None:
    path, _ids = book
    wb = load_workbook(path)
    for ws in wb.worksheets:
        assert print_scale(ws, ws.max_column) == 1.0, ws.title
        assert ws.page_setup.orientation == "landscape"
        assert ws.print_title_rows, ws.title  # titles repeated on every page
        sizes = {c.font.sz for row in ws.iter_rows() for c in row if c.value is not None}
        assert min(sizes) >= 9, (ws.title, sizes)
        assert float(ws.oddFooter.center.size) >= 9
    ledger = wb["项目台账"]
    headers = [ledger.cell(_header_row(ledger), c).value for c in range(1, ledger.max_column + 1)]
    assert headers == [
        "序号",
        "项目名称",
        "投资主体",
        "签约日期",
        "签约总投资\n（万元）",
        "当前\n阶段",
        "责任单位",
        "包抓\n领导",
        "落地乡镇\n/园区",
        "累计到位\n资金（万元）",
        "最新进展",
        "预警",
    ]


def test_page_breaks_fall_between_sections(book) -> None:
    path, _ids = book
    ws = load_workbook(path)["汇总"]
    breaks = [b.id for b in ws.row_breaks.brk]
    assert breaks, "a summary with forty towns needs more than one page"
    for row in breaks:
        after = ws.cell(row + 1, 1).value
        assert after != "合计", f"a lone 合计 row starts a page after row {row}"
        # a page never ends on a section title or a table header
        before = ws.cell(row, 1)
        assert not (isinstance(before.value, str) and "、" in before.value[:3]), row
        assert before.fill.fgColor.rgb[-6:] != "D9E1F2", f"header row {row} ends a page"


def test_missing_values_print_as_a_centred_dash(book) -> None:
    path, _ids = book
    ws = load_workbook(path)["项目台账"]
    header = _header_row(ws)
    row = next(r for r in range(header + 1, ws.max_row + 1) if ws.cell(r, 2).value == "空白项目")
    for col in (7, 8, 9, 10, 11):  # unit, leader, town, funds, latest progress
        cell = ws.cell(row, col)
        assert cell.value == "—", (col, cell.value)
        assert cell.alignment.horizontal == "center"


def test_approximate_dates_marked_in_report_and_export(book) -> None:
    path, _ids = book
    ws = load_workbook(path)["项目台账"]
    header = _header_row(ws)
    row = next(r for r in range(header + 1, ws.max_row + 1) if ws.cell(r, 2).value == "约数项目")
    assert ws.cell(row, 4).value == "2024-03（约）"
    assert ws.cell(row, 11).value.startswith("开工 2024-05（约）")
    export = load_workbook(path.with_name("台账.xlsx"))["项目台账"]
    titles = [c.value for c in export[2]]
    line = next(r for r in export.iter_rows(min_row=3) if r[1].value == "约数项目")
    assert line[titles.index("签约日期")].value == "2024-03（约）"
    assert line[titles.index("开工（实际）")].value == "2024-05（约）"


def test_place_breaks_keeps_sections_and_totals_together() -> None:
    ws = Workbook().active
    for r in range(1, 200):
        ws.row_dimensions[r].height = 20
    # repeated rows 1-2 (40 pt) leave room for 23 rows of 20 pt on a page
    blocks = [Block(3, 12), Block(14, 30), Block(32, 60)]
    breaks = place_breaks(ws, blocks, repeat=(1, 2))
    # block 1 (10 rows) fits; block 2 (17 rows) does not fit after it: a new page
    assert breaks[0] == 13
    # block 3 (29 rows) is taller than a page: it flows, but never leaves its last rows
    # (the 合计) alone at the top of a page
    for b in breaks[1:]:
        assert 60 - b >= 3 or b >= 60
    assert 32 not in breaks and 33 not in breaks  # never right after its title or header
    assert breaks == [13, 31, 51]  # block 3 starts a page, then flows


def test_place_breaks_never_leaves_a_total_alone() -> None:
    ws = Workbook().active
    for r in range(1, 100):
        ws.row_dimensions[r].height = 20
    # 21 rows where a page holds 20: the 21st (合计) would start page 2 alone
    assert place_breaks(ws, [Block(3, 23)], repeat=(1, 2)) == [20]
    assert place_breaks(ws, [Block(3, 22)], repeat=(1, 2)) == []  # 20 rows: one page


def test_fast_row_height_matches_openpyxl() -> None:
    from openpyxl.worksheet.dimensions import RowDimension

    from tracker.reports.styles import SheetWriter

    ws = Workbook().active
    SheetWriter(ws).height(3, 31.5)
    made = ws.row_dimensions[3]
    assert made.__dict__ == RowDimension(ws, index=3, ht=31.5).__dict__
    assert made.customHeight and made.parent is ws and not made.has_style


def test_an_empty_ledger_still_prints(tmp_path: Path) -> None:
    p = Portfolio.open(tmp_path / "empty.db", auto_backup=False)
    try:
        review = run_review(p, AS_OF)
    finally:
        p.close()
    wb = load_workbook(write_review_report(review, tmp_path / "空.xlsx"))
    assert (
        review.counts().text() == "红灯项目 0 个，黄灯项目 0 个；预警 0 条（红灯 0 条，黄灯 0 条）"
    )
    for ws in wb.worksheets:
        assert print_scale(ws, ws.max_column) == 1.0
