"""Starting the desktop app: its arguments, the window, and the unattended modes.

``SignedDealTracker[.exe] [--db PATH] [--screenshot FILE.png] [--self-test FILE.json]`` —
the installed program, the ``SignedDealTracker`` command of a wheel (``[project.gui-scripts]``)
and ``python main.py`` in a source tree all come here. Inside the package, so a wheel has it.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from .app import ensure_app, install_translators
from .opening_frame import show_opening_frame

if TYPE_CHECKING:
    from .main_window import MainWindow

# The main window, the storage layer and the log are imported in the functions below:
# ``main`` draws the opening frame first (``opening_frame``), then imports them.
SCREENSHOT_SIZE = (1366, 768)


def build_window(db_path: Path | str, *, language: str | None = None) -> MainWindow:
    """The app's main window on db_path, not shown. ``language`` forces a translation
    ("zh_CN" for tests and screenshots); otherwise the settings and system decide."""
    from .main_window import open_window

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


def record_startup(window: MainWindow, out: str, times: dict[str, float]) -> None:
    """Measurement only (env TRACKER_STARTUP_TIMES=FILE.json, bench/frozen_start.py):
    show the window at 1366×768 and write the wall-clock time of each start-up step — frame
    (the opening frame drawn: the first window on screen), imports, window (built), drawn
    (the main window's first frame), rows (the ledger loaded and drawn), tints (warning
    colours) — then quit. The caller compares them with the time it spawned the process."""
    import json

    window.resize(*SCREENSHOT_SIZE)
    window.show()

    def mark(key: str) -> None:
        if key not in times:
            window.grab()
            times[key] = time.time()
            times.setdefault("drawn", times[key])  # the main window's first grab
        if "rows" in times and ("tints" in times or key == "timeout"):
            Path(out).write_text(json.dumps(times), encoding="utf-8")
            window.close()

    QTimer.singleShot(0, lambda: mark("drawn"))
    window.model.loaded.connect(lambda _r: mark("rows"))
    window.model.levels_loaded.connect(lambda: mark("tints"))
    QTimer.singleShot(60_000, lambda: mark("timeout"))


def run_self_test(window: MainWindow, out: str) -> None:
    """Check what this copy of the app contains (``ui.self_test``), write it, quit 0/1."""
    from . import self_test

    def run() -> None:
        try:
            report = self_test.collect(window)
        except Exception as exc:  # noqa: BLE001 - a windowed exe has nowhere else to say it
            logging.getLogger(__name__).exception("self-test failed")
            report = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        self_test.write(report, out)
        window.close()
        QApplication.exit(0 if report["ok"] else 1)

    QTimer.singleShot(0, run)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="签约项目跟踪")
    parser.add_argument("--db", help="数据库文件（默认：用户数据文件夹中的 tracker.db）")
    parser.add_argument("--screenshot", metavar="FILE.png", help="保存窗口截图后退出")
    parser.add_argument(
        "--self-test",
        metavar="FILE.json",
        help="自检：翻译、各功能模块、用户手册是否齐全，结果写入 JSON（- 为标准输出）后退出，"
        "全部通过时退出码为 0",
    )
    args = parser.parse_args(argv)
    measuring = os.environ.get("TRACKER_STARTUP_TIMES")
    unattended = bool(args.screenshot or args.self_test or measuring)
    if (
        unattended
        and sys.platform.startswith("linux")
        and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # docs / CI machines
    app = ensure_app(sys.argv[:1])
    frame = show_opening_frame(SCREENSHOT_SIZE if unattended else None)
    times = {"frame": time.time()}
    if measuring:
        frame.grab()  # as the bare window's measure: the frame rendered once
        times["frame"] = time.time()
    # Only now what the ledger needs: the storage layer, the log, the main window.
    from tracker.errors import TrackerError
    from tracker.logs import setup_logging
    from tracker.storage.paths import resolve_db_path

    from .crash_dialog import install_excepthook
    from .main_window import open_window

    times["imports"] = time.time()
    install_excepthook(setup_logging())
    db_path = resolve_db_path(args.db)
    try:
        window = open_window(db_path)
    except TrackerError as exc:
        frame.close()
        logging.getLogger(__name__).info("cannot open %s: %s", db_path, exc.message)
        if unattended:  # nobody to click a message box: say it where the caller looks
            print(exc.message, file=sys.stderr)
            if args.self_test:
                from . import self_test

                self_test.write({"ok": False, "error": exc.message}, args.self_test)
            return 2
        install_translators()
        QMessageBox.critical(None, "签约项目跟踪", exc.message)
        return 2
    if measuring:
        record_startup(window, measuring, times | {"window": time.time()})
    elif args.self_test:
        run_self_test(window, args.self_test)
    elif args.screenshot:
        take_screenshot(window, Path(args.screenshot))
    else:
        window.show()
        QTimer.singleShot(0, window.first_run)
    frame.close()  # the main window stands in its place now
    frame.deleteLater()
    return app.exec()
