"""Opening the database file: recognise it, refuse what is not ours, migrate, back up.

A file that is not a tracker database, or was written by a newer version, is refused
before anything writes to it (``file_check``). Commands that only read (list, review,
reports) open the file read-only: nothing is migrated and not one byte changes, so they
also work on a read-only file or folder. A write on a file that cannot be written is
refused up front with ``faults.read_only`` (the app then opens it read-only instead).
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from tracker.errors import TrackerError
from tracker.storage import backup, faults, location
from tracker.storage.access import (
    connect_read_only,
    existing_side_files,
    file_writable,
    remove_new_side_files,
)
from tracker.storage.faults import explain
from tracker.storage.file_check import check_tracker_file
from tracker.storage.schema import APPLICATION_ID, SCHEMA_VERSION, migrations
from tracker.storage.write_lock import busy_timeout_s

log = logging.getLogger(__name__)


class EmptyDatabaseFile(TrackerError):
    """The file exists but has 0 bytes: a new file, or a ledger that lost its content.
    Only an explicit "create" (``init``, 新建数据库) makes it a new ledger."""


def _configure(db: Database) -> Database:
    db.execute("PRAGMA foreign_keys = ON")
    db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_s() * 1000)}")
    # 64 MB page cache: a 50k-project ledger's filter scans then stay in memory.
    db.execute("PRAGMA cache_size = -65536")
    return db


def connect(path: Path, *, read_only: bool | None = None) -> Database:
    """A plain connection to an already-checked tracker file (worker threads use this).

    ``read_only=None`` decides by permission: a file that cannot be written is opened
    read-only (``PRAGMA query_only``), so a worker's reads work on it too.
    """
    path = Path(path)
    if read_only is None:
        read_only = not file_writable(path)
    if read_only:
        conn = connect_read_only(path, timeout=busy_timeout_s())
    else:
        conn = sqlite3.connect(str(path), timeout=busy_timeout_s(), check_same_thread=False)
    try:
        # No sqlite-utils plugins: the ledger needs none, and looking for them scans every
        # installed package's metadata (~20 ms of each start, before the first row).
        return _configure(Database(conn, execute_plugins=False))
    except BaseException:
        conn.close()  # a file left open keeps a full disk or a mount busy
        raise


def is_read_only(db: Database) -> bool:
    return bool(db.execute("PRAGMA query_only").fetchone()[0])


def _empty_file_message(path: Path) -> str:
    saved = backup.list_backups(path)
    hint = f"最近的备份是“{saved[0]}”，可用 restore 恢复" if saved else "如原有数据，请从备份恢复"
    return (
        f"数据库文件“{path}”是空的（0 字节），可能是新建的空文件，也可能是台账内容丢失了。"
        f"为防止误把它当成新台账，本程序没有改动它。{hint}；确认要从空白开始，请运行 init。"
    )


def open_db(
    path: Path | str,
    *,
    auto_backup: bool = True,
    read_only: bool = False,
    create: bool = False,
    verify: bool = True,
    check_later: bool = False,
) -> Database:
    """Open the tracker database at ``path``.

    ``read_only``: never write (no migration, no backup); the file must exist.
    ``create``: a 0-byte file may become a new, empty ledger (otherwise it is refused).
    ``verify``: a read-only open runs quick_check first, so a damaged file is refused
    rather than half-read (``check`` passes False: it reports the damage itself).
    ``check_later``: skip the quick_check of an open that is not the day's first (~0.1 s on
    10,000 projects, ~0.5 s on 50,000): the window runs ``quick_check`` after its first
    paint instead. The day's full integrity check (with the daily backup) still runs here.
    """
    path = Path(path)
    kind = check_tracker_file(path)
    if kind == "empty" and (read_only or not create):
        raise EmptyDatabaseFile(_empty_file_message(path))
    if read_only:
        if kind != "ours":
            raise TrackerError(
                f"找不到台账数据库“{path}”（文件不存在或里面没有台账）。请检查路径；"
                "新建台账请运行 init。"
            )
        return _open_read_only(path, verify)
    if kind in ("new", "empty"):
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise explain(exc, path.parent) or exc from exc
    if not file_writable(path):
        raise faults.read_only(path)
    before = existing_side_files(path)
    try:
        db = connect(path, read_only=False)
    except sqlite3.Error as exc:
        remove_new_side_files(path, before)
        raise explain(exc, path) or exc from exc
    try:
        if kind == "ours":
            _check_and_back_up(db, path, auto_backup, check_later)
    except Exception:
        db.close()
        remove_new_side_files(path, before)  # a refused file is left as it was
        raise
    try:
        _set_journal_mode(db, path)
        migrate(db)
        log.info("opened %s (%s)", path, kind)
    except Exception as exc:
        db.close()
        raise explain(exc, path) or exc from exc
    return db


def _set_journal_mode(db: Database, path: Path) -> None:
    """WAL on a local disk (readers never wait for the writer); the rollback journal on a
    network share or in a sync folder, where WAL's shared memory does not work across
    machines and a sync client would copy the database without its ``-wal`` file."""
    mode = "delete" if location.risky_location(path) else "wal"
    if db.execute("PRAGMA journal_mode").fetchone()[0] != mode:
        changed = db.execute(f"PRAGMA journal_mode = {mode.upper()}").fetchone()[0]
        if changed != mode:  # another connection holds it open: next time, then
            log.warning("%s stays in %s journal mode (wanted %s)", path, changed, mode)


def _open_read_only(path: Path, verify: bool) -> Database:
    try:
        db = connect(path, read_only=True)
        if verify:
            _verify(db, path, "quick_check")
    except sqlite3.Error as exc:
        raise explain(exc, path) or exc from exc
    if migrations.pending(db):
        # Migrations so far only add indexes and constraints, which reads do not need;
        # a read of a column a future migration adds is reported by faults.explain.
        log.info("%s opened read-only without pending migrations", path)
    log.info("opened %s read-only", path)
    return db


def _check_and_back_up(db: Database, path: Path, auto_backup: bool, check_later: bool) -> None:
    # The full check reads every page (~330 ms on 10,000 projects); it runs on the first
    # open of each day, with the daily backup, so a damaged file is caught before it is
    # backed up over a good copy. Other opens run quick_check, which skips only the
    # index-content cross-checks, to keep start-up fast.
    daily = auto_backup and not backup.backed_up_today(path)
    if daily or not auto_backup:
        _verify(db, path, "integrity_check")
    elif not check_later:
        _verify(db, path, "quick_check")
    if migrations.pending(db) and auto_backup:
        log.info("upgrading %s: %s", path, [m.name for m in migrations.pending(db)])
        backup.backup_file(path, "before-migration")
    elif daily:
        backup.backup_file(path, "daily")


def quick_check(path: Path) -> None:
    """SQLite's quick_check on a connection of its own (TrackerError when damaged): the
    check an ``open_db(check_later=True)`` left for after the first paint."""
    db = connect(path, read_only=True)
    try:
        # It reads every page once: a 64 MB cache would only hold a 50k ledger's pages
        # until the connection closes (and the memory stays with the process).
        db.execute("PRAGMA cache_size = -2000")
        _verify(db, path, "quick_check")
    finally:
        db.close()


def _verify(db: Database, path: Path, pragma: str) -> None:
    """Refuse a damaged file (TrackerError) instead of reading or writing half of it."""
    try:
        result = [r[0] for r in db.execute(f"PRAGMA {pragma}").fetchall()]
    except sqlite3.DatabaseError as exc:
        result = [str(exc)]
    if result != ["ok"]:
        db.close()
        log.error("%s failed %s: %s", path, pragma, result[:5])
        first = " ".join(str(result[0]).split())  # one line: SQLite's report spans several
        raise TrackerError(
            f"数据库“{path}”已损坏，完整性检查未通过（{first}）。"
            "请用“从备份恢复”恢复最近的备份（backups 文件夹）。"
        )


def migrate(db: Database) -> None:
    """Apply pending migrations; the header is written only when it changes, so opening
    an up-to-date file writes nothing."""
    if migrations.pending(db):
        migrations.apply(db)
    if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def db_path_of(db: Database) -> Path:
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(row[2])
