"""The Chinese translation is complete, compiles, and covers every string the UI uses."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"  # .ts source


def test_no_unfinished_entries():
    root = ET.parse(TRANSLATIONS / "zh_CN.ts").getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 100
    unfinished = [
        m.findtext("source")
        for m in messages
        if m.find("translation").get("type") == "unfinished"
        or not (m.find("translation").text or "").strip()
    ]
    assert unfinished == []


def test_qm_loads_and_translates(qapp):
    """The compiled .qm ships inside the package (ui/translations), found by importlib."""
    from importlib import resources

    translator = QTranslator()
    data = resources.files("ui.translations").joinpath("zh_CN.qm").read_bytes()
    assert translator.load(data)
    assert translator.translate("MainWindow", "&New project") == "新建项目(&N)"
    assert translator.translate("LedgerModel", "Amount (10k yuan)") == "签约总投资（万元）"


def test_qt_own_strings_are_chinese(qapp):
    # qtbase_zh_CN is installed by the autouse fixture, as the app does.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


def test_placeholders_survive_translation():
    import re

    root = ET.parse(TRANSLATIONS / "zh_CN.ts").getroot()
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        target = message.find("translation").text or ""
        assert set(re.findall(r"\{\w+\}", source)) == set(re.findall(r"\{\w+\}", target)), source
        assert ("&" in source.replace("&&", "")) == ("&" in target.replace("&&", "")), source


def test_every_translation_source_is_still_in_the_code():
    """The .ts is rebuilt from the code (build.py); stale entries would mean a stale build."""
    root = ET.parse(TRANSLATIONS / "zh_CN.ts").getroot()
    assert not [
        m
        for m in root.iter("message")
        if m.find("translation").get("type") in ("obsolete", "vanished")
    ]


def test_chinese_on_an_english_locale(qapp, tmp_path):
    """An English Windows, and an old database that stored language = "en": still Chinese
    everywhere (there is no English UI to fall into, half-translated or not)."""
    import sqlite3

    from PySide6.QtCore import QLocale

    from tracker.ledger.portfolio import Portfolio
    from ui.app import install_translators
    from ui.db_files import DatabaseInUse, acquire_lock
    from ui.main_window import open_window

    db = tmp_path / "tracker.db"
    Portfolio.open(db, auto_backup=False).close()
    with sqlite3.connect(db) as conn:  # what the language option of 0.0.x stored
        conn.execute("INSERT INTO settings (key, value) VALUES ('language', '\"en\"')")
    conn.close()
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    install_translators("en")  # as if an English session had run before
    try:
        held = acquire_lock(db)  # another window has it: said in Chinese from the start
        with pytest.raises(DatabaseInUse, match="已在另一个窗口中打开"):
            open_window(db)
        held.unlock()
        install_translators("en")
        window = open_window(db)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[:2] == ["文件(&F)", "项目(&P)"], menus
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        assert window.tabs.tabText(0) == "台账(&L)"
        window.close()
    finally:
        QLocale.setDefault(before)
        install_translators()
