"""Where the database lives when nobody says: the user's data folder.

Precedence: an explicit path (``--db``), then ``TRACKER_DB``, then the platform data
folder (``%LOCALAPPDATA%\\SignedDealTracker`` on Windows).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from tracker.errors import TrackerError

APP_NAME = "SignedDealTracker"
DB_FILE_NAME = "tracker.db"
DEMO_FILE_NAME = "演示台账.db"


def default_db_path() -> Path:
    env = os.environ.get("TRACKER_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / DB_FILE_NAME


def data_dir() -> Path:
    """The user's data folder (the default database, its backups, logs, the demo)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def demo_db_path() -> Path:
    """The demo ledger: a file of its own, never the clerk's (``TRACKER_DEMO_DB`` moves it)."""
    env = os.environ.get("TRACKER_DEMO_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / "demo" / DEMO_FILE_NAME


def resolve_db_path(explicit: str | os.PathLike[str] | None) -> Path:
    """The path given (``--db``), else the default. An empty ``--db ""`` is a mistake (a
    script's unset variable), not a request for the default ledger."""
    if explicit is None:
        return default_db_path()
    if not str(explicit).strip():
        raise TrackerError(
            "--db 后面的数据库路径是空的。请给出 .db 文件的路径，或去掉 --db 使用默认数据库。"
        )
    path = Path(explicit).expanduser()
    if path.is_dir():
        raise TrackerError(f"“{path}”是一个文件夹，不是数据库文件。请给出 .db 文件的完整路径。")
    return path
