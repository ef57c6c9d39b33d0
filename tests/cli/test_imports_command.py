"""``imports``: the history of batches with their counts, as-of dates and conflicts; and an
undo from it after a hand edit keeps the hand edit."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from tests.helpers.ledgers import run_cli, write_xlsx
from tracker.ledger.portfolio import Portfolio

HEAD = ["项目名称", "投资主体", "签约时间", "签约金额（万元）", "包抓领导", "开工时间"]


def two_batches(tmp_db: Path, tmp_path: Path) -> tuple[int, int]:
    first = write_xlsx(
        tmp_path / "2023年台账.xlsx",
        {"城关镇": [HEAD, ["甲项目", "甲公司", "2023-06-20", 8000, None, None]]},
    )
    second = write_xlsx(
        tmp_path / "截至2024年6月30日台账.xlsx",
        {
            "城关镇": [HEAD, ["甲项目", "甲公司", "2023-06-20", 9000, "王建国", "2024-03-05"]],
            "溪口镇": [
                HEAD,
                ["乙项目", "乙公司", "2024-01-02", 50, None, None],
                ["坏行", "x", "x", 1],
            ],
        },
    )
    one = run_cli(tmp_db, "import", str(first), "--json")[1]["batch_id"]
    two = run_cli(tmp_db, "import", str(second), "--json")[1]["batch_id"]
    return one, two


def test_imports_json_lists_every_batch(tmp_db: Path, tmp_path: Path) -> None:
    one, two = two_batches(tmp_db, tmp_path)
    code, batches, err = run_cli(tmp_db, "imports", "--json")
    assert code == 0, err
    assert [b["batch_id"] for b in batches] == [two, one]  # newest first
    latest = batches[0]
    assert list(latest) == [
        "batch_id",
        "kind",
        "at",
        "user",
        "file",
        "sheets",
        "counts",
        "as_of",
        "undone_at",
    ]
    assert latest["file"] == "截至2024年6月30日台账.xlsx" and latest["kind"] == "import"
    assert latest["sheets"] == ["城关镇", "溪口镇"] and latest["as_of"] == "2024-06-30"
    assert latest["counts"] == {
        "create": 1,
        "update": 0,
        "fill": 1,
        "conflicts": 1,
        "reject": 1,
        "skip": 0,
    }
    assert latest["undone_at"] is None

    out = tmp_path / "冲突.xlsx"
    code, one_batch, _ = run_cli(
        tmp_db, "imports", "--batch", str(two), "--json", "--conflicts-out", str(out)
    )
    (conflict,) = one_batch["conflicts"]
    assert conflict["label"] == "签约总投资（万元）" and conflict["stored"] == "8,000.00"
    assert load_workbook(out)["冲突"]["G2"].value == "9,000.00"
    code, text, _ = run_cli(tmp_db, "imports")
    assert f"批次 {two}" in text and "冲突 1" in text and "统计截至 2024-06-30" in text
    code, _, err = run_cli(tmp_db, "imports", "--conflicts-out", str(out))
    assert code == 2 and "--batch" in err


def test_undo_after_a_hand_edit_keeps_the_hand_edit(tmp_db: Path, tmp_path: Path) -> None:
    _, two = two_batches(tmp_db, tmp_path)
    p = Portfolio.open(tmp_db, auto_backup=False)
    try:
        pid = next(r["id"] for r in p.list_rows() if r["name"] == "甲项目")
        assert p.get_project(pid).leader == "王建国"  # filled by batch two
        p.edit_project(pid, {"leader": "李明华"})  # the clerk, afterwards
    finally:
        p.close()
    code, out, err = run_cli(tmp_db, "undo-import", str(two), "--json")
    assert code == 0, err
    assert out["kept_fields"][0]["changes"] == ["包抓领导"]
    (row,) = [r for r in run_cli(tmp_db, "list", "--json")[1] if r["name"] == "甲项目"]
    assert row["leader"] == "李明华"  # the hand edit stays
    assert row["stage"] == "signed"  # what only the batch did is undone
    assert {r["name"] for r in run_cli(tmp_db, "list", "--json")[1]} == {"甲项目"}
    code, batches, _ = run_cli(tmp_db, "imports", "--json")
    assert batches[0]["undone_at"] is not None
