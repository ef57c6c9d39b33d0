"""The strip above the ledger that says the database is open read-only, and why.

A ledger on a read-only file or folder (a CD, a protected share, a file marked 只读) is
still worth reading: the window opens it with this banner and the write actions off,
instead of refusing it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class ReadOnlyBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("read_only_banner")
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setStyleSheet(
            "QLabel#read_only_banner { background: #fff4ce; color: #5c4400;"
            " border-bottom: 1px solid #e0c060; padding: 6px 10px; }"
        )
        self.hide()

    def show_for(self, path: Path | None, *, damaged: bool = False) -> None:
        """Show the banner for ``path`` (None hides it); ``damaged``: read-only because
        the file failed its check after opening (``file_check``)."""
        if path is None:
            self.hide()
            return
        if damaged:
            self.setText(
                self.tr(
                    "The database file is damaged: {path}. Nothing more is written to it. "
                    "Restore the latest backup (File → Restore from backup…)."
                ).format(path=path)
            )
            self.show()
            return
        self.setText(
            self.tr(
                "The database file is read-only: {path}. You can view, search, review and "
                "export, but not change anything. To edit, clear the file's read-only "
                "attribute (or copy it to a folder you can write) and open it again."
            ).format(path=path)
        )
        self.show()
