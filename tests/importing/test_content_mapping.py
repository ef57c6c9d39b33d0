"""Columns read from their values as well as their titles, on generated ledgers worded as
counties word them (tests/helpers/worded_ledgers.py): titles no synonym list holds, titles
that contain a field's word, titles that mislead, any column order."""

from __future__ import annotations

import csv
import json
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.ledgers import run_cli, write_xlsx
from tests.helpers.worded_ledgers import CORE, UNTITLED, WordedLedger, make_worded_ledger
from tracker.importing.plan import Plan, plan_file
from tracker.importing.read import read_workbook
from tracker.importing.table import find_table
from tracker.importing.titles import header_key, synonym_index, title_hints


def write_ledger(folder: Path, ledger: WordedLedger, *, as_csv: bool = False) -> Path:
    if as_csv:
        path = folder / "台账.csv"
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            csv.writer(fh).writerows(ledger.rows)
        return path
    return write_xlsx(folder / "台账.xlsx", {"台账": ledger.rows})


def assert_imported_right(plan: Plan, ledger: WordedLedger) -> None:
    created = [r for r in plan.rows if r.action == "create"]
    assert [(r.row, r.errors) for r in plan.rows if r.action != "create"] == []
    assert len(created) == len(ledger.projects)
    for project, row in zip(ledger.projects, created, strict=True):
        f = row.fields
        assert (f["name"], f["investor"]) == (project.name, project.investor)
        assert f["sign_date"] == project.sign_date
        assert Decimal(str(f["signed_amount_wan"])) == project.amount
        assert f["stage"] == project.stage
        assert (f["location"], f["unit"], f["leader"]) == (
            project.location,
            project.unit,
            project.leader,
        )


def test_titles_no_synonym_names_are_mapped_from_their_values(tmp_path: Path) -> None:
    ledger = make_worded_ledger(7, untitled=4, extras=False, totals=False)
    blind = {f: t for f, t in ledger.titles.items() if t in UNTITLED}
    assert len(blind) == 4
    for title in blind.values():
        assert header_key(title) not in synonym_index()
    plan = plan_file(write_ledger(tmp_path, ledger))
    table = plan.sheets[0].table
    for field, title in blind.items():
        (col,) = [c for c in table.columns if c.header == title]
        assert col.target == field
        assert not col.confident, "a choice from values alone is for the clerk to confirm"
        assert "按内容推断" in col.reason and "% 的值是" in col.reason
    assert_imported_right(plan, ledger)


def test_a_title_containing_a_fields_word_with_fitting_values_is_sure(tmp_path: Path) -> None:
    rows = [
        ["招商引资项目名称", "引进企业全称", "签订协议时间", "拟投资额（万元）", "目前进度"],
        ["绿源食品加工生产基地项目", "福建绿源食品有限公司", "2022-03-01", 5000, "在建"],
        ["华腾精密铸件扩建工程", "江苏华腾机械股份有限公司", "2022-05-12", 12000, "已投产"],
    ]
    table = find_table(read_workbook(write_xlsx(tmp_path / "a.xlsx", {"S": rows})).sheets[0])
    assert [c.target for c in table.columns] == [
        "name",
        "investor",
        "sign_date",
        "signed_amount_wan",
        "stage",
    ]
    assert all(c.confident for c in table.columns)
    name = table.columns[0]
    assert "项目名称" in name.reason and "100% 的值是项目名称" in name.reason
    assert "100% 的值是日期" in table.columns[2].reason


def test_values_overrule_a_title_that_points_elsewhere(tmp_path: Path) -> None:
    """ "合作单位" reads like a 责任单位 title, but the column holds companies: the investor.
    The government units sit in a column whose title says nothing."""
    rows = [
        ["序号", "项目", "合作单位", "签约日期", "金额（万元）", "其他信息"],
        [1, "绿源食品加工生产基地项目", "福建绿源食品有限公司", "2022-03-01", 5000, "县商务局"],
        [2, "华腾精密铸件扩建工程", "江苏华腾机械股份有限公司", "2022-05-12", 1200, "县工信局"],
        [3, "鼎盛冷链仓储物流园项目", "浙江鼎盛物流集团有限公司", "2022-08-20", 300, "县发改委"],
    ]
    plan = plan_file(write_xlsx(tmp_path / "m.xlsx", {"S": rows}))
    columns = plan.sheets[0].columns
    assert columns["合作单位"] == "investor" and columns["其他信息"] == "unit"
    reasons = plan.sheets[0].to_json()["reasons"]
    assert "企业名称" in reasons["合作单位"] and "单位名称" in reasons["其他信息"]
    assert plan.rows[0].fields["investor"] == "福建绿源食品有限公司"


def test_dry_run_json_gives_each_choice_its_reason(tmp_path: Path, tmp_db: Path) -> None:
    ledger = make_worded_ledger(11, untitled=2)
    path = write_ledger(tmp_path, ledger)
    code, out, _ = run_cli(tmp_db, "import", str(path), "--dry-run", "--json")
    assert code == 0
    (sheet,) = out["sheets"]
    for header, target in sheet["columns"].items():
        if target:
            assert sheet["reasons"][header], header
    blind = [t for t in ledger.titles.values() if t in UNTITLED]
    assert sorted(sheet["low_confidence"]) == sorted(t for t in blind if t)
    assert not tmp_db.exists(), "a dry run writes nothing"


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    seed=st.integers(min_value=0, max_value=10**6),
    as_csv=st.booleans(),
    untitled=st.integers(min_value=0, max_value=2),
)
def test_any_order_and_wording_still_maps(seed: int, as_csv: bool, untitled: int) -> None:
    """Column order, title wording, title rows, totals, extra look-alike columns (planned and
    actual dates, other amounts, contacts, origins) and untitled columns all vary."""
    ledger = make_worded_ledger(seed, csv=as_csv, untitled=untitled)
    with tempfile.TemporaryDirectory() as tmp:
        plan = plan_file(write_ledger(Path(tmp), ledger, as_csv=as_csv))
    table = plan.sheets[0].table
    for field in CORE:
        title = ledger.titles[field]
        assert [c.target for c in table.columns if c.header == title] == [field], (field, title)
    assert_imported_right(plan, ledger)


def test_a_very_wide_sheet_reads_each_title_once(tmp_path: Path) -> None:
    """Header matching is linear in the columns: each distinct title is judged once, never
    compared with every synonym (a 100,000-column file is in bench/import.py)."""
    width = 990  # the reading limit is 1,000 columns (issue 9)
    header = ["项目名称", "投资主体", "签约时间", "签约金额", *[f"指标{i}" for i in range(width)]]
    row = ["甲项目", "甲公司", "2023-01-01", "100", *[str(i % 7) for i in range(width)]]
    path = tmp_path / "wide.csv"
    path.write_text(",".join(header) + "\n" + ",".join(row) + "\n", encoding="utf-8")
    title_hints.cache_clear()
    plan = plan_file(path)
    assert [c.target for c in plan.sheets[0].table.columns[:4]] == [
        "name",
        "investor",
        "sign_date",
        "signed_amount_wan",
    ]
    assert title_hints.cache_info().misses <= len(header) + 10
    assert plan.rows[0].action == "create"
    assert json.dumps(plan.to_json(), ensure_ascii=False)  # the plan of a wide sheet is JSON
