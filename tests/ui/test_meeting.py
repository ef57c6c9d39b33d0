"""Ready for the review meeting, through the real window: why a row is tinted (legend,
tooltip, the editor's 预警 strip), （约） dates, totals that follow the filter, and the
ledger printed and exported exactly as on screen."""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QMenu

from tracker.domain.money import format_wan
from tracker.ledger.portfolio import Portfolio
from ui import printing
from ui.ledger_model import COLUMN_KEYS, TINTS
from ui.project_editor import ProjectEditor

TOOLTIP = Qt.ItemDataRole.ToolTipRole
QINGSHAN = "青山茶叶精深加工项目"  # signed 2022, never registered: red for years


def names(win) -> list[str]:
    return [win.model.data(win.model.index(r, 0)) for r in range(win.model.rowCount())]


def wait_levels(qtbot, win) -> None:
    if not win.model._levels:
        with qtbot.waitSignal(win.model.levels_loaded, timeout=10_000):
            pass


@pytest.fixture
def approx_db(sample_db: Path) -> Path:
    """The sample ledger plus a project an import approximated: a month-only sign date
    and a start known only from the word 已开工 (stored as the sign month)."""
    p = Portfolio.open(sample_db, auto_backup=False)
    p.add_project(
        {
            "name": "约数项目",
            "investor": "约数公司",
            "sign_date": "2023-08",
            "signed_amount_wan": "500",
            "unit": "县发改局",
            "stage_dates": {"registered": "2023-08", "started": "2023-08"},
        }
    )
    p.close()
    return sample_db


def test_legend_names_each_tint(window) -> None:
    legend = window.ledger.legend
    assert legend.isVisibleTo(window.ledger)
    assert [legend.items[k].text() for k in ("red", "yellow", "grey")] == ["红", "黄", "灰"]
    assert TINTS["red"].name() in legend.items["red"].styleSheet()
    assert TINTS["yellow"].name() in legend.items["yellow"].styleSheet()
    texts = " ".join(label.text() for label in legend.findChildren(type(legend.items["red"])))
    assert "有红灯预警" in texts and "有黄灯预警" in texts and "已终止" in texts


def test_row_tooltip_lists_its_warnings_on_demand(qtbot, window) -> None:
    wait_levels(qtbot, window)
    model = window.model
    assert model._tips == {}  # nothing fetched up front
    row = names(window).index(QINGSHAN)
    tip = model.data(model.index(row, 0), TOOLTIP)
    assert tip.startswith(QINGSHAN + "\n\n")
    assert "【红灯】逾期未落地：签约已" in tip
    assert set(model._tips) == {model.project_id(row)}  # only the row asked about
    # a terminated row says why it is grey
    pid = model.project_id(row)
    window.portfolio.terminate(pid, "2025-01-02", "投资方资金链断裂")
    with qtbot.waitSignal(model.loaded, timeout=5000):
        window.after_change()
    row = model.row_of(pid)
    assert "已终止（2025-01-02）：投资方资金链断裂" in model.data(model.index(row, 1), TOOLTIP)


def test_editor_strip_names_each_warning_and_threshold(qtbot, window) -> None:
    pid = next(
        window.model.project_id(r)
        for r in range(window.model.rowCount())
        if window.model.data(window.model.index(r, 0)) == QINGSHAN
    )
    editor = ProjectEditor(window.portfolio, pid, window)
    qtbot.addWidget(editor)
    strip = editor.warning_strip
    assert strip.isVisibleTo(editor)
    assert strip.heading.text().startswith("预警（截至 ")
    assert "红灯" in strip.heading.text()
    text = strip.plain_text()
    assert "红灯 逾期未落地：签约" in text and "（红灯：签约满 180 天未注册）" in text
    body = strip.body.text()
    assert "触发阈值" in body and "签约满 180 天未注册" in body
    rules = [w.rule for w in strip.warnings]
    assert rules[0] == "overdue_registration"  # red first
    editor.close()
    # a project with no warnings says so; a new project shows no strip
    fresh = window.portfolio.add_project(
        {"name": "新项目", "investor": "新公司", "sign_date": "2099-01-01", "signed_amount_wan": 1}
    )
    quiet = ProjectEditor(window.portfolio, fresh, window)
    qtbot.addWidget(quiet)
    assert quiet.warning_strip.warnings == []
    assert quiet.warning_strip.heading.text().startswith("截至 ")
    new = ProjectEditor(window.portfolio, None, window)
    qtbot.addWidget(new)
    assert not new.warning_strip.isVisibleTo(new)


