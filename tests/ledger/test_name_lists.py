"""The 名录: names met in an import or typed in the editor join the settings' lists,
spellings of one name are proposed for merging, and a merge moves every project to the
kept spelling as one audited batch that can be undone."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.helpers.ledgers import run_cli, write_xlsx
from tracker.domain.name_variants import near_duplicates
from tracker.errors import TrackerError
from tracker.importing.undo import undo_import
from tracker.ledger import name_lists
from tracker.ledger.batches import source_labels
from tracker.ledger.portfolio import Portfolio

HEAD = [
    "项目名称",
    "投资主体",
    "签约时间",
    "签约金额（万元）",
    "责任单位",
    "包抓领导",
    "落地乡镇",
    "产业类别",
]
ROWS = [
    ["甲项目", "甲公司", "2024-01-05", 100, "县经信局", "王建国", "城关镇", "装备制造"],
    ["乙项目", "乙公司", "2024-02-05", 200, "县经济和信息化局", "李明华", "溪口镇", "新能源"],
    ["丙项目", "丙公司", "2024-03-05", 300, "经信局", "王建国", "城关镇", "装备制造业"],
    ["丁项目", "丁公司", "2024-04-05", 400, "城关镇人民政府", None, "城关镇", None],
    ["戊项目", "戊公司", "2024-05-05", 500, "城关镇", None, "城关镇", None],
]


@pytest.mark.parametrize(
    ("names", "kind", "pairs"),
    [
        (["县经信局", "县经济和信息化局", "经信局", "县商务局"], "units", 2),
        (["县发改局", "县发展和改革局", "县财政局"], "units", 1),
        (["城关镇", "城关镇人民政府", "城关街道"], "units", 1),
        (["王建国", "王建国副县长", "王建"], "leaders", 1),  # 王建 is another person
        (["装备制造", "装备制造业", "新能源"], "industries", 1),
        (["县商务局", "县市场监督管理局", "县自然资源局"], "units", 0),
    ],
)
def test_spellings_of_one_name_are_found(names: list[str], kind: str, pairs: int) -> None:
    assert len(near_duplicates(names, kind, "示范县")) == pairs


def imported(tmp_db: Path, tmp_path: Path) -> int:
    code, out, err = run_cli(
        tmp_db, "import", str(write_xlsx(tmp_path / "a.xlsx", {"S": [HEAD, *ROWS]})), "--json"
    )
    assert code == 0, err
    return int(out["batch_id"])


def test_an_import_fills_the_lists_and_its_undo_empties_them(tmp_db: Path, tmp_path: Path) -> None:
    batch = imported(tmp_db, tmp_path)
    p = Portfolio.open(tmp_db, auto_backup=False)
    try:
        s = p.settings()
        assert s["units"] == ["县经信局", "县经济和信息化局", "经信局", "城关镇人民政府", "城关镇"]
        assert s["leaders"] == ["王建国", "李明华"] and s["towns"] == ["城关镇", "溪口镇"]
        assert s["industries"] == ["装备制造", "新能源", "装备制造业"]
        # the editor's save: a new name joins, a known one is not repeated
        assert name_lists.remember(p, [{"unit": "县商务局", "leader": "王建国"}]) == {
            "units": ["县商务局"]
        }
        assert p.settings()["units"][-1] == "县商务局"
        undo_import(p, batch, make_backup=False)
        s = p.settings()
        assert s["units"] == ["县商务局"] and s["leaders"] == [] and s["towns"] == []
    finally:
        p.close()


def test_merging_two_spellings_moves_projects_audited_and_undoable(
    tmp_db: Path, tmp_path: Path
) -> None:
    imported(tmp_db, tmp_path)
    code, names, _ = run_cli(tmp_db, "names", "--json")
    proposed = {(x["list"], frozenset((x["keep"], x["drop"]))) for x in names["proposals"]}
    assert ("units", frozenset({"县经信局", "县经济和信息化局"})) in proposed
    assert ("units", frozenset({"城关镇", "城关镇人民政府"})) in proposed
    assert ("industries", frozenset({"装备制造", "装备制造业"})) in proposed

    code, merged, err = run_cli(tmp_db, "merge-names", "units", "经信局", "县经信局", "--json")
    assert code == 0, err
    assert merged["moved"] == 1
    code, merged, err = run_cli(
        tmp_db, "merge-names", "units", "县经济和信息化局", "县经信局", "--json"
    )
    assert code == 0 and merged["moved"] == 1
    p = Portfolio.open(tmp_db, auto_backup=False)
    try:
        units = {r["name"]: r["unit"] for r in p.list_rows()}
        assert units["乙项目"] == units["丙项目"] == "县经信局"
        assert p.settings()["units"] == ["县经信局", "城关镇人民政府", "城关镇"]
        history = p.audit_for(
            project_id=next(r["id"] for r in p.list_rows() if r["name"] == "乙项目")
        )
        labels = source_labels(p, history)
        moved = next(e for e in history if e.field == "unit")
        assert (
            labels[moved.id]
            == f"合并名录：责任单位 县经济和信息化局 → 县经信局（批次 {merged['batch_id']}）"
        )
        undo_import(p, merged["batch_id"], make_backup=False)
        units = {r["name"]: r["unit"] for r in p.list_rows()}
        assert units["乙项目"] == "县经济和信息化局" and units["丙项目"] == "县经信局"
        assert "县经济和信息化局" in p.settings()["units"]
        later = p.audit_for(project_id=moved.project_id)
        assert source_labels(p, later)[later[-1].id].startswith("撤销合并名录")
    finally:
        p.close()
    code, _, err = run_cli(tmp_db, "merge-names", "units", "无此单位", "县经信局")
    assert code == 2 and "没有“无此单位”" in err


def test_merge_refuses_one_name_twice(portfolio: Portfolio) -> None:
    portfolio.update_settings({"units": ["县经信局"]})
    with pytest.raises(TrackerError, match="两个不同的条目"):
        name_lists.merge(portfolio, "units", "县经信局", "县经信局")


def test_an_older_ledger_gets_its_names_listed_on_upgrade(
    tmp_db: Path, portfolio: Portfolio
) -> None:
    """Ledgers imported before the lists were kept: the upgrade lists the names in use."""
    portfolio.add_project(
        {
            "name": "甲",
            "investor": "甲公司",
            "sign_date": "2024-01-01",
            "signed_amount_wan": "1",
            "unit": "县商务局",
            "leader": "王建国",
        }
    )
    portfolio.close()
    conn = sqlite3.connect(tmp_db)
    conn.execute("DELETE FROM settings")
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = '0006_import_history_and_name_lists'")
    conn.execute("ALTER TABLE import_batches DROP COLUMN kind")
    conn.execute("ALTER TABLE import_batches DROP COLUMN as_of")
    conn.execute("ALTER TABLE import_batches DROP COLUMN sheets")
    conn.execute("DROP TABLE import_conflicts")
    conn.commit()
    conn.close()
    upgraded = Portfolio.open(tmp_db, auto_backup=False)
    try:
        assert upgraded.settings()["units"] == ["县商务局"]
        assert upgraded.settings()["leaders"] == ["王建国"]
        assert json.loads(
            upgraded.db.execute("SELECT value FROM settings WHERE key='units'").fetchone()[0]
        ) == ["县商务局"]
    finally:
        upgraded.close()
