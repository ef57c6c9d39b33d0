"""`python -m tracker import --json` in a real subprocess: the machine-checked contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers.ledgers import write_xlsx

ROOT = Path(__file__).resolve().parents[2]


def tracker(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tracker", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        timeout=120,
    )


def test_import_json_shape_exactly(tmp_path: Path, messy_xlsx: Path) -> None:
    db = tmp_path / "t.db"
    result = tracker("--db", str(db), "import", str(messy_xlsx), "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert list(out) == [
        "file",
        "format",
        "sheets",
        "rows",
        "summary",
        "batch_id",
        "on_duplicate",
        "on_uncertain",
        "as_of",
    ]
    assert out["on_duplicate"] == "fill" and out["on_uncertain"] == "skip"
    # no dating column, no date in the title: the latest date the rows state (registered)
    assert out["as_of"]["value"] == "2023-11-02" and out["as_of"]["source"] == "rows"
    assert out["file"] == str(messy_xlsx) and out["format"] == "xlsx"
    (sheet,) = out["sheets"]
    assert list(sheet) == [
        "name",
        "header_rows",
        "unit",
        "columns",
        "skipped",
        "reasons",
        "low_confidence",
        "sign_date",
        "not_projects",
        "as_of",
    ]
    assert set(sheet["reasons"]) <= set(sheet["columns"])
    assert sheet["reasons"]["签约情况/签约时间"] and sheet["sign_date"] is None
    assert {r["kind"] for r in sheet["not_projects"]} >= {"category", "total", "note"}
    assert all(r["action"] == "skip" and r["reason"] for r in sheet["not_projects"])
    assert sheet["header_rows"] == [3, 4] and sheet["skipped"] is None and sheet["unit"] == "亿元"
    assert all(v is None or isinstance(v, str) for v in sheet["columns"].values())
    for row in out["rows"]:
        assert list(row) == ["sheet", "row", "action", "fields", "errors", "warnings", "decision"]
        assert row["action"] in ("create", "update", "fill", "skip", "reject")
    assert [r["row"] for r in out["rows"]] == [6, 7, 11]
    first = out["rows"][0]["fields"]
    assert first == {
        "name": "天成轴承生产基地项目",
        "investor": "浙江天成轴承有限公司",
        "sign_date": "2023-10-01",
        "signed_amount_wan": 12500,
        "location": "城关镇",
        "stage": "registered",
        "stage_dates": {"registered": "2023-11-02"},
    }
    assert out["summary"] == {
        "rows": 3,
        "create": 3,
        "update": 0,
        "fill": 0,
        "skip": 0,
        "reject": 0,
        "conflicts": 0,
        "review": 0,
    }
    assert isinstance(out["batch_id"], int)
    assert result.stderr == ""


def test_unreadable_exit_2_one_chinese_line(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really")
    result = tracker("--db", str(db), "import", str(bad), "--json")
    assert result.returncode == 2
    assert json.loads(result.stdout) == {"error": result.stderr.strip()}
    assert len(result.stderr.strip().splitlines()) == 1 and "损坏" in result.stderr
    assert "Traceback" not in result.stderr and not db.exists()
    no_ledger = write_xlsx(tmp_path / "x.xlsx", {"S": [["随便", "写点"], [1, 2]]})
    result = tracker("--db", str(db), "import", str(no_ledger))
    assert result.returncode == 2 and "没有找到项目台账" in result.stderr and result.stdout == ""
    assert not db.exists()
