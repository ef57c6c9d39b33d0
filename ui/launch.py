"""签约项目跟踪 — the desktop app: ``python main.py [--db PATH] [--screenshot FILE.png]``."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from tracker.errors import TrackerError
from tracker.logs import setup_logging
from tracker.storage.paths import resolve_db_path
from ui.app import choose_language, ensure_app, install_translators
from ui.crash_dialog import install_excepthook
from ui.main_window import MainWindow, open_window

SCREENSHOT_SIZE = (1366, 768)


def build_window(db_path: Path | str, *, language: str | None = None) -> MainWindow:
    """The app's main window on db_path, not shown. ``language`` forces a translation
    ("zh_CN" for tests and screenshots); otherwise the settings and system decide."""
    ensure_app()
    return open_window(Path(db_path), language)


def take_screenshot(window: MainWindow, out: Path) -> None:
    """Show at 1366×768, wait for the ledger (and its warning tints, up to 10 s), save, quit."""
    window.resize(*SCREENSHOT_SIZE)
    window.show()
    state = {"rows": False, "tints": False, "shot": False}

    def shoot() -> None:
        if not state["shot"]:
            state["shot"] = True
            QTimer.singleShot(200, lambda: (window.grab().save(str(out)), window.close()))

    def mark(key: str) -> None:
        state[key] = True
        if state["rows"] and state["tints"]:
            shoot()

    window.model.loaded.connect(lambda _r: mark("rows"))
    window.model.levels_loaded.connect(lambda: mark("tints"))
    QTimer.singleShot(10_000, lambda: mark("tints"))  # tints are optional


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="签约项目跟踪")
    parser.add_argument("--db", help="database file (default: the user's data folder)")
    parser.add_argument("--screenshot", metavar="FILE.png", help="save the window and exit")
    args = parser.parse_args(argv)
    if (
        args.screenshot
        and sys.platform.startswith("linux")
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # docs / CI machines
    app = ensure_app(sys.argv[:1])
    install_excepthook(setup_logging())
    db_path = resolve_db_path(args.db)
    try:
        window = open_window(db_path, "zh_CN" if args.screenshot else None)
    except TrackerError as exc:
        logging.getLogger(__name__).info("cannot open %s: %s", db_path, exc.message)
        install_translators(choose_language(None))
        QMessageBox.critical(None, "签约项目跟踪", exc.message)
        return 2
    if args.screenshot:
        take_screenshot(window, Path(args.screenshot))
    else:
        window.show()
        QTimer.singleShot(0, window.offer_demo)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
