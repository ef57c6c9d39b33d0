"""Is this file a tracker database we may open? Decided before anything writes to it.

The header is read from the file's first 100 bytes (application id, schema version), so a
foreign or newer file is refused without SQLite ever opening it; what needs SQLite (the
list of applied migrations) runs on a read-only connection whose side files are removed
afterwards. Opening (``db.py``) and restoring (``restore.py``) both ask here.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from tracker.errors import TrackerError
from tracker.storage.access import connect_read_only, no_new_side_files
from tracker.storage.schema import APPLICATION_ID, SCHEMA_VERSION, known_migration_names

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_BYTES = 100


@dataclass(frozen=True)
class Header:
    """The fields of SQLite's 100-byte file header that say whose file this is."""

    user_version: int
    application_id: int


def read_header(path: Path) -> Header | None:
    """The header, or None when the file is not an SQLite database."""
    with open(path, "rb") as fh:
        head = fh.read(HEADER_BYTES)
    if len(head) < HEADER_BYTES or not head.startswith(SQLITE_MAGIC):
        return None
    return Header(int.from_bytes(head[60:64], "big"), int.from_bytes(head[68:72], "big"))


def _wal_has_frames(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def _refuse_foreign(path: Path) -> TrackerError:
    return TrackerError(
        f"文件“{path}”是其他软件的 SQLite 数据库，不是项目台账。为保护该文件，本程序不会修改它；"
        "请选择台账数据库或新建一个。"
    )


def _refuse_newer(path: Path, version: int, unknown: set[str]) -> TrackerError:
    if version > SCHEMA_VERSION:
        why = f"数据版本 {version}，本程序只支持到 {SCHEMA_VERSION}"
    else:
        why = f"含有本程序不认识的升级步骤：{'、'.join(sorted(unknown))}"
    return TrackerError(
        f"文件“{path}”由更新版本的程序创建（{why}）。请升级本程序后再打开；文件未做任何修改。"
    )


def check_tracker_file(path: Path) -> str:
    """Classify a file: 'new' (missing), 'empty' (0 bytes), 'ours'; TrackerError otherwise."""
    path = Path(path)
    if path.is_dir():
        raise TrackerError(f"“{path}”是一个文件夹，不是数据库文件。请给出 .db 文件的完整路径。")
    if not path.exists():
        return "new"
    try:
        if path.stat().st_size == 0:
            return "empty"
        header = read_header(path)
    except OSError as exc:
        raise TrackerError(
            f"无法读取“{path}”：{exc.strerror or exc}。请检查文件权限，或关闭占用它的程序。"
        ) from exc
    if header is None:
        raise TrackerError(
            f"文件“{path}”不是项目台账数据库（不是 SQLite 文件）。请选择正确的 .db 文件，或换一个新文件名。"
        )
    # Without a WAL holding newer pages, the header on disk is the truth: refuse a foreign
    # or newer file before SQLite touches it.
    if not _wal_has_frames(path):
        if header.application_id not in (0, APPLICATION_ID):
            raise _refuse_foreign(path)
        if header.application_id == APPLICATION_ID and header.user_version > SCHEMA_VERSION:
            raise _refuse_newer(path, header.user_version, set())
    with no_new_side_files(path):
        try:
            conn = connect_read_only(path)
        except sqlite3.Error as exc:
            raise TrackerError(f"无法打开“{path}”：{exc}。请检查文件权限。") from exc
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            applied: set[str] = set()
            if "_sqlite_migrations" in tables:
                applied = {
                    r[0]
                    for r in conn.execute(
                        "SELECT name FROM _sqlite_migrations WHERE migration_set = 'tracker'"
                    )
                }
        except sqlite3.DatabaseError as exc:
            log.warning("%s is damaged: %s", path, exc)
            raise TrackerError(
                f"文件“{path}”已损坏，读不出数据库结构（{exc}）。请用“从备份恢复”恢复最近的备份。"
            ) from exc
        finally:
            conn.close()
    if not tables:
        return "new"
    if app_id != APPLICATION_ID:
        raise _refuse_foreign(path)
    unknown = applied - known_migration_names()
    if version > SCHEMA_VERSION or unknown:
        raise _refuse_newer(path, version, unknown)
    return "ours"
