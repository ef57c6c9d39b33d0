"""Backups through SQLite's online-backup API into ``backups/`` beside the database.

The backup API copies a consistent snapshot even while the app holds the file open (a
plain file copy of a WAL database can miss the last commits).
"""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

from tracker.errors import TrackerError
from tracker.storage.file_check import check_tracker_file

log = logging.getLogger(__name__)

KEEP_BACKUPS = 20
BACKUP_DIR_NAME = "backups"


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR_NAME


def list_backups(db_path: Path) -> list[Path]:
    """Newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db_path.stem}-*.db"), reverse=True)


def backup_connection(conn: sqlite3.Connection, out: Path) -> Path:
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".part")
    target = sqlite3.connect(tmp)
    try:
        conn.backup(target)
    finally:
        target.close()
    tmp.replace(out)
    return out


def backup_file(db_path: Path, reason: str = "manual", out: Path | None = None) -> Path:
    """Back up the file at db_path; returns the backup's path. Prunes to the newest 20."""
    if out is None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        out = backup_dir(db_path) / f"{db_path.stem}-{stamp}-{reason}.db"
    src = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        backup_connection(src, out)
    except sqlite3.DatabaseError as exc:
        log.error("backup of %s to %s failed: %s", db_path, out, exc)
        raise TrackerError(f"备份失败：{exc}。请检查磁盘空间和文件夹权限。") from exc
    finally:
        src.close()
    log.info("backed up %s to %s", db_path, out)
    prune(db_path)
    return out


def prune(db_path: Path, keep: int = KEEP_BACKUPS) -> None:
    for old in list_backups(db_path)[keep:]:
        log.info("pruning old backup %s", old)
        old.unlink(missing_ok=True)


def backed_up_today(db_path: Path) -> bool:
    today = datetime.now().strftime("%Y%m%d")
    return any(p.name.startswith(f"{db_path.stem}-{today}") for p in list_backups(db_path))


def restore(db_path: Path, source: Path) -> Path:
    """Replace the database with a backup; the current file is backed up first.

    Returns the safety backup of the file as it was. The caller must have closed its
    connections to db_path.
    """
    source = Path(source)
    if not source.is_file():
        raise TrackerError(f"找不到备份文件：{source}。请确认路径后重试。")
    check_tracker_file(source)
    safety = backup_file(db_path, "before-restore") if db_path.exists() else None
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(db_path)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    log.info("restored %s from %s (previous file saved as %s)", db_path, source, safety)
    return safety or db_path
