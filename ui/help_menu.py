"""帮助 menu: 用户手册 (F1), 快捷键, 更新说明 and 关于.

The shortcut list is read from the window's own actions and shortcuts, so it never lists
a key the program does not have; 关于 says the version and where the data and the logs
live, with buttons that open those folders (what a helper on the phone asks for first).
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker import __version__
from tracker.storage.paths import data_dir

log = logging.getLogger(__name__)

CHANGELOG = "changelog.md"
# Keys that belong to widgets not built yet (the editor) or to Qt itself.
OTHER_KEYS = (
    (QT_TRANSLATE_NOOP("help_menu", "Project editor: save"), "Ctrl+S"),
    (QT_TRANSLATE_NOOP("help_menu", "Ledger: open the selected project"), "Enter"),
    (QT_TRANSLATE_NOOP("help_menu", "Dialogs: close without saving"), "Esc"),
    (QT_TRANSLATE_NOOP("help_menu", "Next / previous field"), "Tab / Shift+Tab"),
    (QT_TRANSLATE_NOOP("help_menu", "Menus and buttons: the underlined letter"), "Alt+…"),
)


def fill(menu: QMenu, window: QMainWindow) -> None:
    """Add 用户手册, 快捷键 and 更新说明 to the 帮助 menu."""
    guide = QAction(QCoreApplication.translate("help_menu", "&User guide"), window)
    guide.setObjectName("action_user_guide")
    guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))  # F1
    guide.triggered.connect(lambda _c=False: _open_guide(window))
    keys = QAction(QCoreApplication.translate("help_menu", "&Keyboard shortcuts"), window)
    keys.setObjectName("action_shortcuts")
    keys.triggered.connect(lambda _c=False: ShortcutsDialog.run(window))
    changes = QAction(QCoreApplication.translate("help_menu", "&What's new"), window)
    changes.setObjectName("action_changelog")
    changes.triggered.connect(lambda _c=False: show_changelog(window))
    menu.addActions([guide, keys, changes])


def _open_guide(window: QMainWindow) -> None:
    from .user_guide import UserGuide  # the guide (markdown, images) loads on first use

    UserGuide.open_for(window)


def plain(text: str) -> str:
    """A menu text without its mnemonic: "导入(&I)…" -> "导入…", "&Help" -> "Help"."""
    return re.sub(r"\(&\w\)", "", text).replace("&&", "\0").replace("&", "").replace("\0", "&")


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str]]:
    """(what, keys) for every shortcut of the window: menu actions (with their menu),
    then window-wide shortcuts, then the keys of dialogs and of Qt itself."""
    rows: list[tuple[str, str]] = []
    seen: set[int] = set()
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is None:
            continue
        for action in menu.actions():
            if action.shortcut().isEmpty() or id(action) in seen:
                continue
            seen.add(id(action))
            rows.append((f"{plain(top.text())} → {plain(action.text())}", _keys(action)))
    for shortcut in window.findChildren(QShortcut):
        if not shortcut.key().isEmpty():
            what = shortcut.whatsThis() or shortcut.parent().objectName()
            rows.append((what, shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)))
    rows.extend((QCoreApplication.translate("help_menu", what), keys) for what, keys in OTHER_KEYS)
    return rows


def _keys(action: QAction) -> str:
    return " / ".join(
        k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
    )


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("shortcuts_dialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcuts_table")
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        for row, (what, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(what))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 560)

    @classmethod
    def run(cls, window: QMainWindow) -> None:
        dialog = cls(window)
        dialog.exec()
        dialog.deleteLater()


def show_changelog(parent: QWidget) -> None:
    """更新说明: what changed in each version, in Chinese."""
    dialog = QDialog(parent)
    dialog.setObjectName("changelog_dialog")
    dialog.setWindowTitle(QCoreApplication.translate("help_menu", "What's new"))
    from .user_guide import GuideBrowser, read_help_text

    browser = GuideBrowser(dialog)
    browser.setObjectName("changelog_text")
    browser.show_markdown(read_help_text(CHANGELOG))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    dialog.resize(720, 560)
    dialog.exec()
    dialog.deleteLater()


def open_folder(folder: Path) -> bool:
    """Show a folder in Explorer (created first: the log folder may not exist yet)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        log.warning("cannot create %s: %r", folder, exc)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class AboutDialog(QDialog):
    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About"))
        version = self.tr("Version {version}").format(version=__version__)
        title = QLabel(f"<h2>签约项目跟踪</h2><p>{version}</p>", self)
        title.setObjectName("about_title")
        purpose = QLabel(
            self.tr(
                "The ledger of signed investment deals: their progress from signing to "
                "production, warnings against 一签了之, and the review reports."
            ),
            self,
        )
        purpose.setWordWrap(True)
        from tracker.logs import log_dir  # its rotating file handler: not before the first paint

        form = QFormLayout()
        self.folders = {
            "database": Path(db_path).resolve().parent,
            "data": data_dir(),
            "logs": log_dir(),
        }
        labels = {
            "database": self.tr("This ledger:"),
            "data": self.tr("Data folder:"),
            "logs": self.tr("Log folder:"),
        }
        shown = {"database": Path(db_path).resolve()} | {
            k: v for k, v in self.folders.items() if k != "database"
        }
        self.buttons: dict[str, QPushButton] = {}
        for key, label in labels.items():
            row = QHBoxLayout()
            text = QLabel(str(shown[key]), self)
            text.setObjectName(f"about_{key}")
            text.setWordWrap(True)
            button = QPushButton(self.tr("Open folder"), self)
            button.setObjectName(f"about_open_{key}")
            button.clicked.connect(lambda _c=False, k=key: open_folder(self.folders[k]))
            self.buttons[key] = button
            row.addWidget(text, 1)
            row.addWidget(button)
            form.addRow(label, row)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(purpose)
        layout.addLayout(form)
        layout.addWidget(close)
        self.resize(720, 300)

    @classmethod
    def run(cls, parent: QWidget | None, db_path: Path) -> None:
        dialog = cls(db_path, parent)
        dialog.exec()
        dialog.deleteLater()
