"""The ledger: model checks, search (Chinese and pinyin), sorting and filters, via the real window."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableView

from tracker.ledger.portfolio import Portfolio
from ui.ledger_model import COLUMN_KEYS, LedgerModel


def names(win) -> list[str]:
    model = win.model
    return [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def type_search(qtbot, win, text: str) -> None:
    search = win.findChild(QLineEdit, "ledger_search")
    search.clear()
    with qtbot.waitSignal(win.model.loaded, timeout=5000):
        if text.isascii():
            qtbot.keyClicks(search, text)  # real keystrokes
        else:
            search.insert(text)  # what an input method commits (QTest cannot type CJK)
    # A burst of keystrokes may land as one or several refreshes; wait for the last.
    qtbot.waitUntil(lambda: win.model.filter.search == (text or None), timeout=5000)
    qtbot.waitUntil(lambda: not win.model.loading, timeout=5000)


def test_model_passes_qtmodeltester(qtmodeltester, window):
    assert window.model.rowCount() == 4
    qtmodeltester.check(window.model, force_py=True)


def test_columns_and_cells(window):
    model = window.model
    assert COLUMN_KEYS[0] == "name"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:4] == ["项目名称", "投资主体", "签约日期", "签约总投资（万元）"]
    row = names(window).index("青山茶叶精深加工项目")
    amount = model.index(row, COLUMN_KEYS.index("signed_amount_wan"))
    assert model.data(amount) == "3,000.50"
    assert model.data(amount, Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert model.data(model.index(row, COLUMN_KEYS.index("stage"))) == "签约"
    assert model.data(model.index(row, COLUMN_KEYS.index("status"))) == "正常"


def test_search_chinese_and_pinyin_narrows_rows(qtbot, window):
    assert window.findChild(QTableView, "ledger_table").model() is window.model
    type_search(qtbot, window, "精益")
    assert names(window) == ["精益光源产业园项目"]
    type_search(qtbot, window, "jygy")
    assert names(window) == ["精益光源产业园项目"]
    type_search(qtbot, window, "qingshan")
    assert names(window) == ["青山茶叶精深加工项目"]
    type_search(qtbot, window, "wjg")  # the leader 王建国 by initials
    assert sorted(names(window)) == ["精益光源产业园项目", "青山茶叶精深加工项目"]
    assert "筛选后 2 个" in window.status_label.text()
    assert "共 4 个项目" in window.status_label.text()
    type_search(qtbot, window, "没有这个项目")
    assert names(window) == []
    window.findChild(QLineEdit, "ledger_search").clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 4, timeout=5000)


def test_ctrl_f_focuses_search(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.ledger.table.setFocus()
    qtbot.keyClick(window.ledger.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.ledger.search.hasFocus(), timeout=2000)


def sort_by(qtbot, win, key: str, order: Qt.SortOrder) -> None:
    with qtbot.waitSignal(win.model.loaded, timeout=5000):
        win.ledger.table.sortByColumn(COLUMN_KEYS.index(key), order)


def test_sorting_by_amount_and_date(qtbot, window):
    sort_by(qtbot, window, "signed_amount_wan", Qt.SortOrder.AscendingOrder)
    assert names(window) == [
        "青山茶叶精深加工项目",
        "宏达新材料扩建项目",
        "精益光源产业园项目",
        "康泰生物制剂生产基地",
    ]
    sort_by(qtbot, window, "signed_amount_wan", Qt.SortOrder.DescendingOrder)
    assert names(window)[0] == "康泰生物制剂生产基地"
    sort_by(qtbot, window, "sign_date", Qt.SortOrder.AscendingOrder)
    assert names(window) == [
        "青山茶叶精深加工项目",
        "宏达新材料扩建项目",
        "精益光源产业园项目",
        "康泰生物制剂生产基地",
    ]


def test_filter_combos(qtbot, window):
    view = window.ledger
    with qtbot.waitSignal(window.model.loaded, timeout=5000):
        view.year_combo.setCurrentIndex(view.year_combo.findData("2024"))
    assert sorted(names(window)) == ["康泰生物制剂生产基地", "精益光源产业园项目"]
    with qtbot.waitSignal(window.model.loaded, timeout=5000):
        view.unit_combo.setCurrentIndex(view.unit_combo.findData("县经信局"))
    assert names(window) == ["精益光源产业园项目"]
    with qtbot.waitSignal(window.model.loaded, timeout=5000):
        view.clear_filters()
    assert window.model.rowCount() == 4


def test_terminated_rows_are_grey(qtbot, window):
    pid = window.model.project_id(0)
    window.portfolio.terminate(pid, "2025-01-02", "投资方资金链断裂")
    with qtbot.waitSignal(window.model.loaded, timeout=5000):
        window.after_change()
    row = window.model.row_of(pid)
    brush = window.model.data(window.model.index(row, 0), Qt.ItemDataRole.ForegroundRole)
    assert brush is not None and brush.color().name() == "#8a8a8a"
    other_row = (row + 1) % 4
    other = window.model.data(window.model.index(other_row, 0), Qt.ItemDataRole.ForegroundRole)
    tinted = window.model.level_of(window.model.project_id(other_row)) is not None
    # A tinted row's text is set with its tint (dark-palette safe); an untinted one's is not.
    assert (other.color().name() == "#1f1f1f") if tinted else other is None


def test_rows_are_fetched_in_pages(qtbot, tmp_db):
    pf = Portfolio.open(tmp_db)
    with pf.transaction():
        for i in range(450):
            pf.add_project(
                {
                    "name": f"项目{i:03d}",
                    "investor": "某公司",
                    "sign_date": "2024-01-01",
                    "signed_amount_wan": Decimal(i + 1),
                }
            )
    model = LedgerModel(pf, tmp_db)
    with qtbot.waitSignal(model.loaded, timeout=5000):
        model.sort(COLUMN_KEYS.index("signed_amount_wan"), Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 450
    assert model._cache == {}
    assert model.data(model.index(0, 0)) == "项目000"
    assert len(model._cache) <= 200
    assert model.data(model.index(449, 0)) == "项目449"
    pf.close()


def test_column_visibility_is_remembered(qtbot, sample_db):
    from main import build_window

    win = build_window(sample_db, language="zh_CN")
    qtbot.addWidget(win)
    leader = COLUMN_KEYS.index("leader")
    win.ledger.set_column_visible(leader, False)
    win.ledger.table.setColumnWidth(1, 333)
    win.close()
    again = build_window(sample_db, language="zh_CN")
    qtbot.addWidget(again)
    assert again.ledger.table.isColumnHidden(leader)
    assert again.ledger.table.columnWidth(1) == 333
    again.close()


def test_enter_opens_the_editor(qtbot, window, monkeypatch):
    from ui import project_editor

    opened: list[int | None] = []
    monkeypatch.setattr(
        project_editor.ProjectEditor,
        "run",
        classmethod(lambda cls, parent, pf, pid: opened.append(pid)),
    )
    window.show()
    table = window.ledger.table
    table.setFocus()
    table.setCurrentIndex(window.model.index(2, 0))
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened == [window.model.project_id(2)]


def test_rows_are_tinted_by_their_worst_warning(qtbot, window):
    if not window.model._levels:
        with qtbot.waitSignal(window.model.levels_loaded, timeout=10000):
            pass
    # 青山茶叶 was signed in 2022 and never registered: far past the 180-day red line.
    row = names(window).index("青山茶叶精深加工项目")
    brush = window.model.data(window.model.index(row, 0), Qt.ItemDataRole.BackgroundRole)
    assert brush is not None and brush.color().name() == "#fde0dc"


def test_warning_and_statistics_pages_are_wired(window):
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["台账(&L)", "预警(&W)", "统计(&I)"]


def test_pages_are_built_when_their_tab_is_shown(qtbot, window):
    from ui.warnings_view import WarningsView

    holder = window.pages["warnings"]
    assert holder.layout().count() == 0  # not built at start-up
    window.tabs.setCurrentWidget(holder)
    assert isinstance(window.page("warnings"), WarningsView)