def test_approximate_dates_marked_in_editor_and_ledger(qtbot, approx_db) -> None:
    from main import build_window

    win = build_window(approx_db, language="zh_CN")
    qtbot.addWidget(win)
    qtbot.waitUntil(lambda: win.model.last_result is not None, timeout=5000)
    row = names(win).index("约数项目")
    assert win.model.data(win.model.index(row, COLUMN_KEYS.index("sign_date"))) == "2023-08（约）"
    pid = win.model.project_id(row)
    editor = ProjectEditor(win.portfolio, pid, win)
    qtbot.addWidget(editor)
    from tracker.domain.vocabulary import Stage

    assert editor.basic.inputs["sign_date"].text() == "2023-08（约）"
    assert editor.stages.actual[Stage.STARTED].text() == "2023-08（约）"
    assert not editor.is_dirty()
    assert editor.save()  # the marked text reads back as the month it marks
    project = win.portfolio.get_project(pid)
    assert project.sign_date == "2023-08"
    assert project.stage_dates[Stage.STARTED].actual == "2023-08"
    editor.close()
    win.close()


def test_status_totals_follow_the_filter(qtbot, window) -> None:
    assert window.status_label.text() == "共 4 个项目 · 签约总额 183,000.50 万元"
    view = window.ledger
    with qtbot.waitSignal(window.model.loaded, timeout=5000):
        view.unit_combo.setCurrentIndex(view.unit_combo.findData("县经信局"))
    assert window.status_label.text() == "共 4 个项目 · 筛选后 1 个 · 签约总额 52,000.00 万元"
    with qtbot.waitSignal(window.model.loaded, timeout=5000):
        view.year_combo.setCurrentIndex(view.year_combo.findData("2022"))
    assert window.status_label.text() == "共 4 个项目 · 筛选后 0 个 · 签约总额 0.00 万元"


def _screen(win) -> tuple[list[str], list[list[str]]]:
    """Headers and cell texts as the ledger shows them (visible columns, visual order)."""
    header = win.ledger.table.horizontalHeader()
    logical = [
        header.logicalIndex(v)
        for v in range(header.count())
        if not header.isSectionHidden(header.logicalIndex(v))
    ]
    titles = [win.model.headerData(c, Qt.Orientation.Horizontal) for c in logical]
    rows = [
        [win.model.data(win.model.index(r, c)) for c in logical]
        for r in range(win.model.rowCount())
    ]
    return titles, rows


def pdf_text(doc: QPdfDocument, page: int) -> str:
    """A page's text; the PDF maps some CJK glyphs to radicals (⻘, ⽬): fold them back."""
    text = unicodedata.normalize("NFKC", doc.getAllText(page).text())
    return text.translate(str.maketrans({"⻘": "青", "⻚": "页"}))


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float):
        return format_wan(Decimal(str(value)))
    return str(value)


def test_filtered_export_equals_the_rows_on_screen(qtbot, window, tmp_path, monkeypatch) -> None:
    view = window.ledger
    with qtbot.waitSignal(window.model.loaded, timeout=5000):
        view.stage_combo.setCurrentIndex(view.stage_combo.findData("signed"))
    with qtbot.waitSignal(window.model.loaded, timeout=5000):
        view.table.sortByColumn(
            COLUMN_KEYS.index("signed_amount_wan"), Qt.SortOrder.DescendingOrder
        )
    view.set_column_visible(COLUMN_KEYS.index("industry"), False)
    header = view.table.horizontalHeader()
    header.moveSection(header.visualIndex(COLUMN_KEYS.index("unit")), 1)
    with qtbot.waitSignal(window.model.loaded, timeout=5000):
        view.search.setText("项目")  # three of the four
    titles, rows = _screen(window)
    assert len(rows) == 3 and titles[1] == "责任单位" and "产业类别" not in titles

    target = tmp_path / "当前视图.xlsx"
    monkeypatch.setattr(window.view_actions, "ask_file_name", lambda suggestion: target)
    window.view_actions.export_action.trigger()
    qtbot.waitUntil(lambda: "已导出" in window.statusBar().currentMessage(), timeout=10_000)
    ws = load_workbook(target).active
    header_row = int(ws.print_title_rows.split(":")[1].strip("$"))
    assert [c.value for c in ws[header_row]] == titles
    written = [[_shown(c.value) for c in row] for row in ws.iter_rows(min_row=header_row + 1)]
    assert written == rows
    assert "签约阶段" in ws["A2"].value or "签约" in ws["A2"].value  # the filter, in words
    amount = titles.index("签约总投资（万元）")
    assert ws.cell(header_row + 1, amount + 1).data_type == "n"  # a number Excel can sum


