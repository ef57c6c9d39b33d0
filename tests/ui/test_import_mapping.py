"""The wizard's column page: reasons beside each column, unsure ones highlighted, both
levels of a two-level title, leaving a sheet out, and the sign date of a sheet without a
sign-date column (pre-filled from its title's year, checked as typed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.helpers.ledgers import write_xlsx
from tracker.ledger.portfolio import Portfolio
from ui.import_mapping import UNSURE
from ui.import_wizard import MAPPING, PLAN, SUMMARY, ImportWizard

NO_DATE = [
    ["2021年招商引资签约项目台账"],
    ["序号", "项目名称", "投资主体", "总投资（万元）", "备用"],
    [1, "绿源食品加工生产基地项目", "福建绿源食品有限公司", 5000, "县商务局"],
    [2, "华腾精密铸件扩建工程", "江苏华腾机械股份有限公司", 12000, "县工信局"],
]
OTHER = [
    ["项目名称", "投资主体", "签约时间", "总投资（万元）"],
    ["鼎盛冷链仓储物流园项目", "浙江鼎盛物流集团有限公司", "2022-08-20", 300],
]


@pytest.fixture
def db(tmp_db: Path) -> Path:
    Portfolio.open(tmp_db).close()
    return tmp_db


def open_mapping(qtbot, db: Path, path: Path) -> ImportWizard:
    wizard = ImportWizard(None, db, [path])
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == MAPPING, timeout=15000)
    return wizard


def test_reasons_highlight_sign_date_and_leaving_a_sheet_out(qtbot, db: Path, tmp_path: Path):
    path = write_xlsx(tmp_path / "台账.xlsx", {"城关镇": NO_DATE, "去年": OTHER})
    wizard = open_mapping(qtbot, db, path)
    page = wizard.mapping_page
    f, table = page.current()
    assert table.sheet == "城关镇"
    # every column says why; the one chosen from its values alone is yellow
    for row, col in enumerate(page._listed):
        assert page.mapping.item(row, 2).text() == col.reason
    spare = [c.header for c in page._listed].index("备用")
    assert page.combos[spare].currentData() == "unit"
    assert page.mapping.item(spare, 0).background().color() == UNSURE
    assert page.mapping.item(1, 0).background().color() != UNSURE
    # no sign-date column: asked for, pre-filled from the title's year
    assert page.sign_row.isVisibleTo(page) and page.sign_date.text() == "2021"
    assert "标题" in page.sign_note.text() or "title" in page.sign_note.text()
    page.sign_date.setText("2021-13")
    page.sign_date.editingFinished.emit()
    assert "2021-13" in page.sign_note.text() and table.sign_date_default == "2021"
    page.sign_date.setText("2021.6")
    page.sign_date.editingFinished.emit()
    assert table.sign_date_default == "2021-06" and page.sign_date.text() == "2021-06"
    wizard.grab().save(str(tmp_path / "mapping.png"))
    # the second sheet is left out
    page.sheet_combo.setCurrentIndex(1)
    assert not page.sign_row.isVisibleTo(page)
    page.include.setChecked(False)
    assert page.current()[1].excluded
    assert any(w in page.sheet_combo.currentText() for w in ("不导入", "not imported"))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PLAN, timeout=15000)
    assert {r.sheet for r in wizard.plan_page.model.rows} == {"城关镇"}
    wizard.next()  # nothing stored yet: no duplicates page
    qtbot.waitUntil(lambda: wizard.currentId() == SUMMARY, timeout=15000)
    p = Portfolio.open(db, auto_backup=False)
    try:
        rows = p.list_rows()
        assert {r["sign_date"] for r in rows} == {"2021-06"} and len(rows) == 2
        assert {r["unit"] for r in rows} == {"县商务局", "县工信局"}
    finally:
        p.close()


def test_a_missing_sign_date_holds_the_page(qtbot, db: Path, tmp_path: Path):
    path = write_xlsx(tmp_path / "无年份.xlsx", {"S": NO_DATE[1:]})
    wizard = open_mapping(qtbot, db, path)
    page = wizard.mapping_page
    assert page.sign_date.text() == ""
    assert not page.validatePage() and wizard.currentId() == MAPPING
    assert "S" in page.sign_note.text()
    page.sign_date.setText("2020")
    page.sign_date.editingFinished.emit()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PLAN, timeout=15000)
    assert {r.fields["sign_date"] for r in wizard.plan_page.model.rows} == {"2020"}


def test_two_level_titles_show_both_levels(qtbot, db: Path, tmp_path: Path):
    rows = [
        ["序号", "项目名称", "项目业主单位", None, None, "签约时间", "总投资（万元）"],
        [None, None, "业主名称", "联系人", "电话", None, None],
        [1, "年产5万吨特种纸项目", "福建恒达纸业有限公司", "李明", "13800001111", "2023-01-05", 5],
    ]
    merges = ["A1:A2", "B1:B2", "C1:E1", "F1:F2", "G1:G2"]
    path = write_xlsx(tmp_path / "两级.xlsx", {"S": rows}, {"S": merges})
    page = open_mapping(qtbot, db, path).mapping_page
    titles = [page.mapping.item(i, 0).text() for i in range(page.mapping.rowCount())]
    assert "C  项目业主单位 › 业主名称" in titles and "E  项目业主单位 › 电话" in titles
    fields = {t: page.combos[i].currentData() for i, t in enumerate(titles)}
    assert fields["C  项目业主单位 › 业主名称"] == "investor"
    assert fields["D  项目业主单位 › 联系人"] == "contact"
    assert fields["E  项目业主单位 › 电话"] == "phone"
    assert page.mapping.item(2, 2).toolTip() == page._listed[2].reason
    assert page.preview.data(page.preview.index(1, 2), Qt.ItemDataRole.DisplayRole) == "业主名称"
