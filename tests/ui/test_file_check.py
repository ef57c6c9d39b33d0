"""The window quick-checks its file after the rows are drawn; a damaged one turns the
window read-only at once and says so."""

from __future__ import annotations

from pathlib import Path

from tracker.errors import TrackerError


def test_the_check_runs_after_the_rows_and_a_damaged_file_goes_read_only(
    qtbot, sample_db: Path, monkeypatch
) -> None:
    import ui.file_check as file_check
    from main import build_window

    checked: list[Path] = []
    shown: list[str] = []

    def damaged(path: Path) -> None:
        checked.append(path)
        raise TrackerError(f"数据库“{path}”已损坏，完整性检查未通过（测试）。")

    monkeypatch.setattr(file_check, "quick_check", damaged)
    monkeypatch.setattr(file_check, "show_error", lambda _w, _t, exc: shown.append(exc.message))
    win = build_window(sample_db, language="zh_CN")
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert checked == [sample_db] and win.model.rowCount() == 4
    assert win.portfolio.read_only and not win.new_project_action.isEnabled()
    from PySide6.QtGui import QAction

    assert win.findChild(QAction, "action_restore").isEnabled()  # the way out
    assert "已损坏" in shown[0]
    assert "已损坏" in win.read_only_banner.text() and "从备份恢复" in win.read_only_banner.text()
    # nothing more is written to it: not even the stored warning lights
    from tracker.ledger.portfolio import Portfolio

    other = Portfolio.open(sample_db, auto_backup=False)
    other.edit_project(win.model.project_id(0), {"notes": "另一个窗口"})  # leaves a mark
    other.close()
    with qtbot.waitSignal(win.model.levels_loaded, timeout=10000):
        win.model.refresh_levels()
    marks = win.portfolio.db.execute("SELECT COUNT(*) FROM review_dirty").fetchone()[0]
    assert marks > 0  # reviewed, but not stored (storing would have cleared the marks)
    png = Path("/work/scratch/png/16")
    if png.parent.exists():
        png.mkdir(exist_ok=True)
        win.resize(1366, 768)
        win.show()
        qtbot.wait(200)
        win.grab().save(str(png / "damaged_banner.png"))
    win.close()


def test_a_sound_file_stays_writable(qtbot, sample_db: Path, monkeypatch) -> None:
    import ui.file_check as file_check
    from main import build_window

    checked: list[Path] = []
    real = file_check.quick_check
    monkeypatch.setattr(file_check, "quick_check", lambda p: (checked.append(p), real(p)))
    win = build_window(sample_db, language="zh_CN")
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: bool(checked), timeout=5000)
    qtbot.wait(100)
    assert not win.portfolio.read_only and win.new_project_action.isEnabled()
    win.close()
