"""Opening files: create, migrate with a backup first, refuse what is not ours untouched."""

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlite_utils import Database

from tests.helpers.projects import sample
from tracker.errors import TrackerError
from tracker.ledger.portfolio import Portfolio
from tracker.storage import backup
from tracker.storage.db import EmptyDatabaseFile, open_db
from tracker.storage.restore import restore
from tracker.storage.schema import APPLICATION_ID, SCHEMA_VERSION, migrations


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_gets_schema_wal_and_version(tmp_path):
    db = open_db(tmp_path / "sub" / "new.db")
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert {
        "projects",
        "stage_dates",
        "progress",
        "visits",
        "problems",
        "audit",
        "import_batches",
        "settings",
    } <= set(db.table_names())
    db.close()


def test_empty_existing_file_is_refused_until_created_explicitly(tmp_path):
    """A 0-byte file may be a ledger that lost its content: never silently a new ledger."""
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    with pytest.raises(EmptyDatabaseFile, match="0 字节"):
        open_db(path)
    assert path.read_bytes() == b""
    open_db(path, create=True).close()
    assert Portfolio.open(path).project_count() == 0


def test_upgrade_from_first_schema_version_keeps_data_and_backs_up(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    old = Database(conn)
    migrations.apply(old, stop_before="0002_history_indexes")
    old.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    old.execute("PRAGMA user_version = 1")
    # A project as version 1 stored it (today's code writes columns added since).
    old.execute(
        "INSERT INTO projects (name, investor, sign_date, signed_amount_yuan, status, name_key)"
        " VALUES ('甲项目', '乙公司', '2024-01-01', 10000, 'active', '甲项目|乙公司')"
    )
    old.execute("INSERT INTO project_search (project_id, text) VALUES (1, '甲项目')")
    conn.commit()
    conn.close()

    portfolio = Portfolio.open(path)
    assert portfolio.project_count() == 1
    assert portfolio.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert not migrations.pending(portfolio.db)
    assert "idx_progress_project_id_as_of" in {i.name for i in portfolio.db["progress"].indexes}
    portfolio.close()
    saved = backup.list_backups(path)
    assert any("before-migration" in p.name for p in saved)
    first = Database(sqlite3.connect(saved[-1]))
    assert first.execute("PRAGMA user_version").fetchone()[0] == 1


@pytest.mark.parametrize("kind", ["text", "foreign_sqlite", "newer", "unknown_migration"])
def test_foreign_or_newer_file_is_refused_untouched(tmp_path, kind):
    path = tmp_path / "f.db"
    if kind == "text":
        path.write_text("项目名称,投资方\n", encoding="utf-8")
    else:
        conn = sqlite3.connect(path)
        if kind == "foreign_sqlite":
            conn.execute("CREATE TABLE contacts (name TEXT)")
        else:
            conn.close()
            open_db(path, create=True).close()
            conn = sqlite3.connect(path)
            conn.execute("PRAGMA journal_mode = DELETE")
            if kind == "newer":
                conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
            else:
                conn.execute(
                    "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                    " VALUES ('tracker', '0099_future', 'x')"
                )
        conn.commit()
        conn.close()
    before = digest(path)
    siblings = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(TrackerError) as exc:
        open_db(path)
    assert any(word in exc.value.message for word in ("不是", "更新版本", "其他软件"))
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == siblings


def test_cli_refuses_foreign_file_with_one_chinese_line(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"hello world, not a database")
    result = subprocess.run(
        [sys.executable, "-m", "tracker", "--db", str(path), "list"],
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "不是项目台账数据库" in result.stderr
    assert path.read_bytes() == b"hello world, not a database"


def test_backup_then_restore_gives_the_same_data(tmp_path):
    path = tmp_path / "ledger.db"
    portfolio = Portfolio.open(path)
    pid = portfolio.add_project(sample(stage_dates={"registered": "2024-04-01"}))
    portfolio.add_visit(pid, "2024-05-01", "招商一股", "走访")
    saved = backup.backup_file(path, "manual")
    expected = portfolio.list_rows()
    portfolio.edit_project(pid, {"name": "改过的名字"})
    portfolio.add_project(sample(name="另一个项目"))
    portfolio.close()

    safety = restore(path, saved)
    portfolio = Portfolio.open(path)
    assert portfolio.list_rows() == expected
    assert len(portfolio.get_project(pid).visits) == 1
    portfolio.close()
    # the file as it was before the restore is itself kept
    assert Portfolio.open(safety, auto_backup=False).project_count() == 2


def test_restore_refuses_a_foreign_file(tmp_path):
    path = tmp_path / "ledger.db"
    Portfolio.open(path).close()
    bogus = tmp_path / "bogus.db"
    bogus.write_text("x")
    with pytest.raises(TrackerError):
        restore(path, bogus)


def test_daily_backup_once_and_keeps_last_twenty(tmp_path):
    path = tmp_path / "ledger.db"
    Portfolio.open(path).close()
    Portfolio.open(path).close()  # first open of an existing file backs up
    Portfolio.open(path).close()  # same day: no second daily backup
    assert len([p for p in backup.list_backups(path) if "daily" in p.name]) == 1
    for _ in range(25):
        backup.backup_file(path, "manual")
    assert len(backup.list_backups(path)) == backup.KEEP_BACKUPS


@pytest.mark.parametrize("daily_done", [False, True])
def test_corrupt_file_is_refused_with_advice(tmp_path, daily_done):
    """Caught by the full check (first open of the day) and by the quick one (later opens)."""
    path = tmp_path / "ledger.db"
    portfolio = Portfolio.open(path)
    for i in range(200):
        portfolio.add_project(sample(name=f"项目{i}"))
    portfolio.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    portfolio.close()
    data = bytearray(path.read_bytes())
    data[4096 * 3 : 4096 * 3 + 2000] = b"\xff" * 2000  # smash a b-tree page
    path.write_bytes(bytes(data))
    if daily_done:
        backup.backup_file(path, "daily")  # as the first open of the day would have
    before = backup.list_backups(path)
    with pytest.raises(TrackerError, match="恢复"):
        open_db(path, auto_backup=True)
    assert backup.list_backups(path) == before  # a damaged file is never backed up
