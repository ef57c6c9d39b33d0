"""A second import of a changed row: nothing stored changes unseen.

``fill`` (the default) takes only what the ledger lacks and keeps — and reports — what it
holds differently; ``update`` writes the file's values, and its plan showed old → new
first; ``skip`` leaves the project alone. Re-importing the same file changes nothing."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.helpers.ledgers import run_cli, write_xlsx
from tracker.importing.plan import plan_file
from tracker.ledger.batches import conflicts
from tracker.ledger.portfolio import Portfolio

HEAD = ["项目名称", "投资主体", "签约时间", "签约金额（万元）", "责任单位", "包抓领导", "开工时间"]
FIRST = [
    ["康泰生物制剂生产基地", "康泰医药集团", "2023-06-20", 8000, "县经信局", None, None],
    [
        "青山茶叶精深加工项目",
        "青山农业开发有限公司",
        "2023-05-09",
        3000,
        "县农业农村局",
        "王建国",
        None,
    ],
]
SECOND = [  # the first project re-typed a year later: amount and date differ, blanks given
    [*FIRST[0][:2], "2023-11-10", 120000, "县经信局", "李明华", "2024-03-05"],
    FIRST[1],
]


def ledgers(tmp_path: Path) -> tuple[Path, Path]:
    return (
        write_xlsx(tmp_path / "2023年台账.xlsx", {"S": [HEAD, *FIRST]}),
        write_xlsx(tmp_path / "2024年台账.xlsx", {"S": [HEAD, *SECOND]}),
    )


def stored(db: Path, name: str) -> dict:
    p = Portfolio.open(db, auto_backup=False)
    try:
        return next(r for r in p.list_rows() if r["name"] == name)
    finally:
        p.close()


def by_field(changes: list[dict]) -> dict[str, tuple]:
    return {c["field"]: (c["old"], c["new"], c["kind"]) for c in changes}


def test_fill_keeps_stored_values_and_reports_the_conflicts(tmp_db: Path, tmp_path: Path) -> None:
    first, second = ledgers(tmp_path)
    assert run_cli(tmp_db, "import", str(first), "--json")[0] == 0
    code, dry, _ = run_cli(tmp_db, "import", str(second), "--dry-run", "--json")
    assert code == 0 and dry["on_duplicate"] == "fill"
    row = dry["rows"][0]
    assert row["action"] == "fill" and row["project_id"] == 1
    assert by_field(row["changes"]) == {
        "leader": (None, "李明华", "fill"),
        "started.actual": (None, "2024-03-05", "fill"),
    }
    assert by_field(row["conflicts"]) == {
        "sign_date": ("2023-06-20", "2023-11-10", "differs"),
        "signed_amount_wan": (8000, 120000, "differs"),
    }
    assert "保留库中的内容（冲突）" in row["warnings"][-1] and "8,000.00" in row["warnings"][-1]
    assert dry["rows"][1]["action"] == "skip" and "内容相同" in dry["rows"][1]["warnings"][-1]
    assert dry["summary"]["fill"] == 1 and dry["summary"]["conflicts"] == 1

    out = tmp_path / "冲突.xlsx"
    code, done, err = run_cli(tmp_db, "import", str(second), "--json", "--conflicts-out", str(out))
    assert code == 0, err
    kept = stored(tmp_db, "康泰生物制剂生产基地")
    assert str(kept["signed_amount_wan"]) == "8000" and kept["sign_date"] == "2023-06-20"
    assert kept["leader"] == "李明华" and kept["stage"] == "started"  # blanks filled
    # the conflicts stay with the batch (the history window) and in the file asked for
    p = Portfolio.open(tmp_db, auto_backup=False)
    try:
        recorded = conflicts(p, done["batch_id"])
    finally:
        p.close()
    assert [(c.field, c.stored, c.file) for c in recorded] == [
        ("sign_date", "2023-06-20", "2023-11-10"),
        ("signed_amount_wan", "8,000.00", "120,000.00"),
    ]
    ws = load_workbook(out)["冲突"]
    assert [c.value for c in ws[1]][:5] == ["工作表", "原行号", "项目编号", "项目名称", "内容"]
    assert ws["F3"].value == "8,000.00" and ws["G3"].value == "120,000.00"

    # the same file again changes nothing (its conflicts are still reported)
    code, again, _ = run_cli(tmp_db, "import", str(second), "--json")
    assert again["summary"]["fill"] == again["summary"]["update"] == 0
    assert again["summary"]["conflicts"] == 1
    p = Portfolio.open(tmp_db, auto_backup=False)
    try:
        assert p.audit_for(batch_id=again["batch_id"])[-1].entity == "import_batch"  # no change
    finally:
        p.close()
    # the change history says which import filled the leader
    code, shown, _ = run_cli(tmp_db, "show", "1", "--json")
    leader = next(a for a in shown["audit"] if a["field"] == "leader")
    assert leader["source"] == f"导入：2024年台账.xlsx（批次 {done['batch_id']}）"
    assert shown["audit"][0]["source"] == "导入：2023年台账.xlsx（批次 1）"


def test_a_termination_in_the_file_is_a_conflict_under_fill(tmp_db: Path, tmp_path: Path) -> None:
    """正常 is a stored value, not a blank: a file marking the project 终止 does not end it
    unseen; under update it does."""
    first, _ = ledgers(tmp_path)
    run_cli(tmp_db, "import", str(first), "--json")
    ended = write_xlsx(
        tmp_path / "终止.xlsx",
        {"S": [[*HEAD[:4], "项目进展", "终止原因"], [*FIRST[0][:4], "已终止", "资金链断裂"]]},
    )
    code, out, _ = run_cli(tmp_db, "import", str(ended), "--json")
    (conflict,) = out["rows"][0]["conflicts"]
    assert (conflict["field"], conflict["old"], conflict["new"]) == (
        "status",
        "active",
        "terminated",
    )
    assert stored(tmp_db, "康泰生物制剂生产基地")["status"] == "active"
    run_cli(tmp_db, "import", str(ended), "--on-duplicate", "update", "--json")
    assert stored(tmp_db, "康泰生物制剂生产基地")["status"] == "terminated"


def test_update_writes_what_the_plan_showed_old_to_new(tmp_db: Path, tmp_path: Path) -> None:
    first, second = ledgers(tmp_path)
    run_cli(tmp_db, "import", str(first), "--json")
    code, dry, _ = run_cli(
        tmp_db, "import", str(second), "--on-duplicate", "update", "--dry-run", "--json"
    )
    row = dry["rows"][0]
    assert row["action"] == "update" and row["conflicts"] == []
    shown = by_field(row["changes"])
    assert shown["signed_amount_wan"] == (8000, 120000, "differs")
    assert shown["sign_date"] == ("2023-06-20", "2023-11-10", "differs")
    assert {c["label"] for c in row["changes"]} >= {"签约总投资（万元）", "签约日期"}

    code, done, _ = run_cli(tmp_db, "import", str(second), "--on-duplicate", "update", "--json")
    assert code == 0 and done["rows"][0]["changes"] == row["changes"]
    changed = stored(tmp_db, "康泰生物制剂生产基地")
    assert str(changed["signed_amount_wan"]) == "120000" and changed["sign_date"] == "2023-11-10"
    # what was written is what the audit says, field by field
    p = Portfolio.open(tmp_db, auto_backup=False)
    try:
        audit = {
            e.field: (e.old, e.new)
            for e in p.audit_for(batch_id=done["batch_id"])
            if e.entity == "project" and e.field
        }
    finally:
        p.close()
    assert audit["signed_amount_wan"] == ("8000", "120000")
    assert audit["sign_date"] == ("2023-06-20", "2023-11-10")


def test_skip_leaves_the_stored_project_alone(tmp_db: Path, tmp_path: Path) -> None:
    first, second = ledgers(tmp_path)
    run_cli(tmp_db, "import", str(first), "--json")
    code, out, _ = run_cli(tmp_db, "import", str(second), "--on-duplicate", "skip", "--json")
    assert [r["action"] for r in out["rows"]] == ["skip", "skip"]
    assert stored(tmp_db, "康泰生物制剂生产基地")["leader"] is None


def test_a_row_level_choice_overrides_the_policy(tmp_db: Path, tmp_path: Path) -> None:
    """The wizard's per-project choice: this one row takes the file's values, the rest
    follow the policy; changing the policy keeps the row's own choice."""
    first, second = ledgers(tmp_path)
    run_cli(tmp_db, "import", str(first), "--json")
    p = Portfolio.open(tmp_db, auto_backup=False)
    try:
        plan = plan_file(second, p)
        row = plan.matched_rows()[0]
        assert row.action == "fill" and len(row.conflicts) == 2
        plan.set_choice(row, "update")
        assert row.action == "update" and not row.conflicts and len(row.changes) == 4
        plan.set_policy("skip")
        assert row.action == "update" and plan.rows[1].action == "skip"
        plan.set_choice(row, None)
        assert row.action == "skip"
    finally:
        p.close()


