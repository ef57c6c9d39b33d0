"""First run: the set-up dialog stores the county, 填报单位, 填表人 and pasted lists through
the portfolio (audited), refuses to go on without the names a report needs, stores nothing
when closed, and is offered only for a ledger nobody has set up."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tracker.ledger.portfolio import Portfolio
from ui.first_run import DEMO, EMPTY, IMPORT, FirstRunDialog, needs_setup


@pytest.fixture
def fresh(tmp_db: Path):
    p = Portfolio.open(tmp_db, auto_backup=False)
    yield p
    p.close()


def fill(dialog: FirstRunDialog, **values: str) -> None:
    for key, text in values.items():
        edit = dialog.inputs[key]
        if hasattr(edit, "setPlainText"):
            edit.setPlainText(text)
        else:
            edit.setText(text)


def test_first_run_dialog_writes_settings(qtbot, fresh: Portfolio) -> None:
    assert needs_setup(fresh)
    dialog = FirstRunDialog(fresh)
    qtbot.addWidget(dialog)
    fill(
        dialog,
        county_name=" 青溪县 ",
        reporting_unit="青溪县投资促进中心",
        preparer="张明",
        # a column pasted from Excel (CRLF), a row pasted (tabs), typed with 、
        units="县发改局\r\n县经信局\r\n\r\n县发改局\r\n",
        towns="城关镇\t青山镇\t溪口镇",
        leaders="王建国、李明华",
    )
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == EMPTY and dialog.result() == dialog.DialogCode.Accepted
    stored = fresh.settings()
    assert stored["county_name"] == "青溪县"
    assert stored["reporting_unit"] == "青溪县投资促进中心"
    assert stored["preparer"] == "张明"
    assert stored["units"] == ["县发改局", "县经信局"]
    assert stored["towns"] == ["城关镇", "青山镇", "溪口镇"]
    assert stored["leaders"] == ["王建国", "李明华"]
    audited = {e.field for e in fresh.audit_for() if e.entity == "settings"}
    assert {"county_name", "reporting_unit", "preparer", "units"} <= audited
    assert fresh.is_set_up() and not needs_setup(fresh)


def test_names_are_required_for_a_real_ledger(qtbot, fresh: Portfolio) -> None:
    dialog = FirstRunDialog(fresh)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, reporting_unit="青溪县投资促进中心")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is None and dialog.isVisible()
    assert "县（区）名称" in dialog.banner.text()
    assert dialog.inputs["county_name"].property("invalid")
    assert not fresh.is_set_up() and fresh.settings()["reporting_unit"] == ""
    fill(dialog, county_name="青溪县")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == IMPORT and fresh.is_set_up()


def test_demo_first_stores_nothing_when_nothing_was_typed(qtbot, fresh: Portfolio) -> None:
    dialog = FirstRunDialog(fresh)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert dialog.choice == DEMO
    assert not fresh.is_set_up() and fresh.audit_for() == []
    assert needs_setup(fresh)  # asked again when the clerk comes back from the demo


def test_closing_the_dialog_stores_nothing(qtbot, fresh: Portfolio) -> None:
    dialog = FirstRunDialog(fresh)
    qtbot.addWidget(dialog)
    dialog.show()
    fill(dialog, county_name="青溪县", reporting_unit="青溪县投资促进中心")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.choice is None and not fresh.is_set_up()


def test_only_an_untouched_ledger_is_set_up(fresh: Portfolio, tmp_path: Path) -> None:
    assert needs_setup(fresh)
    fresh.add_project(
        {
            "name": "精益光源产业园项目",
            "investor": "精益光源",
            "sign_date": "2024-03-15",
            "signed_amount_wan": "5000",
        }
    )
    assert not needs_setup(fresh), "a ledger with projects is in use, whatever its settings"
    other = Portfolio.open(tmp_path / "other.db", auto_backup=False)
    try:
        other.update_settings({"county_name": "青溪县"})
        assert not needs_setup(other)
    finally:
        other.close()


def test_window_routes_the_choice(qtbot, window, monkeypatch) -> None:
    """Start-up: an untouched ledger gets the dialog; 先看演示 opens the demo."""
    opened: list[str] = []
    monkeypatch.setattr(type(window.demo), "open", lambda self: opened.append("demo"))
    monkeypatch.setattr(FirstRunDialog, "run", classmethod(lambda cls, parent, pf: DEMO))
    window.first_run()
    assert opened == [], "the sample ledger has projects: no set-up"
    monkeypatch.setattr("ui.main_window.needs_setup", lambda portfolio: True)
    window.first_run()
    assert opened == ["demo"]
