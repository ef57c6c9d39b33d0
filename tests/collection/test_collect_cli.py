"""``collect make / read / status`` on the command line, and their Chinese refusals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from tests.helpers.ledgers import run_cli
from tracker.collection.columns import COLUMNS
from tracker.collection.send import HEADER_ROW
from tracker.ledger.demo import fill_demo
from tracker.ledger.portfolio import Portfolio

COL = {c.key: i for i, c in enumerate(COLUMNS, 1)}


def test_make_read_status(tmp_db: Path, tmp_path: Path) -> None:
    p = Portfolio.open(tmp_db, auto_backup=False)
    fill_demo(p, 30, seed=2, today=date(2026, 6, 1))
    p.close()
    code, made, err = run_cli(
        tmp_db, "collect", "make", "--as-of", "2026-06-30", "--deadline", "2026-07-10",
        "--by", "town", "--out", str(tmp_path / "out"), "--json",
    )  # fmt: skip
    assert code == 0, err
    assert made["by"] == "town" and len(made["files"]) == len(made["targets"])
    first = Path(made["files"][0]["file"])
    wb = load_workbook(first)
    ws = wb.active
    ws.cell(HEADER_ROW + 1, COL["note"], "已完成土建")
    wb.save(first)

    code, plans, err = run_cli(tmp_db, "collect", "read", str(first), "--dry-run", "--json")
    assert code == 0, err
    [plan] = plans
    assert plan["summary"]["update"] == 1 and "batch_id" not in plan
    code, text, err = run_cli(tmp_db, "collect", "read", str(first))
    assert code == 0, err
    assert "本期进展情况：空 → 已完成土建" in text and "undo-import" in text

    code, status, err = run_cli(tmp_db, "collect", "status", "--json")
    assert code == 0, err
    assert status["returned"] == 1
    assert len(status["missing"]) == len(made["targets"]) - 1
    code, text, err = run_cli(tmp_db, "collect", "status")
    assert "尚未报回的单位" in text and "已报回" in text


def test_refusals_are_chinese(tmp_db: Path, tmp_path: Path) -> None:
    Portfolio.open(tmp_db, auto_backup=False).close()
    code, _, err = run_cli(tmp_db, "collect", "status")
    assert code == 2 and "还没有进度收集轮次" in err
    code, _, err = run_cli(
        tmp_db, "collect", "make", "--as-of", "2026-6-31", "--out", str(tmp_path)
    )
    assert code == 2 and "统计截至日期" in err
    not_ours = tmp_path / "x.xlsx"
    from openpyxl import Workbook

    Workbook().save(not_ours)
    code, _, err = run_cli(tmp_db, "collect", "read", str(not_ours))
    assert code == 2 and "不像是进度收集的填报表" in err
