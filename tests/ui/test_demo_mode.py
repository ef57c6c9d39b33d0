"""The demo is a separate database: opening it, working in it and closing it never touches
the clerk's ledger; the window says 演示数据 in its title and a banner; closing returns to
the ledger it came from."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tracker.ledger.demo import COUNTY
from tracker.ledger.portfolio import Portfolio
from tracker.storage.paths import demo_db_path
from ui.db_files import recent_databases

# The window keeps its warning lights in the file (tracker.review.level_cache): derived
# from the ledger, stored by the window itself, not content the demo could bring in.
DERIVED = ('INSERT INTO "review_', "VALUES('review_dirty',")


def dump(db: Path) -> list[str]:
    """Every row of every table, as SQL: the ledger's whole content."""
    conn = sqlite3.connect(db)
    try:
        return [line for line in conn.iterdump() if not any(d in line for d in DERIVED)]
    finally:
        conn.close()


SMALL_DEMO = 40  # the app builds 300; fewer keep the tests quick


@pytest.fixture
def demo_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr("ui.demo_mode.DEMO_PROJECTS", SMALL_DEMO)
    path = tmp_path / "数据 目录" / "demo" / "演示台账.db"
    monkeypatch.setenv("TRACKER_DEMO_DB", str(path))
    assert demo_db_path() == path
    return path


@pytest.fixture
def real_db(tmp_path: Path) -> Path:
    """The clerk's ledger just after the first-run set-up: named, still empty."""
    db = tmp_path / "我的台账.db"
    p = Portfolio.open(db, auto_backup=False)
    p.update_settings({"county_name": "临江县", "reporting_unit": "临江县投资促进局"})
    p.close()
    return db


def test_the_demo_never_touches_the_real_database(qtbot, demo_path: Path, real_db: Path):
    from main import build_window

    before = dump(real_db)
    window = build_window(real_db, language="zh_CN")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.model.last_result is not None, timeout=5000)
    assert not window.demo.active and window.demo.banner.isHidden()
    assert "演示" not in window.windowTitle()

    window.demo.open()
    qtbot.waitUntil(lambda: window.db_path == demo_path, timeout=30000)
    qtbot.waitUntil(lambda: window.model.last_result is not None, timeout=5000)
    assert window.demo.active and not window.demo.banner.isHidden()
    assert "演示数据" in window.windowTitle()
    assert COUNTY in window.demo.banner.label.text()
    assert window.portfolio.project_count() == SMALL_DEMO
    assert window.portfolio.settings()["county_name"] == COUNTY
    # the clerk tries things in the demo: they stay there
    window.portfolio.add_project(
        {
            "name": "试一试项目",
            "investor": "试一试公司",
            "sign_date": "2025-01-02",
            "signed_amount_wan": "100",
        }
    )
    assert dump(real_db) == before, "nothing of the demo may reach the clerk's ledger"
    assert demo_path.resolve() not in [p.resolve() for p in recent_databases()]

    qtbot.mouseClick(window.demo.banner.close_button, Qt.MouseButton.LeftButton)
    assert window.db_path == real_db and not window.demo.active
    assert window.demo.banner.isHidden() and "演示" not in window.windowTitle()
    assert window.portfolio.project_count() == 0
    assert window.portfolio.settings()["county_name"] == "临江县"
    window.close()
    assert dump(real_db) == before


def test_opening_the_demo_again_starts_fresh(qtbot, window, demo_path: Path):
    window.demo.open()
    qtbot.waitUntil(lambda: window.db_path == demo_path, timeout=30000)
    pid = window.portfolio.query_ids()[0]
    window.portfolio.delete_project(pid)
    window.demo.close()
    window.demo.open()
    qtbot.waitUntil(lambda: window.db_path == demo_path, timeout=30000)
    assert window.portfolio.project_count() == SMALL_DEMO
    assert not demo_path.with_name(demo_path.name + ".building").exists()


def test_build_demo_database_is_all_or_nothing(tmp_path: Path):
    from tracker.errors import Cancelled
    from tracker.ledger.demo import build_demo_database

    path = tmp_path / "demo" / "演示台账.db"
    build_demo_database(path, 20)
    before = dump(path)
    with pytest.raises(Cancelled):
        build_demo_database(path, 20, cancelled=lambda: True)
    assert dump(path) == before, "a cancelled rebuild leaves the previous demo as it was"
    assert sorted(p.name for p in path.parent.iterdir()) == ["演示台账.db"]
