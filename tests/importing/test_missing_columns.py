"""A ledger that lacks a column: only the project name is indispensable. No sign-date column
takes the clerk's date (--sign-date, or the year its title names) at its precision; no
investor column imports the investor blank, to be completed (待补全), and the name alone
then tells duplicates. Also: --sheet more than once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.ledgers import run_cli, write_xlsx
from tracker.domain.dates import is_approximate, to_date
from tracker.ledger.portfolio import Portfolio

NO_DATE = [
    ["序号", "项目名称", "投资主体", "总投资（万元）", "项目进展"],
    [1, "绿源食品加工生产基地项目", "福建绿源食品有限公司", 5000, "在建"],
    [2, "华腾精密铸件扩建工程", "江苏华腾机械股份有限公司", 12000, "已签约"],
]


@pytest.mark.parametrize(
    ("given", "stored"),
    [("2021", "2021"), ("2021-06", "2021-06"), ("2021.6.30", "2021-06-30"), ("2021年", "2021")],
)
def test_no_date_column_imported_with_sign_date(
    given: str, stored: str, tmp_path: Path, tmp_db: Path
) -> None:
    path = write_xlsx(tmp_path / "无日期.xlsx", {"S": NO_DATE})
    code, out, err = run_cli(tmp_db, "import", str(path), "--sign-date", given, "--json")
    assert code == 0, err
    assert out["summary"]["create"] == 2
    assert out["sheets"][0]["sign_date"] == {"value": stored, "source": "clerk"}
    for row in out["rows"]:
        assert row["fields"]["sign_date"] == stored
        assert any("没有签约日期列" in w and stored in w for w in row["warnings"])
    p = Portfolio.open(tmp_db, auto_backup=False)
    try:
        rows = {r["name"]: r for r in p.list_rows()}
        assert {r["sign_date"] for r in rows.values()} == {stored}
        assert is_approximate(stored) == (len(stored) < 10)
        started = rows["绿源食品加工生产基地项目"]
        assert started["stage"] == "started"  # its stage date approximated from the sign date
        assert to_date(stored) is not None
    finally:
        p.close()


def test_no_date_column_without_a_date_is_refused_row_by_row(tmp_path: Path, tmp_db: Path) -> None:
    path = write_xlsx(tmp_path / "无日期.xlsx", {"S": NO_DATE})
    code, out, _ = run_cli(tmp_db, "import", str(path), "--dry-run", "--json")
    assert code == 2 and out["summary"]["reject"] == 2 and "全部被拒绝" in out["error"]
    assert "--sign-date" in out["rows"][0]["errors"][0]


def test_title_year_is_the_default_and_the_clerk_overrides_it(tmp_path: Path, tmp_db: Path) -> None:
    path = write_xlsx(tmp_path / "t.xlsx", {"S": [["2022年招商引资签约项目台账"], *NO_DATE]})
    code, out, _ = run_cli(tmp_db, "import", str(path), "--dry-run", "--json")
    assert out["sheets"][0]["sign_date"] == {"value": "2022", "source": "title"}
    assert out["rows"][0]["fields"]["sign_date"] == "2022"
    code, out, _ = run_cli(
        tmp_db, "import", str(path), "--dry-run", "--json", "--sign-date", "2021-03"
    )
    assert out["rows"][0]["fields"]["sign_date"] == "2021-03"


def test_unreadable_sign_date_is_one_chinese_line(tmp_path: Path, tmp_db: Path) -> None:
    path = write_xlsx(tmp_path / "无日期.xlsx", {"S": NO_DATE})
    code, out, err = run_cli(tmp_db, "import", str(path), "--sign-date", "2021-13")
    assert code == 2 and "2021-13" in err and "2021-06-30" in err
    assert not tmp_db.exists()


def test_missing_investor_imports_blank_and_is_listed(tmp_path: Path, tmp_db: Path) -> None:
    rows = [
        ["序号", "项目名称", "签约时间", "总投资（万元）", "所在乡镇"],
        [1, "绿源食品加工生产基地项目", "2023-03-01", 5000, "河口镇"],
        [2, "华腾精密铸件扩建工程", "2023-05-12", 1200, "南山镇"],
        [3, "绿源食品加工生产基地项目", "2023-03-01", 5000, "河口镇"],  # same name: the same
    ]
    path = write_xlsx(tmp_path / "无投资方.xlsx", {"S": rows})
    code, out, err = run_cli(tmp_db, "import", str(path), "--json")
    assert code == 0, err
    assert [r["action"] for r in out["rows"]] == ["create", "create", "skip"]
    assert out["rows"][0]["fields"]["investor"] is None
    assert any("待补全" in w for w in out["rows"][0]["warnings"])
    assert "名称相同即视为同一项目" in out["rows"][2]["warnings"][-1]

    code, text, _ = run_cli(tmp_db, "check")
    assert code != 0 and text.count("待补全：投资主体为空") == 2
    code, listed, _ = run_cli(tmp_db, "list", "--incomplete", "--json")
    assert sorted(r["name"] for r in listed) == ["华腾精密铸件扩建工程", "绿源食品加工生产基地项目"]

    # next year's ledger names the investor: the stored project is completed, not doubled
    fuller = [
        ["序号", "项目名称", "投资主体", "签约时间", "总投资（万元）"],
        [1, "绿源食品加工生产基地项目", "福建绿源食品有限公司", "2023-03-01", 5000],
    ]
    code, out, _ = run_cli(
        tmp_db, "import", str(write_xlsx(tmp_path / "全.xlsx", {"S": fuller})), "--json"
    )
    assert [r["action"] for r in out["rows"]] == ["fill"]  # a blank completed: nothing lost
    assert out["rows"][0]["changes"][0]["field"] == "investor"
    code, listed, _ = run_cli(tmp_db, "list", "--incomplete", "--json")
    assert [r["name"] for r in listed] == ["华腾精密铸件扩建工程"]


def test_two_projects_of_one_name_and_a_row_without_investor(tmp_path: Path, tmp_db: Path) -> None:
    rows = [
        ["项目名称", "投资主体", "签约时间", "总投资（万元）"],
        ["冷链物流园项目", "甲物流有限公司", "2023-03-01", 5000],
        ["冷链物流园项目", "乙物流有限公司", "2023-04-01", 3000],
    ]
    run_cli(tmp_db, "import", str(write_xlsx(tmp_path / "a.xlsx", {"S": rows})), "--json")
    blank = [["项目名称", "签约时间", "总投资（万元）"], ["冷链物流园项目", "2023-05-01", 100]]
    code, out, _ = run_cli(
        tmp_db, "import", str(write_xlsx(tmp_path / "b.xlsx", {"S": blank})), "--json"
    )
    (row,) = out["rows"]
    assert row["action"] == "skip" and "2 个同名项目" in row["warnings"][-1]


def test_sheet_option_repeats(tmp_path: Path, tmp_db: Path) -> None:
    header = ["项目名称", "投资主体", "签约时间", "总投资（万元）"]
    sheets = {
        town: [header, [f"{town}冷链物流园项目", f"{town}物流有限公司", "2023-03-01", 100]]
        for town in ("城关镇", "河口镇", "南山镇")
    }
    path = write_xlsx(tmp_path / "乡镇.xlsx", sheets)
    code, out, _ = run_cli(
        tmp_db, "import", str(path), "--sheet", "城关镇", "--sheet", "南山镇", "--dry-run", "--json"
    )
    assert code == 0 and [s["name"] for s in out["sheets"]] == ["城关镇", "南山镇"]
    assert len(out["rows"]) == 2
    code, _, err = run_cli(tmp_db, "import", str(path), "--sheet", "城关镇", "--sheet", "北山镇")
    assert code == 2 and "北山镇" in err and "南山镇" in err
