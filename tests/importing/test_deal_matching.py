"""Importing next year's ledger, retyped, leaves each deal once; look-alikes stay apart; a
possible match is left for the clerk (skipped, or created on request)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.helpers.deal_cases import HEADER, yearly_ledgers
from tests.helpers.ledgers import run_cli

SHARED = Path(__file__).resolve().parents[3] / "shared" / "samples" / "years"


def _keys(db: Path) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as con:
        return list(con.execute("SELECT name, investor FROM projects"))


def _stays_apart(keys: list[tuple[str, str]], first: str, second: str) -> bool:
    def found(spec: str) -> int:
        name, _, investor = spec.partition("|")
        return sum(1 for n, i in keys if n.strip() == name and (not investor or i == investor))

    return found(first) >= 1 and found(second) >= 1


def _import_all(db: Path, files: list[Path]) -> None:
    for path in files:
        code, _, err = run_cli(db, "import", str(path), "--json")
        assert code == 0, err


@pytest.mark.skipif(not SHARED.exists(), reason="../shared/samples/years is not present")
def test_shared_years_leave_each_deal_once(tmp_path: Path) -> None:
    expected = json.loads((SHARED / "expected.json").read_text(encoding="utf-8"))
    db = tmp_path / "t.db"
    _import_all(db, [SHARED / name for name in expected["files_in_order"]])
    keys = _keys(db)
    assert len(keys) == expected["distinct_projects"]
    for first, second in expected["must_stay_apart"]:
        assert _stays_apart(keys, first, second), (first, second)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_generated_years_leave_each_deal_once(tmp_path: Path, seed: int) -> None:
    made = yearly_ledgers(tmp_path, seed=seed)
    db = tmp_path / "t.db"
    _import_all(db, made["files"])
    keys = _keys(db)
    assert len(keys) == made["distinct"], keys
    for first, second in made["apart"]:
        assert _stays_apart(keys, first, second)


def test_a_retyped_reimport_leaves_the_rates_alone(tmp_path: Path) -> None:
    made = yearly_ledgers(tmp_path, seed=5)
    db = tmp_path / "t.db"
    _import_all(db, made["files"][:2])
    _, before, _ = run_cli(db, "review", "--json", "--as-of", "2023-12-31")
    code, plan, _ = run_cli(db, "import", str(made["files"][2]), "--json")
    retyped = [r for r in plan["rows"] if r["decision"] == "match" and r["match"]["score"] < 1.01]
    assert code == 0 and retyped and plan["summary"]["create"] == 1  # the other-province one
    _, after, _ = run_cli(db, "review", "--json", "--as-of", "2023-12-31")
    assert after["rates"]["signed"] == before["rates"]["signed"] + 1
    reasons = [
        r["match"]["reasons"] for r in retyped if r["match"]["reasons"] != "名称和投资主体相同"
    ]
    assert reasons and all("相同" in why for why in reasons)


def _csv(path: Path, rows: list[list[str]]) -> Path:
    lines = [",".join(HEADER)] + [",".join([str(i), *r]) for i, r in enumerate(rows, 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
    return path


FIRST = ["恒通轴承生产基地项目", "浙江恒通轴承有限公司", "2022-08-05", "50000", "高新园区"]
# Same name and investor, another date and amount, no phase: perhaps an addition
MAYBE = ["恒通轴承生产基地项目", "恒通轴承有限公司", "2023-03-01", "9000", "高新园区"]


def test_a_possible_match_is_skipped_and_reported_by_default(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    run_cli(db, "import", str(_csv(tmp_path / "a.csv", [FIRST])))
    code, plan, _ = run_cli(db, "import", str(_csv(tmp_path / "b.csv", [MAYBE])), "--json")
    (row,) = plan["rows"]
    assert code == 0 and row["decision"] == "review" and row["action"] == "skip"
    assert row["match"]["project_id"] == 1 and 0.6 <= row["match"]["score"] < 0.85
    assert "需要您确认" in row["warnings"][-1] and plan["summary"]["review"] == 1
    assert len(_keys(db)) == 1
    code, text, _ = run_cli(db, "import", str(tmp_path / "b.csv"), "--dry-run")
    assert "待确认" in text and "--on-uncertain" in text


def test_on_uncertain_create_imports_it_as_new(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    run_cli(db, "import", str(_csv(tmp_path / "a.csv", [FIRST])))
    b = _csv(tmp_path / "b.csv", [MAYBE])
    code, plan, _ = run_cli(db, "import", str(b), "--json", "--on-uncertain", "create")
    assert code == 0 and plan["rows"][0]["action"] == "create" and len(_keys(db)) == 2


def test_the_clerk_confirms_a_possible_match(tmp_path: Path, portfolio) -> None:  # type: ignore[no-untyped-def]
    from tracker.importing.plan import plan_file

    db = portfolio.path
    run_cli(db, "import", str(_csv(tmp_path / "a.csv", [FIRST])))
    plan = plan_file(_csv(tmp_path / "b.csv", [MAYBE]), portfolio)
    (row,) = plan.review_rows()
    plan.set_choice(row, "same")
    assert row.matched and row.project_id == 1 and row.decision == "match"
    assert row.note.startswith("您确认是库中同一项目")
    plan.set_choice(row, "different")
    assert row.action == "create" and row.project_id is None


def test_one_deal_twice_in_one_file_is_created_once(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    again = [
        "恒通轴承基地项目（一期）",
        "浙江恒通轴承股份有限公司",
        "2022-08-05",
        "50000",
        "高新园区",
    ]
    code, plan, _ = run_cli(db, "import", str(_csv(tmp_path / "a.csv", [FIRST, again])), "--json")
    assert code == 0 and [r["action"] for r in plan["rows"]] == ["create", "skip"]
    assert "两种写法" in plan["rows"][1]["warnings"][-1] and len(_keys(db)) == 1


def test_a_credit_code_column_names_the_company(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    head = ",".join([*HEADER, "统一社会信用代码"])
    first = tmp_path / "2021.csv"
    first.write_text(f"{head}\n1,{','.join(FIRST)},91330100MA2ABCDE1X\n", encoding="utf-8-sig")
    renamed = ["恒通轴承生产基地项目", "浙江新恒通精工集团有限公司", *FIRST[2:]]
    second = tmp_path / "2022.csv"
    second.write_text(f"{head}\n1,{','.join(renamed)},91330100MA2ABCDE1X\n", encoding="utf-8-sig")
    run_cli(db, "import", str(first))
    code, plan, _ = run_cli(db, "import", str(second), "--json")
    (row,) = plan["rows"]
    assert code == 0 and row["decision"] == "match", row
    assert "统一社会信用代码相同" in row["match"]["reasons"] and len(_keys(db)) == 1
    assert plan["sheets"][0]["columns"]["统一社会信用代码"] == "credit_code"


def test_rates_are_the_same_after_a_retyped_reimport(tmp_path: Path) -> None:
    made = yearly_ledgers(tmp_path, seed=9)
    db = tmp_path / "t.db"
    _import_all(db, made["files"])
    _, before, _ = run_cli(db, "review", "--json", "--as-of", "2024-06-30")
    folder = tmp_path / "again"
    folder.mkdir()
    again = yearly_ledgers(folder, seed=9, retype_seed=1)["files"]
    assert [p.read_bytes() for p in again] != [p.read_bytes() for p in made["files"]]
    _import_all(db, again)  # every deal again, retyped other ways
    _, after, _ = run_cli(db, "review", "--json", "--as-of", "2024-06-30")
    assert after["rates"] == before["rates"] and after["counts"] == before["counts"]


def test_a_deal_stored_meanwhile_under_another_spelling_is_not_created_again(
    tmp_path: Path, portfolio
) -> None:  # type: ignore[no-untyped-def]
    from tracker.importing.apply import apply_plan
    from tracker.importing.plan import plan_file

    retyped = ["恒通轴承基地项目（一期）", "浙江恒通轴承股份有限公司", *FIRST[2:]]
    plan = plan_file(_csv(tmp_path / "b.csv", [retyped]), portfolio)
    assert plan.rows[0].action == "create"
    run_cli(portfolio.path, "import", str(_csv(tmp_path / "a.csv", [FIRST])))  # meanwhile
    apply_plan(portfolio, plan, make_backup=False)
    assert len(_keys(portfolio.path)) == 1 and plan.rows[0].retyped
