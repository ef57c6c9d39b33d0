"""The QApplication: names for QSettings, the window icon, and the Chinese translation
(ours + Qt's own).

The program speaks Chinese whatever the system locale: a county clerk's laptop bought with
an English Windows must not show English buttons beside Chinese field labels and messages
(the core's labels and every TrackerError are Chinese only). There is no English UI to
choose: the English source strings are developer text, not a product language.
"""

from __future__ import annotations

import sys
from importlib import resources

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QIcon, QImageReader, QPixmap
from PySide6.QtWidgets import QApplication

ORGANIZATION = "SignedDealTracker"
APPLICATION = "SignedDealTracker"

UI_LANGUAGE = "zh_CN"
ICON_NAME = "SignedDealTracker.ico"  # package data in ui/assets, also the .exe's icon

_installed: list[QTranslator] = []
_qm_bytes: list[bytes] = []


def ensure_app(argv: list[str] | None = None) -> QApplication:
    """The one QApplication (created when missing), named so QSettings has a home."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    QApplication.setApplicationDisplayName("签约项目跟踪")
    assert isinstance(app, QApplication)
    if app.windowIcon().isNull():
        app.setWindowIcon(app_icon())
    return app


def app_icon() -> QIcon:
    """The program's icon (title bars, the taskbar, dialogs), read from the package."""
    data = resources.files("ui.assets").joinpath(ICON_NAME).read_bytes()
    pixmaps = QIcon()
    buffer = QBuffer()  # kept in a variable: the reader reads from it until the loop ends
    buffer.setData(QByteArray(data))
    image = QImageReader(buffer, b"ico")
    while True:  # an .ico holds one image per size; QIcon picks the right one
        frame = image.read()
        if frame.isNull():
            break
        pixmaps.addPixmap(QPixmap.fromImage(frame))
        if not image.jumpToNextImage():
            break
    return pixmaps


def install_translators(language: str = UI_LANGUAGE) -> bool:
    """Load our zh_CN.qm and Qt's qtbase_zh_CN; returns True if ours loaded.

    Calling again removes the previous translators first; ``language="en"`` (tests that
    read the source strings) installs none.
    """
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != UI_LANGUAGE:
        return False
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load("qtbase_zh_CN", qt_dir):
        app.installTranslator(qtbase)
        _installed.append(qtbase)
    ours = QTranslator(app)
    # Loaded from bytes: importlib.resources finds the .qm in an installed wheel, a zip or a
    # frozen bundle alike, where a file path might not exist.
    data = resources.files("ui.translations").joinpath("zh_CN.qm").read_bytes()
    _qm_bytes.append(data)  # Qt keeps a pointer into the bytes: they must outlive it
    loaded = ours.load(data)
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return loaded


def settings() -> QSettings:
    """Per-machine UI state: window geometry, column widths, recent databases."""
    # An ini file (not the Windows registry): easy to reset, and tests can redirect it.
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )
