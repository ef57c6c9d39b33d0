"""Duplicates already stored: listed with reasons, merged keeping every record, undone."""

from __future__ import annotations

import random
from pathlib import Path

from tests.helpers.deal_cases import RETYPES, deal, look_alikes
from tests.helpers.ledgers import run_cli
from tracker.ledger.merging import likely_duplicates, merge_projects
from tracker.ledger.portfolio import Portfolio


def _stored_twice(p: Portfolio) -> tuple[int, int, int]:
    row = deal(random.Random(11))
    keep = p.add_project(row)
    other = p.add_project(RETYPES["股份有限公司"](RETYPES["（一期）"](row)) | {"unit": "县商务局"})
    apart = p.add_project(look_alikes(random.Random(2), row)["二期"])
    p.set_stage_date(other, "started", actual="2022-03-01")
    p.add_visit(other, date="2022-04-01", visitor="王建国", content="走访企业")
    p.add_problem(other, raised_date="2022-04-01", description="用地指标")
    p.add_progress(other, as_of="2022-06-30", funds_arrived_wan="1000")
    return keep, other, apart


def test_likely_duplicates_finds_the_retyped_pair_only(portfolio: Portfolio) -> None:
    keep, other, apart = _stored_twice(portfolio)
    pairs = likely_duplicates(portfolio)
    assert [(p.first["id"], p.second["id"]) for p in pairs] == [(keep, other)]
    assert pairs[0].verdict.kind == "match" and "（一期）" in pairs[0].verdict.why()


def test_merge_keeps_every_record_and_undo_puts_it_back(portfolio: Portfolio) -> None:
    from tracker.importing.undo import undo_import

    keep, other, _ = _stored_twice(portfolio)
    before_other = portfolio.get_project(other)
    name = portfolio.get_project(keep).name
    batch = merge_projects(portfolio, keep, other, make_backup=False)
    merged = portfolio.get_project(keep)
    assert merged.name == name and merged.unit == "县商务局"  # keep wins, blanks filled
    assert len(merged.visits) == 1 and len(merged.problems) == 1 and len(merged.progress) == 1
    assert merged.stage_dates[next(iter(merged.stage_dates))].actual == "2022-03-01"
    assert portfolio.project_count() == 2
    assert any(a.action == "merge" for a in portfolio.audit_for(other))  # history kept
    history = portfolio.audit_for(keep)  # ... and shown with the project kept
    assert {a.project_id for a in history} == {keep, other}
    undo_import(portfolio, batch, make_backup=False)
    assert portfolio.project_count() == 3
    back = portfolio.get_project(other)
    assert back.name == before_other.name and len(back.visits) == 1 and len(back.progress) == 1
    kept = portfolio.get_project(keep)
    assert {a.project_id for a in portfolio.audit_for(keep)} == {keep}
    assert kept.unit is None and not kept.visits and not kept.stage_dates.get("started")


def test_cli_duplicates_merge_and_undo(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    p = Portfolio.open(db, auto_backup=False)
    keep, other, _ = _stored_twice(p)
    p.close()
    code, out, _ = run_cli(db, "duplicates", "--json")
    assert code == 0 and len(out["pairs"]) == 1 and out["pairs"][0]["kind"] == "match"
    code, text, _ = run_cli(db, "duplicates")
    assert "很可能是同一项目" in text and "merge" in text
    code, out, _ = run_cli(db, "merge", str(keep), str(other), "--json")
    assert code == 0 and {c["field"] for c in out["kept"]} >= {"name", "investor"}
    assert run_cli(db, "duplicates", "--json")[1]["pairs"] == []
    code, text, err = run_cli(db, "undo-import", str(out["batch_id"]))
    assert code == 0 and "已撤销合并批次" in text, err
    assert len(run_cli(db, "duplicates", "--json")[1]["pairs"]) == 1
    code, _, err = run_cli(db, "merge", str(keep), str(keep))
    assert code != 0 and "相同" in err


def test_undo_when_the_merged_number_was_given_again(portfolio: Portfolio) -> None:
    from tests.helpers.projects import sample
    from tracker.importing.undo import undo_import

    keep, other, apart = _stored_twice(portfolio)
    portfolio.delete_project(apart)  # the merged one will hold the highest number
    batch = merge_projects(portfolio, keep, other, make_backup=False)
    newcomer = portfolio.add_project(sample(name="后来新增的项目"))
    assert newcomer == other  # SQLite gave the number again
    undo_import(portfolio, batch, make_backup=False)
    names = {p["name"] for p in portfolio.list_rows()}
    assert portfolio.project_count() == 3 and "后来新增的项目" in names
    back = max(r["id"] for r in portfolio.list_rows())
    assert len(portfolio.get_project(back).visits) == 1


def test_a_stage_date_both_hold_is_the_clerks_choice(portfolio: Portfolio) -> None:
    from tracker.importing.undo import undo_import

    keep, other, _ = _stored_twice(portfolio)
    portfolio.set_stage_date(keep, "started", actual="2022-02-01")
    from tracker.ledger.merging import conflicting_fields

    stage = [c for c in conflicting_fields(portfolio, keep, other) if "." in c["field"]]
    assert stage == [{"field": "started.actual", "label": "开工实际日期",
                      "keep": "2022-02-01", "other": "2022-03-01"}]  # fmt: skip
    batch = merge_projects(
        portfolio, keep, other, choices={"started.actual": "other"}, make_backup=False
    )
    assert portfolio.get_project(keep).stage_dates["started"].actual == "2022-03-01"
    undo_import(portfolio, batch, make_backup=False)
    assert portfolio.get_project(keep).stage_dates["started"].actual == "2022-02-01"
