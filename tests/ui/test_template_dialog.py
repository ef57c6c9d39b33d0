"""导出报表 → 按上级模板填报…: the dialog reads the template, shows and takes corrections to
each column's rule, previews, fills and remembers the corrected mapping."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QDate

from tests.helpers.templates import one_row_xlsx, sample_ledger
from tracker.ledger.portfolio import Portfolio
from tracker.reports import output
from tracker.templates.presets import load_mapping


def _db(tmp_path: Path) -> Path:
    db = tmp_path / "t.db"
    p = Portfolio.open(db, auto_backup=False)
    sample_ledger(p)
    p.close()
    return db


def _dialog(qtbot, db: Path, template: Path):
    from ui.template_dialog import TemplateDialog

    dialog = TemplateDialog(None, db)
    qtbot.addWidget(dialog)
    dialog.as_of_edit.setDate(QDate(2025, 6, 30))
    dialog.load_template(template)
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=20_000)
    qtbot.waitUntil(lambda: dialog.preview_model.rowCount() == 2, timeout=20_000)
    return dialog


def test_dialog_corrects_previews_fills_and_remembers(
    qtbot, qtmodeltester, tmp_path, monkeypatch
) -> None:
    db = _db(tmp_path)
    template = one_row_xlsx(tmp_path / "市模板.xlsx")
    dialog = _dialog(qtbot, db, template)
    dialog.resize(1366, 740)
    assert dialog.mapping.rowCount() == 11
    assert dialog.mapping.item(10, 2).text() == "留空"
    assert dialog.mapping.item(8, 2).text() == "联系人及联系电话"
    assert dialog.preview_model.data(dialog.preview_model.index(0, 8)) == "张三 13800000001"
    assert "2" in dialog.count_label.text()
    qtmodeltester.check(dialog.preview_model)
    # the clerk fills 对接频次 with the stage; the preview follows
    combo = dialog.combos[10]
    combo.setCurrentIndex(combo.findData("stage"))
    qtbot.waitUntil(
        lambda: dialog.preview_model.data(dialog.preview_model.index(0, 10)) == "开工",
        timeout=20_000,
    )
    assert dialog.mapping.item(10, 2).text() == "当前阶段"
    # filters narrow the projects
    dialog.unit_combo.setCurrentIndex(dialog.unit_combo.findData("县发改局"))
    qtbot.waitUntil(lambda: dialog.preview_model.rowCount() == 1, timeout=20_000)
    dialog.unit_combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: dialog.preview_model.rowCount() == 2, timeout=20_000)
    assert not dialog.grab().isNull()
    opened: list[Path] = []
    monkeypatch.setattr(dialog, "open_url", opened.append)
    dialog.open_after.setChecked(True)
    out = tmp_path / "填好.xlsx"
    dialog.path_edit.setText(str(out))
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.saved_path is not None, timeout=20_000)
    assert opened == [out]
    ws = load_workbook(out).active
    assert ws["K4"].value == "开工" and ws["A6"].value == "合计"
    p = Portfolio.open(db, auto_backup=False)
    try:
        saved = load_mapping(p, dialog.plan.layout.signature)
    finally:
        p.close()
    assert saved is not None and saved["K"] == "stage"
    # next time the same template opens with the remembered rule
    again = _dialog(qtbot, db, template)
    assert again.plan.preset_used and again.combos[10].currentData() == "stage"


def test_dialog_says_why_a_template_is_refused(qtbot, tmp_path, monkeypatch) -> None:
    from ui.template_dialog import TemplateDialog

    db = _db(tmp_path)
    bad = tmp_path / "说明.xlsx"
    bad.write_text("not a workbook", encoding="utf-8")
    dialog = TemplateDialog(None, db)
    qtbot.addWidget(dialog)
    errors: list[str] = []
    monkeypatch.setattr(dialog, "show_error", errors.append)
    dialog.load_template(bad)
    qtbot.waitUntil(lambda: bool(errors), timeout=20_000)
    assert "不是 Excel/WPS 工作簿" in errors[0] and dialog.plan is None
    assert not dialog.fill_button.isEnabled()


def test_locked_output_asks_for_another_name(qtbot, tmp_path, monkeypatch) -> None:
    db = _db(tmp_path)
    dialog = _dialog(qtbot, db, one_row_xlsx(tmp_path / "t.xlsx"))
    locked = tmp_path / "报表.xlsx"
    locked.write_bytes(b"open in Excel")
    real_replace = output.os.replace

    def replace(src, dst):
        if Path(dst) == locked:
            raise PermissionError(13, "in use")
        return real_replace(src, dst)

    errors: list[str] = []
    monkeypatch.setattr(output.os, "replace", replace)
    monkeypatch.setattr(dialog, "show_error", errors.append)
    monkeypatch.setattr(dialog, "ask_file_name", lambda suggestion: suggestion)
    dialog.path_edit.setText(str(locked))
    dialog.accept()
    qtbot.waitUntil(lambda: dialog.saved_path is not None, timeout=20_000)
    assert errors and "正被 Excel 或 WPS 打开" in errors[0]
    assert (
        dialog.saved_path == tmp_path / "报表(2).xlsx" and locked.read_bytes() == b"open in Excel"
    )


def test_report_dialog_opens_the_template_dialog(qtbot, tmp_path, monkeypatch) -> None:
    from ui import template_dialog
    from ui.report_dialog import ReportDialog

    db = _db(tmp_path)
    dialog = ReportDialog(None, db)
    qtbot.addWidget(dialog)
    filled = tmp_path / "填好.xlsx"
    monkeypatch.setattr(
        template_dialog.TemplateDialog, "run", classmethod(lambda cls, p, d: filled)
    )
    dialog.template_button.click()
    assert dialog.saved_path == filled and dialog.result() == dialog.DialogCode.Accepted
