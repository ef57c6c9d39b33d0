"""When something unexpected happens: log it, and tell the clerk in words, not a traceback.

``install_excepthook`` replaces ``sys.excepthook`` for the app. An error the clerk can act on
(``TrackerError``, e.g. from a menu action run on the UI thread) shows its Chinese message;
anything else is a bug: its traceback goes to the log, and a dialog says what happened,
that nothing was half-saved (every write is one transaction), where the log is, and offers
复制错误信息 so the clerk can paste it into a message to whoever supports them.
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.errors import TrackerError

from .tasks import show_error

log = logging.getLogger(__name__)


class CrashDialog(QDialog):
    def __init__(self, details: str, log_file: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("crash_dialog")
        self.setWindowTitle(self.tr("Unexpected error"))
        self.details = details
        where = str(log_file) if log_file else self.tr("(no log file could be written)")
        text = QLabel(
            self.tr(
                "The program met an unexpected error. What you saved before is safe: every "
                "change is written in one step or not at all.\n\nThe details are in the log "
                "file:\n{log}\n\nPlease copy the error and send it to whoever supports you."
            ).format(log=where),
            self,
        )
        text.setWordWrap(True)
        box = QPlainTextEdit(details, self)
        box.setObjectName("crash_details")
        box.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(self.tr("&Copy error details"), self)
        copy.setObjectName("copy_error")
        copy.clicked.connect(self.copy_details)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        if log_file:
            folder = QPushButton(self.tr("Open &log folder"), self)
            folder.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_file.parent)))
            )
            buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(box, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)


def handle_exception(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    log_file: Path | None,
) -> QDialog | None:
    """Log one uncaught exception and show it to the clerk; returns the dialog shown."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return None
    parent = QApplication.activeWindow()
    if isinstance(exc, TrackerError):
        log.info("refused: %s", exc.message)
        return show_error(parent, QApplication.applicationDisplayName(), exc)
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.critical("unexpected error\n%s", details)
    dialog = CrashDialog(details, log_file, parent)
    dialog.open()
    return dialog


def install_excepthook(log_file: Path | None) -> None:
    """Route every uncaught exception (including those raised in Qt slots) through here."""
    sys.excepthook = lambda t, e, tb: handle_exception(t, e, tb, log_file)
