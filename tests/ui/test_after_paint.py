"""The start's background warm-ups wait for the rows to be drawn (``ui.after_paint``): a
worker holding Python's lock while Qt draws the first frame delayed it. Hidden windows (as in
tests) run them at once; a window closed before it painted never does. The search index
waits for the tints too."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from ui.after_paint import after_paint


def test_work_waits_for_a_shown_widget_to_paint(qtbot) -> None:
    label = QLabel("台账")
    qtbot.addWidget(label)
    ran: list[str] = []
    after_paint(label, lambda: ran.append("hidden"))
    assert ran == ["hidden"]  # not on screen: at once
    label.show()
    after_paint(label, lambda: ran.append("painted"))
    assert ran == ["hidden"]  # not before the paint
    label.repaint()
    qtbot.waitUntil(lambda: ran == ["hidden", "painted"], timeout=2000)
    label.repaint()
    qtbot.wait(50)
    assert ran == ["hidden", "painted"]  # once


def test_a_widget_closed_before_its_paint_drops_the_work(qtbot) -> None:
    label = QLabel("台账")
    qtbot.addWidget(label)
    label.show()
    ran: list[str] = []
    after_paint(label, lambda: ran.append("late"))
    label.close()
    qtbot.wait(500)  # past the fallback
    assert ran == []


def test_a_shown_window_tints_and_indexes_after_its_rows(qtbot, sample_db: Path) -> None:
    from main import build_window

    win = build_window(sample_db, language="zh_CN")
    qtbot.addWidget(win)
    levels: list[bool] = []
    win.model.levels_loaded.connect(lambda: levels.append(True))
    warmed: list[bool] = []  # was a tint review running when the index's warm-up began?
    real = win.model._warm_index

    def warm() -> None:
        warmed.append(win.model._levels_running)
        real()

    win.model._warm_index = warm
    win.show()
    qtbot.waitUntil(lambda: bool(levels) and win.model.search_ready, timeout=5000)
    assert win.model.rowCount() == 4
    assert warmed == [False]  # once, after the tints: it would have slowed them
    win.close()
