"""UI test fixtures: isolated QSettings, Chinese UI, a small real database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Column widths, recent files and geometry go to a temp folder, not the user's."""
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture
def window(qapp, sample_db: Path, qtbot):
    """The real main window (Chinese), ledger loaded."""
    from main import build_window

    win = build_window(sample_db, language="zh_CN")
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.model.last_result is not None, timeout=5000)
    yield win
    win.close()


@pytest.fixture(autouse=True)
def no_blocking_questions(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """A modal question would hang an offscreen run: answer "Discard" unless a test says."""
    from PySide6.QtWidgets import QMessageBox

    asked: list[tuple] = []

    def answer(*args, **kwargs):
        asked.append(args)
        return QMessageBox.StandardButton.Discard

    monkeypatch.setattr(QMessageBox, "question", answer)
    return asked


@pytest.fixture(autouse=True)
def chinese_ui(qapp) -> None:
    """The clerk's UI: our zh_CN translation and Qt's own."""
    from ui.app import ensure_app, install_translators

    ensure_app()
    assert install_translators("zh_CN")
