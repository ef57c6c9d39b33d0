"""Rows under the header that are not projects, in the forms real ledgers use: totals with a
place before them or a count after, categories numbered with Chinese numerals, a short
label whose amount is the sum of the rows below it, the header repeated, rows of bare
numbers. Each is skipped with its reason in the plan; no project is lost."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.ledgers import run_cli, write_xlsx
from tracker.importing.plan import plan_file
from tracker.importing.row_kinds import is_total

HEADER = ["序号", "项目名称", "投资主体", "签约时间", "总投资（万元）", "所在地"]


def project(n: int, amount: float, town: str = "河口镇") -> list[object]:
    return [
        n,
        f"华腾{n}号精密铸件生产基地项目",
        f"江苏华腾{n}机械有限公司",
        "2023-05-12",
        amount,
        town,
    ]


@pytest.mark.parametrize(
    "label",
    [
        "合计",
        "小计",
        "龙海市合计14个",
        "合计（13项）",
        "总计 131个",
        "全县合计",
        "青溪县合计6个",
        "其中：工业",
    ],
)
def test_total_forms(label: str, tmp_path: Path) -> None:
    assert is_total(label.replace(" ", "")) or label.startswith("其中")
    rows = [HEADER, [None, label, None, None, 300, None], project(1, 100), project(2, 200)]
    plan = plan_file(write_xlsx(tmp_path / "t.xlsx", {"S": rows}))
    assert [r.row for r in plan.rows] == [3, 4]
    (skipped,) = plan.sheets[0].to_json()["not_projects"]
    assert skipped == {
        "row": 2,
        "action": "skip",
        "kind": "total",
        "reason": "合计/小计行，不是项目",
    }


def test_a_project_named_like_a_total_is_still_a_project(tmp_path: Path) -> None:
    rows = [
        HEADER,
        [1, "合计划建设的冷链物流园项目", "甲物流有限公司", "2023-01-01", 100, "河口镇"],
    ]
    plan = plan_file(write_xlsx(tmp_path / "p.xlsx", {"S": rows}))
    assert [r.action for r in plan.rows] == ["create"]


@pytest.mark.parametrize(
    "category",
    [
        ["一", "工业", None, None, 300, None],  # numeral serial, label, amount
        ["（一）工业项目82个", None, None, None, None, None],
        [None, "（一）工业项目2个", None, None, None, None],
        ["一、", "城关镇（2个）", None, None, None, None],
        [None, "第一批", None, None, None, None],
    ],
)
def test_category_forms(category: list[object], tmp_path: Path) -> None:
    rows = [HEADER, category, project(1, 100), project(2, 200)]
    plan = plan_file(write_xlsx(tmp_path / "c.xlsx", {"S": rows}))
    assert [r.row for r in plan.rows] == [3, 4] and all(r.action == "create" for r in plan.rows)
    (skipped,) = plan.sheets[0].to_json()["not_projects"]
    assert skipped["kind"] == "category" and "分类" in skipped["reason"]


def test_a_label_whose_amount_is_the_sum_below_is_a_category(tmp_path: Path) -> None:
    rows = [
        HEADER,
        [None, "工业项目", None, None, 300, None],
        project(1, 100),
        project(2, 200),
        [None, "服务业项目", None, None, 50.5, None],
        project(3, 50.5),
        [None, "冷库改造项目", None, "2023-06-01", 80, None],  # a real project, sum unrelated
    ]
    plan = plan_file(write_xlsx(tmp_path / "s.xlsx", {"S": rows}))
    not_projects = plan.sheets[0].to_json()["not_projects"]
    assert [(r["row"], r["kind"]) for r in not_projects] == [(2, "category"), (5, "category")]
    assert all("之和" in r["reason"] for r in not_projects)
    assert [r.row for r in plan.rows] == [3, 4, 6, 7]
    assert plan.rows[-1].fields["name"] == "冷库改造项目"


def test_repeated_header_and_bare_number_rows(tmp_path: Path) -> None:
    rows = [
        HEADER,
        project(1, 100),
        HEADER,
        project(2, 200),
        [None, None, None, None, 300, None],
        [None, None, None, None, "300.00", 2],
    ]
    plan = plan_file(write_xlsx(tmp_path / "h.xlsx", {"S": rows}))
    assert [r.row for r in plan.rows] == [2, 4]
    kinds = {r["row"]: r["kind"] for r in plan.sheets[0].to_json()["not_projects"]}
    assert kinds == {3: "header", 5: "numbers", 6: "numbers"}


def test_government_ledger_end_to_end(tmp_path: Path, tmp_db: Path) -> None:
    """A city's key-project ledger: a place-prefixed total, numeral categories, a total with
    a count, no sign-date column (the title names the year), a two-level header."""
    rows = [
        ["2021年龙海市重点项目推进情况表", None, None, None, None, None, None, None],
        ["序号", "项目名称", "项目业主单位", None, None, None, "总投资（亿元）", "所在地"],
        [None, None, "业主名称", "负责人", "联系人", "电话", None, None],
        [None, "龙海市合计14个", None, None, None, None, 12.5, None],
        ["一", "工业", None, None, None, None, 8.5, None],
        [
            1,
            "年产5万吨特种纸项目",
            "福建恒达纸业有限公司",
            "王建新",
            "李明",
            "13800001111",
            5,
            "角美镇",
        ],
        [
            2,
            "精密铸件扩建工程",
            "漳州华兴机械有限公司",
            "陈伟",
            "吴芳",
            "0596-6666888",
            3.5,
            "海澄镇",
        ],
        ["二", "（二）服务业项目1个", None, None, None, None, 4, None],
        [3, "滨海物流园项目", "厦门海通物流有限公司", "郑强", "林洁", "13900002222", 4, "港尾镇"],
        [None, "合计（3项）", None, None, None, None, 12.5, None],
        [None, "总计 3个", None, None, None, None, 12.5, None],
    ]
    merges = ["A1:H1", "A2:A3", "B2:B3", "C2:F2", "G2:G3", "H2:H3"]
    path = write_xlsx(tmp_path / "重点项目.xlsx", {"重点项目": rows}, {"重点项目": merges})
    code, out, err = run_cli(tmp_db, "import", str(path), "--json")
    assert code == 0, err
    (sheet,) = out["sheets"]
    assert sheet["header_rows"] == [2, 3]
    assert sheet["columns"]["项目业主单位/业主名称"] == "investor"
    assert sheet["columns"]["项目业主单位/联系人"] == "contact"
    assert sheet["columns"]["项目业主单位/电话"] == "phone"
    assert sheet["columns"]["项目业主单位/负责人"] is None  # the contact is already taken
    assert "另一列" in sheet["reasons"]["项目业主单位/负责人"]
    assert [r["kind"] for r in sheet["not_projects"]] == [
        "total",
        "category",
        "category",
        "total",
        "total",
    ]
    assert sheet["sign_date"] == {"value": "2021", "source": "title"}
    assert out["summary"]["create"] == 3
    first = out["rows"][0]
    assert first["fields"]["sign_date"] == "2021" and first["fields"]["signed_amount_wan"] == 50000
    assert any("2021" in w and "标题" in w for w in first["warnings"])
