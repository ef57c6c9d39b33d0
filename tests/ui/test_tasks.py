"""ui.tasks: results, progress, cancel and errors arrive in the UI thread by signal."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton, QWidget

from tracker.errors import Cancelled, TrackerError
from tracker.ledger.portfolio import Portfolio
from ui import tasks
from ui.tasks import run_task


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_result_comes_back_from_a_worker_thread(qtbot, parent):
    main_thread = threading.get_ident()
    seen: list[object] = []

    def work(ctx):
        return threading.get_ident()

    task = run_task(parent, "t", work, on_done=seen.append, show_progress=False)
    with qtbot.waitSignal(task.finished, timeout=5000) as blocker:
        pass
    assert blocker.args[0] != main_thread
    assert seen == [blocker.args[0]]
    assert task not in tasks.running_tasks()


def test_worker_opens_its_own_portfolio(qtbot, parent, tmp_db):
    Portfolio.open(tmp_db).close()

    def work(ctx):
        pf = ctx.portfolio()
        pid = pf.add_project(
            {
                "name": "测试项目",
                "investor": "某公司",
                "sign_date": "2024-05-01",
                "signed_amount_wan": "100",
            }
        )
        return pid, threading.get_ident()

    task = run_task(parent, "t", work, db_path=tmp_db, show_progress=False)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    pid, _ = task.result
    pf = Portfolio.open(tmp_db, auto_backup=False)
    assert pf.get_project(pid).name == "测试项目"
    pf.close()


def test_progress_dialog_appears_and_cancel_stops_the_worker(qtbot, parent):
    started = threading.Event()

    def work(ctx):
        for i in range(1000):
            ctx.progress(i, 1000, f"第 {i} 行")
            started.set()
            if ctx.cancelled():
                raise Cancelled()
            time.sleep(0.01)
        return "done"

    done: list[object] = []
    task = run_task(parent, "Long job", work, on_done=done.append)
    qtbot.waitUntil(
        lambda: parent.findChild(QProgressDialog, "task_progress") is not None, timeout=3000
    )
    dialog = parent.findChild(QProgressDialog, "task_progress")
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.value() > 0, timeout=3000)
    assert dialog.maximum() == 1000
    with qtbot.waitSignal(task.cancelled, timeout=5000):
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    assert done == []
    assert task.outcome == "cancelled"
    qtbot.waitUntil(lambda: parent.findChild(QProgressDialog, "task_progress") is None)


def test_quick_task_shows_no_dialog(qtbot, parent):
    task = run_task(parent, "quick", lambda ctx: 1)
    with qtbot.waitSignal(task.finished, timeout=5000):
        pass
    qtbot.wait(tasks.SHOW_DIALOG_AFTER_MS + 50)
    assert parent.findChild(QProgressDialog, "task_progress") is None


def test_error_goes_to_on_error(qtbot, parent):
    errors: list[BaseException] = []

    def work(ctx):
        raise TrackerError("文件已加密")

    task = run_task(parent, "t", work, on_error=errors.append, show_progress=False)
    with qtbot.waitSignal(task.failed, timeout=5000):
        pass
    assert isinstance(errors[0], TrackerError) and errors[0].message == "文件已加密"


def test_default_error_box_shows_the_chinese_message(qtbot, parent):
    def work(ctx):
        raise TrackerError("第 3 行：签约日期格式不对")

    task = run_task(parent, "t", work, show_progress=False)
    with qtbot.waitSignal(task.failed, timeout=5000):
        pass
    box = parent.findChild(QMessageBox, "task_error")
    assert box is not None and box.isVisible()
    assert "签约日期格式不对" in box.text()
    box.close()


def test_bug_in_worker_is_reported_with_traceback(qtbot, parent):
    def work(ctx):
        return 1 / 0

    task = run_task(parent, "t", work, show_progress=False)
    with qtbot.waitSignal(task.failed, timeout=5000):
        pass
    assert isinstance(task.error, ZeroDivisionError)
    box = parent.findChild(QMessageBox, "task_error")
    assert "ZeroDivisionError" in box.detailedText()
    box.close()


def test_outcome_after_parent_is_gone_does_not_crash(qtbot):
    widget = QWidget()
    gate = threading.Event()

    def work(ctx):
        gate.wait(5)
        raise TrackerError("late")

    task = run_task(widget, "t", work, show_progress=False)
    widget.deleteLater()
    QApplication.processEvents()
    with qtbot.waitSignal(task.failed, timeout=5000):
        gate.set()
    box = QApplication.activeModalWidget()
    if box is not None:
        box.close()
    for w in QApplication.topLevelWidgets():
        if w.objectName() == "task_error":
            w.close()
