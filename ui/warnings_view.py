"""The 预警 page: every warning light, filterable by level, rule and unit.

The review itself (rules, thresholds, as-of dates) lives in ``tracker.review``; this page
runs it off the UI thread through ``ui.tasks`` and shows the result. Double-clicking a row
asks the main window to open the project.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.reports.view_columns import view_cell, view_text
from tracker.review import (
    RULE_LABELS,
    Review,
    ReviewWarning,
    group_by_project,
    run_review,
    warning_line,
)

from .tasks import run_task
from .widgets import TEXT_ON_TINT, shown_columns

LEVEL_COLOURS = {"red": QColor("#ffc7ce"), "yellow": QColor("#ffeb9c")}
Index = QModelIndex | QPersistentModelIndex


class AsOfBar(QWidget):
    """ "As of [date]" and a refresh button: the control both review pages start with."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.date_edit = QDateEdit(QDate.currentDate(), self)
        self.date_edit.setObjectName("as_of")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.setObjectName("refresh")
        label = QLabel(self.tr("As of"), self)
        label.setBuddy(self.date_edit)
        layout.addWidget(label)
        layout.addWidget(self.date_edit)
        layout.addWidget(self.refresh_button)

    def as_of(self) -> date:
        d = self.date_edit.date()
        return date(d.year(), d.month(), d.day())


class ReviewPage(QWidget):
    """A page that shows one ``Review``: loads it in the background, drops stale results."""

    loaded = Signal()

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path)
        self.review: Review | None = None
        self.task: Any = None
        self._generation = 0

    def review_args(self) -> tuple[date, int | None]:
        raise NotImplementedError

    def refresh(self) -> None:
        """Recompute the review as of the chosen date, off the UI thread."""
        self._generation += 1
        generation = self._generation
        as_of, year = self.review_args()

        def work(ctx: Any) -> Review:
            return run_review(ctx.portfolio(), as_of, year)

        def done(review: Review) -> None:
            if not shiboken6.isValid(self):  # the page was closed while the review ran
                return
            if generation == self._generation:  # a newer refresh supersedes this one
                self.review = review
                self.show_review(review)
                self.loaded.emit()

        self.task = run_task(
            self,
            self.tr("Reviewing"),
            work,
            db_path=self.db_path,
            on_done=done,
            show_progress=False,
        )

    def show_review(self, review: Review) -> None:
        raise NotImplementedError


class RowListModel(QAbstractTableModel):
    """A read-only table over a Python list; subclasses give ``_headers`` and ``data``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._headers: list[str] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return None


class WarningsModel(RowListModel):
    """Warnings as rows; filters and sorts its own list (no proxy model).

    ``ProjectWarningsModel`` shows the same review one project per row."""

    KEYS: tuple[str, ...] = ("level", "rule", "project", "unit", "leader", "sign_date", "message")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[Any] = []
        self._rows: list[Any] = []
        self._filter: tuple[str | None, str | None, str | None] = (None, None, None)
        self._headers = [
            self.tr("Level"),
            self.tr("Rule"),
            self.tr("Project"),
            self.tr("Responsible unit"),
            self.tr("Leader"),
            self.tr("Signed on"),
            self.tr("Facts"),
        ]

    def shown(self) -> list[Any]:
        """The rows on screen, filtered and in the order shown."""
        return list(self._rows)

    def items(self, warnings: list[ReviewWarning]) -> list[Any]:
        """The rows this model makes of a review's warnings."""
        return list(warnings)

    def set_warnings(self, warnings: list[ReviewWarning]) -> None:
        self.beginResetModel()
        self._all = self.items(warnings)
        self._rows = self._filtered()
        self.endResetModel()

    def set_filter(self, level: str | None, rule: str | None, unit: str | None) -> None:
        self.beginResetModel()
        self._filter = (level, rule, unit)
        self._rows = self._filtered()
        self.endResetModel()

    def matches(self, item: Any, level: str | None, rule: str | None) -> bool:
        return (level is None or item.level == level) and (rule is None or item.rule == rule)

    def _filtered(self) -> list[Any]:
        level, rule, unit = self._filter
        return [
            item
            for item in self._all
            if self.matches(item, level, rule) and (unit is None or (item.unit or "") == unit)
        ]

    def warning_at(self, row: int) -> Any:
        return self._rows[row]

    def _values(self, item: Any) -> tuple[str, ...]:
        return tuple(view_text(view_cell(key, item)) for key in self.KEYS)

    def tooltip(self, item: Any) -> str:
        """The facts, and the threshold that fired."""
        label = self.tr("Threshold")
        return f"{warning_line(item)}\n{label}：{item.threshold}"

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        item = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._values(item)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(item)
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 0:
            return LEVEL_COLOURS[item.level]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            return TEXT_ON_TINT  # readable on the tint under a dark palette too
        if role == Qt.ItemDataRole.UserRole:
            return item.project_id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        if column == 0:
            self._rows.sort(key=lambda item: item.sort_key())
        else:
            self._rows.sort(key=lambda item: self._values(item)[column])
        if order == Qt.SortOrder.DescendingOrder:
            self._rows.reverse()
        self.layoutChanged.emit()


