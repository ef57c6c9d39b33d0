"""The QApplication: names for QSettings, and the Chinese translation (ours + Qt's own).

Chinese is chosen on a Chinese system locale or when the database setting ``language`` is
"zh_CN"; "en" forces English; "auto" follows the system. Tests and screenshots force Chinese.
"""

from __future__ import annotations

import sys
from importlib import resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

ORGANIZATION = "SignedDealTracker"
APPLICATION = "SignedDealTracker"

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
    return app


def choose_language(setting: str | None, system: QLocale | None = None) -> str:
    """'zh_CN' or 'en' from the stored choice and the system locale."""
    if setting in ("zh_CN", "en"):
        return setting
    locale = system or QLocale.system()
    return "zh_CN" if locale.language() == QLocale.Language.Chinese else "en"


def install_translators(language: str) -> bool:
    """Load our zh_CN.qm and Qt's qtbase_zh_CN; returns True if ours loaded.

    Calling again with another language removes the previous translators first.
    """
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language != "zh_CN":
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