def test_a_blank_filled_by_hand_after_planning_becomes_a_conflict(
    tmp_db: Path, tmp_path: Path
) -> None:
    """The plan is decided again under the write lock: a value the clerk typed meanwhile
    is not overwritten by a fill."""
    from tracker.importing.apply import apply_plan

    first, second = ledgers(tmp_path)
    run_cli(tmp_db, "import", str(first), "--json")
    p = Portfolio.open(tmp_db, auto_backup=False)
    try:
        plan = plan_file(second, p)
        assert "leader" in {c.field for c in plan.rows[0].changes}
        p.edit_project(1, {"leader": "张卫东"})  # typed in the editor while the wizard waits
        apply_plan(p, plan, make_backup=False)
        assert p.get_project(1).leader == "张卫东"
        assert "leader" in {c.field for c in plan.rows[0].conflicts}
    finally:
        p.close()


def test_a_date_given_to_the_day_fills_one_known_to_the_month(tmp_db: Path, tmp_path: Path) -> None:
    """已开工 without a date is stored as the sign month (约); a later ledger's 开工时间 in
    that month completes it — a fill, not a conflict. Another month does conflict."""
    head = ["项目名称", "投资主体", "签约时间", "签约金额（万元）", "项目进展", "开工时间"]
    row = ["康泰生物制剂生产基地", "康泰医药集团", "2023-06-20", 8000]
    run_cli(
        tmp_db,
        "import",
        str(write_xlsx(tmp_path / "a.xlsx", {"S": [head, [*row, "已开工", None]]})),
        "--json",
    )
    assert (
        run_cli(tmp_db, "show", "1", "--json")[1]["stage_dates"]["started"]["actual"] == "2023-06"
    )
    for day, kind in (("2023-06-28", "fill"), ("2023-09-01", "differs")):
        later = write_xlsx(tmp_path / f"{day}.xlsx", {"S": [head, [*row, "已开工", day]]})
        code, out, _ = run_cli(tmp_db, "import", str(later), "--dry-run", "--json")
        (change,) = out["rows"][0]["changes"] or out["rows"][0]["conflicts"]
        assert (change["field"], change["old"], change["kind"]) == (
            "started.actual",
            "2023-06",
            kind,
        )
