"""Where the database lives when nobody says: the user's data folder.

Precedence: an explicit path (``--db``), then ``TRACKER_DB``, then the platform data
folder (``%LOCALAPPDATA%\\SignedDealTracker`` on Windows).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "SignedDealTracker"
DB_FILE_NAME = "tracker.db"


def default_db_path() -> Path:
    env = os.environ.get("TRACKER_DB")
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / DB_FILE_NAME


def resolve_db_path(explicit: str | os.PathLike[str] | None) -> Path:
    return Path(explicit).expanduser() if explicit else default_db_path()
