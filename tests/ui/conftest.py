"""UI test fixtures: isolated QSettings, Chinese UI, a small real database."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from tracker.ledger.portfolio import Portfolio

SAMPLE = [
    # name, investor, sign date, amount 万元, unit, leader
    ("精益光源产业园项目", "浙江精益光源科技有限公司", "2024-03-15", "52000", "县经信局", "王建国"),
    ("宏达新材料扩建项目", "宏达新材料股份有限公司", "2023-07-01", "8000", "县发改局", "李明华"),
    ("康泰生物制剂生产基地", "康泰医药集团", "2024-11-20", "120000", "经济开发区管委会", "张卫东"),
    ("青山茶叶精深加工项目", "青山农业开发有限公司", "2022-05-09", "3000.5", "县农业农村局", "王建国"),
]


@pytest.fixture(autouse=True)
def isolated_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Column widths, recent files and geometry go to a temp folder, not the user's."""
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture
def sample_db(tmp_db: Path) -> Path:
    pf = Portfolio.open(tmp_db)
    for name, investor, sign_date, amount, unit, leader in SAMPLE:
        pf.add_project({"name": name, "investor": investor, "sign_date": sign_date,
                        "signed_amount_wan": amount, "unit": unit, "leader": leader})
    pf.close()
    return tmp_db


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
