"""The main window's actions, menus and toolbar: one table of what each menu entry is called,
its shortcut, its status tip and the window method it calls (``MainWindow`` keeps the
slots; this keeps the wiring, so the window's module stays short)."""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from . import file_actions, help_menu
from .view_actions import ViewActions


def _action(
    window: Any,
    name: str,
    text: str,
    slot: Any,
    shortcut: Any = None,
    tip: str | None = None,
) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_actions(window: Any) -> None:  # a MainWindow (no import: no circle)
    """The window's actions (kept on it as attributes), its menu bar and toolbar."""
    a = functools.partial(_action, window)
    window.new_project_action = a(
        "action_new_project",
        QCoreApplication.translate("MainWindow", "&New project"),
        window.new_project,
        "Ctrl+N",
    )
    window.edit_action = a(
        "action_edit_project",
        QCoreApplication.translate("MainWindow", "&Edit project"),
        window.edit_selected,
    )
    window.delete_action = a(
        "action_delete_project",
        QCoreApplication.translate("MainWindow", "&Delete project…"),
        window.delete_selected,
        "Ctrl+Del",
    )
    window.import_action = a(
        "action_import",
        QCoreApplication.translate("MainWindow", "&Import…"),
        window.import_files,
        "Ctrl+I",
        QCoreApplication.translate("MainWindow", "Import last years' ledgers from Excel or CSV"),
    )
    window.history_action = a(
        "action_import_history",
        QCoreApplication.translate("MainWindow", "Import &history…"),
        window.show_import_history,
        None,
        QCoreApplication.translate(
            "MainWindow", "Each import with its counts and conflicts; undo a batch"
        ),
    )
    window.collection_action = a(
        "action_collection",
        QCoreApplication.translate("MainWindow", "&Progress collection…"),
        window.show_collection,
        None,
        QCoreApplication.translate(
            "MainWindow", "Send each unit its workbook, read the filled files back, see who has not"
        ),
    )
    window.duplicates_action = a(
        "action_duplicates",
        QCoreApplication.translate("MainWindow", "Possible &duplicate projects…"),
        window.show_duplicates,
        None,
        QCoreApplication.translate(
            "MainWindow", "Projects that are probably one deal entered twice; merge a pair"
        ),
    )
    window.report_action = a(
        "action_report",
        QCoreApplication.translate("MainWindow", "E&xport report…"),
        window.export_report,
        "Ctrl+E",
        QCoreApplication.translate("MainWindow", "Export the review workbook"),
    )
    window.backup_action = a(
        "action_backup",
        QCoreApplication.translate("MainWindow", "&Backup now"),
        lambda: file_actions.backup_now(window, window.databases),
    )
    window.settings_action = a(
        "action_settings",
        QCoreApplication.translate("MainWindow", "&Settings…"),
        window.open_settings,
        "Ctrl+,",
    )
    window.refresh_action = a(
        "action_refresh",
        QCoreApplication.translate("MainWindow", "&Refresh"),
        window.refresh_all,
        "F5",
    )
    open_db = a(
        "action_open_db",
        QCoreApplication.translate("MainWindow", "&Open database…"),
        lambda: file_actions.open_database(window, window.databases),
        "Ctrl+O",
    )
    new_db = a(
        "action_new_db",
        QCoreApplication.translate("MainWindow", "Ne&w database…"),
        lambda: file_actions.new_database(window, window.databases),
    )
    restore = a(
        "action_restore",
        QCoreApplication.translate("MainWindow", "&Restore from backup…"),
        lambda: file_actions.restore_backup(window, window.databases),
    )
    quit_action = a(
        "action_quit", QCoreApplication.translate("MainWindow", "E&xit"), window.close, "Ctrl+Q"
    )
    window.write_actions = [
        window.new_project_action,
        window.delete_action,
        window.import_action,
        window.settings_action,
        restore,
    ]

    window.view_actions = ViewActions(window)  # 打印… (Ctrl+P) and 导出当前视图…
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))
    menu.addActions([open_db, new_db])
    window.recent_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "Recent &databases"))
    window.recent_menu.aboutToShow.connect(window._fill_recent)
    menu.addSeparator()
    menu.addActions([window.view_actions.print_action, window.view_actions.export_action])
    menu.addSeparator()
    menu.addActions([window.backup_action, restore])
    menu.addSeparator()
    menu.addAction(quit_action)
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Project"))
    menu.addActions([window.new_project_action, window.edit_action, window.delete_action])
    menu.addSeparator()
    menu.addAction(window.refresh_action)
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Tools"))
    menu.addActions(
        [
            window.import_action,
            window.history_action,
            window.collection_action,
            window.report_action,
            window.settings_action,
            window.duplicates_action,
        ]
    )
    menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    help_menu.fill(menu, window)
    menu.addSeparator()
    menu.addActions([window.demo.open_action, window.demo.close_action])
    menu.addSeparator()
    menu.addAction(
        a("action_about", QCoreApplication.translate("MainWindow", "&About"), window.about)
    )

    toolbar = window.addToolBar(QCoreApplication.translate("MainWindow", "Main toolbar"))
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    toolbar.addActions(
        [
            window.new_project_action,
            window.import_action,
            window.report_action,
            window.backup_action,
            window.settings_action,
        ]
    )