class ProjectWarningsModel(WarningsModel):
    """One row per project (its worst light, its rules in one cell): what a meeting reads."""

    KEYS = ("level", "project", "unit", "leader", "sign_date", "rules", "facts")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._headers = [
            self.tr("Level"),
            self.tr("Project"),
            self.tr("Responsible unit"),
            self.tr("Leader"),
            self.tr("Signed on"),
            self.tr("Rules"),
            self.tr("Facts"),
        ]

    def items(self, warnings: list[ReviewWarning]) -> list[Any]:
        return group_by_project(warnings)

    def matches(self, item: Any, level: str | None, rule: str | None) -> bool:
        return (level is None or item.level == level) and (
            rule is None or any(w.rule == rule for w in item.warnings)
        )

    def _values(self, item: Any) -> tuple[str, ...]:
        # one line in the table (the tooltip has each warning on its own line)
        return tuple(t.replace("\n", "；") for t in super()._values(item))

    def tooltip(self, item: Any) -> str:
        return "\n".join(super(ProjectWarningsModel, self).tooltip(w) for w in item.warnings)


class WarningsView(ReviewPage):
    """预警: the lights as of a date; double-click opens the project."""

    open_project = Signal(int)

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(db_path, parent)
        self.bar = AsOfBar(self)
        self.level_combo = self._combo(
            "level_filter",
            [(self.tr("All levels"), None), (self.tr("Red"), "red"), (self.tr("Yellow"), "yellow")],
        )
        self.rule_combo = self._combo(
            "rule_filter",
            [(self.tr("All rules"), None)] + [(label, key) for key, label in RULE_LABELS.items()],
        )
        self.unit_combo = self._combo("unit_filter", [(self.tr("All units"), None)])
        self.summary = QLabel(self)
        self.summary.setObjectName("warning_counts")
        # one row per warning, or one per project (its worst light, its rules in one cell)
        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName("rows_mode")
        self.mode_combo.addItem(self.tr("One row per warning"), "warnings")
        self.mode_combo.addItem(self.tr("One row per project"), "projects")
        self.models: dict[str, WarningsModel] = {
            "warnings": WarningsModel(self),
            "projects": ProjectWarningsModel(self),
        }
        self.model = self.models["warnings"]
        self.table = QTableView(self)
        self.table.setObjectName("warnings_table")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._set_widths()
        self.table.doubleClicked.connect(self._open)
        filters = QHBoxLayout()
        filters.addWidget(self.bar)
        for label, combo in (
            (self.tr("Show"), self.mode_combo),
            (self.tr("Level"), self.level_combo),
            (self.tr("Rule"), self.rule_combo),
            (self.tr("Unit"), self.unit_combo),
        ):
            filters.addWidget(QLabel(label, self))
            filters.addWidget(combo)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.summary)  # own line: never squeezed by the filters
        layout.addWidget(self.table)
        self.bar.refresh_button.clicked.connect(self.refresh)
        self.bar.date_edit.dateChanged.connect(lambda _d: self.refresh())
        self.mode_combo.currentIndexChanged.connect(lambda _i: self._mode_changed())

    def _set_widths(self) -> None:
        widths = (70, 90, 220, 130, 70, 90)
        if self.model is self.models["projects"]:
            widths = (70, 220, 130, 70, 90, 300)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)

    def _mode_changed(self) -> None:
        self.model = self.models[self.mode_combo.currentData()]
        self.table.setModel(self.model)
        self._set_widths()
        self._apply_filter()

    def _combo(self, name: str, items: list[tuple[str, str | None]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        for text, data in items:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(self._apply_filter)
        return combo

    def review_args(self) -> tuple[date, int | None]:
        return self.bar.as_of(), None

    def show_review(self, review: Review) -> None:
        current = self.unit_combo.currentData()
        units = sorted({w.unit for w in review.warnings if w.unit})
        self.unit_combo.blockSignals(True)
        self.unit_combo.clear()
        self.unit_combo.addItem(self.tr("All units"), None)
        for unit in units:
            self.unit_combo.addItem(unit, unit)
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(current)))
        self.unit_combo.blockSignals(False)
        for model in self.models.values():
            model.set_warnings(review.warnings)
        self._apply_filter()

    def _apply_filter(self) -> None:
        chosen = (
            self.level_combo.currentData(),
            self.rule_combo.currentData(),
            self.unit_combo.currentData(),
        )
        for model in self.models.values():
            model.set_filter(*chosen)
        if self.review is None:
            return
        counts = self.review.counts()
        text = self.tr(
            "Red projects: {red_projects}   Yellow projects: {yellow_projects}   "
            "Warnings: {warnings} (red {red}, yellow {yellow})   Terminated: {terminated}"
        ).format(
            red_projects=counts.red_projects,
            yellow_projects=counts.yellow_projects,
            warnings=counts.warnings,
            red=counts.red_warnings,
            yellow=counts.yellow_warnings,
            terminated=len(self.review.terminated),
        )
        if self.model is self.models["projects"]:
            shown = self.tr("Shown: {n} projects").format(n=self.model.rowCount())
        else:
            shown = self.tr("Shown: {n} warnings").format(n=self.model.rowCount())
        self.summary.setText(f"{text}   {shown}")

    def view_columns(self) -> list[tuple[str, str]]:
        """(key, header) of the columns on screen, in the order they are shown."""
        return shown_columns(self.table, self.model.KEYS)

    def filter_description(self) -> str:
        """As of, the filters and the counts, in words, for a printout's or export's title."""
        parts = [self.tr("As of {date}").format(date=self.bar.as_of().isoformat())]
        if self.model is self.models["projects"]:
            parts.append(self.mode_combo.currentText())
        for combo in (self.level_combo, self.rule_combo, self.unit_combo):
            if combo.currentData() is not None:
                parts.append(combo.currentText())
        if self.review is not None:
            counts = self.review.counts()
            parts.append(
                self.tr("{red} red projects, {yellow} yellow projects, {n} warnings").format(
                    red=counts.red_projects, yellow=counts.yellow_projects, n=counts.warnings
                )
            )
        return "；".join(parts)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_project.emit(self.model.warning_at(index.row()).project_id)
