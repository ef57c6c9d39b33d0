"""工具 → 进度收集: a returned file dropped in shows old → new per project, flagged ones
unticked; 写入 stores it and the status tab says who is still missing."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from tracker.collection.columns import COLUMNS
from tracker.collection.rounds import create_round
from tracker.collection.send import HEADER_ROW, make_files
from tracker.collection.state import load_stored
from tracker.ledger.demo import fill_demo
from tracker.ledger.portfolio import Portfolio
from ui.collection_dialog import CollectionDialog

PNG_DIR = Path(os.environ["TRACKER_PNG_DIR"]) if os.environ.get("TRACKER_PNG_DIR") else None
COL = {c.key: i for i, c in enumerate(COLUMNS, 1)}


def _returned(tmp_db: Path, tmp_path: Path) -> Path:
    p = Portfolio.open(tmp_db, auto_backup=False)
    try:
        fill_demo(p, 40, seed=4, today=date(2026, 6, 1))
        rnd = create_round(p, "2026-06-30", "2026-07-10", "unit")
        path = max(make_files(p, rnd, tmp_path / "out"), key=lambda s: s.projects).path
        wb = load_workbook(path)
        ws = wb.active
        rows = {
            ws.cell(r, 1).value: r
            for r in range(HEADER_ROW + 1, ws.max_row + 1)
            if isinstance(ws.cell(r, 1).value, int)
        }
        stored = load_stored(p, list(rows))
        for pid, r in list(rows.items())[:4]:
            funds = stored[pid].latest.get("funds_arrived_wan")
            new = (funds[1] + 500) if funds else 800
            ws.cell(r, COL["funds_arrived_wan"], float(new))
            ws.cell(r, COL["note"], "主体结构施工中")
        last = list(rows.items())[-1]
        funds = stored[last[0]].latest.get("funds_arrived_wan")
        ws.cell(last[1], COL["funds_arrived_wan"], 0 if funds and funds[1] else "约3000万")
        ws.cell(last[1], COL["problem"], "施工用电容量不足，需协调供电公司增容")
        wb.save(path)
        return path
    finally:
        p.close()


def test_drop_plan_write_status(qtbot, tmp_db: Path, tmp_path: Path) -> None:
    path = _returned(tmp_db, tmp_path)
    dialog = CollectionDialog(tmp_db)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 700)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.status_model.rowCount() > 0, timeout=10000)
    assert dialog.status_model.index(0, 2).data() in ("Not yet", "未报回")
    dialog.read_files([path])
    qtbot.waitUntil(lambda: dialog.plan_model.rowCount() > 0, timeout=10000)
    model = dialog.plan_model
    firsts = [line for line in model.items if line.first]
    assert len(firsts) == 5
    assert dialog.apply_button.isEnabled()
    if PNG_DIR:
        PNG_DIR.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(PNG_DIR / "collection_plan.png"))
    dialog.apply()
    qtbot.waitUntil(lambda: dialog.changed, timeout=10000)
    qtbot.waitUntil(
        lambda: (
            dialog.status is not None and len(dialog.status.missing) < len(dialog.status.targets)
        ),
        timeout=10000,
    )
    returned = [t for t in dialog.status.targets if t.returned]
    assert len(returned) == 1 and returned[0].updated >= 4
    assert "尚未报回" in dialog.reminder.toPlainText()
    if PNG_DIR:
        dialog.tabs.setCurrentIndex(1)
        dialog.grab().save(str(PNG_DIR / "collection_status.png"))
