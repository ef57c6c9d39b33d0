"""Restoring a backup: the chosen file is checked in full before anything is replaced.

A restore replaces the whole ledger, so the file must prove it is worth it: a tracker
database (application id), a version this program can open, ``PRAGMA integrity_check``
ok. ``inspect_backup`` says what it holds (projects, last change) so the clerk can see it
before confirming, and an empty ledger over a non-empty one needs ``force``. The current
file is backed up first; the copy goes through SQLite's backup API inside one write
transaction on the live file, so a failure (a full disk) leaves the current ledger whole.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from tracker.errors import TrackerError
from tracker.storage import backup
from tracker.storage.access import connect_read_only, file_writable, no_new_side_files
from tracker.storage.faults import explain, read_only
from tracker.storage.file_check import check_tracker_file

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupContents:
    """What a database file holds, as the restore confirmation shows it."""

    path: Path
    projects: int
    last_change: str | None  # ISO time of the newest audit row or project change

    def describe(self) -> str:
        when = f"，最后修改于 {self.last_change.replace('T', ' ')}" if self.last_change else ""
        return f"“{self.path.name}”中有 {self.projects} 个项目{when}"


class EmptyRestore(TrackerError):
    """The backup holds no project but the current ledger does: confirm with ``force``."""


def _contents(conn: sqlite3.Connection, path: Path) -> BackupContents:
    projects = conn.execute("SELECT COUNT(*) FROM projects").fetchone()[0]
    last = conn.execute(
        "SELECT MAX(t) FROM (SELECT MAX(at) AS t FROM audit"
        " UNION ALL SELECT MAX(updated_at) FROM projects)"
    ).fetchone()[0]
    return BackupContents(path, int(projects), last)


def inspect_backup(source: Path) -> BackupContents:
    """Check a file fully as a restore source; raise TrackerError saying what is wrong."""
    source = Path(source)
    if source.is_dir():
        raise TrackerError(f"“{source}”是一个文件夹。请选择备份文件（.db）。")
    if not source.is_file():
        raise TrackerError(f"找不到备份文件：{source}。请确认路径后重试。")
    kind = check_tracker_file(source)
    if kind != "ours":
        what = "是空文件（0 字节）" if kind == "empty" else "里没有任何台账数据（不含数据表）"
        raise TrackerError(
            f"备份文件“{source}”{what}，不能用来恢复；当前台账没有改动。请选择 backups 文件夹中的其他备份。"
        )
    with no_new_side_files(source):
        conn = connect_read_only(source)
        try:
            result = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            if result != ["ok"]:
                raise TrackerError(
                    f"备份文件“{source}”已损坏（完整性检查：{result[0]}），不能用来恢复；"
                    "当前台账没有改动。请选择另一个备份。"
                )
            if conn.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise TrackerError(
                    f"备份文件“{source}”中有指向不存在项目的记录，数据不一致，不能用来恢复；"
                    "当前台账没有改动。请选择另一个备份。"
                )
            return _contents(conn, source)
        except sqlite3.DatabaseError as exc:
            raise TrackerError(
                f"备份文件“{source}”已损坏或不完整（{exc}），不能用来恢复；当前台账没有改动。"
            ) from exc
        finally:
            conn.close()


def current_contents(db_path: Path) -> BackupContents | None:
    """What the ledger about to be replaced holds (None when it is missing or unreadable)."""
    try:
        if check_tracker_file(db_path) != "ours":
            return None
        with no_new_side_files(db_path):
            conn = connect_read_only(db_path)
            try:
                return _contents(conn, db_path)
            finally:
                conn.close()
    except (TrackerError, sqlite3.Error) as exc:
        log.info("current ledger %s unreadable before restore: %s", db_path, exc)
        return None


def restore(db_path: Path, source: Path, *, force: bool = False) -> Path | None:
    """Replace the database with a checked backup; the current file is backed up first.

    Returns the safety backup of the file as it was (None when there was none). The
    caller must have closed its connections to db_path.
    """
    db_path, source = Path(db_path), Path(source)
    if source.exists() and db_path.exists() and source.resolve() == db_path.resolve():
        raise TrackerError(
            "所选备份就是当前数据库文件本身，无需恢复。请选择 backups 文件夹中的备份。"
        )
    contents = inspect_backup(source)
    current = current_contents(db_path)
    if contents.projects == 0 and current is not None and current.projects > 0 and not force:
        raise EmptyRestore(
            f"备份{contents.describe()}，而当前台账有 {current.projects} 个项目；"
            "恢复后将只剩空台账。如确要这样做，请加 --force（界面中再次确认）。"
        )
    if not file_writable(db_path):
        raise read_only(db_path)
    safety = backup.backup_file(db_path, "before-restore") if current is not None else None
    try:
        with no_new_side_files(source):
            src = connect_read_only(source)
            dst = sqlite3.connect(db_path)
            try:
                src.backup(dst)
            finally:
                src.close()
                dst.close()
    except sqlite3.Error as exc:
        log.error("restore of %s from %s failed: %s", db_path, source, exc)
        raise explain(exc, db_path) or TrackerError(
            f"恢复失败：{exc}。当前台账保持原样（恢复前的备份：{safety}）。"
        ) from exc
    log.info("restored %s from %s (previous file saved as %s)", db_path, source, safety)
    return safety
