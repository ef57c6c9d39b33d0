"""The app's side of the safety rules: a read-only ledger opens read-only with a banner,
a restore shows what the backup holds and asks twice for an empty one, and a 0-byte file
becomes a new ledger only when the clerk says so."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.helpers.damage import ledger_with
from tests.helpers.mounts import read_only_folder
from tracker.ledger.portfolio import Portfolio
from tracker.storage.backup import list_backups

PNG = Path(os.environ.get("TRACKER_PNG_DIR", "/work/scratch/png/9"))


def open_app(qtbot, db: Path):
    from main import build_window

    win = build_window(db, language="zh_CN")
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.model.last_result is not None, timeout=5000)
    return win


def check_read_only_window(qtbot, win, shot: str) -> None:
    assert win.portfolio.read_only
    assert win.read_only_banner.isVisibleTo(win)
    assert "数据库文件只读" in win.read_only_banner.text()
    assert not win.new_project_action.isEnabled() and not win.import_action.isEnabled()
    assert win.model.rowCount() == 6
    if PNG.parent.exists():
        PNG.mkdir(parents=True, exist_ok=True)
        win.resize(1366, 768)
        win.show()
        qtbot.wait(300)
        win.grab().save(str(PNG / shot))


def test_a_read_only_folder_opens_read_only_with_a_banner(qtbot, tmp_path):
    folder = tmp_path / "光盘"
    folder.mkdir()
    db = ledger_with(folder / "ledger.db", 6)
    with read_only_folder(folder) as mounted:
        if not mounted:
            pytest.skip("mounts not permitted here; the simulated test covers the window")
        win = open_app(qtbot, db)
        check_read_only_window(qtbot, win, "read_only_banner.png")
        win.close()


def test_a_file_that_cannot_be_written_opens_read_only(qtbot, tmp_path, monkeypatch):
    db = ledger_with(tmp_path / "ledger.db", 6)
    real_access = os.access
    monkeypatch.setattr(
        os,
        "access",
        lambda p, mode, *a, **k: (
            False
            if mode & os.W_OK and str(p).startswith(str(tmp_path))
            else real_access(p, mode, *a, **k)
        ),
    )
    win = open_app(qtbot, db)
    check_read_only_window(qtbot, win, "read_only_simulated.png")
    win.close()


def test_restoring_an_empty_backup_asks_a_second_time(qtbot, window, tmp_path, monkeypatch):
    from ui import file_actions

    empty = ledger_with(tmp_path / "empty-backup.db", 0)
    questions: list[str] = []
    warnings: list[str] = []
    answers = {"warning": QMessageBox.StandardButton.No}

    def question(parent, title, text, *a, **k):
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    def warning(parent, title, text, *a, **k):
        warnings.append(text)
        return answers["warning"]

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(empty), ""))
    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    file_actions.restore_backup(window, window.databases)
    qtbot.waitUntil(lambda: bool(warnings), timeout=5000)
    assert "0 个项目" in questions[0] and "4 个项目" in questions[0]
    assert "空的" in warnings[0]
    assert window.portfolio.project_count() == 4  # said No: nothing replaced

    answers["warning"] = QMessageBox.StandardButton.Yes
    with qtbot.waitSignal(window.database_changed, timeout=10000):
        file_actions.restore_backup(window, window.databases)
    assert window.portfolio.project_count() == 0
    assert any("before-restore" in p.name for p in list_backups(window.db_path))


def test_a_damaged_backup_is_refused_before_any_question(qtbot, window, tmp_path, monkeypatch):
    from ui import file_actions

    bad = tmp_path / "bad.db"
    bad.write_bytes(b"")
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(file_actions, "confirm_restore", lambda *a: shown.append("asked"))
    monkeypatch.setattr("ui.tasks.show_error", lambda parent, title, exc: shown.append(exc.message))
    file_actions.restore_backup(window, window.databases)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert "空文件" in shown[0] and "asked" not in shown
    assert window.portfolio.project_count() == 4


def test_a_zero_byte_file_becomes_a_ledger_only_when_confirmed(qtbot, tmp_path, monkeypatch):
    from tracker.storage.db import EmptyDatabaseFile

    db = tmp_path / "empty.db"
    db.write_bytes(b"")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    with pytest.raises(EmptyDatabaseFile):
        open_app(qtbot, db)
    assert db.read_bytes() == b""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    win = open_app(qtbot, db)
    assert not win.portfolio.read_only and win.portfolio.project_count() == 0
    win.close()
    assert Portfolio.open(db, read_only=True).project_count() == 0
