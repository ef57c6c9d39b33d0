"""The import wizard end to end on a generated ledger: files -> mapping -> plan -> import ->
undo, plus the password step and exporting rejected rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtWidgets import QFileDialog

from tracker.ledger.portfolio import Portfolio
from ui.import_undo import UndoQuestion
from ui.import_wizard import MAPPING, PASSWORD, PLAN, SUMMARY, ImportWizard


def make_ledger(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "签约项目"
    rows = [
        ["2023年签约项目推进情况表"],
        ["单位：万元"],
        ["序号", "项目名称", "投资主体", "签约时间", "签约金额", "项目进展", "甲方意见"],
        [
            1,
            "绿色生物制剂生产基地项目",
            "广东绿色生物有限公司",
            date(2023, 2, 9),
            6250.5,
            "已开工",
            "县商务局",
        ],
        [
            2,
            "明辉锂电池隔膜生产基地项目",
            "福建明辉锂电有限公司",
            "2023.7.12",
            "120,000",
            "已注册",
            "县经信局",
        ],
        [3, "坏金额项目", "某公司", "2023-01-01", "约五千万", "已签约", "县发改局"],
        [None, "合计", None, None, 126250.5],
    ]
    for row in rows:
        ws.append(row)
    ws.merge_cells("A1:G1")
    wb.save(path)
    return path


def count(db: Path) -> int:
    p = Portfolio.open(db, auto_backup=False)
    try:
        return p.project_count()
    finally:
        p.close()


@pytest.fixture
def db(tmp_db: Path) -> Path:
    Portfolio.open(tmp_db).close()
    return tmp_db


def wait_page(qtbot, wizard: ImportWizard, page: int) -> None:
    qtbot.waitUntil(lambda: wizard.currentId() == page, timeout=15000)


def test_wizard_end_to_end_with_undo(qtbot, db: Path, tmp_path: Path, monkeypatch) -> None:
    ledger = make_ledger(tmp_path / "2023年台账.xlsx")
    wizard = ImportWizard(None, db, [ledger])
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wait_page(qtbot, wizard, MAPPING)
    page = wizard.mapping_page
    preview = page.preview
    assert preview.kind(2) == "header" and preview.kind(0) == "title"
    assert preview.kind(6) == "total"
    table = page.current()[1]
    headers = [c.header for c in table.columns]
    # "甲方意见" names no field, but its values are units: chosen from content, marked unsure
    assert headers[-1] == "甲方意见" and page.combos[-1].currentData() == "unit"
    assert not table.columns[-1].confident and "按内容推断" in table.columns[-1].reason
    assert page.mapping.item(len(headers) - 1, 2).text() == table.columns[-1].reason
    assert "确认" in page.legend.text() or "confirm" in page.legend.text()
    page.combos[-1].setCurrentIndex(0)  # the clerk corrects it: not imported …
    assert table.column_for("unit") is None
    page.combos[-1].setCurrentIndex(page.combos[-1].findData("unit"))  # … then, after all, unit
    assert table.column_for("unit") is not None and table.columns[-1].confident
    wizard.grab().save(str(tmp_path / "mapping.png"))

    wizard.next()
    wait_page(qtbot, wizard, PLAN)
    plan_model = wizard.plan_page.model
    assert plan_model.rowCount() == 3
    amount = plan_model.FIELDS.index("signed_amount_wan")
    assert plan_model.index(1, amount).data() == "120,000.00"  # money shown as in the ledger
    wizard.plan_page.filter.setCurrentIndex(wizard.plan_page.filter.findData("reject"))
    assert plan_model.rowCount() == 1 and "金额" in plan_model.rows[0].errors[0]
    assert count(db) == 0, "the plan is a dry run"

    wizard.next()  # nothing stored yet: no duplicates page, straight to the import
    wait_page(qtbot, wizard, SUMMARY)
    assert count(db) == 2 and wizard.state.batch_ids
    p = Portfolio.open(db, auto_backup=False)
    try:
        assert {r["unit"] for r in p.list_rows()} == {"县商务局", "县经信局"}
    finally:
        p.close()

    out = tmp_path / "errors.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "Excel (*.xlsx)")
    )
    wizard.summary_page.errors_button.click()
    qtbot.waitUntil(lambda: wizard.task is not None and wizard.task.done, timeout=10000)
    assert load_workbook(out)["签约项目"]["C2"].value == "坏金额项目"

    asked = []
    monkeypatch.setattr(UndoQuestion, "ask", classmethod(lambda cls, parent, r: asked.append(r)))
    wizard.summary_page.undo_button.click()  # asked first; None: the clerk cancels
    qtbot.waitUntil(lambda: bool(asked), timeout=10000)
    assert count(db) == 2 and not wizard.state.undone
    monkeypatch.setattr(UndoQuestion, "ask", classmethod(lambda cls, parent, r: False))
    wizard.summary_page.undo_button.click()
    qtbot.waitUntil(lambda: wizard.state.undone, timeout=10000)
    assert count(db) == 0
    assert not wizard.summary_page.undo_button.isEnabled()


def test_wizard_asks_for_password(qtbot, db: Path, tmp_path: Path) -> None:
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = make_ledger(tmp_path / "plain.xlsx")
    locked = tmp_path / "加密.xlsx"
    with open(plain, "rb") as src, open(locked, "wb") as out:
        OOXMLFile(src).encrypt("1234", out)
    wizard = ImportWizard(None, db, [locked])
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    wait_page(qtbot, wizard, PASSWORD)
    (edit,) = wizard.password_page.edits.values()
    edit.setText("wrong")
    wizard.next()
    qtbot.waitUntil(
        lambda: "1234" not in edit.text() and wizard.password_page.message.text() != "",
        timeout=10000,
    )
    assert wizard.currentId() == PASSWORD
    edit.setText("1234")
    wizard.next()
    wait_page(qtbot, wizard, MAPPING)
    assert len(wizard.mapping_page.current()[1].data_rows()) == 3


def test_closing_while_reading_waits_for_the_work(qtbot, db: Path, tmp_path: Path) -> None:
    ledger = make_ledger(tmp_path / "a.xlsx")
    wizard = ImportWizard(None, db, [ledger])
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()  # starts reading in the background
    task = wizard.task
    assert task is not None
    wizard.reject()
    qtbot.waitUntil(lambda: task.done and not wizard.isVisible(), timeout=10000)
    assert count(db) == 0
