"""The log file: what went wrong, kept where the clerk (or whoever helps them) can find it.

Each module logs through ``logging.getLogger(__name__)``; ``setup_logging`` (called once by
the app and the CLI) sends everything to a rotating ``tracker.log`` in the ``logs`` folder of
the user's data folder (``TRACKER_LOG_DIR`` overrides it, as tests do). Logging never stops
the program: a folder that cannot be written leaves the log on stderr only.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from tracker.storage.paths import data_dir

LOG_FILE_NAME = "tracker.log"
MAX_BYTES = 1_000_000
BACKUPS = 4
_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"


class _QuietFileHandler(RotatingFileHandler):
    """A log that cannot be written (a full disk) is skipped, not reported on stderr with
    a traceback that would bury the clerk's one-line message."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        return None


def log_dir() -> Path:
    env = os.environ.get("TRACKER_LOG_DIR")
    if env:
        return Path(env).expanduser()
    return data_dir() / "logs"


def log_path() -> Path:
    return log_dir() / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Attach the rotating log file to the root logger (once); returns its path, or None
    when the folder cannot be written."""
    root = logging.getLogger()
    root.setLevel(min(root.level or level, level))
    path = log_path()
    for handler in root.handlers:
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _QuietFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
    except OSError:
        logging.getLogger(__name__).warning("cannot write the log folder %s", path.parent)
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    root.addHandler(handler)
    return path
