"""The real app window: status bar, one window per database, menus, screenshot mode."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QTableView, QToolBar

from tests.helpers.drops import file_drop
from ui.db_files import DatabaseInUse, acquire_lock, recent_databases

ROOT = Path(__file__).resolve().parents[2]


def test_status_bar_counts(window):
    text = window.status_label.text()
    assert text == "共 4 个项目 · 签约总额 183,000.50 万元"


def test_main_widgets_are_named_and_translated(window):
    assert window.findChild(QTableView, "ledger_table").accessibleName() == "项目台账"
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["文件(&F)", "项目(&P)", "工具(&T)", "帮助(&H)"]
    toolbar = [a.text() for a in window.findChild(QToolBar, "main_toolbar").actions()]
    assert toolbar == ["新建项目(&N)", "导入(&I)…", "导出报表(&X)…", "备份(&B)", "设置(&S)…"]
    assert window.new_project_action.shortcut().toString() == "Ctrl+N"


def test_second_window_on_the_same_database_is_refused(window, sample_db):
    with pytest.raises(DatabaseInUse) as info:
        acquire_lock(sample_db)
    assert "已在另一个窗口中打开" in info.value.message
    window.close()
    acquire_lock(sample_db).unlock()  # released on close


def test_second_process_gets_a_clear_message(window, sample_db):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
        "from ui.app import ensure_app, install_translators\n"
        "from ui.db_files import acquire_lock\n"
        "ensure_app(); install_translators('zh_CN')\n"
        f"try:\n    acquire_lock(__import__('pathlib').Path({str(sample_db)!r}))\n"
        "except Exception as exc:\n    print(exc.message); sys.exit(3)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 3, result.stderr
    assert "已在另一个窗口中打开" in result.stdout and str(os.getpid()) in result.stdout


def test_recent_databases_remember_the_file(window, sample_db):
    assert recent_databases()[0] == sample_db.resolve()


def test_new_project_action_refreshes_the_ledger(qtbot, window, monkeypatch):
    from ui import project_editor

    def fake_run(cls, parent, pf, pid):
        return pf.add_project(
            {
                "name": "新加项目",
                "investor": "某公司",
                "sign_date": "2025-01-01",
                "signed_amount_wan": "10",
            }
        )

    monkeypatch.setattr(project_editor.ProjectEditor, "run", classmethod(fake_run))
    with qtbot.waitSignal(window.model.loaded, timeout=5000):
        window.new_project_action.trigger()
    assert window.model.rowCount() == 5
    assert "共 5 个项目" in window.status_label.text()


def test_dropped_spreadsheets_go_to_the_import_wizard(qtbot, window, monkeypatch, tmp_path):
    received: list[list[Path]] = []
    monkeypatch.setattr(window, "import_files", lambda files=None: received.append(files))
    event = file_drop([tmp_path / "2023年台账.xlsx", tmp_path / "readme.txt"])
    window.dropEvent(event)
    assert received == [[tmp_path / "2023年台账.xlsx"]]


def test_backup_now_writes_a_backup(qtbot, window):
    from tracker.storage.backup import list_backups

    before = len(list_backups(window.db_path))
    window.backup_action.trigger()
    qtbot.waitUntil(lambda: len(list_backups(window.db_path)) == before + 1, timeout=5000)
    qtbot.waitUntil(lambda: "已备份" in window.statusBar().currentMessage(), timeout=5000)


def test_screenshot_mode(tmp_path, sample_db):
    out = tmp_path / "main.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(sample_db), "--screenshot", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (1366, 768)


def test_restore_from_backup_reopens_the_restored_ledger(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from tracker.storage import backup
    from ui import file_actions

    saved = backup.backup_file(window.db_path, "manual")
    window.portfolio.add_project(
        {
            "name": "备份之后的项目",
            "investor": "某公司",
            "sign_date": "2025-02-01",
            "signed_amount_wan": "1",
        }
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.database_changed, timeout=10000):
        file_actions.restore_backup(window, window.databases)
    qtbot.waitUntil(lambda: window.model.rowCount() == 4 and not window.model.loading, timeout=5000)
    assert window.portfolio.project_count() == 4
    assert any("before-restore" in p.name for p in backup.list_backups(window.db_path))
    # The restored database is still ours and still locked by this window.
    with pytest.raises(DatabaseInUse):
        acquire_lock(window.db_path)


def test_open_another_database_switches_and_moves_the_lock(qtbot, window, tmp_path, sample_db):
    from ui import file_actions

    other = tmp_path / "other" / "第二本台账.db"
    with qtbot.waitSignal(window.database_changed, timeout=10000):
        assert file_actions.switch_database(window, window.databases, other)
    qtbot.waitUntil(lambda: window.model.last_result is not None and not window.model.loading)
    assert window.model.rowCount() == 0
    assert "第二本台账.db" in window.windowTitle()
    with pytest.raises(DatabaseInUse):
        acquire_lock(other)
    acquire_lock(sample_db).unlock()  # the first ledger is free again
    assert recent_databases()[:2] == [other.resolve(), sample_db.resolve()]


def test_review_tabs_load_when_first_shown(qtbot, window):
    """Switching to 预警 / 统计 shows their content without pressing 刷新."""
    for key in ("warnings", "stats"):
        holder = window.pages[key]
        window.tabs.setCurrentWidget(holder)
        page = window.page(key)
        if page.review is None:
            with qtbot.waitSignal(page.loaded, timeout=15000):
                pass
        assert page.review is not None
        assert page.review.rates is not None


def test_delete_project_asks_then_deletes_with_audit(
    qtbot, window, monkeypatch, no_blocking_questions
):
    window.ledger.select_project(window.model.project_id(0))
    pid = window.ledger.selected_project_id()
    name = window.portfolio.get_project(pid).fields["name"]
    assert window.delete_action.shortcut().toString() == "Ctrl+Del"

    window.delete_action.trigger()  # the autouse answer is not "Yes": nothing happens
    assert name in no_blocking_questions[-1][2] and "终止" in no_blocking_questions[-1][2]
    assert window.portfolio.project_count() == 4

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.model.loaded, timeout=10000):
        window.delete_action.trigger()
    assert window.portfolio.project_count() == 3
    assert window.model.row_of(pid) == -1
    assert window.portfolio.audit_for(pid)[-1].action == "delete"
