"""帮助: the user guide ships its chapters and screenshots and shows them fitted to the page;
the shortcut list comes from the window's own actions; 关于 names the version and the data
and log folders and opens them; the sync-folder banner; tints readable on a dark palette."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument

from tracker import __version__
from ui.help_menu import CHANGELOG, AboutDialog, ShortcutsDialog, shortcut_rows
from ui.user_guide import UserGuide, chapters, read_help_image, read_help_text

TOPICS = ("第一次", "导入", "编辑", "预警", "报表", "模板", "进度收集", "备份", "恢复")


def test_the_guide_covers_every_topic_with_its_screenshots() -> None:
    found = chapters()
    assert len(found) >= 9 and [c.name for c in found] == sorted(c.name for c in found)
    text = "\n".join(c.text for c in found)
    assert [t for t in TOPICS if t not in text] == []
    links = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(links) >= 15
    for link in links:
        image = read_help_image(link)
        assert not image.isNull() and image.width() >= 400, link
    assert read_help_image("../__init__.py").isNull()  # only the help package's files


def test_the_guide_and_changelog_never_send_the_clerk_to_python() -> None:
    texts = [c.text for c in chapters()] + [read_help_text(CHANGELOG)]
    assert not [t for t in texts if "python" in t.lower()]
    assert "更新说明" in read_help_text(CHANGELOG)


def test_guide_window_shows_chapters_fitted_to_the_page(qtbot) -> None:
    guide = UserGuide()
    qtbot.addWidget(guide)
    guide.resize(1000, 700)
    guide.show()
    assert guide.contents.count() == len(chapters())
    assert guide.show_chapter("04_warnings.md")
    assert guide.current_chapter().name == "04_warnings.md"
    assert "预警" in guide.browser.toPlainText()
    width = guide.browser.viewport().width()
    doc = guide.browser.document()
    shots = re.findall(r"\]\(([^)]+\.png)\)", guide.current_chapter().text)
    for name in shots:
        shown = doc.resource(QTextDocument.ResourceType.ImageResource.value, QUrl(name))
        assert isinstance(shown, QImage) and 0 < shown.width() <= width, name
    guide.browser.anchorClicked.emit(QUrl("08_backup.md"))  # a link to another chapter
    assert guide.current_chapter().name == "08_backup.md"


def test_shortcut_list_comes_from_the_window(qtbot, window) -> None:
    rows = dict((keys, what) for what, keys in shortcut_rows(window))
    assert "新建项目" in rows["Ctrl+N"] and "项目" in rows["Ctrl+N"]
    assert "用户手册" in rows["F1"]
    assert "搜索" in rows["Ctrl+F"]
    assert "保存" in rows["Ctrl+S"]
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(rows)


def test_about_names_version_and_folders_and_opens_them(qtbot, window, monkeypatch) -> None:
    from PySide6.QtWidgets import QLabel

    from tracker.logs import log_dir
    from tracker.storage.paths import data_dir

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = AboutDialog(window.db_path, window)
    qtbot.addWidget(dialog)
    text = {w.objectName(): w.text() for w in dialog.findChildren(QLabel)}
    assert f"版本 {__version__}" in text["about_title"]
    assert text["about_data"] == str(data_dir()) and text["about_logs"] == str(log_dir())
    assert text["about_database"] == str(window.db_path.resolve())
    assert "python" not in " ".join(text.values()).lower()
    qtbot.mouseClick(dialog.buttons["logs"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.buttons["database"], Qt.MouseButton.LeftButton)
    assert [u.toLocalFile() for u in opened] == [
        str(log_dir()),
        str(window.db_path.resolve().parent),
    ]
    assert log_dir().is_dir(), "opening the log folder creates it first"


def test_a_ledger_in_a_sync_folder_gets_the_banner(qtbot, sample_db: Path, tmp_path) -> None:
    from main import build_window

    synced = tmp_path / "OneDrive - 青溪县" / "台账.db"
    synced.parent.mkdir()
    shutil.copy(sample_db, synced)
    window = build_window(synced, language="zh_CN")
    qtbot.addWidget(window)
    assert not window.location_banner.isHidden()
    assert "OneDrive" in window.location_banner.text()
    window.databases.switch_to(sample_db)
    assert window.location_banner.isHidden()
    window.close()


def test_tinted_rows_carry_their_text_colour(qtbot, window) -> None:
    """Under a dark palette the default text is light: a tint must bring dark text."""
    model = window.model
    qtbot.waitUntil(lambda: bool(model._levels), timeout=10000)
    tinted = [r for r in range(model.rowCount()) if model.level_of(model.project_id(r))]
    assert tinted
    for row in tinted:
        background = model.data(model.index(row, 1), Qt.ItemDataRole.BackgroundRole)
        text = model.data(model.index(row, 1), Qt.ItemDataRole.ForegroundRole)
        if background is None:  # terminated: grey text, no tint
            continue
        assert background.color().lightness() - text.color().lightness() > 150
