"""The project editor, driven through its real widgets: create, validate, edit, cancel, save."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from tracker.domain.vocabulary import Stage, Status
from tracker.ledger.portfolio import Portfolio
from ui.project_editor import ProjectEditor


@pytest.fixture
def pf(sample_db):
    portfolio = Portfolio.open(sample_db, auto_backup=False)
    yield portfolio
    portfolio.close()


@pytest.fixture
def new_editor(qtbot, pf):
    editor = ProjectEditor(pf, None)
    qtbot.addWidget(editor)
    return editor


def fill(qtbot, widget, text: str) -> None:
    """Type like a clerk: focus, replace, leave the field (editingFinished runs)."""
    widget.setFocus()
    widget.clear()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)
    widget.editingFinished.emit()


def fill_required(qtbot, editor: ProjectEditor) -> None:
    inputs = editor.basic.inputs
    fill(qtbot, inputs["name"], "龙泉储能电站项目")
    fill(qtbot, inputs["investor"], "龙泉新能源有限公司")
    fill(qtbot, inputs["sign_date"], "2024.5.1")
    fill(qtbot, inputs["signed_amount_wan"], "1,200.5")


def test_creates_a_project_with_stages_progress_visit_and_problem(qtbot, new_editor, pf):
    editor = new_editor
    assert editor.objectName() == "project_editor"
    fill_required(qtbot, editor)
    assert editor.basic.inputs["sign_date"].text() == "2024-05-01"  # normalised as typed
    editor.basic.inputs["unit"].set_value("县商务局（新单位）")  # not in the list: accepted
    fill(qtbot, editor.stages.actual[Stage.REGISTERED], "2024年6月3日")
    fill(qtbot, editor.stages.planned[Stage.STARTED], "2024-09-01")
    p = editor.progress.inputs
    fill(qtbot, p["as_of"], "2024-07-01")
    fill(qtbot, p["funds_arrived_wan"], "300")
    assert editor.progress.add_from_form()
    v = editor.visits.inputs
    fill(qtbot, v["date"], "2024-07-02")
    fill(qtbot, v["visitor"], "招商一股")
    fill(qtbot, v["content"], "上门协调用电报装")
    assert editor.visits.add_from_form()
    pr = editor.problems.inputs
    fill(qtbot, pr["raised_date"], "2024-07-02")
    fill(qtbot, pr["description"], "专线供电尚未接入")
    pr["category"].set_value("用能")
    fill(qtbot, pr["deadline"], "2024-08-31")
    assert editor.problems.add_from_form()
    assert editor.is_dirty()
    assert pf.project_count() == 4  # nothing written before saving

    assert editor.save(), editor.banner.text()
    pid = editor.saved_id
    project = pf.get_project(pid)
    assert project.name == "龙泉储能电站项目"
    assert project.fields["signed_amount_wan"] == Decimal("1200.5")
    assert project.fields["unit"] == "县商务局（新单位）"
    assert project.stage is Stage.REGISTERED
    assert project.stage_dates[Stage.STARTED].planned == "2024-09-01"
    assert project.progress[0].funds_arrived_wan == Decimal(300)
    assert project.visits[0].content == "上门协调用电报装"
    assert project.problems[0].category == "用能"
    assert not editor.is_dirty()
    texts = editor.audit.texts()
    assert any(row[3] == "项目" and row[4] == "新增" and row[2] == "手工" for row in texts)
    assert any(
        row[3] == "进度节点" and row[5] == "注册·实际" and row[7] == "2024-06-03" for row in texts
    )
    assert any(row[3] == "企业诉求" for row in texts)
    # the unit typed here joins the list the drop-downs and filters offer
    assert "县商务局（新单位）" in pf.settings()["units"]


@pytest.mark.parametrize(
    ("field", "bad", "message"),
    [
        ("name", "", "项目名称"),
        ("investor", "", "投资主体"),
        ("sign_date", "", "签约日期"),
        ("sign_date", "2024.13.45", "日期"),
        ("signed_amount_wan", "", "必须大于 0"),
        ("signed_amount_wan", "0", "必须大于 0"),
        ("signed_amount_wan", "一千", "不是金额"),
    ],
)
def test_each_required_field_is_checked_at_the_field(qtbot, new_editor, pf, field, bad, message):
    editor = new_editor
    fill_required(qtbot, editor)
    fill(qtbot, editor.basic.inputs[field], bad)
    assert not editor.save()
    widget = editor.basic.inputs[field]
    assert widget.property("invalid") is True
    assert message in widget.toolTip()
    assert message in editor.banner.text() and editor.banner.isVisibleTo(editor)
    assert editor.tabs.currentWidget() is editor.basic
    assert pf.project_count() == 4
    fill_required(qtbot, editor)
    assert editor.save(), editor.banner.text()
    assert widget.property("invalid") is False
    assert pf.project_count() == 5


def test_nothing_is_saved_half(qtbot, pf):
    pid = pf.query_ids()[0]
    editor = ProjectEditor(pf, pid)
    qtbot.addWidget(editor)
    fill(qtbot, editor.basic.inputs["leader"].lineEdit(), "新领导")
    fill(qtbot, editor.visits.inputs["visitor"], "招商二股")  # no content: the core refuses it
    assert editor.visits.add_from_form()
    assert not editor.save()
    assert "服务内容" in editor.banner.text()
    assert editor.tabs.currentWidget() is editor.visits
    assert pf.get_project(pid).leader != "新领导"
    assert pf.get_project(pid).visits == []


def test_edit_then_ctrl_s_shows_in_change_history(qtbot, pf):
    pid = pf.query_ids()[0]
    before = pf.get_project(pid).fields["signed_amount_wan"]
    editor = ProjectEditor(pf, pid)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow, timeout=3000)
    fill(qtbot, editor.basic.inputs["signed_amount_wan"], "99999")
    editor.basic.inputs["signed_amount_wan"].setFocus()
    qtbot.keyClick(
        editor.basic.inputs["signed_amount_wan"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
    )
    qtbot.waitUntil(lambda: editor.saved_id == pid, timeout=3000)
    assert pf.get_project(pid).fields["signed_amount_wan"] == Decimal(99999)
    row = next(r for r in editor.audit.texts() if r[5] == "签约总投资（万元）")
    assert row[4] == "修改" and row[6] == format(before, "f") and row[7] == "99999"
    assert editor.isVisible()  # Ctrl+S saves and stays


def test_cancel_with_changes_asks_and_discards(qtbot, pf, monkeypatch):
    pid = pf.query_ids()[0]
    name = pf.get_project(pid).name
    editor = ProjectEditor(pf, pid)
    qtbot.addWidget(editor)
    fill(qtbot, editor.basic.inputs["name"], "改过的名字")
    asked: list[str] = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", answer)
    editor.show()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert asked and "未保存" in asked[0]
    assert editor.result() == QDialog.DialogCode.Rejected
    assert pf.get_project(pid).name == name


def test_cancel_prompt_can_keep_editing(qtbot, pf, monkeypatch):
    editor = ProjectEditor(pf, pf.query_ids()[0])
    qtbot.addWidget(editor)
    editor.show()
    fill(qtbot, editor.basic.inputs["contact"], "李经理")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    editor.reject()
    assert editor.isVisible()


def test_unchanged_editor_closes_without_asking(qtbot, pf, monkeypatch):
    editor = ProjectEditor(pf, pf.query_ids()[0])
    qtbot.addWidget(editor)
    editor.show()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked"))
    editor.reject()
    assert not editor.isVisible()


def test_terminate_needs_reason_then_reopen(qtbot, pf):
    pid = pf.query_ids()[0]
    editor = ProjectEditor(pf, pid)
    qtbot.addWidget(editor)
    editor.basic.terminate_button.click()
    assert editor.basic.status() is Status.TERMINATED
    assert editor.basic.status_date.text()  # today's date offered
    assert not editor.save()
    assert editor.basic.status_reason.property("invalid") is True
    assert "终止原因" in editor.banner.text()
    fill(qtbot, editor.basic.status_reason, "投资方战略调整")
    assert editor.save(), editor.banner.text()
    assert pf.get_project(pid).status is Status.TERMINATED
    editor.basic.reopen_button.click()
    assert editor.save()
    project = pf.get_project(pid)
    assert project.status is Status.ACTIVE and project.status_reason is None


def test_problem_status_change_and_resolution(qtbot, pf):
    pid = pf.query_ids()[0]
    problem = pf.add_problem(pid, "2024-01-05", "缺少技术工人", category="人才")
    editor = ProjectEditor(pf, pid)
    qtbot.addWidget(editor)
    tab = editor.problems
    tab.table.selectRow(0)
    tab.status_combo.setCurrentText("已解决")
    assert tab.stage_status()  # no result: the core refuses at save
    assert not editor.save()
    assert "办理结果" in editor.banner.text()
    tab.table.selectRow(0)
    tab.resolution.setText("联系县职教中心定向培训")
    assert tab.stage_status()
    assert editor.save(), editor.banner.text()
    saved = pf.get_project(pid).problems[0]
    assert saved.id == problem and saved.status == "已解决"
    assert saved.resolution == "联系县职教中心定向培训"


def test_stage_dates_out_of_order_are_warned(qtbot, new_editor):
    editor = new_editor
    fill_required(qtbot, editor)
    editor.stages.set_sign_date("2024-05-01")
    fill(qtbot, editor.stages.actual[Stage.REGISTERED], "2024-04-01")
    assert "早于签约" in editor.stages.order_warning.text()
    fill(qtbot, editor.stages.actual[Stage.REGISTERED], "2024-06-01")
    fill(qtbot, editor.stages.actual[Stage.STARTED], "2024-05-20")
    assert "开工日期（2024-05-20）早于注册" in editor.stages.order_warning.text()
    fill(qtbot, editor.stages.actual[Stage.STARTED], "not a date")
    assert not editor.save()
    assert editor.stages.actual[Stage.STARTED].property("invalid") is True
    assert editor.tabs.currentWidget() is editor.stages


def test_empty_dates_are_allowed(qtbot, new_editor, pf):
    fill_required(qtbot, new_editor)
    fill(qtbot, new_editor.stages.planned[Stage.STARTED], "")
    assert new_editor.save(), new_editor.banner.text()
    assert pf.get_project(new_editor.saved_id).stage_dates == {}
