"""``SignedDealTracker --self-test FILE.json``: what a built copy of the app really contains.

A frozen bundle can start and still lack a feature (a module its packager did not see, a
data file left behind, a Qt plugin trimmed away). Run on the open main window, this builds
every page, imports every module of ``tracker`` and ``ui`` (so a feature added later — the
template filling, the progress collection — is checked without listing it here) and the
third-party readers and writers, reads the user guide, its screenshots and the icon, and
writes one JSON object: each check's result and ``ok``. The exit code is 0 only when every
check passed. A file, not stdout: a windowed Windows program has no console (``-`` writes
to stdout from a source tree).
"""

from __future__ import annotations

import importlib
import json
import logging
import pkgutil
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, QLibraryInfo, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import QMainWindow

log = logging.getLogger(__name__)

# Imported by our modules only inside functions or optionally: a bundle missing one must
# fail here, not when the clerk first uses the feature.
THIRD_PARTY = (
    "PySide6.QtCharts",
    "PySide6.QtPrintSupport",
    "openpyxl",
    "lxml.etree",
    "defusedxml",
    "python_calamine",
    "charset_normalizer",
    "msoffcrypto",
    "olefile",
    "pypinyin",
    "sqlite_utils",
    "platformdirs",
)
OUR_PACKAGES = ("tracker", "ui")
SKIP_MODULES = ("tracker.__main__",)  # runs the CLI when imported
IMAGE_LINK = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
MIN_CHAPTERS = 8


def our_modules() -> list[str]:
    """Every module of our packages, as the running copy (source, wheel, bundle) has them."""
    names: list[str] = []
    for package in OUR_PACKAGES:
        module = importlib.import_module(package)
        names.append(package)
        for info in pkgutil.walk_packages(module.__path__, f"{package}."):
            if info.name not in SKIP_MODULES:
                names.append(info.name)
    return sorted(names)


def collect(window: QMainWindow) -> dict[str, Any]:
    """The report for an open (not necessarily shown) MainWindow."""
    checks: dict[str, dict[str, Any]] = {}

    def check(name: str, fn: Callable[[], object]) -> None:
        try:
            value = fn()
        except Exception as exc:  # noqa: BLE001 - reported, not raised
            log.warning("self-test %s failed: %r", name, exc)
            checks[name] = {"ok": False, "detail": f"{type(exc).__name__}: {exc}"}
        else:
            checks[name] = {"ok": value is not False, "detail": "" if value is None else str(value)}

    modules = our_modules()
    check("modules:count", lambda: len(modules) > 60 and f"{len(modules)} modules")
    for name in (*modules, *THIRD_PARTY):
        check(f"import:{name}", lambda m=name: importlib.import_module(m) and None)
    # Contexts in variables: pyside6-lupdate must not copy these lookups into zh_CN.ts.
    ours_ctx, qt_ctx = "MainWindow", "QPlatformTheme"
    ours = QCoreApplication.translate(ours_ctx, "&New project")
    qtbase = QCoreApplication.translate(qt_ctx, "Cancel")
    check("translation:ours", lambda: ours == "新建项目(&N)" and ours)
    check("translation:qtbase", lambda: qtbase == "取消" and qtbase)
    menus = [a.text() for a in window.menuBar().actions() if a.text()]
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]  # type: ignore[attr-defined]
    check("menus:chinese", lambda: bool(menus) and all(map(_has_cjk, menus)) and " ".join(menus))
    check("tabs:all", lambda: len(tabs) == 3 and all(map(_has_cjk, tabs)) and " ".join(tabs))
    # Some font must cover Simplified Chinese, or every label is a row of boxes (Qt's
    # offscreen platform on Windows, say, sees only QT_QPA_FONTDIR and no .ttc files).
    zh_fonts = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    check("fonts:chinese", lambda: bool(zh_fonts) and ", ".join(zh_fonts[:5]))
    for key in list(window.pages):  # type: ignore[attr-defined]
        check(f"page:{key}", lambda k=key: _draw_page(window, k))
    check("printsupport:QPrinter", _printer)
    check("icon", lambda: not QGuiApplication.windowIcon().isNull() and "window icon set")
    check("guide:chapters", _guide)
    check("guide:changelog", _changelog)
    return {
        "ok": all(c["ok"] for c in checks.values()),
        "menus": menus,
        "tabs": tabs,
        "translation": {"ours": ours, "qtbase": qtbase},
        "checks": checks,
        "frozen": bool(getattr(sys, "frozen", False)),
        "python": sys.version.split()[0],
        "utf8_mode": sys.flags.utf8_mode,
        "qt": qVersion(),
        "pyside": pyside_version,
        "platform": QGuiApplication.platformName(),
        "qt_translations_dir": QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        "qt_plugins_dir": QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath),
    }


def _draw_page(window: Any, key: str) -> str:
    window.tabs.setCurrentWidget(window.pages[key])
    page = window.page(key)
    image = page.grab().toImage()
    if image.isNull():
        raise RuntimeError("the page did not draw")
    return f"{type(page).__name__} {image.width()}x{image.height()}"


def _printer() -> str:
    from PySide6.QtPrintSupport import QPrinter

    return QPrinter().pageLayout().pageSize().name()


def _guide() -> str:
    """Every chapter is there and every screenshot it shows can be read."""
    from .user_guide import chapters, read_help_image

    found = chapters()
    if len(found) < MIN_CHAPTERS:
        raise RuntimeError(f"only {len(found)} chapters")
    images = [link for c in found for link in IMAGE_LINK.findall(c.text)]
    missing = [link for link in images if read_help_image(link).isNull()]
    if missing:
        raise RuntimeError(f"unreadable screenshots: {missing}")
    return f"{len(found)} chapters, {len(images)} screenshots"


def _changelog() -> str:
    from .help_menu import CHANGELOG
    from .user_guide import read_help_text

    text = read_help_text(CHANGELOG)
    if not _has_cjk(text):
        raise RuntimeError("the changelog is not in Chinese")
    return f"{len(text)} characters"


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def write(report: dict[str, Any], out: str) -> None:
    text = json.dumps(report, ensure_ascii=False, indent=1)
    if out == "-":
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    else:
        Path(out).write_text(text + "\n", encoding="utf-8")
