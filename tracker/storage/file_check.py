"""Is this file a tracker database we may open? Decided before anything writes to it.

The checks run on a read-only connection, so a foreign or newer file is left
byte-for-byte as it was. Both opening (``db.py``) and restoring (``backup.py``) ask here.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tracker.errors import TrackerError
from tracker.storage.schema import APPLICATION_ID, SCHEMA_VERSION, known_migration_names

SQLITE_MAGIC = b"SQLite format 3\x00"


def check_tracker_file(path: Path) -> str:
    """Classify an existing file: 'new' (empty), 'ours'; raise TrackerError otherwise."""
    if not path.exists() or path.stat().st_size == 0:
        return "new"
    with open(path, "rb") as fh:
        head = fh.read(len(SQLITE_MAGIC))
    if head != SQLITE_MAGIC:
        raise TrackerError(
            f"文件“{path}”不是项目台账数据库（不是 SQLite 文件）。请选择正确的 .db 文件，或换一个新文件名。"
        )
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise TrackerError(f"无法打开“{path}”：{exc}。") from exc
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        applied: set[str] = set()
        if "_sqlite_migrations" in tables:
            applied = {
                r[0]
                for r in conn.execute(
                    "SELECT name FROM _sqlite_migrations WHERE migration_set = 'tracker'"
                )
            }
    except sqlite3.DatabaseError as exc:
        raise TrackerError(f"文件“{path}”已损坏或不是数据库：{exc}。请从备份恢复。") from exc
    finally:
        conn.close()
    if not tables:
        return "new"
    if app_id != APPLICATION_ID:
        raise TrackerError(
            f"文件“{path}”是其他软件的 SQLite 数据库，不是项目台账。为保护该文件，本程序不会修改它；请选择台账数据库或新建一个。"
        )
    if version > SCHEMA_VERSION or applied - known_migration_names():
        raise TrackerError(
            f"文件“{path}”由更新版本的程序创建（数据版本 {version}，本程序支持到 {SCHEMA_VERSION}）。"
            "请升级本程序后再打开；文件未做任何修改。"
        )
    return "ours"
