"""工具 → 进度收集: a returned file dropped in shows old → new per project, flagged ones
unticked; 写入 stores it and the status tab says who is still missing."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt

from tests.helpers.drops import file_drop
from tracker.collection.columns import COLUMNS
from tracker.collection.rounds import create_round
from tracker.collection.send import HEADER_ROW, make_files
from tracker.collection.state import load_stored
from tracker.ledger.demo import fill_demo
from tracker.ledger.portfolio import Portfolio
from ui.collection_dialog import CollectionDialog
from ui.printing import print_to_pdf

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
        rest = list(rows.items())[4:]
        falling = next(
            (pid, r) for pid, r in rest if stored[pid].latest.get("funds_arrived_wan", (0, 0))[1]
        )
        ws.cell(falling[1], COL["funds_arrived_wan"], 1)
        approx = next((pid, r) for pid, r in rest if pid != falling[0])
        ws.cell(approx[1], COL["invested_wan"], "约3000万")
        ws.cell(approx[1], COL["problem"], "施工用电容量不足，需协调供电公司增容")
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
    assert len(firsts) == 6
    [flagged] = [line for line in firsts if line.project and line.project.flags]
    row = model.items.index(flagged)
    assert model.index(row, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    assert "小于上期" in model.index(row, 6).data()
    shown = [model.index(r, 5).data() for r in range(model.rowCount())]
    assert "3,000.00" in shown  # "约3000万", shown as the ledger shows money
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
    table = dialog.status_table()
    assert table is not None and len(table.rows) == len(dialog.status.targets)
    assert print_to_pdf(table, tmp_path / "status.pdf") >= 1
    assert flagged.project is not None and flagged.project.project_id is not None
    p = Portfolio.open(tmp_db, auto_backup=False)
    try:  # left unticked: its figure was not written
        latest = load_stored(p, [flagged.project.project_id])[flagged.project.project_id]
        assert latest.latest["funds_arrived_wan"][1] != 1
    finally:
        p.close()
    if PNG_DIR:
        dialog.tabs.setCurrentIndex(1)
        dialog.grab().save(str(PNG_DIR / "collection_status.png"))


def test_new_round_makes_the_workbooks(qtbot, monkeypatch, tmp_db: Path, tmp_path: Path) -> None:
    from PySide6.QtGui import QDesktopServices

    from ui.collection_round import NewRoundDialog, RoundChoice

    p = Portfolio.open(tmp_db, auto_backup=False)
    fill_demo(p, 20, seed=6, today=date(2026, 6, 1))
    p.close()
    # the dialog itself: both lists offered, every unit ticked
    probe = NewRoundDialog(
        {"unit": [("县经信局", 3)], "town": [("城关镇", 2), ("溪口镇", 1)]}, tmp_path
    )
    qtbot.addWidget(probe)
    assert probe.choice().targets == ["县经信局"]
    probe.by_town.setChecked(True)
    assert probe.choice().by == "town" and probe.choice().targets == ["城关镇", "溪口镇"]

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    monkeypatch.setattr(
        NewRoundDialog,
        "ask",
        classmethod(lambda cls, parent, targets_by, folder: RoundChoice(
            "2026-06-30", "2026-07-10", "town", [targets_by["town"][0][0]], tmp_path / "round"
        )),
    )  # fmt: skip
    dialog = CollectionDialog(tmp_db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.new_round()
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    made = list(Path(opened[0]).glob("*.xlsx"))
    assert len(made) == 1 and "截至2026-06-30" in opened[0]
    qtbot.waitUntil(lambda: dialog.round_box.count() == 1, timeout=10000)
    assert "2026-06-30" in dialog.round_box.currentText()


def test_a_returned_file_is_taken_in_any_format_the_importer_reads(
    qtbot, monkeypatch, tmp_db: Path, tmp_path: Path
) -> None:
    """A unit that saves its file as .xlsb, .csv or WPS .ett can drop it in: the window takes
    what the importer reads (and leaves a dropped picture alone)."""
    dialog = CollectionDialog(tmp_db)
    qtbot.addWidget(dialog)
    read: list[list[Path]] = []
    monkeypatch.setattr(dialog, "read_files", read.append)
    files = [tmp_path / n for n in ("a.xlsb", "b.csv", "c.ett", "d.png")]
    dialog.dropEvent(file_drop(files))
    assert read == [files[:3]]
