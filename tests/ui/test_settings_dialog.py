"""Settings dialog: values round-trip through the database; bad values marked at the field."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPlainTextEdit, QSpinBox

from tracker.ledger.portfolio import Portfolio
from tracker.ledger.settings import OPTION_BY_KEY, THRESHOLD_KEYS
from ui.settings_dialog import SettingsDialog


def test_settings_round_trip(qtbot, sample_db):
    pf = Portfolio.open(sample_db, auto_backup=False)
    dialog = SettingsDialog(pf)
    qtbot.addWidget(dialog)
    # Thresholds start at the published defaults.
    for key in THRESHOLD_KEYS:
        assert dialog.findChild(QSpinBox, f"setting_{key}").value() == OPTION_BY_KEY[key].default
    dialog.findChild(QLineEdit, "setting_county_name").setText("青溪县")
    dialog.findChild(QLineEdit, "setting_reporting_unit").setText("青溪县投资促进中心")
    dialog.findChild(QSpinBox, "setting_registration_yellow_days").setValue(60)
    dialog.findChild(QPlainTextEdit, "setting_units").setPlainText("县发改局\n县商务局\n县发改局\n")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    values = pf.settings()
    assert values["county_name"] == "青溪县"
    assert values["reporting_unit"] == "青溪县投资促进中心"
    assert values["registration_yellow_days"] == 60
    assert values["units"] == ["县发改局", "县商务局"]
    pf.close()

    # A fresh dialog on a fresh connection shows what was stored.
    pf = Portfolio.open(sample_db, auto_backup=False)
    again = SettingsDialog(pf)
    qtbot.addWidget(again)
    assert again.findChild(QLineEdit, "setting_county_name").text() == "青溪县"
    assert again.findChild(QSpinBox, "setting_registration_yellow_days").value() == 60
    assert again.findChild(QPlainTextEdit, "setting_units").toPlainText() == "县发改局\n县商务局"
    # Restore defaults puts thresholds back.
    again.findChild(QDialogButtonBox).button(
        QDialogButtonBox.StandardButton.RestoreDefaults
    ).click()
    assert again.findChild(QSpinBox, "setting_registration_yellow_days").value() == 90
    pf.close()


def test_inconsistent_thresholds_are_refused_at_the_field(qtbot, sample_db):
    pf = Portfolio.open(sample_db, auto_backup=False)
    dialog = SettingsDialog(pf)
    qtbot.addWidget(dialog)
    dialog.show()
    red = dialog.findChild(QSpinBox, "setting_registration_red_days")
    red.setValue(30)  # milder than the yellow 90 days
    dialog.accept()
    assert dialog.isVisible()
    assert red.property("invalid") is True
    assert "应大于" in dialog.banner.text()
    assert pf.settings()["registration_red_days"] == 180
    pf.close()


def test_settings_lists_feed_the_editor_combos(qtbot, sample_db):
    from ui.project_editor import ProjectEditor

    pf = Portfolio.open(sample_db, auto_backup=False)
    pf.update_settings({"leaders": ["赵海涛", "孙立新"]})
    editor = ProjectEditor(pf, None)
    qtbot.addWidget(editor)
    combo = editor.basic.inputs["leader"]
    assert [combo.itemText(i) for i in range(combo.count())] == ["", "赵海涛", "孙立新"]
    pf.close()
