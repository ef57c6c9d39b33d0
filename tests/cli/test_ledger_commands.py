"""The CLI as a user runs it: a subprocess, real files, exit codes, one-line errors."""

import json
import subprocess
import sys
from datetime import date

import pytest

from tracker.ledger.demo import fill_demo
from tracker.ledger.portfolio import Portfolio
from tracker.ledger.rows import row_to_json

LIST_KEYS = {
    "id",
    "name",
    "investor",
    "sign_date",
    "signed_amount_wan",
    "stage",
    "unit",
    "leader",
    "location",
    "industry",
    "status",
}


def run(*args, db=None):
    cmd = [sys.executable, "-m", "tracker"] + (["--db", str(db)] if db else []) + list(args)
    return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")


def test_init_demo_list_show_check(tmp_path):
    db = tmp_path / "x.db"
    result = run("init", db=db)
    assert result.returncode == 0 and result.stdout.strip() == str(db)
    assert run("demo", "--projects", "60", "--seed", "3", db=db).returncode == 0
    listed = run("list", "--json", db=db)
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert len(rows) == 60
    assert LIST_KEYS <= set(rows[0])
    assert {r["stage"] for r in rows} <= {
        "signed",
        "registered",
        "land",
        "started",
        "completed",
        "producing",
        "target",
    }
    assert all(isinstance(r["signed_amount_wan"], int | float) for r in rows)
    shown = json.loads(run("show", str(rows[0]["id"]), "--json", db=db).stdout)
    assert shown["name"] == rows[0]["name"]
    assert {"stage_dates", "progress", "visits", "problems", "audit"} <= set(shown)
    assert shown["audit"][0]["action"] == "create"
    check = run("check", db=db)
    assert check.returncode == 0 and "检查通过" in check.stdout
    text = run("list", "--year", rows[0]["sign_date"][:4], db=db)
    assert text.returncode == 0 and "共" in text.stdout


def test_list_filters(tmp_path):
    db = tmp_path / "x.db"
    portfolio = Portfolio.open(db)
    fill_demo(portfolio, projects=80, seed=5, today=date(2026, 6, 30))
    unit = portfolio.list_rows()[0]["unit"]
    portfolio.close()
    rows = json.loads(run("list", "--json", "--unit", unit, "--stage", "signed", db=db).stdout)
    assert rows and all(r["unit"] == unit and r["stage"] == "signed" for r in rows)


def test_demo_refuses_non_empty_database_unless_forced(tmp_path):
    db = tmp_path / "x.db"
    run("demo", "--projects", "5", db=db)
    again = run("demo", "--projects", "5", db=db)
    assert again.returncode == 2 and "--force" in again.stderr
    assert run("demo", "--projects", "5", "--force", db=db).returncode == 0
    assert len(json.loads(run("list", "--json", db=db).stdout)) == 10


def test_demo_is_deterministic_for_a_seed(tmp_path):
    def rows(name, seed):
        portfolio = Portfolio.open(tmp_path / name)
        fill_demo(portfolio, projects=40, seed=seed, today=date(2026, 6, 30))
        out = [row_to_json(r) for r in portfolio.list_rows()]
        portfolio.close()
        for r in out:
            r.pop("created_at"), r.pop("updated_at")
        return out

    assert rows("a.db", 7) == rows("b.db", 7)
    assert rows("c.db", 8) != rows("a2.db", 7)


def test_demo_covers_every_stage_and_status(tmp_path):
    portfolio = Portfolio.open(tmp_path / "d.db")
    fill_demo(portfolio, projects=300, seed=1, today=date(2026, 6, 30))
    rows = portfolio.list_rows()
    assert {r["stage"] for r in rows} == {
        "signed",
        "registered",
        "land",
        "started",
        "completed",
        "producing",
        "target",
    }
    assert {r["status"] for r in rows} == {"active", "paused", "terminated"}
    counts = {
        t: portfolio.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        for t in ("progress", "visits", "problems")
    }
    assert all(n > 20 for n in counts.values()), counts
    portfolio.close()


def test_backup_and_restore_commands(tmp_path):
    db = tmp_path / "x.db"
    run("demo", "--projects", "10", db=db)
    out = tmp_path / "copy.db"
    assert run("backup", "--out", str(out), db=db).returncode == 0
    before = run("list", "--json", db=db).stdout
    run("demo", "--projects", "5", "--force", db=db)
    restored = run("restore", str(out), db=db)
    assert restored.returncode == 0, restored.stderr
    assert run("list", "--json", db=db).stdout == before


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["show", "999"], "找不到编号为 999 的项目"),
        (["list", "--sort", "nope"], "不能按"),
        (["restore", "missing.db"], "找不到备份文件"),
        (["list", "--stage", "flying"], "参数错误"),
        (["bogus"], "参数错误"),
    ],
)
def test_user_mistakes_exit_2_with_one_chinese_line(tmp_path, args, needle):
    Portfolio.open(tmp_path / "x.db").close()
    result = run(*args, db=tmp_path / "x.db")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert needle in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_db_from_environment(tmp_path):
    env_db = tmp_path / "env.db"
    result = subprocess.run(
        [sys.executable, "-m", "tracker", "init"],
        capture_output=True,
        text=True,
        env={**__import__("os").environ, "TRACKER_DB": str(env_db)},
    )
    assert result.stdout.strip() == str(env_db) and env_db.exists()


def test_check_reports_inconsistency_with_exit_1(tmp_path):
    db = tmp_path / "x.db"
    run("demo", "--projects", "5", db=db)
    portfolio = Portfolio.open(db)
    portfolio.db.execute("DELETE FROM project_search WHERE project_id = 2")
    portfolio.db.conn.commit()
    portfolio.close()
    result = run("check", db=db)
    assert result.returncode == 1
    assert "项目 2" in result.stdout and "搜索" in result.stdout
