"""导入记录: every import (and 名录 merge) batch with its file, time, sheets, counts and the
date its figures were true; the selected batch's conflicts; 撤销 and 导出冲突.

Reads and undoes through ``tracker`` off the UI thread (``ui.tasks``); undoing asks first
when the batch's projects were edited since (``import_undo``). The command-line twin is
``python -m tracker imports``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.importing.errors_out import write_conflicts
from tracker.ledger.batches import KIND_LABELS, Batch, Conflict, conflicts, list_batches

from .import_models import ConflictsModel
from .import_undo import undo_asking
from .list_model import ListModel
from .tasks import Task, TaskContext, run_task
from .widgets import LedgerToolDialog

log = logging.getLogger(__name__)
COUNT_COLUMNS = ("create", "update", "fill", "conflicts", "reject")
UNDONE = QColor("#888888")


def master_detail(parent: QWidget, top: QWidget, label: QLabel, detail: QWidget) -> QSplitter:
    """A list above, the selected item's details (a line, then a table) below."""
    lower = QWidget(parent)
    lower_layout = QVBoxLayout(lower)
    lower_layout.setContentsMargins(0, 0, 0, 0)
    lower_layout.addWidget(label)
    lower_layout.addWidget(detail, 1)
    splitter = QSplitter(Qt.Orientation.Vertical, parent)
    splitter.addWidget(top)
    splitter.addWidget(lower)
    splitter.setStretchFactor(0, 3)
    splitter.setStretchFactor(1, 2)
    return splitter


class BatchModel(ListModel[Batch]):
    """The batches, newest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                self.tr("Batch"),
                self.tr("Time"),
                self.tr("Kind"),
                self.tr("File"),
                self.tr("Sheets"),
                self.tr("New"),
                self.tr("Updated"),
                self.tr("Filled in"),
                self.tr("Projects with conflicts"),
                self.tr("Rejected"),
                self.tr("Figures as of"),
                self.tr("State"),
            ],
            parent,
        )

    def text(self, item: Batch, column: int) -> str:
        if 5 <= column < 5 + len(COUNT_COLUMNS):
            return str(item.counts.get(COUNT_COLUMNS[column - 5], 0))
        if column == 10:
            return item.as_of or ""
        if column == 11:
            if item.undone_at:
                return self.tr("Undone {time}").format(time=item.undone_at.replace("T", " ")[:16])
            return self.tr("Can be undone")
        return (
            str(item.id),
            item.at.replace("T", " ")[:16],
            KIND_LABELS.get(item.kind, item.kind),
            item.file_name,
            "、".join(item.sheets),
        )[column]

    def style(self, item: Batch, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and item.undone_at:
            return QBrush(UNDONE)
        if role == Qt.ItemDataRole.TextAlignmentRole and 5 <= column < 10:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class ImportHistoryDialog(LedgerToolDialog):
    """The batches, the selected one's conflicts, 撤销… and 导出冲突…."""

    def __init__(self, db_path: Path, parent: QWidget | None = None, *, read_only: bool = False):
        super().__init__(db_path, parent, read_only=read_only)
        self.setObjectName("import_history")
        self.setWindowTitle(self.tr("Import history"))
        self.task: Task[Any] | None = None
        self.model = BatchModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("batches")
        self.view.setAccessibleName(self.tr("Import batches"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.selected_changed())
        self.conflicts_label = QLabel(self)
        self.conflicts_label.setWordWrap(True)
        self.conflicts = ConflictsModel(self)
        self.conflicts_view = QTableView(self)
        self.conflicts_view.setObjectName("batch_conflicts")
        self.conflicts_view.setAccessibleName(self.tr("Conflicts of the selected batch"))
        self.conflicts_view.setModel(self.conflicts)
        self.conflicts_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.conflicts_view.verticalHeader().setVisible(False)
        self.conflicts_view.horizontalHeader().setStretchLastSection(True)
        splitter = master_detail(self, self.view, self.conflicts_label, self.conflicts_view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.undo_button = QPushButton(self.tr("&Undo this batch…"), self)
        self.undo_button.setObjectName("undo_batch")
        self.export_button = QPushButton(self.tr("&Export conflicts…"), self)
        self.export_button.setObjectName("export_batch_conflicts")
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.undo_button.clicked.connect(self.undo_selected)
        self.export_button.clicked.connect(self.export_selected)
        self.note = QLabel(
            self.tr(
                "Undoing a batch removes the projects it added and restores what it changed; "
                "edits made by hand since are kept (you are asked first)."
            ),
            self,
        )
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(1180, 620)
        self.selected_changed()
        self.reload()

    # -- loading -----------------------------------------------------------------------

    def reload(self, select: int | None = None) -> None:
        def work(ctx: TaskContext) -> list[Batch]:
            return list_batches(ctx.portfolio())

        def done(batches: list[Batch]) -> None:
            self.model.set_items(batches)
            for column, width in enumerate((50, 130, 70, 260, 120, 50, 50, 50, 80, 50, 100)):
                self.view.setColumnWidth(column, width)
            ids = [b.id for b in batches]
            row = ids.index(select) if select in ids else 0
            if batches:
                self.view.selectRow(row)
            self.selected_changed()

        self.task = run_task(
            self, self.tr("Reading the import history"), work, db_path=self.db_path, on_done=done
        )

    def selected(self) -> Batch | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.items):
            return None
        return self.model.items[index.row()]

    def selected_changed(self) -> None:
        batch = self.selected()
        self.undo_button.setEnabled(
            batch is not None and not batch.undone_at and not self.read_only
        )
        self.export_button.setEnabled(batch is not None and batch.counts.get("conflicts", 0) > 0)
        if batch is None:
            self.conflicts.set_items([])
            self.conflicts_label.setText(self.tr("No import yet."))
            return

        def work(ctx: TaskContext) -> list[Conflict]:
            return conflicts(ctx.portfolio(), batch.id)

        def done(found: list[Conflict]) -> None:
            if self.selected() is not batch:
                return  # another batch was selected meanwhile
            self.conflicts.set_items(found)
            self.conflicts_view.resizeColumnsToContents()
            self.conflicts_label.setText(
                self.tr(
                    "Batch {id}: {count} conflicts — values the ledger kept where the file "
                    "said otherwise."
                ).format(id=batch.id, count=len(found))
                if found
                else self.tr("Batch {id}: no conflicts.").format(id=batch.id)
            )

        run_task(
            self,
            self.tr("Reading conflicts"),
            work,
            db_path=self.db_path,
            on_done=done,
            show_progress=False,
        )

    # -- actions -----------------------------------------------------------------------

    def undo_selected(self) -> None:
        batch = self.selected()
        if batch is None or batch.undone_at:
            return

        def done(_result: dict[str, int]) -> None:
            self.changed = True
            self.reload(select=batch.id)

        undo_asking(self, self.db_path, [batch.id], done)

    def export_selected(self) -> None:
        batch = self.selected()
        if batch is None:
            return
        out, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save conflicts"),
            str(Path.home() / f"{Path(batch.file_name).stem}_批次{batch.id}_冲突.xlsx"),
            "Excel (*.xlsx)",
        )
        if not out:
            return

        def work(ctx: TaskContext) -> int:
            return write_conflicts(conflicts(ctx.portfolio(), batch.id), out)

        run_task(self, self.tr("Saving conflicts"), work, db_path=self.db_path)
