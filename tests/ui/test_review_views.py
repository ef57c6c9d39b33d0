"""The 预警 and 统计 pages and the 导出报表 dialog, driven as a clerk would (pytest-qt)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate, Qt

from tracker.ledger.demo import fill_demo
from tracker.ledger.portfolio import Portfolio
from tracker.reports import output
from tracker.review import run_review

AS_OF = date(2025, 12, 31)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("review_ui") / "demo.db"
    p = Portfolio.open(path, auto_backup=False)
    fill_demo(p, projects=60, seed=3, today=AS_OF)
    p.close()
    return path


@pytest.fixture(scope="module")
def expected(demo_db: Path):
    p = Portfolio.open(demo_db, auto_backup=False)
    try:
        return run_review(p, AS_OF)
    finally:
        p.close()


def _load(qtbot, view) -> None:
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.bar.date_edit.setDate(QDate(AS_OF.year, AS_OF.month, AS_OF.day))


def test_warnings_view_lists_filters_and_opens(qtbot, qtmodeltester, demo_db, expected) -> None:
    from ui.warnings_view import WarningsView

    view = WarningsView(demo_db)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    qtbot.waitExposed(view)
    _load(qtbot, view)
    model = view.model
    assert model.rowCount() == len(expected.warnings) > 0
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == "红灯"  # red first
    counts = expected.counts()
    assert counts.warnings > counts.red_projects + counts.yellow_projects  # apart, and named
    assert f"红灯项目 {counts.red_projects} 个" in view.summary.text()
    assert f"黄灯项目 {counts.yellow_projects} 个" in view.summary.text()
    assert f"预警 {counts.warnings} 条" in view.summary.text()

    view.level_combo.setCurrentIndex(view.level_combo.findData("yellow"))
    assert model.rowCount() == counts.yellow_warnings
    assert {model.warning_at(r).level for r in range(model.rowCount())} == {"yellow"}
    view.level_combo.setCurrentIndex(0)
    view.rule_combo.setCurrentIndex(view.rule_combo.findData("overdue_registration"))
    assert model.rowCount() == sum(w.rule == "overdue_registration" for w in expected.warnings)
    view.rule_combo.setCurrentIndex(0)
    unit = expected.warnings[0].unit
    view.unit_combo.setCurrentIndex(view.unit_combo.findData(unit))
    assert model.rowCount() == sum(w.unit == unit for w in expected.warnings)
    assert all(model.data(model.index(r, 3)) == unit for r in range(model.rowCount()))

    model.sort(2, Qt.SortOrder.AscendingOrder)
    names = [model.data(model.index(r, 2)) for r in range(model.rowCount())]
    assert names == sorted(names)
    qtmodeltester.check(model)

    index = model.index(0, 2)
    rect = view.table.visualRect(index)
    with qtbot.waitSignal(view.open_project, timeout=2000) as blocker:
        # a view only reacts to a double click on the index it saw pressed
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == [model.warning_at(0).project_id]
    assert not view.grab().isNull()


def test_stats_view_cards_charts_and_table(qtbot, qtmodeltester, demo_db, expected) -> None:
    from ui.stats_view import StatsView

    view = StatsView(demo_db)
    qtbot.addWidget(view)
    view.resize(1300, 800)
    _load(qtbot, view)
    r = expected.rates
    assert view.cards["card_signed"].value.text() == str(r.signed)
    assert view.cards["card_performing"].value.text() == f"{r.performing_pct}%"
    assert view.cards["card_funds"].value.text() == f"{r.funds_pct}%"
    assert view.cards["card_performing"].detail.text() == f"{r.performing} / {r.signed}"
    funnel = view.funnel_view.chart().series()[0].barSets()[0]
    assert [int(funnel.at(i)) for i in range(funnel.count())] == [n for _, n in expected.funnel]
    unit_series = view.unit_chart_view.chart().series()[0]
    assert len(unit_series.barSets()) == 2
    model = view.unit_model
    assert model.rowCount() == len(expected.by_group["unit"]) + 1
    qtmodeltester.check(model)
    first_unit, first_rates = expected.by_group["unit"][0]
    assert model.data(model.index(0, 0)) == first_unit
    assert model.data(model.index(0, 2)) == f"{first_rates.performing_pct}%"
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.year_combo.setCurrentIndex(view.year_combo.findData(2025))
    assert view.review is not None and view.review.year == 2025
    assert not view.grab().isNull()


def _dialog(qtbot, demo_db, tmp_path, monkeypatch):
    from ui.report_dialog import ReportDialog

    dialog = ReportDialog(None, demo_db)
    qtbot.addWidget(dialog)
    dialog.as_of_edit.setDate(QDate(AS_OF.year, AS_OF.month, AS_OF.day))
    saved: list[Path] = []
    monkeypatch.setattr(dialog, "after_save", saved.append)
    return dialog, saved


def test_report_dialog_writes_review_workbook(qtbot, demo_db, tmp_path, monkeypatch) -> None:
    dialog, saved = _dialog(qtbot, demo_db, tmp_path, monkeypatch)
    assert dialog.path_edit.text().endswith("签约项目履约情况（截至2025-12-31）.xlsx")
    target = tmp_path / "评估.xlsx"
    dialog.path_edit.setText(str(target))
    dialog.accept()
    qtbot.waitUntil(lambda: bool(saved), timeout=20_000)
    assert saved == [target] and dialog.saved_path == target
    assert load_workbook(target).sheetnames == [
        "汇总",
        "预警清单",
        "预警明细",
        "项目台账",
        "诉求清单",
    ]


def test_report_dialog_ledger_and_locked_file(qtbot, demo_db, tmp_path, monkeypatch) -> None:
    dialog, saved = _dialog(qtbot, demo_db, tmp_path, monkeypatch)
    dialog.ledger_radio.setChecked(True)
    assert not dialog.as_of_edit.isEnabled()
    assert "台账" in Path(dialog.path_edit.text()).name
    locked = tmp_path / "台账.xlsx"
    locked.write_bytes(b"open in Excel")
    other = tmp_path / "台账(2).xlsx"
    errors: list[str] = []
    asked: list[Path] = []
    real_replace = output.os.replace

    def replace(src, dst):
        if Path(dst) == locked:
            raise PermissionError(13, "in use")
        return real_replace(src, dst)

    monkeypatch.setattr(output.os, "replace", replace)
    monkeypatch.setattr(dialog, "show_error", errors.append)
    monkeypatch.setattr(dialog, "ask_file_name", lambda s: asked.append(s) or s)
    dialog.path_edit.setText(str(locked))
    dialog.accept()
    qtbot.waitUntil(lambda: bool(saved), timeout=20_000)
    assert errors and "正被 Excel 或 WPS 打开" in errors[0]
    assert asked == [other] and saved == [other]
    assert locked.read_bytes() == b"open in Excel"
    assert load_workbook(other)["项目台账"].max_row == 62  # title + header + 60 projects


def test_stats_view_definitions_and_a_tab_per_breakdown(qtbot, demo_db, expected) -> None:
    from tracker.review.definitions import RATE_DEFINITIONS
    from ui.stats_view import StatsView

    view = StatsView(demo_db)
    qtbot.addWidget(view)
    view.resize(1366, 700)
    _load(qtbot, view)
    assert view.cards["card_performing"].toolTip() == RATE_DEFINITIONS["performing"]
    assert view.cards["card_days"].toolTip() == RATE_DEFINITIONS["mean_days"]
    assert "（约）" in RATE_DEFINITIONS["mean_days"]  # approximate dates stay out of the mean
    tabs = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert tabs == [
        "图表(&C)",
        "按责任单位(&U)",
        "按产业类别(&N)",
        "按乡镇/园区(&T)",
        "口径说明(&D)",
    ]
    for key, model in view.group_models.items():
        assert model.rowCount() == len(expected.by_group[key]) + 1
        tip = model.headerData(4, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
        assert tip == RATE_DEFINITIONS["started"]
    # a tab each: at 1366x768 the unit table shows every unit without scrolling
    view.tabs.setCurrentWidget(view.unit_table)
    view.show()
    qtbot.waitExposed(view)
    rows_fit = view.unit_table.viewport().height() // view.unit_table.rowHeight(0)
    assert rows_fit >= min(15, view.unit_model.rowCount())
    text = view.definitions.toPlainText()
    assert "2. 履约率 = 履约项目数 ÷ 签约项目数" in text and "预警计数" in text


def test_warning_list_export_equals_rows_on_screen(qtbot, demo_db, tmp_path, monkeypatch) -> None:
    from ui.warnings_view import WarningsView

    view = WarningsView(demo_db)
    qtbot.addWidget(view)
    _load(qtbot, view)
    view.level_combo.setCurrentIndex(view.level_combo.findData("yellow"))
    view.model.sort(2, Qt.SortOrder.AscendingOrder)
    model = view.model
    shown = [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    target = tmp_path / "预警.xlsx"
    from tracker.reports.view_export import write_warning_view

    write_warning_view(
        target, model.shown(), view.view_columns(), "预警清单", view.filter_description()
    )
    ws = load_workbook(target).active
    header = int(ws.print_title_rows.split(":")[1].strip("$"))
    assert [c.value for c in ws[header]] == [h for _k, h in view.view_columns()]
    written = [[c.value or "" for c in row] for row in ws.iter_rows(min_row=header + 1)]
    assert written == shown and len(shown) > 0
    assert "黄灯" in view.filter_description()


def test_warnings_view_one_row_per_project(
    qtbot, qtmodeltester, demo_db, expected, tmp_path
) -> None:
    from tracker.reports.view_export import write_warning_view
    from ui.warnings_view import WarningsView

    view = WarningsView(demo_db)
    qtbot.addWidget(view)
    _load(qtbot, view)
    view.mode_combo.setCurrentIndex(view.mode_combo.findData("projects"))
    model = view.model
    assert view.table.model() is model is view.models["projects"]
    counts = expected.counts()
    assert model.rowCount() == counts.projects == len(expected.by_project)
    qtmodeltester.check(model)
    assert model.data(model.index(0, 0)) == "红灯"
    first = expected.by_project[0]
    assert model.data(model.index(0, 5)) == first.rules_text  # "逾期未开工（红）；…" in one cell
    assert (
        model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole).count("\n")
        >= len(first.warnings) * 2 - 1
    )  # each warning and its threshold
    assert f"当前显示 {counts.projects} 个项目" in view.summary.text()
    view.rule_combo.setCurrentIndex(view.rule_combo.findData("funds_lagging"))
    with_rule = [
        p for p in expected.by_project if any(w.rule == "funds_lagging" for w in p.warnings)
    ]
    assert model.rowCount() == len(with_rule) > 0
    shown = [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    target = tmp_path / "按项目.xlsx"
    write_warning_view(target, model.shown(), view.view_columns(), "预警清单", "按项目")
    ws = load_workbook(target).active
    header = int(ws.print_title_rows.split(":")[1].strip("$"))
    assert [c.value for c in ws[header]][5] == "预警类型"
    written = [[c.value or "" for c in row] for row in ws.iter_rows(min_row=header + 1)]
    # the sheet keeps each fact on its own line; the table shows them on one
    assert [[v.replace("\n", "；") for v in row] for row in written] == shown
    view.mode_combo.setCurrentIndex(view.mode_combo.findData("warnings"))
    assert view.table.model() is view.models["warnings"]
    assert model.rowCount() == len(with_rule)  # the filter applies to both forms
