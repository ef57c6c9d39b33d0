"""The first frame of a start: the program's window, empty, saying 正在打开台账…, drawn before
the storage layer is imported and the ledger opened (on a frozen Windows build those take
most of the start, and a clerk who sees nothing for a second clicks the icon again).

It stands where the main window will stand (the same saved geometry) and is closed when the
main window is shown. Its words are Chinese directly: the translator is loaded later, with
the ledger (``main_window.open_window``), and there is no other UI language.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from .app import settings

OPENING_TEXT = "正在打开台账…"
DEFAULT_SIZE = (1280, 720)  # as MainWindow before a geometry is saved


def show_opening_frame(size: tuple[int, int] | None = None) -> QMainWindow:
    """Show and draw the frame; ``size`` (unattended runs) instead of the saved geometry."""
    frame = QMainWindow()
    frame.setObjectName("opening_frame")
    frame.setWindowTitle("签约项目跟踪")
    label = QLabel(OPENING_TEXT, frame)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    frame.setCentralWidget(label)
    frame.resize(*(size or DEFAULT_SIZE))
    geometry = settings().value("main/geometry") if size is None else None
    if geometry is not None:
        frame.restoreGeometry(geometry)
    frame.show()
    QApplication.processEvents()  # drawn now: what follows keeps the event loop busy
    return frame
