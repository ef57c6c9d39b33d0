"""``review``, ``report review`` and ``export ledger`` run as the clerk runs them: a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.review import HAND_AS_OF, build_hand_portfolio
from tracker.ledger.portfolio import Portfolio

RATE_KEYS = {
    "signed",
    "performing_pct",
    "registered_pct",
    "started_pct",
    "funds_pct",
    "producing_pct",
    "mean_days_to_start",
}


def run(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tracker", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    p = Portfolio.open(path, auto_backup=False)
    build_hand_portfolio(p)
    p.close()
    return path


def test_review_json_shape(db: Path) -> None:
    result = run(db, "review", "--as-of", HAND_AS_OF, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"as_of", "rates", "counts", "by_unit", "warnings"}
    assert data["as_of"] == HAND_AS_OF
    assert set(data["rates"]) == RATE_KEYS
    assert data["rates"]["performing_pct"] == 66.67 and data["rates"]["funds_pct"] == 19.0
    assert [u["unit"] for u in data["by_unit"]] == ["乙单位", "甲单位"] or [
        u["unit"] for u in data["by_unit"]
    ] == ["甲单位", "乙单位"]
    for unit in data["by_unit"]:
        assert set(unit) == RATE_KEYS | {"unit"}
    assert data["warnings"], "the hand portfolio has overdue projects"
    for w in data["warnings"]:
        assert set(w) == {
            "project",
            "project_id",
            "rule",
            "level",
            "message",
            "unit",
            "leader",
            "threshold",
        }
        assert w["level"] in ("red", "yellow")
        assert w["threshold"].startswith({"red": "红灯：", "yellow": "黄灯："}[w["level"]])
    # projects counted once at their worst light, warnings counted apart
    worst: dict[int, str] = {}
    for w in data["warnings"]:
        worst[w["project_id"]] = (
            "red" if "red" in (w["level"], worst.get(w["project_id"])) else "yellow"
        )
    assert data["counts"] == {
        "red_projects": sum(v == "red" for v in worst.values()),
        "yellow_projects": sum(v == "yellow" for v in worst.values()),
        "warnings": len(data["warnings"]),
    }
    assert (
        data["counts"]["warnings"]
        > data["counts"]["red_projects"] + data["counts"]["yellow_projects"]
    )
    levels = [w["level"] for w in data["warnings"]]
    assert levels == sorted(levels, key=["red", "yellow"].index)
    p3 = {w["rule"]: w for w in data["warnings"] if w["project"] == "项目P3"}
    assert p3["overdue_registration"]["level"] == "red"
    assert p3["problem_overdue"]["level"] == "red"
    assert p3["overdue_start"]["message"].startswith("计划开工日期 2025-06-01 已过 213 天")


def test_review_year_and_text(db: Path) -> None:
    result = run(db, "review", "--as-of", HAND_AS_OF, "--year", "2025")
    assert result.returncode == 0, result.stderr
    assert "履约率 66.67%（4/6）" in result.stdout
    assert "已终止项目 1 个" in result.stdout and "投资方资金链断裂" in result.stdout
    empty = json.loads(run(db, "review", "--as-of", HAND_AS_OF, "--year", "2019", "--json").stdout)
    assert empty["rates"]["signed"] == 0 and empty["rates"]["performing_pct"] is None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["review", "--as-of", "2025-13-01"], "统计截至日期"),
        (["review", "--year", "abc"], "参数错误"),
        (["report", "review", "--out", "x.pdf"], ".xlsx"),
    ],
)
def test_mistakes_exit_2_with_chinese_message(db: Path, args: list[str], message: str) -> None:
    result = run(db, *args)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_bad_as_of_with_json_prints_error_object(db: Path) -> None:
    result = run(db, "review", "--as-of", "2025/12/31", "--json")
    assert result.returncode == 2
    assert "统计截至日期" in json.loads(result.stdout)["error"]


def test_report_and_export_write_files(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "报表.xlsx"
    result = run(db, "report", "review", "--out", str(out), "--as-of", HAND_AS_OF)
    assert result.returncode == 0, result.stderr
    assert out.exists() and "已生成报表" in result.stdout
    ledger = tmp_path / "台账.xlsx"
    result = run(db, "export", "ledger", "--out", str(ledger), "--unit", "甲单位")
    assert result.returncode == 0, result.stderr
    assert "3 个项目" in result.stdout
