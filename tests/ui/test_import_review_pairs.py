"""A row that may be a stored project, typed otherwise, waits on the duplicates page side
by side with the stored one; 是同一项目 makes it a match, 不是 a new project."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMenu

from tests.helpers.ledgers import run_cli, write_xlsx
from tests.ui.test_import_trust import shot, to_page
from ui.duplicate_projects import DuplicateProjectsDialog
from ui.import_wizard import DUPLICATES, MAPPING, PLAN, ImportWizard

HEAD = ["项目名称", "投资主体", "签约时间", "签约金额（万元）", "落地乡镇"]
STORED = [
    ["恒通轴承生产基地项目", "浙江恒通轴承有限公司", "2022-08-05", 50000, "高新园区"],
    ["绿色数据中心生产基地项目", "上海绿色数据有限公司", "2021-04-26", 35000, "青山镇"],
]
NEXT_YEAR = [
    ["恒通轴承生产基地项目", "恒通轴承有限公司", "2023-03-01", 9000, "高新园区"],  # may be
    ["绿色数据中心基地项目（一期）", "绿色数据科技有限公司", "2021-04-26", 35000, "青山镇"],
]


def test_review_pair_side_by_side_and_answered(qtbot, tmp_db: Path, tmp_path: Path) -> None:
    first = write_xlsx(tmp_path / "2022年台账.xlsx", {"S": [HEAD, *STORED]})
    assert run_cli(tmp_db, "import", str(first), "--json")[0] == 0
    second = write_xlsx(tmp_path / "2023年台账.xlsx", {"S": [HEAD, *NEXT_YEAR]})
    wizard = ImportWizard(None, tmp_db, [second])
    qtbot.addWidget(wizard)
    wizard.resize(1366, 740)
    wizard.show()
    to_page(qtbot, wizard, MAPPING)
    to_page(qtbot, wizard, PLAN)
    assert "1 行可能是库中已有项目" in wizard.plan_page.summary.text()
    to_page(qtbot, wizard, DUPLICATES)
    box = wizard.duplicates_page.review
    assert box.isVisible() and box.model.rowCount() == 1
    stored, incoming = (box.model.index(0, c).data() for c in (0, 1))
    assert "浙江恒通轴承有限公司" in stored and "50,000.00 万元" in stored
    assert "恒通轴承有限公司" in incoming and "2023-03-01" in incoming
    assert "未确认" in box.model.index(0, 3).data() or "not" in box.model.index(0, 3).data()
    shot(wizard, tmp_path, "review_pair.png")
    (plan,) = wizard.state.plans
    (row,) = plan.review_rows()
    assert row.action == "skip"
    box.same.click()
    assert row.matched and row.project_id == 1
    assert any(line.row is row for line in wizard.duplicates_page.model.items)
    box.view.selectRow(0)
    box.different.click()
    assert row.action == "create" and row.project_id is None
    matched = [r for r in plan.matched_rows() if r.retyped]
    assert len(matched) == 1 and "（一期）" in matched[0].match_reasons


def test_duplicates_dialog_merges_a_pair(qtbot, tmp_db: Path, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from tracker.ledger.portfolio import Portfolio
    from ui.duplicate_projects import DuplicateProjectsDialog

    p = Portfolio.open(tmp_db, auto_backup=False)
    for name, investor, day, amount, town in (STORED[1], NEXT_YEAR[1], STORED[0]):
        p.add_project(
            dict(
                name=name, investor=investor, sign_date=day, signed_amount_wan=amount, location=town
            )
        )
    p.add_visit(2, date="2022-01-05", visitor="王建国", content="走访")
    p.close()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog = DuplicateProjectsDialog(tmp_db)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 700)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.pairs.rowCount() == 1, timeout=10000)
    qtbot.waitUntil(lambda: dialog.conflicts.rowCount() == 2, timeout=10000)  # name, investor
    assert "（一期）" in dialog.pairs.index(0, 2).data()
    dialog.swap_button.click()  # keep No. 2 ... and back to No. 1
    assert dialog.pairs.items[0].first["id"] == 2
    dialog.swap_button.click()
    qtbot.waitUntil(lambda: dialog.conflicts.rowCount() == 2, timeout=10000)
    investor = next(r for r in range(2) if dialog.conflicts.items[r]["field"] == "investor")
    dialog.conflicts.setData(
        dialog.conflicts.index(investor, 3),
        Qt.CheckState.Checked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    shot(dialog, tmp_path, "duplicate_projects.png")
    dialog.merge_button.click()
    qtbot.waitUntil(lambda: dialog.changed and dialog.pairs.rowCount() == 0, timeout=10000)
    p = Portfolio.open(tmp_db, auto_backup=False)
    kept = p.get_project(1)
    assert (
        p.project_count() == 2 and kept.investor == "绿色数据科技有限公司" and len(kept.visits) == 1
    )
    p.close()


def test_tools_menu_opens_the_duplicates_window(window, monkeypatch) -> None:
    opened = []
    monkeypatch.setattr(
        DuplicateProjectsDialog,
        "run",
        classmethod(lambda cls, parent, db, read_only=False: opened.append((db, read_only))),
    )
    (tools,) = [m for m in window.findChildren(QMenu) if "工具" in m.title()]
    (action,) = [a for a in tools.actions() if a.objectName() == "action_duplicates"]
    assert action.text().startswith("疑似重复项目")
    action.trigger()
    assert opened == [(window.db_path, False)]
