"""Undo keeps the clerk's later work: edited fields stay, worked-on projects are not
deleted without a decision, and a backup comes first."""

from pathlib import Path

import pytest

from tests.helpers.ledgers import HEADER, ROWS, run_cli, write_xlsx
from tracker.importing.undo import UndoBlocked, review_undo, undo_import
from tracker.ledger.portfolio import Portfolio
from tracker.storage.backup import list_backups


def names(db: Path) -> dict[str, dict]:
    p = Portfolio.open(db, auto_backup=False)
    try:
        return {r["name"]: r for r in p.list_rows()}
    finally:
        p.close()


def six_projects(tmp_path: Path) -> Path:
    rows = [
        [i, f"测试项目{i}", f"测试公司{i}", "2024-03-01", 100 * i, "已签约", "县商务局"]
        for i in range(1, 7)
    ]
    return write_xlsx(tmp_path / "six.xlsx", {"S": [HEADER, *rows]})


def test_undo_of_an_update_keeps_a_field_changed_by_hand_since(tmp_db, tmp_path, simple_xlsx):
    run_cli(tmp_db, "import", str(simple_xlsx), "--json")
    changed = [list(r) for r in ROWS]
    changed[2][6] = "县商务局"  # unit: 县发改局 -> 县商务局
    changed[0][4] = 7000  # amount
    newer = write_xlsx(tmp_path / "n.xlsx", {"S": [HEADER, *changed]})
    code, batch, _ = run_cli(tmp_db, "import", str(newer), "--on-duplicate", "update", "--json")
    assert code == 0
    p = Portfolio.open(tmp_db, auto_backup=False)
    pid = next(r["id"] for r in p.list_rows() if r["name"] == "精密冷链物流生产基地项目")
    p.edit_project(pid, {"unit": "县经信局"})  # the clerk, after the import
    review = review_undo(p, batch["batch_id"])
    assert [k.project_id for k in review.kept_fields] == [pid] and not review.edited_projects
    p.close()

    code, text, err = run_cli(tmp_db, "undo-import", str(batch["batch_id"]))
    assert code == 0, err
    assert "保留导入后手工改过的内容" in text and "责任单位" in text
    rows = names(tmp_db)
    assert rows["精密冷链物流生产基地项目"]["unit"] == "县经信局"  # the hand edit stays
    assert str(rows["绿色生物制剂生产基地项目"]["signed_amount_wan"]) == "6250.5"  # reverted
    assert any("before-undo" in b.name for b in list_backups(tmp_db))


def test_created_projects_worked_on_since_are_not_deleted_without_a_decision(tmp_db, tmp_path):
    code, batch, _ = run_cli(tmp_db, "import", str(six_projects(tmp_path)), "--json")
    bid = batch["batch_id"]
    p = Portfolio.open(tmp_db, auto_backup=False)
    ids = {r["name"]: r["id"] for r in p.list_rows()}
    p.edit_project(ids["测试项目1"], {"leader": "王建国"})
    p.set_stage_date(ids["测试项目2"], "registered", actual="2024-05-01")
    p.add_visit(ids["测试项目3"], "2024-05-02", "招商一股", "走访")
    p.add_problem(ids["测试项目4"], "2024-05-03", "用地指标未落实", category="用地")
    p.add_progress(ids["测试项目5"], "2024-05-04", funds_arrived_wan="10")
    review = review_undo(p, bid)
    edited = {e.project_id: e.changes for e in review.edited_projects}
    p.close()
    assert set(edited) == {ids[f"测试项目{i}"] for i in range(1, 6)}
    assert edited[ids["测试项目1"]] == ["包抓领导"]
    assert "走访记录" in edited[ids["测试项目3"]]

    code, text, err = run_cli(tmp_db, "undo-import", str(bid))
    assert code == 2 and "--keep-edited" in err and "--force" in err
    assert len(err.strip().splitlines()) == 1
    assert "测试项目3" in text and "走访记录" in text
    assert len(names(tmp_db)) == 6  # refused: nothing changed

    code, out, err = run_cli(tmp_db, "undo-import", str(bid), "--keep-edited", "--json")
    assert code == 0, err
    assert out["deleted"] == 1 and len(out["kept_projects"]) == 5
    assert set(names(tmp_db)) == {f"测试项目{i}" for i in range(1, 6)}


def test_force_deletes_worked_on_projects_too_after_a_backup(tmp_db, tmp_path):
    code, batch, _ = run_cli(tmp_db, "import", str(six_projects(tmp_path)), "--json")
    p = Portfolio.open(tmp_db, auto_backup=False)
    pid = p.list_rows()[0]["id"]
    p.add_visit(pid, "2024-05-02", "招商一股", "走访")
    with pytest.raises(UndoBlocked):
        undo_import(p, batch["batch_id"])
    p.close()
    before = len(list_backups(tmp_db))
    code, out, err = run_cli(tmp_db, "undo-import", str(batch["batch_id"]), "--force", "--json")
    assert code == 0 and out["deleted"] == 6, err
    assert names(tmp_db) == {}
    assert len(list_backups(tmp_db)) == before + 1  # the state with the visit is kept


def test_an_undone_later_batch_is_not_a_later_edit(tmp_db, tmp_path, simple_xlsx):
    """Batch 2 updated batch 1's projects and was undone: batch 1 undoes without asking."""
    code, first, _ = run_cli(tmp_db, "import", str(simple_xlsx), "--json")
    changed = [list(r) for r in ROWS]
    changed[0][4] = 7000
    code, second, _ = run_cli(
        tmp_db, "import", str(write_xlsx(tmp_path / "n.xlsx", {"S": [HEADER, *changed]})), "--json"
    )
    assert run_cli(tmp_db, "undo-import", str(second["batch_id"]))[0] == 0
    code, out, err = run_cli(tmp_db, "undo-import", str(first["batch_id"]), "--json")
    assert code == 0 and out["deleted"] == 3, err
