"""When an imported ledger's figures were true: from a dating column, from the title or
sheet name, from the latest date the rows state, or from the clerk (``--as-of``); stored
with that date, so a review as of an earlier day counts them and an older file's figures
never displace newer ones."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.helpers.ledgers import run_cli, write_xlsx
from tracker.importing.as_of import date_in_text
from tracker.ledger.portfolio import Portfolio
from tracker.review import run_review

HEAD = ["项目名称", "投资主体", "签约时间", "签约金额（万元）", "累计到位资金（万元）", "开工时间"]
ROWS = [  # funds 1,400 of 4,400 signed: 31.82 %; the first project is 80 % funded
    ["甲光伏组件项目", "甲新能源有限公司", "2023-01-10", 1000, 800, "2024-03-05"],
    ["乙冷链物流项目", "乙物流有限公司", "2023-02-15", 2000, 200, None],
    ["丙精密铸造项目", "丙铸造有限公司", "2023-03-20", 1400, 400, "2023-12-01"],
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("截至2025年6月30日", "2025-06-30"),
        ("2025年1-6月签约项目推进情况", "2025-06-30"),
        ("2024年度招商引资签约项目台账", "2024-12-31"),
        ("2024年12月", "2024-12-31"),
        ("2025年签约项目推进情况（截至6月底）", "2025-06-30"),
        ("2025年上半年", "2025-06-30"),
        ("2024年第三季度重点项目", "2024-09-30"),
        ("2024年1月至9月", "2024-09-30"),
        ("填报日期：2025年7月5日", "2025-07-05"),
        ("截止2025.6.30", "2025-06-30"),
        ("2023年签约项目推进情况表", None),  # a bare year is when deals were signed
        ("单位：万元", None),
    ],
)
def test_a_title_names_the_day_its_figures_are_counted_to(text: str, expected: str | None) -> None:
    found = date_in_text(text)
    assert (found.isoformat() if found else None) == expected


def funds(db: Path) -> dict[str, tuple[str, str]]:
    """name -> (as_of, funds 万元) of every stored snapshot, latest last."""
    p = Portfolio.open(db, auto_backup=False)
    try:
        out: dict[str, list[tuple[str, str]]] = {}
        for name, as_of, yuan in p.db.execute(
            "SELECT p.name, g.as_of, g.funds_arrived_yuan FROM progress g"
            " JOIN projects p ON p.id = g.project_id ORDER BY g.as_of, g.id"
        ):
            out.setdefault(name, []).append((as_of, str(yuan // 10000)))
        return out  # type: ignore[return-value]
    finally:
        p.close()


def test_latest_stated_date_and_a_review_before_the_import_counts_the_figures(
    tmp_db: Path, tmp_path: Path
) -> None:
    """The issue's case: reviewed as of the day before the import, 资金到位率 was 0 % and a
    project 80 % funded was 资金到位滞后. Dated by the file, the figures count."""
    ledger = write_xlsx(tmp_path / "台账.xlsx", {"S": [HEAD, *ROWS]})
    code, out, err = run_cli(tmp_db, "import", str(ledger), "--json")
    assert code == 0, err
    assert out["as_of"]["value"] == "2024-03-05" and out["as_of"]["source"] == "rows"
    assert "第 2 行开工日期" in out["as_of"]["detail"]
    assert funds(tmp_db)["甲光伏组件项目"] == [("2024-03-05", "800")]

    p = Portfolio.open(tmp_db, auto_backup=False)
    try:
        review = run_review(p, date.today() - timedelta(days=1))
    finally:
        p.close()
    assert str(review.rates.funds_pct) == "31.82"
    lagging = {w.project for w in review.warnings if w.rule == "funds_lagging"}
    assert "甲光伏组件项目" not in lagging and "乙冷链物流项目" in lagging


def test_a_dating_column_dates_each_row(tmp_db: Path, tmp_path: Path) -> None:
    rows = [[*r, d] for r, d in zip(ROWS, ["2024-06-30", "2024-09-30", None], strict=True)]
    titled = [["2024年签约项目推进情况（截至2024年12月31日）"], [*HEAD, "统计日期"], *rows]
    code, out, err = run_cli(
        tmp_db, "import", str(write_xlsx(tmp_path / "c.xlsx", {"S": titled})), "--json"
    )
    assert code == 0, err
    dated = funds(tmp_db)
    assert dated["甲光伏组件项目"] == [("2024-06-30", "800")]
    assert dated["乙冷链物流项目"] == [("2024-09-30", "200")]
    assert dated["丙精密铸造项目"] == [("2024-12-31", "400")]  # blank cell: the title's day
    assert out["as_of"]["source"] == "title" and "统计日期" in out["as_of"]["detail"]


def test_title_sheet_name_and_the_clerk(tmp_db: Path, tmp_path: Path) -> None:
    by_title = write_xlsx(
        tmp_path / "t.xlsx", {"S": [["2024年1-6月签约项目推进情况"], HEAD, *ROWS[:1]]}
    )
    code, out, _ = run_cli(tmp_db, "import", str(by_title), "--dry-run", "--json")
    assert out["as_of"]["value"] == "2024-06-30" and out["as_of"]["source"] == "title"
    assert out["sheets"][0]["as_of"]["value"] == "2024-06-30"
    by_sheet = write_xlsx(tmp_path / "s.xlsx", {"2024年度": [HEAD, *ROWS[:1]]})
    code, out, _ = run_cli(tmp_db, "import", str(by_sheet), "--dry-run", "--json")
    assert out["as_of"]["value"] == "2024-12-31" and "工作表名" in out["as_of"]["detail"]
    future = write_xlsx(tmp_path / "f.xlsx", {"S": [["2099年度台账"], HEAD, *ROWS[:1]]})
    code, out, _ = run_cli(tmp_db, "import", str(future), "--dry-run", "--json")
    assert out["as_of"]["value"] == date.today().isoformat() and "还没到" in out["as_of"]["detail"]

    code, out, err = run_cli(tmp_db, "import", str(by_title), "--as-of", "2024-05-31", "--json")
    assert code == 0, err
    assert out["as_of"] == {"value": "2024-05-31", "source": "clerk", "detail": "由您指定"}
    assert funds(tmp_db)["甲光伏组件项目"] == [("2024-05-31", "800")]
    code, listed, _ = run_cli(tmp_db, "imports", "--json")
    assert listed[0]["as_of"] == "2024-05-31"
    for bad, words in (("2024-05", "精确到日"), ("2099-01-01", "晚于今天"), ("昨天", "统计日期")):
        code, _, err = run_cli(tmp_db, "import", str(by_title), "--as-of", bad)
        assert code == 2 and words in err and len(err.strip().splitlines()) == 1


def test_no_date_anywhere_is_the_import_day_said_so(tmp_db: Path, tmp_path: Path) -> None:
    head = ["项目名称", "投资主体", "签约金额（万元）", "累计到位资金（万元）"]
    ledger = write_xlsx(tmp_path / "n.xlsx", {"S": [head, ["丁项目", "丁公司", 100, 10]]})
    code, out, err = run_cli(
        tmp_db, "import", str(ledger), "--sign-date", "2021", "--dry-run", "--json"
    )
    assert code == 0, err
    assert out["as_of"]["value"] == date.today().isoformat() and out["as_of"]["source"] == "today"


def test_older_figures_never_displace_newer_ones(tmp_db: Path, tmp_path: Path) -> None:
    def ledger(name: str, title: str, amount: int) -> Path:
        rows = [["甲光伏组件项目", "甲新能源有限公司", "2023-01-10", 1000, amount, None]]
        return write_xlsx(tmp_path / name, {"S": [[title], HEAD, *rows]})

    run_cli(tmp_db, "import", str(ledger("new.xlsx", "截至2024年12月31日", 500)), "--json")
    code, out, _ = run_cli(
        tmp_db, "import", str(ledger("old.xlsx", "截至2024年6月30日", 300)), "--json"
    )
    assert code == 0 and out["rows"][0]["action"] == "fill"
    (change,) = out["rows"][0]["changes"]
    assert change["kind"] == "add" and change["old"] is None and change["new"] == 300
    assert funds(tmp_db)["甲光伏组件项目"] == [("2024-06-30", "300"), ("2024-12-31", "500")]
    (row,) = run_cli(tmp_db, "list", "--json")[1]
    assert row["funds_arrived_wan"] == 500  # the ledger's latest stays the latest
    # the same old file again: nothing new
    code, again, _ = run_cli(
        tmp_db, "import", str(ledger("old.xlsx", "截至2024年6月30日", 300)), "--json"
    )
    assert again["rows"][0]["action"] == "skip"
    # a different figure for a day the ledger already has is a conflict under fill
    code, clash, _ = run_cli(
        tmp_db, "import", str(ledger("x.xlsx", "截至2024年12月31日", 450)), "--dry-run", "--json"
    )
    (conflict,) = clash["rows"][0]["conflicts"]
    assert conflict["old"] == 500 and conflict["new"] == 450 and conflict["kind"] == "differs"
