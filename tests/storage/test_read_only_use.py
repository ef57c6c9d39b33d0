"""Read-only use: reading commands never write, and a read-only file or folder is read
(with "数据库文件只读…" for anything that would write) instead of refused."""

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from tests.helpers.damage import ledger_with, siblings
from tests.helpers.ledgers import HEADER, ROWS, run_cli, write_xlsx
from tests.helpers.mounts import read_only_folder
from tracker.ledger.portfolio import Portfolio
from tracker.storage.access import connect_read_only, ro_uri
from tracker.storage.faults import ReadOnlyDatabase

READ_COMMANDS = [
    ["list", "--json"],
    ["show", "1"],
    ["review", "--json"],
    ["check", "--quick"],
    ["check"],
]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_reads(db: Path, out_dir: Path) -> None:
    for args in READ_COMMANDS:
        code, _, err = run_cli(db, *args)
        assert code == 0, (args, err)
    code, _, err = run_cli(db, "report", "review", "--out", str(out_dir / "报表.xlsx"))
    assert code == 0, err
    code, _, err = run_cli(db, "export", "ledger", "--out", str(out_dir / "台账.xlsx"))
    assert code == 0, err


def test_reading_commands_change_not_one_byte(tmp_path):
    db = ledger_with(tmp_path / "ledger.db", 5)
    before = digest(db)
    run_reads(db, tmp_path)
    assert digest(db) == before
    assert not (tmp_path / "backups").exists()  # no backup, no migration


def test_sqlite_mode_ro_connection_refuses_writes(tmp_path):
    db = ledger_with(tmp_path / "ledger.db", 2)
    conn = sqlite3.connect(ro_uri(db), uri=True)
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        conn.execute("DELETE FROM projects")
    conn.close()
    portfolio = Portfolio.open(db, read_only=True)
    assert portfolio.read_only and portfolio.project_count() == 2
    with pytest.raises(ReadOnlyDatabase, match="数据库文件只读"):
        portfolio.add_project(
            {"name": "甲", "investor": "乙", "sign_date": "2024-01-01", "signed_amount_wan": 1}
        )
    portfolio.close()


def test_uri_survives_awkward_folder_names(tmp_path):
    folder = tmp_path / "台账 #1?a=b%20"
    folder.mkdir()
    db = ledger_with(folder / "l.db", 1)
    conn = connect_read_only(db)
    assert conn.execute("SELECT COUNT(*) FROM projects").fetchone() == (1,)
    conn.close()


@pytest.mark.skipif(
    hasattr(os, "geteuid") and os.geteuid() == 0,
    reason="running as root: chmod does not stop root from writing (see the mount and "
    "monkeypatch tests)",
)
def test_chmod_read_only_file(tmp_path):
    db = ledger_with(tmp_path / "ledger.db", 2)
    os.chmod(db, 0o444)
    try:
        code, _, err = run_cli(db, "demo", "--projects", "3", "--force")
        assert code == 2 and "数据库文件只读" in err
        run_reads(db, tmp_path)
    finally:
        os.chmod(db, 0o644)


def test_a_read_only_folder_is_read_and_writes_are_refused(tmp_path):
    folder = tmp_path / "光盘"
    folder.mkdir()
    db = ledger_with(folder / "ledger.db", 4)
    out = tmp_path / "out"
    out.mkdir()
    xlsx = write_xlsx(tmp_path / "a.xlsx", {"S": [HEADER, *ROWS]})
    with read_only_folder(folder) as mounted:
        if not mounted:
            pytest.skip("mounts not permitted here (not root, or no mount rights)")
        around = siblings(db)
        run_reads(db, out)
        for args in (["demo", "--projects", "3", "--force"], ["import", str(xlsx)]):
            code, _, err = run_cli(db, *args)
            assert code == 2 and "数据库文件只读" in err, (args, err)
            assert len(err.strip().splitlines()) == 1
        assert siblings(db) == around
        portfolio = Portfolio.open(db, read_only=True)
        assert portfolio.project_count() == 4
        portfolio.close()


def test_a_file_that_cannot_be_written_is_said_so(tmp_path, monkeypatch):
    """Simulated for root (os.access says no), so the check itself is exercised."""
    db = ledger_with(tmp_path / "ledger.db", 2)
    real_access = os.access

    def no_write(path, mode, *args, **kwargs):
        if mode & os.W_OK and str(path).startswith(str(tmp_path)):
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", no_write)
    before = digest(db)
    code, _, err = run_cli(db, "demo", "--projects", "3", "--force")
    assert code == 2 and "数据库文件只读" in err
    code, out, err = run_cli(db, "list", "--json")
    assert code == 0 and len(out) == 2
    assert digest(db) == before
