"""Applying a plan: one batch, re-import adds nothing, dry run writes nothing, undo, cancel."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.helpers.ledgers import HEADER, ROWS, db_snapshot, run_cli, write_xlsx
from tracker.errors import Cancelled
from tracker.importing.apply import apply_plan
from tracker.importing.errors_out import write_rejected
from tracker.importing.mapping import load_preset
from tracker.importing.plan import plan_file
from tracker.importing.undo import undo_import
from tracker.ledger.portfolio import Portfolio


def counts(db: Path) -> dict[str, int]:
    p = Portfolio.open(db, auto_backup=False)
    try:
        return {
            t: p.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("projects", "stage_dates", "progress", "import_batches")
        }
    finally:
        p.close()


def test_import_then_reimport_adds_nothing(tmp_db: Path, messy_xlsx: Path) -> None:
    code, out, _ = run_cli(tmp_db, "import", str(messy_xlsx), "--json")
    assert code == 0 and out["summary"]["create"] == 3 and isinstance(out["batch_id"], int)
    before = counts(tmp_db)
    code, again, _ = run_cli(tmp_db, "import", str(messy_xlsx), "--json")
    assert code == 0
    assert again["summary"] == {
        "rows": 3,
        "create": 0,
        "update": 0,
        "fill": 0,
        "skip": 3,
        "reject": 0,
        "conflicts": 0,
        "review": 0,
    }
    after = counts(tmp_db)
    assert {k: v for k, v in after.items() if k != "import_batches"} == {
        k: v for k, v in before.items() if k != "import_batches"
    }
    p = Portfolio.open(tmp_db, auto_backup=False)
    try:
        rows = {r["name"]: r for r in p.list_rows()}
        batch = p.db.execute(
            "SELECT file_name, sha256, format, mapping, counts FROM import_batches WHERE id = ?",
            [out["batch_id"]],
        ).fetchone()
    finally:
        p.close()
    assert rows["天成轴承生产基地项目"]["stage"] == "registered"
    assert str(rows["天成轴承生产基地项目"]["signed_amount_wan"]) == "12500"
    assert batch[0] == "messy.xlsx" and len(batch[1]) == 64 and batch[2] == "xlsx"
    assert json.loads(batch[3])["签约项目"]["项目名称"] == "name"
    assert json.loads(batch[4])["create"] == 3
    assert list((tmp_db.parent / "backups").glob("*import*.db")), "a backup comes first"


def test_dry_run_writes_nothing(tmp_db: Path, messy_xlsx: Path, simple_xlsx: Path) -> None:
    code, out, _ = run_cli(tmp_db, "import", str(simple_xlsx), "--dry-run", "--json")
    assert code == 0 and out["batch_id"] is None and not tmp_db.exists()
    run_cli(tmp_db, "import", str(simple_xlsx), "--json")
    before = db_snapshot(tmp_db)
    code, out, _ = run_cli(tmp_db, "import", str(messy_xlsx), "--dry-run", "--json")
    assert code == 0 and out["summary"]["create"] == 3 and out["batch_id"] is None
    assert db_snapshot(tmp_db) == before


def test_update_and_undo_revert(tmp_db: Path, tmp_path: Path, simple_xlsx: Path) -> None:
    code, first, _ = run_cli(tmp_db, "import", str(simple_xlsx), "--json")
    changed = [list(r) for r in ROWS]
    changed[0][4] = 7000  # amount changed
    changed[1][5] = "已开工"  # further stage, no date
    changed[2][6] = "县商务局"
    newer = write_xlsx(
        tmp_path / "newer.xlsx",
        {"S": [HEADER, *changed, [4, "新项目", "新公司", "2023-09-09", 100, "已签约", "县商务局"]]},
    )
    code, skip, _ = run_cli(
        tmp_db, "import", str(newer), "--on-duplicate", "skip", "--dry-run", "--json"
    )
    assert [r["action"] for r in skip["rows"]] == ["skip", "skip", "skip", "create"]
    code, upd, _ = run_cli(tmp_db, "import", str(newer), "--on-duplicate", "update", "--json")
    # the amount and the unit overwrite stored values; the stage only fills a blank
    assert [r["action"] for r in upd["rows"]] == ["update", "fill", "update", "create"]
    p = Portfolio.open(tmp_db, auto_backup=False)
    try:
        rows = {r["name"]: r for r in p.list_rows()}
        assert str(rows["绿色生物制剂生产基地项目"]["signed_amount_wan"]) == "7000"
        assert rows["明辉锂电池隔膜生产基地项目"]["stage"] == "started"
        assert rows["精密冷链物流生产基地项目"]["unit"] == "县商务局"
        result = undo_import(p, upd["batch_id"])
        assert result["deleted"] == 1 and result["reverted"] >= 3
        rows = {r["name"]: r for r in p.list_rows()}
        assert "新项目" not in rows
        assert str(rows["绿色生物制剂生产基地项目"]["signed_amount_wan"]) == "6250.5"
        assert rows["明辉锂电池隔膜生产基地项目"]["stage"] == "registered"
        assert rows["精密冷链物流生产基地项目"]["unit"] == "县发改局"
    finally:
        p.close()
    code, _, err = run_cli(tmp_db, "undo-import", str(upd["batch_id"]))
    assert code == 2 and "撤销过" in err
    code, out, _ = run_cli(tmp_db, "undo-import", str(first["batch_id"]), "--json")
    assert code == 0 and out["deleted"] == 3
    assert counts(tmp_db)["projects"] == 0
    code, _, err = run_cli(tmp_db, "undo-import", "999")
    assert code == 2 and "找不到" in err


def test_cancel_leaves_nothing(tmp_db: Path, simple_xlsx: Path) -> None:
    p = Portfolio.open(tmp_db, auto_backup=False)
    try:
        plan = plan_file(simple_xlsx, p)
        calls = iter([False, True])
        with pytest.raises(Cancelled):
            apply_plan(p, plan, cancelled=lambda: next(calls, True))
        assert p.project_count() == 0
        assert p.db.execute("SELECT COUNT(*) FROM import_batches").fetchone()[0] == 0
        assert p.db.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == 0
    finally:
        p.close()


def test_rejected_rows_to_excel_as_text(tmp_db: Path, tmp_path: Path) -> None:
    rows = [
        HEADER,
        ROWS[0],
        [2, "=1+1", "坏公司", "2023.13.45", "约五千万", "已签约", '=HYPERLINK("x")'],
        [3, None, "某公司", "2023-01-01", 100, "已签约", "县商务局"],
    ]
    src = write_xlsx(tmp_path / "bad.xlsx", {"S": rows})
    out = tmp_path / "errors.xlsx"
    code, data, _ = run_cli(tmp_db, "import", str(src), "--json", "--errors-out", str(out))
    assert code == 0
    assert [r["action"] for r in data["rows"]] == ["create", "reject", "reject"]
    wb = load_workbook(out)
    ws = wb["S"]
    assert [c.value for c in ws[1]] == ["原行号", *HEADER, "错误原因"]
    assert ws["C2"].value == "=1+1" and ws["C2"].data_type == "s"
    assert ws["H2"].data_type == "s" and "日期不存在" in ws["I2"].value and "金额" in ws["I2"].value
    assert "项目名称" in ws["I3"].value
    # fixed file goes back in: same headers map the same way
    ws["C2"] = "修好的项目"
    ws["E2"] = "2023-05-01"
    ws["F2"] = 300
    ws["C3"] = "补上名称的项目"
    ws["C2"].data_type = ws["C3"].data_type = "s"
    wb.save(out)
    code, again, _ = run_cli(tmp_db, "import", str(out), "--json")
    assert [r["action"] for r in again["rows"]] == ["create", "create"]
    plan_rows = plan_file(src).rows
    assert write_rejected(plan_file(src), tmp_path / "e2.xlsx") == 2 and len(plan_rows) == 3


def test_corrected_mapping_saved_as_preset(tmp_db: Path, tmp_path: Path) -> None:
    rows = [
        ["项目名称", "投资主体", "签约时间", "签约金额", "甲方意见"],
        ["甲项目", "甲公司", "2023-01-01", 100, "县商务局"],
    ]
    src = write_xlsx(tmp_path / "p.xlsx", {"S": rows})
    p = Portfolio.open(tmp_db, auto_backup=False)
    try:
        plan = plan_file(src, p)
        assert plan.sheets[0].columns["甲方意见"] is None
        mapping = dict(plan.sheets[0].columns) | {"甲方意见": "unit"}
        plan = plan_file(src, p, mappings={"S": mapping})
        assert plan.rows[0].fields["unit"] == "县商务局"
        apply_plan(p, plan)
        assert load_preset(p, plan.sheets[0].signature)["甲方意见"] == "unit"
        assert (
            p.db.execute("SELECT COUNT(*) FROM audit WHERE entity = 'import_preset'").fetchone()[0]
            == 1
        )
        again = plan_file(src, p)  # next time: the preset maps it without asking
        assert again.sheets[0].columns["甲方意见"] == "unit"
    finally:
        p.close()


def test_terminated_and_paused_rows(tmp_db: Path, tmp_path: Path) -> None:
    rows = [
        ["项目名称", "投资主体", "签约时间", "签约金额", "项目进展", "终止原因"],
        ["甲项目", "甲公司", "2023-01-01", 100, "已终止", "企业资金链断裂"],
        ["乙项目", "乙公司", "2023-01-01", 100, "暂缓", None],
        ["丙项目", "丙公司", "2023-01-01", 100, "已开工", None],
    ]
    code, out, _ = run_cli(
        tmp_db, "import", str(write_xlsx(tmp_path / "s.xlsx", {"S": rows})), "--json"
    )
    assert [r["fields"].get("status") for r in out["rows"]] == ["terminated", "paused", None]
    p = Portfolio.open(tmp_db, auto_backup=False)
    try:
        by_name = {r["name"]: r for r in p.list_rows()}
        assert by_name["甲项目"]["status"] == "terminated"
        assert by_name["甲项目"]["status_reason"] == "企业资金链断裂"
        assert by_name["乙项目"]["status"] == "paused"
    finally:
        p.close()


def test_undo_reverts_status_and_figures(tmp_db: Path, tmp_path: Path) -> None:
    first = write_xlsx(
        tmp_path / "a.xlsx",
        {
            "S": [
                ["项目名称", "投资主体", "签约时间", "签约金额", "累计到位资金"],
                ["甲项目", "甲公司", "2023-01-01", 100, 10],
            ]
        },
    )
    later = write_xlsx(
        tmp_path / "b.xlsx",
        {
            "S": [
                [
                    "项目名称",
                    "投资主体",
                    "签约时间",
                    "签约金额",
                    "项目进展",
                    "终止原因",
                    "累计到位资金",
                ],
                ["甲项目", "甲公司", "2023-01-01", 100, "已终止", "资金链断裂", 20],
            ]
        },
    )
    run_cli(tmp_db, "import", str(first), "--json")
    code, out, _ = run_cli(tmp_db, "import", str(later), "--on-duplicate", "update", "--json")
    assert out["summary"]["update"] == 1
    (row,) = run_cli(tmp_db, "list", "--json")[1]
    assert row["status"] == "terminated" and row["funds_arrived_wan"] == 20
    code, text, _ = run_cli(tmp_db, "undo-import", str(out["batch_id"]))
    assert code == 0
    (row,) = run_cli(tmp_db, "list", "--json")[1]
    assert row["status"] == "active" and row["status_reason"] is None
    assert row["funds_arrived_wan"] == 10
    assert run_cli(tmp_db, "check")[0] == 0
