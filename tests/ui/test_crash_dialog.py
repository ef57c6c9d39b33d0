"""ui.crash_dialog: an unexpected error is logged and explained; a clerk's error is shown."""

from __future__ import annotations

import logging
import sys

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton

from tracker.errors import TrackerError
from ui.crash_dialog import CrashDialog, handle_exception


def raised(exc: BaseException):
    try:
        raise exc
    except BaseException:
        return sys.exc_info()


def test_a_bug_is_logged_and_shown_with_copyable_details(qtbot, tmp_path, caplog):
    log_file = tmp_path / "logs" / "tracker.log"
    with caplog.at_level(logging.CRITICAL):
        dialog = handle_exception(*raised(RuntimeError("磁盘被拔出")), log_file)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, CrashDialog)
    assert "RuntimeError: 磁盘被拔出" in dialog.details and "Traceback" in dialog.details
    assert any("磁盘被拔出" in r.getMessage() for r in caplog.records)
    labels = " ".join(
        w.text() for w in dialog.findChildren(type(dialog.children()[0])) if hasattr(w, "text")
    )
    assert str(log_file) in labels and "意外错误" in labels
    dialog.findChild(QPushButton, "copy_error").click()
    assert "磁盘被拔出" in QGuiApplication.clipboard().text()


def test_a_clerks_error_shows_its_message(qtbot, tmp_path):
    box = handle_exception(*raised(TrackerError("找不到编号为 7 的项目。")), tmp_path / "x.log")
    qtbot.addWidget(box)
    assert isinstance(box, QMessageBox) and box.text() == "找不到编号为 7 的项目。"


def test_deleting_a_project_already_gone_says_so(qtbot, window, monkeypatch):
    """A TrackerError raised in a UI-thread slot reaches the clerk as a message."""
    from tracker.ledger.portfolio import Portfolio

    pid = window.model.project_id(0)
    other = Portfolio.open(window.db_path, auto_backup=False)  # another window deletes it
    other.delete_project(pid)
    other.close()
    monkeypatch.setattr(window.ledger, "selected_project_id", lambda: pid)
    window.delete_selected()
    box = window.findChild(QMessageBox, "task_error")
    assert box is not None and str(pid) in box.text()
