"""Backups through SQLite's online-backup API into ``backups/`` beside the database.

The backup API copies a consistent snapshot even while the app holds the file open (a
plain file copy of a WAL database can miss the last commits). A backup is written to a
``.part`` file and renamed when complete, so a backup that failed half way (a full disk,
a killed process) is never mistaken for a good one; leftovers are removed.

Names are ``{stem}-{YYYYmmdd-HHMMSS-ffffff}-{reason}.db`` and are listed and pruned by
that exact pattern, so the backups of ``ledger.db`` never include those of
``ledger-2024.db`` kept in the same folder.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import time
from datetime import datetime
from pathlib import Path

from tracker.errors import TrackerError
from tracker.storage.access import connect_read_only
from tracker.storage.faults import explain

log = logging.getLogger(__name__)

KEEP_BACKUPS = 20
BACKUP_DIR_NAME = "backups"
PART_SUFFIX = ".part"
# A .part this old is a leftover (a backup writes its .part continuously), not in progress.
STALE_PART_S = 600
_STAMP = r"(\d{8})-\d{6}-\d{6}"
_REASON = r"[a-z]+(?:-[a-z]+)*"


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR_NAME


def backup_pattern(db_path: Path) -> re.Pattern[str]:
    """Exactly the names ``backup_file`` gives backups of ``db_path`` (group 1: the day)."""
    return re.compile(rf"{re.escape(Path(db_path).stem)}-{_STAMP}-{_REASON}\.db")


def list_backups(db_path: Path) -> list[Path]:
    """Backups of this database (not of another one in the same folder), newest first."""
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return []
    pattern = backup_pattern(db_path)
    return sorted((p for p in folder.iterdir() if pattern.fullmatch(p.name)), reverse=True)


def backup_connection(conn: sqlite3.Connection, out: Path) -> Path:
    """Copy the database behind ``conn`` to ``out`` (via ``out.part``, removed on failure)."""
    out = Path(out)
    if out.is_dir():
        raise TrackerError(f"“{out}”是一个文件夹。请给出备份文件的完整路径（.db）。")
    tmp = out.with_name(out.name + PART_SUFFIX)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        target = sqlite3.connect(tmp)
        try:
            conn.backup(target)
        finally:
            target.close()
        tmp.replace(out)
    except (sqlite3.Error, OSError) as exc:
        tmp.unlink(missing_ok=True)
        log.error("backup to %s failed: %s", out, exc)
        error = explain(exc, out.parent)
        if error is None:
            error = TrackerError(f"备份失败：{exc}。请检查磁盘空间和文件夹权限。")
        raise error from exc
    return out


def backup_file(db_path: Path, reason: str = "manual", out: Path | None = None) -> Path:
    """Back up the file at db_path; returns the backup's path. Prunes to the newest 20."""
    if out is None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        out = backup_dir(db_path) / f"{db_path.stem}-{stamp}-{reason}.db"
    try:
        src = connect_read_only(db_path)
    except sqlite3.Error as exc:
        raise explain(exc, db_path) or TrackerError(f"备份失败：{exc}。") from exc
    try:
        backup_connection(src, out)
    finally:
        src.close()
    log.info("backed up %s to %s", db_path, out)
    prune(db_path)
    return out


def prune(db_path: Path, keep: int = KEEP_BACKUPS) -> None:
    """Keep the newest ``keep`` backups of this database; drop its half-written ones."""
    for old in list_backups(db_path)[keep:]:
        log.info("pruning old backup %s", old)
        old.unlink(missing_ok=True)
    folder = backup_dir(db_path)
    pattern = backup_pattern(db_path)
    stale = time.time() - STALE_PART_S
    for part in folder.glob(f"*{PART_SUFFIX}"):
        name = part.name[: -len(PART_SUFFIX)]
        if pattern.fullmatch(name) and part.stat().st_mtime < stale:
            log.info("removing half-written backup %s", part)
            part.unlink(missing_ok=True)


def backed_up_today(db_path: Path) -> bool:
    today = datetime.now().strftime("%Y%m%d")
    pattern = backup_pattern(db_path)
    for p in list_backups(db_path):
        m = pattern.fullmatch(p.name)
        if m and m.group(1) == today:
            return True
    return False
