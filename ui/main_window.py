"""The main window: menus, toolbar, the ledger / warnings / statistics pages, status bar.

It only turns actions into calls (the editor, dialogs, ``tracker`` through ``ui.tasks``);
the work itself lives in those. The 预警 and 统计 pages are built when their tab is first
shown, so their reviews of the whole ledger do not compete with the ledger's first load;
their modules (QtCharts for 统计) and the big dialogs are imported then too, so a start
draws the window without loading them.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLockFile, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.money import format_wan
from tracker.errors import TrackerError
from tracker.ledger.portfolio import Portfolio
from tracker.storage.db import EmptyDatabaseFile

from . import file_actions, help_menu
from .after_paint import after_paint
from .app import UI_LANGUAGE, install_translators, settings
from .database_switcher import DatabaseSwitcher, open_portfolio
from .db_files import acquire_lock, recent_databases
from .demo_mode import DemoMode
from .file_check import check_after_first_paint
from .first_run import DEMO, IMPORT, FirstRunDialog, needs_setup
from .ledger_model import LedgerModel, LoadResult
from .ledger_view import LedgerView
from .location_banner import LocationBanner
from .read_only_banner import ReadOnlyBanner
from .tasks import show_error
from .window_actions import build_actions

log = logging.getLogger(__name__)

SPREADSHEET_SUFFIXES = {
    *(".xlsx", ".xlsm", ".xltx", ".xltm", ".xlsb", ".xls", ".xlt", ".et", ".ett", ".ods", ".ots"),
    *(".csv", ".tsv", ".htm", ".html", ".mht", ".mhtml"),  # not .txt: a dropped readme
}


class MainWindow(QMainWindow):
    database_changed = Signal(object)  # Path

    def __init__(self, db_path: Path, portfolio: Portfolio, lock: QLockFile) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.databases = DatabaseSwitcher(Path(db_path), portfolio, lock, self)
        self.databases.switched.connect(self._database_switched)
        self.databases.message.connect(lambda text, ms: self.statusBar().showMessage(text, ms))
        self.pages: dict[str, QWidget] = {}
        self.setAcceptDrops(True)
        self.model = LedgerModel(portfolio, self.db_path, self)
        self.ledger = LedgerView(self.model, self)
        self.ledger.open_project.connect(self.edit_project)
        self.ledger.loaded.connect(self._update_status)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("main_tabs")
        self.tabs.setAccessibleName(self.tr("Views"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.ledger, self.tr("&Ledger"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.read_only_banner = ReadOnlyBanner(self)
        self.location_banner = LocationBanner(self)
        self.demo = DemoMode(self.databases, self)
        self.demo.left.connect(self.first_run)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        for banner in (self.demo.banner, self.read_only_banner, self.location_banner):
            column.addWidget(banner)
        column.addWidget(self.tabs)
        self.setCentralWidget(central)
        self.wire_pages()
        build_actions(self)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status_counts")
        self.statusBar().addPermanentWidget(self.status_label)
        self.ledger.fill_filter_choices(portfolio)
        self._levels_pending = True  # tints start once the rows are on screen
        self._check_pending = True  # and the file's quick_check (file_check)
        self._update_title()
        self.update_read_only()
        self.location_banner.show_for(self.db_path)
        self.resize(1280, 720)
        geometry = settings().value("main/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    @property
    def db_path(self) -> Path:
        return self.databases.path

    @property
    def portfolio(self) -> Portfolio:
        return self.databases.portfolio

    # -- pages ------------------------------------------------------

    def wire_pages(self) -> None:
        """Add the warnings and statistics tabs (idempotent); each page is built the first
        time its tab is shown."""
        for key, title in (
            ("warnings", self.tr("&Warnings")),
            ("stats", self.tr("Stat&istics")),
        ):
            if key in self.pages:
                continue
            holder = QWidget(self)
            holder.setObjectName(f"page_{key}")
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.pages[key] = holder
            self.tabs.addTab(holder, title)

    def page(self, key: str) -> QWidget | None:
        """The real page widget behind a tab (built on first use)."""
        holder = self.pages.get(key)
        if holder is None:
            return None
        layout = holder.layout()
        if layout.count() == 0:
            widget = self._build_page(key, holder)
            layout.addWidget(widget)
            return widget
        return layout.itemAt(0).widget()

    def _build_page(self, key: str, holder: QWidget) -> QWidget:
        if key == "warnings":
            from .warnings_view import WarningsView

            warnings = WarningsView(self.db_path, holder)
            warnings.open_project.connect(self.edit_project)
            return warnings
        from .stats_view import StatsView

        return StatsView(self.db_path, holder)

    def _tab_changed(self, index: int) -> None:
        holder = self.tabs.widget(index)
        key = next((k for k, h in self.pages.items() if h is holder), None)
        if key is None:
            return
        page = self.page(key)  # built on first show, then loaded like every later show
        if page is not None and hasattr(page, "refresh"):
            page.refresh()

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in recent_databases():
            action = self.recent_menu.addAction(str(path))
            action.setEnabled(path.exists() and path.resolve() != self.db_path.resolve())
            action.triggered.connect(
                lambda _c=False, p=path: file_actions.switch_database(self, self.databases, p)
            )
        if not self.recent_menu.actions():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    # -- project editing ---------------------------------------------------------------

    def new_project(self) -> None:
        from .project_editor import ProjectEditor

        pid = ProjectEditor.run(self, self.portfolio, None)
        if pid is not None:
            self.after_change(select=pid)

    def edit_project(self, project_id: int) -> None:
        from .project_editor import ProjectEditor

        if ProjectEditor.run(self, self.portfolio, project_id) is not None:
            self.model.project_changed(project_id)  # its row at once; the rest follows
            self.after_change(select=project_id)

    def edit_selected(self) -> None:
        pid = self.ledger.selected_project_id()
        if pid is not None:
            self.edit_project(pid)

    def delete_selected(self) -> None:
        """Delete a project entered by mistake (terminating is the usual way out of the
        ledger); asks first, and the audit keeps a full copy of what was deleted."""
        pid = self.ledger.selected_project_id()
        if pid is None:
            return
        try:
            name = self.portfolio.get_project(pid).name
            answer = QMessageBox.question(
                self,
                self.tr("Delete project"),
                self.tr(
                    "Delete “{name}” with its stage dates, figures, visits and problems?\n"
                    "A project that fell through should be terminated instead: it then stays "
                    "in the ledger and in the rates."
                ).format(name=name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            self.portfolio.delete_project(pid)
        except TrackerError as exc:  # e.g. deleted meanwhile from another window
            log.info("delete of project %s refused: %s", pid, exc.message)
            show_error(self, self.tr("Delete project"), exc)
        self.after_change()

    def after_change(self, select: int | None = None) -> None:
        """Reload the ledger (and tints, choices and pages) after data changed."""
        self.ledger.fill_filter_choices(self.portfolio)

        def loaded(_result: LoadResult) -> None:
            if select is not None:
                self.ledger.select_project(select)

        self.model.refresh(on_loaded=loaded)
        current = self.tabs.currentWidget()  # other pages reload when next shown
        if current in self.pages.values() and current.layout().count():
            page = current.layout().itemAt(0).widget()
            if hasattr(page, "refresh"):
                page.refresh()

    refresh_all = after_change

    # -- other dialogs -----------------------------------------------------------------

    def import_files(self, files: list[Path] | None = None) -> None:
        from .import_wizard import ImportWizard

        batch = ImportWizard.run(self, self.db_path, files)
        if batch is not None:
            self.after_change()

    def show_import_history(self) -> None:
        from .import_history import ImportHistoryDialog

        if ImportHistoryDialog.run(self, self.db_path, read_only=self.portfolio.read_only):
            self.after_change()

    def show_duplicates(self) -> None:
        from .duplicate_projects import DuplicateProjectsDialog  # with openpyxl: on first use

        if DuplicateProjectsDialog.run(self, self.db_path, read_only=self.portfolio.read_only):
            self.after_change()

    def show_collection(self) -> None:
        from .collection_dialog import CollectionDialog

        if CollectionDialog.run(self, self.db_path, read_only=self.portfolio.read_only):
            self.after_change()

    def export_report(self) -> None:
        from .report_dialog import ReportDialog

        ReportDialog.run(self, self.db_path)

    def open_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        if SettingsDialog.run(self, self.portfolio):
            self.after_change()

    def about(self) -> None:
        help_menu.AboutDialog.run(self, self.db_path)

    def first_run(self) -> None:
        """At start (and back from the demo): set up a ledger nobody has set up yet."""
        if self.demo.active or not needs_setup(self.portfolio):
            return
        choice = FirstRunDialog.run(self, self.portfolio)
        if choice == IMPORT:
            self.import_files()
        elif choice == DEMO:
            self.demo.open()
        elif choice is not None:
            self.statusBar().showMessage(
                self.tr("Ready: add the first project with New project (Ctrl+N)."), 10_000
            )

    # -- drag and drop -----------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if spreadsheet_paths(event):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        files = spreadsheet_paths(event)
        if files:
            event.acceptProposedAction()
            self.import_files(files)

    # -- status and title --------------------------------------------------------------

    def _update_status(self, result: LoadResult) -> None:
        if self._levels_pending or self._check_pending:
            levels, check = self._levels_pending, self._check_pending
            self._levels_pending = self._check_pending = False
            after_paint(self.ledger.table.viewport(), lambda: self._after_rows(levels, check))
        # the totals follow the filter: 签约总额 is the sum of the rows on screen
        if self.model.filter.is_empty():
            text = self.tr("{total} projects · signed total {amount} (10k yuan)")
        else:
            text = self.tr("{total} projects · {shown} shown · signed total {amount} (10k yuan)")
        self.status_label.setText(
            text.format(
                total=result.all_count,
                shown=result.filtered_count,
                amount=format_wan(result.filtered_total),
            )
        )

    def _after_rows(self, levels: bool, check: bool) -> None:
        """Once the first rows are drawn: the tints, then the file's quick_check."""
        if levels:
            self.model.refresh_levels()
        if check:
            check_after_first_paint(self)

    def update_read_only(self) -> None:
        """Banner and write actions follow whether the open ledger can be written."""
        read_only = self.portfolio.read_only
        self.read_only_banner.show_for(self.db_path if read_only else None)
        for action in self.write_actions:
            action.setEnabled(not read_only)

    def _update_title(self) -> None:
        if self.demo.active:
            title = self.tr("Signed project tracker — 演示数据 (demo, not your ledger) — {name}")
        else:
            title = self.tr("Signed project tracker — {name}")
        self.setWindowTitle(title.format(name=self.db_path.name))

    # -- another database ---------------------------------------------------------------

    def _database_switched(self, db_path: Path) -> None:
        """The switcher opened another file (or reopened this one after a restore)."""
        self.model.set_portfolio(self.portfolio, db_path)
        self._check_pending = True
        for key in list(self.pages):
            page = self.pages.pop(key)
            self.tabs.removeTab(self.tabs.indexOf(page))
            page.deleteLater()
        self.wire_pages()
        self._update_title()
        self.update_read_only()
        self.location_banner.show_for(db_path)
        self.ledger.clear_filters()
        self.after_change()
        self.database_changed.emit(db_path)

    def release(self) -> None:
        """Close the database and drop the lock (after background work has finished)."""
        if self.ledger.model.levels_task is not None:
            self.ledger.model.levels_task.cancel()  # read-only and slow on big ledgers
        self.databases.release()

    def closeEvent(self, event: Any) -> None:
        settings().setValue("main/geometry", self.saveGeometry())
        self.ledger.save_columns()
        self.hide()  # gone at once, even while a background review finishes
        self.release()
        super().closeEvent(event)


def spreadsheet_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in SPREADSHEET_SUFFIXES]


def open_window(db_path: Path, language: str | None = None) -> MainWindow:
    """Lock the file, open (create or migrate) the database, load the Chinese translation
    (``language="en"`` leaves the source strings, for tests), build the window."""
    db_path = Path(db_path)
    # First: the lock's and the opening's messages are translated when they are made.
    install_translators(language or UI_LANGUAGE)
    lock = acquire_lock(db_path)
    try:
        try:
            portfolio = open_portfolio(db_path)
        except EmptyDatabaseFile as exc:
            if not file_actions.confirm_empty_file(exc):
                raise
            portfolio = open_portfolio(db_path, create=True)
    except Exception:
        lock.unlock()
        raise
    return MainWindow(db_path, portfolio, lock)
