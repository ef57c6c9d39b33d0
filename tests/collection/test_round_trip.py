"""进度收集 round trip: a round for three units of the demo county, files filled as a unit
would (an inserted row, a deleted hidden column, "约3000万", a decreasing figure, a file
re-saved as .xls by LibreOffice), read back, applied, the status, one file undone."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tracker.collection.apply import apply_plan
from tracker.collection.columns import COLUMNS
from tracker.collection.plan import plan_return
from tracker.collection.rounds import Round, create_round
from tracker.collection.send import HEADER_ROW, make_files
from tracker.collection.state import load_stored
from tracker.collection.status import round_status
from tracker.importing.undo import undo_import
from tracker.ledger.batches import source_labels
from tracker.ledger.demo import fill_demo
from tracker.ledger.portfolio import Portfolio

AS_OF = "2026-06-30"
COL = {c.key: i for i, c in enumerate(COLUMNS, 1)}


@pytest.fixture
def county(portfolio: Portfolio) -> Portfolio:
    fill_demo(portfolio, 80, seed=5, today=date(2026, 6, 1))
    return portfolio


def _units(portfolio: Portfolio) -> list[str]:
    rows = portfolio.db.execute(
        "SELECT unit, COUNT(*) FROM projects WHERE status != 'terminated' GROUP BY unit"
        " ORDER BY 2 DESC, 1 LIMIT 3"
    ).fetchall()
    return [r[0] for r in rows]


def _make(portfolio: Portfolio, tmp_path: Path) -> tuple[Round, dict[str, Path]]:
    rnd = create_round(portfolio, AS_OF, "2026-07-10", "unit", _units(portfolio))
    sent = make_files(portfolio, rnd, tmp_path / "out")
    return rnd, {s.target: s.path for s in sent}


def _rows(ws: Any) -> dict[int, int]:
    """project id -> sheet row (before any column is deleted)."""
    out = {}
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        pid = ws.cell(r, COL["project_id"]).value
        if isinstance(pid, int):
            out[pid] = r
    return out


def _with_funds(portfolio: Portfolio, ids: list[int]) -> int:
    stored = load_stored(portfolio, ids)
    return next(p for p in ids if stored[p].latest.get("funds_arrived_wan", ("", 0))[1] > 10)


def _without(portfolio: Portfolio, ids: list[int], stage: str) -> int:
    stored = load_stored(portfolio, ids)
    return next(p for p in ids if not stored[p].actual.get(stage))


def test_make_writes_a_protected_workbook_per_unit(county: Portfolio, tmp_path: Path) -> None:
    rnd, files = _make(county, tmp_path)
    assert len(files) == 3
    wb = load_workbook(next(iter(files.values())))
    assert wb.sheetnames == ["项目进度", "填报说明"]
    ws = wb["项目进度"]
    assert ws.protection.sheet and not ws.protection.password
    assert ws.column_dimensions["A"].hidden and ws.column_dimensions["B"].hidden
    assert ws.cell(HEADER_ROW, COL["name"]).value == "项目名称"
    first = HEADER_ROW + 1
    assert ws.cell(first, COL["round_id"]).value == rnd.id
    assert ws.cell(first, COL["name"]).protection.locked
    assert not ws.cell(first, COL["funds_arrived_wan"]).protection.locked
    assert len(ws.data_validations.dataValidation) == 2
    text = "\n".join(str(c.value) for c in wb["填报说明"]["A"] if c.value)
    assert "黄色格子" in text and f"回执编号：{rnd.receipt()}" in text


def test_round_trip(county: Portfolio, tmp_path: Path) -> None:
    rnd, files = _make(county, tmp_path)
    unit_a, unit_b, unit_c = rnd.targets
    # unit A: "约3000万", a note, a problem, a decreasing figure, a stage date, an inserted
    # row naming a new project, and the hidden id column deleted
    wb = load_workbook(files[unit_a])
    ws = wb.active
    rows = _rows(ws)
    ids = list(rows)
    falling = _with_funds(county, ids)
    fresh = _without(county, [p for p in ids if p != falling], "registered")
    stored = load_stored(county, ids)
    others = [p for p in ids if p not in (falling, fresh)]
    approx = next(p for p in others if stored[p].latest.get("funds_arrived_wan", ("", 0))[1] < 3000)
    troubled = next(p for p in others if p != approx)
    ws.cell(rows[approx], COL["funds_arrived_wan"], "约3000万")
    ws.cell(rows[approx], COL["note"], "设备进场安装")
    ws.cell(rows[troubled], COL["problem"], "用地指标尚未落实，需县自然资源局协调")
    ws.cell(rows[falling], COL["funds_arrived_wan"], 1)
    ws.cell(rows[fresh], COL["registered.actual"], "2026年6月3日")
    ws.insert_rows(rows[troubled] + 1)
    new_row = rows[troubled] + 1
    ws.cell(new_row, COL["name"], "新签年产10万吨饲料项目")
    ws.cell(new_row, COL["investor"], "青溪新希望饲料有限公司")
    ws.cell(new_row, COL["sign_date"], "2026.5.20")
    ws.cell(new_row, COL["signed_amount_wan"], "1.2亿")
    ws.cell(new_row, COL["invested_wan"], 800)
    ws.delete_cols(COL["project_id"])
    back_a = tmp_path / "back" / f"{unit_a}.xlsx"
    back_a.parent.mkdir()
    wb.save(back_a)

    plan = plan_return(county, back_a)
    assert plan.blocked is None and plan.round is not None and plan.round.id == rnd.id
    assert plan.target == unit_a
    by_id = {p.project_id: p for p in plan.projects}
    assert by_id[approx].value("funds_arrived_wan") == Decimal(3000)
    assert any("约3000万" in n for n in by_id[approx].notes)
    assert by_id[approx].value("note") == "设备进场安装"
    assert by_id[troubled].value("problem").startswith("用地指标")
    assert by_id[falling].flags and not by_id[falling].accepted
    assert "小于上期" in by_id[falling].flags[0]
    assert by_id[fresh].value("registered.actual") == "2026-06-03"
    [new] = [p for p in plan.projects if p.is_new]
    assert new.new_data is not None and new.new_data["signed_amount_wan"] == Decimal(12000)
    assert new.new_data["unit"] == unit_a
    summary = plan.summary()
    assert [p.flags for p in plan.projects if not p.accepted] == [by_id[falling].flags]
    assert summary["create"] == 1 and summary["problems"] == 1 and summary["left_out"] == 1

    batch_a = apply_plan(county, plan, make_backup=False)
    snap = county.db.execute(
        "SELECT as_of, funds_arrived_yuan, note FROM progress WHERE project_id = ?"
        " ORDER BY id DESC LIMIT 1",
        [approx],
    ).fetchone()
    assert snap == (AS_OF, 30_000_000, "设备进场安装")
    problem = county.db.execute(
        "SELECT owner_unit, raised_date, status FROM problems WHERE project_id = ?"
        " ORDER BY id DESC LIMIT 1",
        [troubled],
    ).fetchone()
    assert problem == (unit_a, AS_OF, "待办")
    created = county.db.execute(
        "SELECT id, unit FROM projects WHERE name = '新签年产10万吨饲料项目'"
    ).fetchone()
    assert created[1] == unit_a
    assert county.get_project(falling).progress[-1].funds_arrived_wan != Decimal(1)
    entries = county.audit_for(batch_id=batch_a)
    assert set(source_labels(county, entries).values()) == {
        f"进度收集：{unit_a} / 第 {rnd.id} 轮（批次 {batch_a}）"
    }
    # the same file again: nothing left to change
    again = plan_return(county, back_a)
    assert [p.project_id for p in again.projects if p.accepted] == []
    assert any("已在" in f for f in again.flags)

    # unit B: a stage date before the stage before it, re-saved as .xls when possible
    wb = load_workbook(files[unit_b])
    ws = wb.active
    rows = _rows(ws)
    stored = load_stored(county, list(rows))
    started = next(p for p in rows if not stored[p].actual.get("started"))
    ws.cell(rows[started], COL["started.actual"], stored[started].sign_date[:4] + "-01-01")
    plain = next(p for p in rows if p != started)
    grown = stored[plain].latest.get("invested_wan", ("", Decimal(0)))[1] + Decimal("123.45")
    ws.cell(rows[plain], COL["invested_wan"], float(grown))
    back_b = tmp_path / "back" / f"{unit_b}.xlsx"
    wb.save(back_b)
    back_b = _as_xls(back_b, tmp_path) or back_b
    plan_b = plan_return(county, back_b)
    assert plan_b.target == unit_b and plan_b.blocked is None
    by_id = {p.project_id: p for p in plan_b.projects}
    assert any(f.startswith("开工日期") and "早于" in f for f in by_id[started].flags)
    assert by_id[plain].value("invested_wan") == grown and by_id[plain].accepted
    apply_plan(county, plan_b, make_backup=False)

    status = round_status(county, rnd)
    assert [t.target for t in status.missing] == [unit_c]
    returned = {t.target: t for t in status.targets if t.returned}
    assert returned[unit_a].updated == plan.summary()["update"]
    assert returned[unit_a].created == 1 and returned[unit_a].problems == 1
    assert unit_c in status.reminder()

    # undo unit A's file: its snapshots, problem and new project go; the status says so
    undo_import(county, batch_a, make_backup=False)
    assert county.db.execute(
        "SELECT COUNT(*) FROM progress WHERE as_of = ? AND project_id = ?", [AS_OF, approx]
    ).fetchone() == (0,)
    assert county.db.execute(
        "SELECT COUNT(*) FROM problems WHERE project_id = ? AND description LIKE '用地指标%'",
        [troubled],
    ).fetchone() == (0,)
    assert county.db.execute(
        "SELECT COUNT(*) FROM projects WHERE id = ?", [created[0]]
    ).fetchone() == (0,)
    assert (
        county.get_project(fresh).stage.value != "registered"
        or county.db.execute(
            "SELECT actual FROM stage_dates WHERE project_id = ? AND stage = 'registered'", [fresh]
        ).fetchone()
        is None
    )
    assert sorted(t.target for t in round_status(county, rnd).missing) == sorted([unit_a, unit_c])


def _as_xls(path: Path, tmp_path: Path) -> Path | None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed: the .xls re-save cannot be made here")
    out = tmp_path / "xls"
    subprocess.run(
        [soffice, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}", "--headless",
         "--convert-to", "xls", "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    result = out / (path.stem + ".xls")
    assert result.exists()
    return result


def test_file_of_another_round_or_database(county: Portfolio, tmp_path: Path) -> None:
    rnd, files = _make(county, tmp_path)
    later = create_round(county, "2026-09-30", None, "unit", rnd.targets)
    plan = plan_return(county, next(iter(files.values())), later)
    assert plan.round is not None and plan.round.id == rnd.id
    assert any("不是所选的" in f for f in plan.flags)
    plan = plan_return(county, next(iter(files.values())))
    assert any(f"最新一轮是第 {later.id} 轮" in f for f in plan.flags)

    other = Portfolio.open(tmp_path / "other.db", auto_backup=False)
    try:
        fill_demo(other, 20, seed=9, today=date(2026, 6, 1))
        foreign_round = create_round(other, AS_OF, None, "unit")
        foreign = make_files(other, foreign_round, tmp_path / "foreign")[0].path
    finally:
        other.close()
    plan = plan_return(county, foreign)
    assert plan.blocked and "另一个数据库" in plan.blocked
    with pytest.raises(Exception, match="另一个数据库"):
        apply_plan(county, plan, make_backup=False)


def test_the_same_plan_written_twice_writes_once(county: Portfolio, tmp_path: Path) -> None:
    """Under the write lock the file is compared again: a second write finds nothing new."""
    rnd, files = _make(county, tmp_path)
    path = files[rnd.targets[0]]
    wb = load_workbook(path)
    ws = wb.active
    first = HEADER_ROW + 1
    ws.cell(first, COL["tax_wan"], 12.5)
    ws.cell(first, COL["problem"], "缺少熟练工人")
    wb.save(path)
    plan = plan_return(county, path)
    apply_plan(county, plan, make_backup=False)
    before = county.db.execute("SELECT COUNT(*) FROM progress").fetchone()
    problems = county.db.execute("SELECT COUNT(*) FROM problems").fetchone()
    apply_plan(county, plan, make_backup=False)
    assert county.db.execute("SELECT COUNT(*) FROM progress").fetchone() == before
    assert county.db.execute("SELECT COUNT(*) FROM problems").fetchone() == problems
    wb.save(path)  # saved again by Excel: other bytes, so the plan is out of date
    ws.cell(first, COL["tax_wan"], 13)
    wb.save(path)
    with pytest.raises(Exception, match="读入后被修改过"):
        apply_plan(county, plan, make_backup=False)


def test_a_retyped_project_is_the_stored_deal(county: Portfolio, tmp_path: Path) -> None:
    """A unit that retyped its list (hidden id column gone, a name with （一期）, the
    investor's legal form changed) still reports on the stored deal, as the importer would
    recognise it; a row that names no stored deal is a new project."""
    rnd, files = _make(county, tmp_path)
    wb = load_workbook(files[rnd.targets[0]])
    ws = wb.active
    rows = _rows(ws)
    pid = next(p for p in rows if "有限公司" in ws.cell(rows[p], COL["investor"]).value)
    name = ws.cell(rows[pid], COL["name"]).value
    investor = ws.cell(rows[pid], COL["investor"]).value
    ws.cell(rows[pid], COL["name"], f"{name}（一期）")
    ws.cell(rows[pid], COL["investor"], investor.replace("有限公司", "股份有限公司"))
    ws.cell(rows[pid], COL["invested_wan"], 4321)
    ws.delete_cols(COL["project_id"])
    back = tmp_path / "retyped.xlsx"
    wb.save(back)

    plan = plan_return(county, back)
    (retyped,) = [p for p in plan.projects if p.value("invested_wan") == Decimal(4321)]
    assert retyped.project_id == pid and not retyped.is_new
    assert any("认定为台账中的" in n and "（一期）" in n for n in retyped.notes)
    assert not [p for p in plan.projects if p.is_new]
