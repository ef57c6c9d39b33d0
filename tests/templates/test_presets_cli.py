"""A corrected mapping is remembered (audited) and next month's identical template fills
with it; ``fill`` on the command line; bad templates refused in Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.helpers.ledgers import db_snapshot, run_cli, write_xlsx
from tests.helpers.templates import one_row_xlsx, sample_ledger
from tracker.errors import TrackerError
from tracker.ledger.portfolio import Portfolio
from tracker.templates.fill import inspect_template, remember, set_rule
from tracker.templates.presets import load_mapping


def test_corrected_mapping_is_remembered(portfolio: Portfolio, tmp_path: Path) -> None:
    template = one_row_xlsx(tmp_path / "6月.xlsx")
    plan = inspect_template(template, portfolio)
    assert not plan.preset_used and plan.mapping()["K"] is None
    set_rule(plan, "K", "stage")
    set_rule(plan, "G", None)
    assert plan.corrected and remember(portfolio, plan)
    audit = [a for a in portfolio.audit_for() if a.entity == "import_preset"]
    assert len(audit) == 1 and audit[0].field == plan.layout.signature
    assert plan.layout.signature.startswith("template:")
    # next month: the same header, another title and more empty rows
    later = one_row_xlsx(tmp_path / "7月.xlsx", blank_rows=12)
    again = inspect_template(later, portfolio)
    assert again.preset_used and again.mapping() == plan.mapping()
    assert again.rules[10].reason == "按上次您确认的对应"
    # a different header is not matched to it
    other = write_xlsx(tmp_path / "other.xlsx", {"S": [["序号", "项目名称", "对接频次"]]})
    assert not inspect_template(other, portfolio).preset_used
    # an import preset under a bare digest is left alone by the template's reader
    assert load_mapping(portfolio, plan.layout.signature.removeprefix("template:")) is None


def test_set_rule_refuses_nonsense(portfolio: Portfolio, tmp_path: Path) -> None:
    plan = inspect_template(one_row_xlsx(tmp_path / "t.xlsx"), portfolio)
    with pytest.raises(TrackerError, match="没有第 Z 列"):
        set_rule(plan, "Z", "name")
    with pytest.raises(TrackerError, match="无法识别"):
        set_rule(plan, "K", "salary")
    set_rule(plan, "K", "investor+phone")  # fields joined in one cell are fine
    assert not remember(portfolio, inspect_template(one_row_xlsx(tmp_path / "u.xlsx")))


def test_cli_fill_json_and_remembered_mapping(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    p = Portfolio.open(db, auto_backup=False)
    sample_ledger(p)
    p.close()
    template = one_row_xlsx(tmp_path / "市模板.xlsx")
    out = tmp_path / "填好.xlsx"
    before = db_snapshot(db)
    code, data, err = run_cli(
        db, "fill", str(template), "--out", str(out), "--as-of", "2025-06-30", "--json"
    )
    assert code == 0, err
    assert db_snapshot(db) == before  # no correction: the ledger is only read
    assert data["rows"] == 2 and data["unknown"] == ["K"]
    assert data["mapping"]["K"] is None and data["mapping"]["I"] == "contact+phone"
    assert data["columns"][8]["words"] == "联系人及联系电话"
    assert not data["preset_used"] and not data["mapping_saved"]
    code, data, err = run_cli(
        db, "fill", str(template), "--out", str(out), "--as-of", "2025-06-30",
        "--set", "K=stage", "--json",
    )  # fmt: skip
    assert code == 0, err
    assert data["mapping_saved"] and data["mapping"]["K"] == "stage"
    assert load_workbook(out).active["K4"].value == "开工"
    code, data, err = run_cli(
        db, "fill", str(template), "--out", str(out), "--year", "2025", "--as-of", "2025-06-30",
        "--json",
    )  # fmt: skip
    assert code == 0 and data["preset_used"] and data["mapping"]["K"] == "stage"
    assert data["rows"] == 1
    code, text, _ = run_cli(db, "fill", str(template), "--out", str(out), "--as-of", "2025-06-30")
    assert code == 0 and text.startswith("已填报：") and "K 对接频次 ← 当前阶段" in text


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: _write(d / "t.csv", "序号,项目名称\n"), "无法保留其格式"),
        (lambda d: write_xlsx(d / "t.xlsx", {"S": [["今天天气"], ["晴"]]}), "没有找到表头"),
        (lambda d: _write(d / "t.xlsx", "not a workbook"), "不是 Excel/WPS 工作簿"),
    ],
)
def test_bad_templates_refused(portfolio: Portfolio, tmp_path: Path, make, message: str) -> None:
    template = make(tmp_path)
    out = tmp_path / "o.xlsx"
    code, _, err = run_cli(portfolio.path, "fill", str(template), "--out", str(out))
    assert code == 2 and message in err and "\n" not in err.strip()


def test_output_must_not_be_the_template(portfolio: Portfolio, tmp_path: Path) -> None:
    template = one_row_xlsx(tmp_path / "t.xlsx")
    code, _, err = run_cli(portfolio.path, "fill", str(template), "--out", str(template))
    assert code == 2 and "不能覆盖" in err
    code, _, err = run_cli(portfolio.path, "fill", str(template), "--out", str(tmp_path / "o.xls"))
    assert code == 2 and ".xlsx" in err
    code, _, err = run_cli(
        portfolio.path, "fill", str(template), "--out", str(tmp_path / "o.xlsx"), "--sheet", "无"
    )
    assert code == 2 and "没有名为“无”的工作表" in err


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_filled_date_is_the_as_of(portfolio: Portfolio, tmp_path: Path) -> None:
    sample_ledger(portfolio)
    out = tmp_path / "o.xlsx"
    code, _, err = run_cli(
        portfolio.path, "fill", str(one_row_xlsx(tmp_path / "t.xlsx")), "--out", str(out),
        "--as-of", "2025-01-31",
    )  # fmt: skip
    assert code == 0, err
    ws = load_workbook(out).active
    assert ws["F2"].value == "填报日期：2025年1月31日"
    assert [ws["B4"].value, ws["B5"].value, ws["A6"].value] == [
        "精益光源产业园项目",
        "宏达新材料扩建项目",  # signed 2025-01-08, before the as-of date
        "合计",
    ]
