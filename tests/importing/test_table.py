"""Finding the table: titles, units, two-level headers, row kinds, fill-down, mapping."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.helpers.ledgers import HEADER, ROWS, write_xlsx
from tracker.importing.plan import plan_file
from tracker.importing.read import read_workbook
from tracker.importing.table import find_table


def test_messy_sheet_reads_like_a_clerk(messy_xlsx: Path) -> None:
    plan = plan_file(messy_xlsx)
    (sheet,) = plan.sheets
    assert sheet.header_rows == [3, 4]
    assert sheet.unit == "亿元"
    assert sheet.columns["签约情况/签约时间"] == "sign_date"
    assert sheet.columns["签约情况/签约金额"] == "signed_amount_wan"
    assert sheet.columns["项目进展/注册时间"] == "stage_dates.registered"
    assert sheet.columns["项目进展/开工时间"] == "stage_dates.started"
    assert sheet.columns["序号"] is None  # evidence of data rows, not a field
    rows = {r.row: r for r in plan.rows}
    assert sorted(rows) == [6, 7, 11]  # no title, category, total, blank or note rows
    first, second, third = rows[6].fields, rows[7].fields, rows[11].fields
    assert first["signed_amount_wan"] == 12500 and first["sign_date"] == "2023-10-01"
    assert first["stage"] == "registered" and first["location"] == "城关镇"
    assert second["location"] == "城关镇"  # vertical merge filled down
    assert second["sign_date"] == "2023-06-20"  # Excel serial 45097
    assert second["signed_amount_wan"] == 8000  # "0.8" 亿元
    assert third["signed_amount_wan"] == 5000  # "5000万" overrides the 亿元 title
    assert third["sign_date"] == "2023-04-17"
    assert third["stage_dates"] == {"registered": "2023-05", "started": "2023-06"}
    assert any("近似" in w for w in rows[11].warnings)
    assert all(r.action == "create" for r in plan.rows)


def test_category_rows_give_the_town_when_no_location_column(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["一、", "城关镇（2个）"],
        *ROWS[:2],
        ["二、", "青山镇（1个）"],
        ROWS[2],
        [None, "合计", None, None, 138750.5],
    ]
    plan = plan_file(write_xlsx(tmp_path / "c.xlsx", {"S": rows}))
    assert [r.fields["location"] for r in plan.rows] == ["城关镇", "城关镇", "青山镇"]


def test_one_sheet_per_town(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "towns.xlsx",
        {
            "城关镇": [["城关镇2023年签约项目"], HEADER, ROWS[0]],
            "溪口镇": [HEADER, ROWS[1], ROWS[2]],
            "说明": [["本表由投资促进中心汇总"]],
        },
    )
    plan = plan_file(path)
    assert [(s.name, s.skipped is None) for s in plan.sheets] == [
        ("城关镇", True),
        ("溪口镇", True),
        ("说明", False),
    ]
    assert plan.sheets[2].skipped and "表头" in plan.sheets[2].skipped
    assert [(r.sheet, r.row, r.fields["location"]) for r in plan.rows] == [
        ("城关镇", 3, "城关镇"),
        ("溪口镇", 2, "溪口镇"),
        ("溪口镇", 3, "溪口镇"),
    ]


def test_repeated_header_blank_rows_and_sub_rows(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ROWS[0],
        [None, None, None, None, None, None, None],
        [None, None, None, None, None, None, "（配套：县自然资源局）"],
        HEADER,
        ROWS[1],
    ]
    plan = plan_file(write_xlsx(tmp_path / "r.xlsx", {"S": rows}))
    assert [r.row for r in plan.rows] == [2, 6]
    table = plan.sheets[0].table
    assert [table.kinds[i] for i in (1, 2, 3, 4, 5)] == [
        "data",
        "blank",
        "subrow",
        "header",
        "data",
    ]
    assert plan.rows[0].fields["unit"] == "县商务局；（配套：县自然资源局）"


def test_yes_no_columns_and_synonyms(tmp_path: Path) -> None:
    rows = [
        [
            "项目",
            "签约企业",
            "签订日期",
            "计划总投资（亿元）",
            "是否注册",
            "是否开工",
            "是否投产",
            "牵头单位",
            "所在园区",
        ],
        ["甲项目", "甲公司", "2023-01-05", 1.5, "是", "是", "否", "县商务局", "高新园区"],
        ["乙项目", "乙公司", "2023-02-05", 0.3, "是", "否", "否", "县经信局", "临港工业园"],
        ["丙项目", "丙公司", "2023-03-05", 2, "否", "否", "否", "县发改局", "城关镇"],
    ]
    plan = plan_file(write_xlsx(tmp_path / "f.xlsx", {"S": rows}))
    assert plan.sheets[0].columns == {
        "项目": "name",
        "签约企业": "investor",
        "签订日期": "sign_date",
        "计划总投资（亿元）": "signed_amount_wan",
        "是否注册": "stage_flags.registered",
        "是否开工": "stage_flags.started",
        "是否投产": "stage_flags.producing",
        "牵头单位": "unit",
        "所在园区": "location",
    }
    assert [r.fields["stage"] for r in plan.rows] == ["started", "registered", "signed"]
    assert [r.fields["signed_amount_wan"] for r in plan.rows] == [15000, 3000, 20000]
    # stage known without a date: stored as the signing month, flagged
    assert plan.rows[0].data["stage_dates"] == {"started": "2023-01"}
    assert any("近似" in w for w in plan.rows[0].warnings)


def test_header_text_normalised(tmp_path: Path) -> None:
    rows = [
        ["序 号", "项目\n名称", "投资　主体", "签约时间", "签约金额（万元）"],
        [1, "甲项目", "甲公司", date(2023, 1, 1), 100],
    ]
    table = find_table(read_workbook(write_xlsx(tmp_path / "n.xlsx", {"S": rows})).sheets[0])
    assert [c.target for c in table.columns] == [
        "serial",
        "name",
        "investor",
        "sign_date",
        "signed_amount_wan",
    ]


def test_fuzzy_fallback(tmp_path: Path) -> None:
    rows = [
        ["项目名称（全称）", "投资主体名称", "协议签约时间", "签约投资总额"],
        ["甲项目", "甲公司", "2023-01-01", 100],
    ]
    plan = plan_file(write_xlsx(tmp_path / "z.xlsx", {"S": rows}))
    assert list(plan.sheets[0].columns.values()) == [
        "name",
        "investor",
        "sign_date",
        "signed_amount_wan",
    ]


def test_formula_looking_text_stays_text(tmp_path: Path) -> None:
    rows = [
        HEADER,
        [1, '=HYPERLINK("http://x","点击")', "+甲公司", "2023-01-01", 100, "已签约", "@单位"],
    ]
    plan = plan_file(write_xlsx(tmp_path / "q.xlsx", {"S": rows}))
    (row,) = plan.rows
    assert row.fields["name"] == '=HYPERLINK("http://x","点击")'
    assert row.fields["investor"] == "+甲公司" and row.fields["unit"] == "@单位"
    assert row.action == "create"


def test_wordings_seen_in_county_ledgers() -> None:
    from tracker.importing.mapping import match_header

    expected = {
        "建设单位": "investor",
        "乡镇（园区）": "location",
        "包抓县领导": "leader",
        "签约时间（年月）": "sign_date",
        "协议引资额（亿元）": "signed_amount_wan",
        "开工情况": "stage",
        "注册（计划）": "planned_dates.registered",
        "注册（实际）": "stage_dates.registered",
        "开工（计划）": "planned_start",
        "落地乡镇/园区": "location",
        "其中固定资产投资（万元）": "fixed_asset_wan",
        "状态日期": "status_date",
        "终止原因": "status_reason",
        "进度统计日期": "progress_as_of",
    }
    assert {h: match_header(h)[0] for h in expected} == expected
    for ratio in ("资金到位率", "履约率", "投资完成比例（%）"):
        assert match_header(ratio) == (None, 0.0)  # a percentage is not an amount
