"""The strip above the ledger that warns of a ledger on a network share or in a sync folder.

The detection is the core's (``tracker.storage.location``, which also keeps such a database
out of WAL mode); the window only says it, every time that ledger is open, with its own
text colour so it reads under a light and a dark palette alike.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from tracker.storage.location import risky_location

log = logging.getLogger(__name__)


class LocationBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("location_banner")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(
            "QLabel#location_banner { background: #ffe3c2; color: #6b3000;"
            " border-bottom: 1px solid #e09040; padding: 6px 10px; }"
        )
        self.hide()

    def show_for(self, path: Path) -> None:
        """Show the warning when ``path`` is on a share or in a sync folder, else hide."""
        where = risky_location(path)
        if where is None:
            self.hide()
            return
        log.warning("ledger %s is in a %s location (%s)", path, where.kind, where.what)
        self.setText(where.warning(path))
        self.show()
