"""Migration 0004: a database from before it upgrades with its data and indexes, and then
holds projects whose investor an import could not know (待补全)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.helpers.projects import sample
from tracker.errors import ValidationError
from tracker.ledger.portfolio import Portfolio
from tracker.ledger.queries import ProjectFilter
from tracker.storage.integrity import check_database
from tracker.storage.schema import APPLICATION_ID, migrations


def test_old_database_upgrades_and_accepts_a_blank_investor(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    old = Database(conn)
    migrations.apply(old, stop_before="0004_investor_may_be_blank")
    old.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    old.execute("PRAGMA user_version = 2")
    # Today's writer fills every column it knows; a column a later migration adds is made
    # here so the old project can be written (that migration leaves an existing one be).
    old["projects"].add_column("credit_code", str)
    Portfolio(old).add_project(sample(stage_dates={"started": "2024-05-01"}))
    indexes = {i.name for i in old["projects"].indexes}
    with pytest.raises(sqlite3.IntegrityError):
        old.execute(
            "INSERT INTO projects (name, investor, sign_date, signed_amount_yuan, status)"
            " VALUES ('x', NULL, '2024', 1, 'active')"
        )
    conn.close()

    portfolio = Portfolio.open(path, auto_backup=False)
    try:
        assert {i.name for i in portfolio.db["projects"].indexes} == indexes
        assert portfolio.project_count() == 1 and portfolio.list_rows()[0]["stage"] == "started"
        assert portfolio.db.execute("PRAGMA foreign_key_check").fetchall() == []
        data = sample(name="无投资方的项目", investor=None, sign_date="2021")
        with pytest.raises(ValidationError):  # typed by hand, the investor is still asked for
            portfolio.add_project(dict(data))
        (pid,) = portfolio.add_projects([data], blank_investor_ok=True)
        stored = portfolio.db.execute(
            "SELECT investor, sign_date FROM projects WHERE id = ?", [pid]
        ).fetchone()
        assert stored == (None, "2021")
        assert [r["id"] for r in portfolio.list_rows(ProjectFilter(incomplete=True))] == [pid]
        problems = check_database(portfolio.db)
        assert problems == [
            f"项目 {pid}（无投资方的项目）待补全：投资主体为空、签约日期只有年份（2021）。"
        ]
    finally:
        portfolio.close()
