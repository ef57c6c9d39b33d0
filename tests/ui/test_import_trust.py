"""The import the clerk can trust, in the app: the duplicates page shows old → new with a
choice per project, the plan's as-of date can be changed, the finished page lists the
conflicts and closes with 完成; the 导入记录 window lists batches and undoes one keeping a
hand edit; the change history names the batch; 设置 → 名录 merges two spellings."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QMenu,
    QTabWidget,
    QWizard,
)

from tests.helpers.ledgers import run_cli, write_xlsx
from tracker.importing import session
from tracker.ledger import name_lists
from tracker.ledger.portfolio import Portfolio
from ui import tasks
from ui.import_duplicates import CHOICE_COLUMN
from ui.import_history import ImportHistoryDialog
from ui.import_undo import UndoQuestion
from ui.import_wizard import DUPLICATES, MAPPING, PLAN, SUMMARY, ImportWizard
from ui.name_lists_tab import MergeQuestion
from ui.project_editor import ProjectEditor
from ui.settings_dialog import SettingsDialog

HEAD = [
    "项目名称",
    "投资主体",
    "签约时间",
    "签约金额（万元）",
    "责任单位",
    "包抓领导",
    "累计到位资金（万元）",
]
FIRST = [
    ["康泰生物制剂生产基地", "康泰医药集团", "2023-06-20", 8000, "县经信局", None, None],
    [
        "青山茶叶精深加工项目",
        "青山农业开发有限公司",
        "2023-05-09",
        3000,
        "县农业农村局",
        "王建国",
        100,
    ],
    [
        "宏达新材料扩建项目",
        "宏达新材料股份有限公司",
        "2023-07-01",
        5000,
        "县发改局",
        "李明华",
        None,
    ],
]
SECOND = [  # a year later: amounts, a date, a unit's spelling and a leader differ
    [*FIRST[0][:2], "2023-11-10", 120000, "县经济和信息化局", "张卫东", 900],
    [*FIRST[1][:3], 3500, *FIRST[1][4:]],
    FIRST[2],
    ["精益光源产业园项目", "浙江精益光源科技有限公司", "2024-03-15", 52000, "经信局", None, None],
]
PNG_DIR = Path(os.environ.get("TRACKER_PNG_DIR", "")) if os.environ.get("TRACKER_PNG_DIR") else None


def shot(widget, tmp_path: Path, name: str) -> None:
    """Save what the clerk sees (to TRACKER_PNG_DIR when set, for looking at by eye)."""
    folder = PNG_DIR or tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(folder / name))


@pytest.fixture
def db(tmp_db: Path, tmp_path: Path) -> Path:
    first = write_xlsx(tmp_path / "2023年台账.xlsx", {"S": [["截至2023年12月31日"], HEAD, *FIRST]})
    assert run_cli(tmp_db, "import", str(first), "--json")[0] == 0
    return tmp_db


def second_file(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "2024年1-6月台账.xlsx", {"S": [HEAD, *SECOND]})


def to_page(qtbot, wizard: ImportWizard, page: int) -> None:
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == page, timeout=15000)


def test_duplicates_page_shows_old_to_new_and_a_choice_per_project(
    qtbot, db: Path, tmp_path: Path
) -> None:
    wizard = ImportWizard(None, db, [second_file(tmp_path)])
    qtbot.addWidget(wizard)
    wizard.resize(1366, 740)
    wizard.show()
    to_page(qtbot, wizard, MAPPING)
    to_page(qtbot, wizard, PLAN)
    (plan,) = wizard.state.plans
    assert plan.as_of is not None and plan.as_of.value == "2024-06-30"  # from the file name
    (edit,) = wizard.plan_page.as_of_edits.values()
    assert edit.text() == "2024-06-30"
    edit.setText("2024-05-31")  # the clerk knows better
    edit.editingFinished.emit()
    qtbot.waitUntil(lambda: wizard.state.plans[0].as_of.value == "2024-05-31", timeout=10000)
    assert wizard.plan_page.as_of_edits[plan.file].text() == "2024-05-31"
    shot(wizard, tmp_path, "plan_page.png")

    to_page(qtbot, wizard, DUPLICATES)
    page = wizard.duplicates_page
    assert page.radios["fill"].isChecked()  # the safe default
    model = page.model
    lines = {
        (model.index(r, 2).data(), model.index(r, 3).data()): r for r in range(model.rowCount())
    }
    amount = lines[("签约总投资（万元）", "8,000.00")]
    assert model.index(amount, 4).data() == "120,000.00"
    assert model.index(amount, 5).data() == "冲突，保留库中"
    leader = lines[("包抓领导", "（空）")]
    assert model.index(leader, 4).data() == "张卫东" and model.index(leader, 5).data() == "补全"
    figure = next(r for (label, _old), r in lines.items() if label.startswith("累计到位资金"))
    assert "2024-05-31" in model.index(figure, 2).data()
    assert model.index(figure, 5).data().startswith("补充")  # a new dated figure
    assert model.index(0, 0).data() == "康泰生物制剂生产基地（1）"
    assert "有冲突" in page.info.text() or "conflicts" in page.info.text()
    shot(wizard, tmp_path, "duplicates_page.png")

    # this one project takes the file's values (chosen from the keyboard: F2 opens the
    # drop-down); the other conflicted one keeps the ledger's
    first_line = model.index(0, CHOICE_COLUMN)
    assert not model.flags(model.index(1, CHOICE_COLUMN)) & Qt.ItemFlag.ItemIsEditable
    page.view.setFocus()
    page.view.setCurrentIndex(first_line)
    qtbot.keyClick(page.view, Qt.Key.Key_F2)
    combo = page.view.findChild(QComboBox, "row_choice")
    assert combo is not None and combo.count() == 4  # as above + fill / update / skip
    combo.setCurrentIndex(combo.findData("update"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.index(amount, 5).data() == "更新为表中", timeout=3000)
    assert model.index(0, CHOICE_COLUMN).data().startswith("用表中的内容更新")
    tea = next(r for r in range(model.rowCount()) if model.index(r, 0).data().startswith("青山"))
    assert model.index(tea, 5).data() == "冲突，保留库中"
    page.only_conflicts.setChecked(True)
    assert {model.index(r, 0).data() for r in range(model.rowCount())} - {""} == {
        "青山茶叶精深加工项目（2）"
    }
    page.only_conflicts.setChecked(False)

    to_page(qtbot, wizard, SUMMARY)
    p = Portfolio.open(db, auto_backup=False)
    try:
        rows = {r["name"]: r for r in p.list_rows()}
    finally:
        p.close()
    assert str(rows["康泰生物制剂生产基地"]["signed_amount_wan"]) == "120000"
    assert str(rows["青山茶叶精深加工项目"]["signed_amount_wan"]) == "3000"
    assert "精益光源产业园项目" in rows
    summary = wizard.summary_page
    assert summary.conflicts.rowCount() == 1 and summary.conflicts_view.isVisibleTo(summary)
    assert summary.conflicts.index(0, 4).data() == "3,000.00"
    assert "2024-05-31" in summary.label.text()
    # the last page only closes: 完成, no 取消
    assert wizard.button(QWizard.WizardButton.FinishButton).text().startswith("完成")
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    shot(wizard, tmp_path, "import_finished.png")


def test_history_window_undoes_a_batch_keeping_a_hand_edit(
    qtbot, db: Path, tmp_path: Path, monkeypatch
) -> None:
    code, second, _ = run_cli(db, "import", str(second_file(tmp_path)), "--json")
    p = Portfolio.open(db, auto_backup=False)
    try:
        new_id = next(r["id"] for r in p.list_rows() if r["name"] == "精益光源产业园项目")
        p.edit_project(new_id, {"leader": "王建国"})  # a project the batch created, edited since
        p.edit_project(1, {"leader": "赵敏"})  # a field the batch filled, changed since
    finally:
        p.close()
    dialog = ImportHistoryDialog(db)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 700)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10000)
    model = dialog.model
    assert model.index(0, 0).data() == str(second["batch_id"])
    assert model.index(0, 3).data() == "2024年1-6月台账.xlsx"
    assert [model.index(0, c).data() for c in range(5, 10)] == ["1", "0", "1", "2", "0"]
    assert model.index(0, 10).data() == "2024-06-30"
    qtbot.waitUntil(lambda: dialog.conflicts.rowCount() == 4, timeout=10000)
    assert "冲突" in dialog.conflicts_label.text()
    shot(dialog, tmp_path, "import_history.png")

    out = tmp_path / "冲突.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog.export_button.click()
    qtbot.waitUntil(out.exists, timeout=10000)

    # the question the clerk gets: the projects touched since, and keep-or-cancel
    p = Portfolio.open(db, auto_backup=False)
    try:
        reviews = session.review_batches(p, [second["batch_id"]])
    finally:
        p.close()
    box, go, keeps = UndoQuestion.build(dialog, reviews)
    qtbot.addWidget(box)
    assert keeps and go.text().startswith("保留后来的修改")
    assert "精益光源产业园项目" in box.informativeText() and "包抓领导" in box.informativeText()
    box.show()
    shot(box, tmp_path, "undo_question.png")
    box.close()

    asked = []

    def keep(cls, parent, reviews):
        asked.append([p.name for r in reviews for p in (*r.edited_projects, *r.kept_fields)])
        return True  # keep the later edits

    monkeypatch.setattr(UndoQuestion, "ask", classmethod(keep))
    dialog.undo_button.click()
    qtbot.waitUntil(lambda: dialog.changed, timeout=10000)
    assert sorted(asked[0]) == ["康泰生物制剂生产基地", "精益光源产业园项目"]
    qtbot.waitUntil(lambda: bool(model.items and model.items[0].undone_at), timeout=10000)
    assert "撤销" in model.index(0, 11).data() and model.index(1, 11).data() == "可撤销"
    assert not dialog.undo_button.isEnabled()
    p = Portfolio.open(db, auto_backup=False)
    try:
        rows = {r["name"]: r for r in p.list_rows()}
    finally:
        p.close()
    assert rows["康泰生物制剂生产基地"]["leader"] == "赵敏"  # the hand edit stays
    assert rows["精益光源产业园项目"]["leader"] == "王建国"  # worked on since: kept
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close).click()


def test_change_history_names_the_batch(qtbot, db: Path) -> None:
    p = Portfolio.open(db, auto_backup=False)
    try:
        editor = ProjectEditor(p, 1)
        qtbot.addWidget(editor)
        rows = editor.audit.texts()
        assert rows[-1][2] == "导入：2023年台账.xlsx（批次 1）" and rows[-1][4] == "新增"
        editor.close()
    finally:
        p.close()


def test_lists_tab_proposes_and_merges_spellings(
    qtbot, db: Path, tmp_path: Path, monkeypatch
) -> None:
    run_cli(db, "import", str(second_file(tmp_path)), "--on-duplicate", "update", "--json")
    p = Portfolio.open(db, auto_backup=False)
    try:
        dialog = SettingsDialog(p)
        qtbot.addWidget(dialog)
        dialog.show()
        tab = dialog.lists_tab
        qtbot.waitUntil(lambda: tab.proposals.rowCount() > 0, timeout=10000)
        pairs = {
            (tab.proposals.items[r].keep, tab.proposals.items[r].drop)
            for r in range(tab.proposals.rowCount())
        }
        assert any({"县经信局", "经信局"} == set(pair) for pair in pairs)
        dialog.findChild(QTabWidget, "settings_tabs").setCurrentWidget(tab)
        shot(dialog, tmp_path, "settings_lists.png")
        monkeypatch.setattr(MergeQuestion, "ask", classmethod(lambda cls, *a: True))
        index = tab.list_combo.findData("units")
        tab.list_combo.setCurrentIndex(index)
        tab.merge("units", "经信局", "县经信局")
        qtbot.waitUntil(lambda: dialog.merged, timeout=10000)
        assert "经信局" not in tab.edits["units"].toPlainText().splitlines()
        assert {r["unit"] for r in p.list_rows()} >= {"县经信局"}
        assert "经信局" not in {r["unit"] for r in p.list_rows()}
        dialog.reject()
    finally:
        p.close()


def test_lists_read_after_the_dialog_closed_are_dropped(qtbot, db: Path, monkeypatch) -> None:
    """Closing 设置 while its lists are still being read: the late result finds no table
    and is dropped, instead of an error from a deleted widget."""
    gate = threading.Event()
    entries = name_lists.entries

    def slow_entries(pf):
        gate.wait(5)
        return entries(pf)

    monkeypatch.setattr(name_lists, "entries", slow_entries)
    p = Portfolio.open(db, auto_backup=False)
    try:
        dialog = SettingsDialog(p)
        dialog.show()
        (task,) = [
            t for t in tasks.running_tasks() if t.title == dialog.lists_tab.tr("Reading the lists")
        ]
        dialog.deleteLater()
        qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=5000)
        with qtbot.waitSignal(task.finished, timeout=5000):
            gate.set()
        assert task.error is None
    finally:
        gate.set()
        p.close()


def test_tools_menu_opens_the_import_history(window, monkeypatch) -> None:
    opened = []
    monkeypatch.setattr(
        ImportHistoryDialog,
        "run",
        classmethod(lambda cls, parent, db, read_only=False: opened.append((db, read_only))),
    )
    (tools,) = [m for m in window.findChildren(QMenu) if "工具" in m.title()]
    (action,) = [a for a in tools.actions() if a.objectName() == "action_import_history"]
    assert action.text().startswith("导入记录")
    action.trigger()
    assert opened == [(window.db_path, False)]
