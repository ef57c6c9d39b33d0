"""Ledgers in the states a careful tester leaves them: damaged, newer, foreign, empty."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tracker.ledger.portfolio import Portfolio
from tracker.storage.schema import SCHEMA_VERSION


def ledger_with(path: Path, count: int) -> Path:
    """A real ledger holding ``count`` projects, closed (WAL checkpointed)."""
    p = Portfolio.open(path, auto_backup=False)
    p.add_projects(
        [
            {
                "name": f"项目{i}",
                "investor": f"公司{i}",
                "sign_date": "2024-01-01",
                "signed_amount_wan": 100 + i,
            }
            for i in range(count)
        ]
    )
    p.close()
    return path


def damaged(path: Path, count: int = 200) -> Path:
    """A ledger whose table pages were overwritten in the middle (the header survives)."""
    ledger_with(path, count)
    size = path.stat().st_size
    with open(path, "r+b") as fh:
        fh.seek(size // 2)
        fh.write(b"\xde\xad\xbe\xef" * 1024)
    return path


def newer(path: Path) -> Path:
    ledger_with(path, 1)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    return path


def no_tables(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("DROP TABLE t")
    conn.commit()
    conn.close()
    return path


def siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())
