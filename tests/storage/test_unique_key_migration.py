"""Migration 0003 reports duplicates already stored, deletes none, and then enforces one
project per name + investor for imports."""

import logging
import sqlite3

from sqlite_utils import Database

from tracker.ledger.portfolio import Portfolio
from tracker.storage.integrity import check_database
from tracker.storage.schema import APPLICATION_ID, migrations


def version_2_ledger_with_duplicates(path):
    conn = sqlite3.connect(path)
    db = Database(conn)
    migrations.apply(db, stop_before="0003_unique_project_key")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 2")
    for name in ("甲项目", "甲 项目", "甲项目", "乙项目"):  # three share one key
        db.execute(
            "INSERT INTO projects (name, investor, sign_date, signed_amount_yuan, status,"
            " name_key) VALUES (?, '某公司', '2024-01-01', 10000, 'active', ?)",
            [name, name.replace(" ", "") + "|某公司"],
        )
    conn.commit()
    conn.close()


def test_existing_duplicates_are_kept_numbered_and_reported(tmp_path, caplog):
    path = tmp_path / "old.db"
    version_2_ledger_with_duplicates(path)
    with caplog.at_level(logging.WARNING, logger="tracker.storage.schema"):
        portfolio = Portfolio.open(path)
    assert portfolio.project_count() == 4  # nothing deleted
    seqs = portfolio.db.execute("SELECT id, key_seq FROM projects ORDER BY id").fetchall()
    assert seqs == [(1, 0), (2, 1), (3, 2), (4, 0)]
    assert "[1, 2, 3]" in caplog.text
    problems = check_database(portfolio.db)
    assert any("项目 1、2、3" in p and "重复" in p for p in problems)
    # a clerk may still add one on purpose (numbered); an edit that makes one is numbered
    pid = portfolio.add_project(
        {"name": "乙项目", "investor": "某公司", "sign_date": "2024-01-01", "signed_amount_wan": 1}
    )
    assert portfolio.db.execute("SELECT key_seq FROM projects WHERE id = ?", [pid]).fetchone() == (
        1,
    )
    portfolio.edit_project(pid, {"name": "丙项目"})
    assert portfolio.db.execute("SELECT key_seq FROM projects WHERE id = ?", [pid]).fetchone() == (
        0,
    )
    portfolio.close()
