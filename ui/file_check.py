"""The per-open check of the ledger file, after the rows are drawn.

SQLite's quick_check reads every page of the file (~0.1 s on 10,000 projects, ~0.5 s on
50,000), so the window opens with ``check_later`` and runs it here, in the background,
once the rows are on screen. The day's first open still runs the full integrity check
before anything is shown (with the daily backup). A damaged file found here makes the
window read-only at once — nothing more is written to it — and says what to do.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction

from tracker.errors import TrackerError
from tracker.storage.db import quick_check

from .tasks import run_task, show_error

log = logging.getLogger(__name__)


def check_after_first_paint(window: Any) -> None:
    """Quick-check the window's ledger file in the background; on damage, read-only."""
    path = window.db_path
    title = QCoreApplication.translate("FileCheck", "Checking the database")

    def failed(exc: BaseException) -> None:
        if window.db_path != path:
            return  # another file is open by now
        if not isinstance(exc, TrackerError):  # the check could not run (busy, gone)
            log.warning("quick_check of %s did not run: %r", path, exc)
            return
        window.portfolio.read_only = True  # nothing more is written to a damaged file
        window.update_read_only()
        window.read_only_banner.show_for(path, damaged=True)
        restore = window.findChild(QAction, "action_restore")
        if restore is not None:
            restore.setEnabled(True)  # the way out: a restore replaces the damaged file
        show_error(window, title, exc)

    run_task(window, title, lambda _ctx: quick_check(path), on_error=failed, show_progress=False)
