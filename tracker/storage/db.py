"""Opening the database file: recognise it, refuse what is not ours, migrate, back up.

A file that is not a tracker database, or was written by a newer version, is refused
before anything writes to it: the checks run on a read-only connection, so the file is
left byte-for-byte as it was.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from tracker.errors import TrackerError
from tracker.storage import backup
from tracker.storage.file_check import check_tracker_file
from tracker.storage.schema import APPLICATION_ID, SCHEMA_VERSION, migrations

log = logging.getLogger(__name__)


def connect(path: Path) -> Database:
    """A plain connection to an already-checked tracker file (worker threads use this)."""
    conn = sqlite3.connect(str(path), timeout=10, check_same_thread=False)
    db = Database(conn)
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 10000")
    # 64 MB page cache: a 50k-project ledger's filter scans then stay in memory.
    db.execute("PRAGMA cache_size = -65536")
    return db


def open_db(path: Path | str, *, auto_backup: bool = True) -> Database:
    """Open (creating or upgrading) the tracker database at ``path``."""
    path = Path(path)
    kind = check_tracker_file(path)
    if kind == "new":
        path.parent.mkdir(parents=True, exist_ok=True)
    db = connect(path)
    try:
        if kind == "ours":
            # The full check reads every page (~330 ms on 10,000 projects); it runs on the
            # first open of each day, with the daily backup, so a damaged file is caught
            # before it is backed up over a good copy. Other opens run quick_check, which
            # skips only the index-content cross-checks, to keep start-up fast.
            daily = auto_backup and not backup.backed_up_today(path)
            pragma = "integrity_check" if daily or not auto_backup else "quick_check"
            try:
                result = [r[0] for r in db.execute(f"PRAGMA {pragma}").fetchall()]
            except sqlite3.DatabaseError as exc:
                result = [str(exc)]
            if result != ["ok"]:
                log.error("%s failed %s: %s", path, pragma, result[:5])
                raise TrackerError(
                    f"数据库“{path}”已损坏，完整性检查未通过（{result[0]}）。"
                    "请用“从备份恢复”恢复最近的备份（backups 文件夹）。"
                )
            if migrations.pending(db) and auto_backup:
                log.info("upgrading %s: %s", path, [m.name for m in migrations.pending(db)])
                backup.backup_file(path, "before-migration")
            elif daily:
                backup.backup_file(path, "daily")
        db.execute("PRAGMA journal_mode = WAL")
        migrate(db)
        log.info("opened %s (%s)", path, kind)
    except Exception:
        db.close()
        raise
    return db


def migrate(db: Database) -> None:
    migrations.apply(db)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def db_path_of(db: Database) -> Path:
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2])