def test_print_renders_the_filtered_ledger_to_pdf(qtbot, window, tmp_path, monkeypatch) -> None:
    window.portfolio.update_settings({"county_name": "青溪县"})
    view = window.ledger
    with qtbot.waitSignal(window.model.loaded, timeout=5000):
        view.year_combo.setCurrentIndex(view.year_combo.findData("2024"))
    tables: list[printing.PrintTable] = []
    monkeypatch.setattr(printing, "exec_preview", lambda parent, table: tables.append(table))
    assert window.view_actions.print_action.shortcut() == QKeySequence("Ctrl+P")
    window.view_actions.print_action.trigger()
    qtbot.waitUntil(lambda: bool(tables), timeout=10_000)
    table = tables[0]
    titles, rows = _screen(window)
    assert table.headers == titles and table.rows == rows
    assert table.title == "青溪县签约项目台账"
    assert "签约年度：2024" in table.subtitle and "打印日期：" in table.subtitle

    pdf = tmp_path / "台账.pdf"
    many = printing.PrintTable(table.title, table.subtitle, table.headers, table.rows * 40)
    pages = printing.print_to_pdf(many, pdf)
    doc = QPdfDocument()
    doc.load(str(pdf))
    assert doc.pageCount() == pages > 1
    first = pdf_text(doc, 0)
    assert "青溪县签约项目台账" in first and "签约年度:2024" in first  # NFKC-folded colon
    assert f"第 1 页 共 {pages} 页" in first
    last = pdf_text(doc, pages - 1)
    assert "项目名称" in last  # the header row repeats on every page
    assert f"第 {pages} 页 共 {pages} 页" in last


def test_print_preview_dialog_shows_pages(qtbot, window) -> None:
    table = printing.PrintTable(
        "标题", "筛选：全部", ["项目名称"], [[f"项目{i}"] for i in range(120)]
    )
    dialog = printing.preview(window, table)
    qtbot.addWidget(dialog)
    dialog.show()
    widget = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: widget.pageCount() >= 2, timeout=10_000)
    layout = dialog.printer().pageLayout()
    assert layout.orientation() == layout.Orientation.Landscape
    assert layout.pageSize().id() == layout.pageSize().PageSizeId.A4
    dialog.close()


def test_print_and_export_follow_the_current_tab(qtbot, window) -> None:
    actions = window.view_actions
    assert actions.print_action.isEnabled() and actions.export_action.isEnabled()
    window.tabs.setCurrentWidget(window.pages["stats"])
    assert not actions.print_action.isEnabled() and not actions.export_action.isEnabled()
    window.tabs.setCurrentWidget(window.pages["warnings"])
    assert actions.print_action.isEnabled()
    in_menus = [a for menu in window.menuBar().findChildren(QMenu) for a in menu.actions()]
    assert actions.print_action in in_menus and actions.export_action in in_menus


def test_print_the_warning_list_as_filtered(qtbot, window, monkeypatch) -> None:
    window.tabs.setCurrentWidget(window.pages["warnings"])
    page = window.page("warnings")
    qtbot.waitUntil(lambda: page.review is not None, timeout=10_000)
    page.level_combo.setCurrentIndex(page.level_combo.findData("red"))
    model = page.model
    shown = [
        [model.data(model.index(r, c)) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    tables: list[printing.PrintTable] = []
    monkeypatch.setattr(printing, "exec_preview", lambda parent, table: tables.append(table))
    window.view_actions.print_action.trigger()
    [table] = tables
    assert table.rows == shown and len(shown) > 0
    assert table.tints == ["red"] * len(shown) and table.tint_columns == {0}
    assert "红灯项目" in table.subtitle and "红灯" in table.subtitle
    assert table.title.endswith("“一签了之”预警清单")
