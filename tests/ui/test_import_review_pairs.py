"""A row that may be a stored project, typed otherwise, waits on the duplicates page side
by side with the stored one; 是同一项目 makes it a match, 不是 a new project."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.ledgers import run_cli, write_xlsx
from tests.ui.test_import_trust import shot, to_page
from ui.import_wizard import DUPLICATES, MAPPING, PLAN, ImportWizard

HEAD = ["项目名称", "投资主体", "签约时间", "签约金额（万元）", "落地乡镇"]
STORED = [
    ["恒通轴承生产基地项目", "浙江恒通轴承有限公司", "2022-08-05", 50000, "高新园区"],
    ["绿色数据中心生产基地项目", "上海绿色数据有限公司", "2021-04-26", 35000, "青山镇"],
]
NEXT_YEAR = [
    ["恒通轴承生产基地项目", "恒通轴承有限公司", "2023-03-01", 9000, "高新园区"],  # may be
    ["绿色数据中心基地项目（一期）", "绿色数据科技有限公司", "2021-04-26", 35000, "青山镇"],
]


def test_review_pair_side_by_side_and_answered(qtbot, tmp_db: Path, tmp_path: Path) -> None:
    first = write_xlsx(tmp_path / "2022年台账.xlsx", {"S": [HEAD, *STORED]})
    assert run_cli(tmp_db, "import", str(first), "--json")[0] == 0
    second = write_xlsx(tmp_path / "2023年台账.xlsx", {"S": [HEAD, *NEXT_YEAR]})
    wizard = ImportWizard(None, tmp_db, [second])
    qtbot.addWidget(wizard)
    wizard.resize(1366, 740)
    wizard.show()
    to_page(qtbot, wizard, MAPPING)
    to_page(qtbot, wizard, PLAN)
    to_page(qtbot, wizard, DUPLICATES)
    box = wizard.duplicates_page.review
    assert box.isVisible() and box.model.rowCount() == 1
    stored, incoming = (box.model.index(0, c).data() for c in (0, 1))
    assert "浙江恒通轴承有限公司" in stored and "50,000.00 万元" in stored
    assert "恒通轴承有限公司" in incoming and "2023-03-01" in incoming
    assert "未确认" in box.model.index(0, 3).data() or "not" in box.model.index(0, 3).data()
    shot(wizard, tmp_path, "review_pair.png")
    (plan,) = wizard.state.plans
    (row,) = plan.review_rows()
    assert row.action == "skip"
    box.same.click()
    assert row.matched and row.project_id == 1
    assert any(line.row is row for line in wizard.duplicates_page.model.items)
    box.view.selectRow(0)
    box.different.click()
    assert row.action == "create" and row.project_id is None
    matched = [r for r in plan.matched_rows() if r.retyped]
    assert len(matched) == 1 and "（一期）" in matched[0].match_reasons
