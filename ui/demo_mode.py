"""The demo: a made-up county in its own database file, never in the clerk's ledger.

先看演示 (first run, or 帮助 → 打开演示数据) builds a fresh demo ledger in the demo file
(``tracker.storage.paths.demo_db_path``, in the data folder) and switches the window to
it; the window title says 演示数据 and a banner above the tabs says what it is, with a
button back to the clerk's own ledger. Everything the clerk tries there (new projects,
imports, reports) stays in the demo file; it is rebuilt the next time the demo is opened.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from tracker.errors import TrackerError
from tracker.ledger.demo import COUNTY, build_demo_database
from tracker.storage.paths import default_db_path, demo_db_path

from . import file_actions
from .database_switcher import DatabaseSwitcher
from .db_files import acquire_lock
from .tasks import TaskContext, run_task, show_error

log = logging.getLogger(__name__)

DEMO_PROJECTS = 300
# Set with its own text colour, so it reads the same under a light or a dark palette.
BANNER_STYLE = (
    "QFrame#demo_banner { background: #e4ecfb; border-bottom: 2px solid #3a64c8; }"
    " QFrame#demo_banner QLabel { color: #17306b; }"
)


def is_demo(path: Path) -> bool:
    """Whether ``path`` is the demo ledger's file."""
    try:
        return Path(path).resolve() == demo_db_path().resolve()
    except OSError:
        return False


class DemoBanner(QFrame):
    """The strip that marks demo data, with the way back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("demo_banner")
        self.setStyleSheet(BANNER_STYLE)
        self.label = QLabel(
            self.tr(
                "<b>演示数据</b> — a made-up county ({county}) to try the program: add, edit, "
                "import and export as you like. Nothing here goes into your own ledger."
            ).format(county=COUNTY),
            self,
        )
        self.label.setWordWrap(True)
        self.close_button = QPushButton(self.tr("&Close the demo, back to my ledger"), self)
        self.close_button.setObjectName("demo_close")
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.close_button)
        self.hide()


class DemoMode(QObject):
    """Opens and closes the demo for one window, and keeps its banner and actions right."""

    left = Signal()  # back on the clerk's own ledger after the demo

    def __init__(self, databases: DatabaseSwitcher, parent: QWidget) -> None:
        super().__init__(parent)
        self.window = parent
        self.databases = databases
        self.return_path: Path | None = None
        self.banner = DemoBanner(parent)
        self.banner.close_button.clicked.connect(lambda _c=False: self.close())
        self.open_action = QAction(self.tr("Open the &demo data"), parent)
        self.open_action.setObjectName("action_open_demo")
        self.open_action.setStatusTip(
            self.tr("A made-up county in a separate file; your ledger is not touched")
        )
        self.open_action.triggered.connect(lambda _c=False: self.open())
        self.close_action = QAction(self.tr("&Close the demo"), parent)
        self.close_action.setObjectName("action_close_demo")
        self.close_action.triggered.connect(lambda _c=False: self.close())
        databases.switched.connect(lambda _path: self.update())
        self.update()

    @property
    def active(self) -> bool:
        return is_demo(self.databases.path)

    def update(self) -> None:
        self.banner.setVisible(self.active)
        self.open_action.setEnabled(not self.active)
        self.close_action.setEnabled(self.active)

    def open(self) -> None:
        """Build a fresh demo ledger (in the background) and switch the window to it."""
        if self.active:
            return
        path = demo_db_path()
        try:
            acquire_lock(path).unlock()  # another window showing the demo keeps it
        except TrackerError as exc:
            show_error(self.window, self.tr("Demo data"), exc)
            return
        self.return_path = self.databases.path

        def work(ctx: TaskContext) -> Path:
            return build_demo_database(
                path, DEMO_PROJECTS, progress=ctx.progress, cancelled=ctx.cancelled
            )

        run_task(
            self.window,
            self.tr("Preparing the demo data"),
            work,
            on_done=self._built,
        )

    def _built(self, path: Path) -> None:
        log.info("switching to the demo ledger %s", path)
        file_actions.switch_database(self.window, self.databases, path)

    def close(self) -> None:
        """Back to the ledger the demo was opened from (the default one otherwise)."""
        if not self.active:
            return
        target = self.return_path or default_db_path()
        if file_actions.switch_database(self.window, self.databases, target, create=True):
            self.return_path = None
            self.left.emit()
