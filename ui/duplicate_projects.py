"""疑似重复项目: pairs of stored projects that are, or may be, one deal typed twice, side
by side with the likeness and its reasons; for the selected pair, the fields both hold
differently (the clerk ticks where the second project's value should win) and 合并,
which folds the second into the first (records kept, one batch undoable from 导入记录).
合并全部确定的 N 对… merges every sure pair (never one to check) in one batch, after a
question listing them (``AllSureQuestion``); chains end as one project (``sure_groups``).

The work is ``tracker.ledger.merging`` off the UI thread (``ui.tasks``); the command-line
twins are ``python -m tracker duplicates`` and ``merge``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.ledger.merging import (
    Pair,
    conflicting_fields,
    group_lines,
    likely_duplicates,
    merge_groups,
    merge_projects,
    sure_groups,
)

from .import_history import master_detail
from .import_review_pairs import deal_text
from .list_model import Index, ListModel
from .tasks import TaskContext, run_task
from .widgets import LedgerToolDialog

log = logging.getLogger(__name__)
LISTED = 12  # groups named in the question itself; the rest under 显示详细信息


class AllSureQuestion:
    """The question before merging every sure pair (a class entry point tests replace)."""

    @classmethod
    def ask(cls, parent: QWidget | None, lines: list[str], merged: int) -> bool:
        box, yes = cls.build(parent, lines, merged)
        box.exec()
        return box.clickedButton() is yes

    @staticmethod
    def build(
        parent: QWidget | None, lines: list[str], merged: int
    ) -> tuple[QMessageBox, QAbstractButton]:
        box = QMessageBox(parent)
        box.setObjectName("all_sure_question")
        box.setWindowTitle(QCoreApplication.translate("DuplicateProjects", "Merge projects"))
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(
            QCoreApplication.translate(
                "DuplicateProjects",
                "Merge {merged} projects into {kept} in one step? Where two differ, the "
                "kept project's value stays; pairs to check are left alone. It can be "
                "undone at once in Import history.",
            ).format(merged=merged, kept=len(lines))
        )
        shown = "\n".join(lines[:LISTED]) + ("\n…" if len(lines) > LISTED else "")
        box.setInformativeText(shown)
        if len(lines) > LISTED:
            box.setDetailedText("\n".join(lines))
        yes = box.addButton(
            QCoreApplication.translate("DuplicateProjects", "&Merge them all"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        return box, yes


class PairsModel(ListModel[Pair]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                self.tr("Project kept"),
                self.tr("Project merged into it"),
                self.tr("Likeness and reasons"),
            ],
            parent,
        )

    def text(self, item: Pair, column: int) -> str:
        if column == 2:
            kind = (
                self.tr("Very likely one project")
                if item.verdict.kind == "match"
                else self.tr("Perhaps one project: check")
            )
            return f"{kind}（{item.verdict.score:.2f}）\n" + item.verdict.why().replace("；", "\n")
        fields = item.first if column == 0 else item.second
        return self.tr("No. {id}").format(id=fields["id"]) + "\n" + deal_text(fields)


class ConflictsModel(ListModel[dict[str, Any]]):
    """Fields both projects hold differently; the last column is ticked to take the
    merged project's value."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                self.tr("Field"),
                self.tr("Kept project"),
                self.tr("Merged project"),
                self.tr("Use the merged one's"),
            ],
            parent,
        )
        self.take: set[str] = set()

    def text(self, item: dict[str, Any], column: int) -> str:
        return "" if column == 3 else str((item["label"], item["keep"], item["other"])[column])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and index.column() == 3 and role == Qt.ItemDataRole.CheckStateRole:
            on = self.items[index.row()]["field"] in self.take
            return Qt.CheckState.Checked if on else Qt.CheckState.Unchecked
        return super().data(index, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 3 else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != 3:
            return False
        key = self.items[index.row()]["field"]
        if Qt.CheckState(value) == Qt.CheckState.Checked:
            self.take.add(key)
        else:
            self.take.discard(key)
        self.dataChanged.emit(index, index)
        return True


def _table(parent: QWidget, name: str, model: ListModel[Any]) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class DuplicateProjectsDialog(LedgerToolDialog):
    def __init__(
        self, db_path: Path, parent: QWidget | None = None, *, read_only: bool = False
    ) -> None:
        super().__init__(db_path, parent, read_only=read_only)
        self.setWindowTitle(self.tr("Possible duplicate projects"))
        self.note = QLabel(
            self.tr(
                "Each pair may be one deal stored twice (typed differently). Merging keeps "
                "the first project, fills its blanks from the second and moves the second's "
                "progress, visits and problems to it; undo it in Import history."
            ),
            self,
        )
        self.note.setWordWrap(True)
        self.pairs = PairsModel(self)
        self.view = _table(self, "duplicate_pairs", self.pairs)
        self.view.setAccessibleName(self.tr("Possible duplicate projects"))
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.selected_changed())
        self.conflicts = ConflictsModel(self)
        self.conflicts_view = _table(self, "merge_conflicts", self.conflicts)
        self.conflicts_view.setAccessibleName(self.tr("Fields the two projects hold differently"))
        self.conflicts_label = QLabel(self)
        splitter = master_detail(self, self.view, self.conflicts_label, self.conflicts_view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.merge_button = QPushButton(self.tr("&Merge this pair"), self)
        self.merge_button.setObjectName("merge_pair")
        self.swap_button = QPushButton(self.tr("&Keep the other one"), self)
        self.swap_button.setObjectName("swap_pair")
        self.all_sure_button = QPushButton(self)
        self.all_sure_button.setObjectName("merge_all_sure")
        self.all_sure_button.clicked.connect(self.merge_all_sure)
        buttons.addButton(self.all_sure_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.swap_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.swap_button.clicked.connect(self.swap_selected)
        buttons.rejected.connect(self.reject)
        self.merge_button.clicked.connect(self.merge_selected)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(1180, 640)
        self.selected_changed()
        self.update_all_sure()
        self.reload()

    def reload(self) -> None:
        def done(pairs: list[Pair]) -> None:
            self.pairs.set_items(pairs)
            for column, width in enumerate((360, 360)):
                self.view.setColumnWidth(column, width)
            self.view.resizeRowsToContents()
            if pairs:
                self.view.selectRow(0)
            self.selected_changed()
            self.update_all_sure()

        run_task(
            self,
            self.tr("Looking for duplicate projects"),
            lambda ctx: likely_duplicates(ctx.portfolio()),
            db_path=self.db_path,
            on_done=done,
        )

    def selected(self) -> Pair | None:
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= len(self.pairs.items):
            return None
        return self.pairs.items[index.row()]

    def selected_changed(self) -> None:
        pair = self.selected()
        self.merge_button.setEnabled(pair is not None and not self.read_only)
        self.swap_button.setEnabled(pair is not None and not self.read_only)
        self.conflicts.take = set()
        self.conflicts.set_items([])  # the last pair's, until this one's arrive
        self.conflicts_label.setText("")
        if pair is None:
            self.conflicts_label.setText(self.tr("No possible duplicates found."))
            return

        def work(ctx: TaskContext) -> list[dict[str, Any]]:
            return conflicting_fields(ctx.portfolio(), pair.first["id"], pair.second["id"])

        def done(found: list[dict[str, Any]]) -> None:
            if self.selected() is not pair:
                return
            self.conflicts.set_items(found)
            self.conflicts_view.setColumnWidth(0, 160)
            self.conflicts_view.setColumnWidth(1, 330)
            self.conflicts_view.setColumnWidth(2, 330)
            self.conflicts_label.setText(
                self.tr(
                    "{count} fields differ: the kept project's value stays unless you tick "
                    "the merged one's."
                ).format(count=len(found))
            )

        run_task(
            self,
            self.tr("Comparing"),
            work,
            db_path=self.db_path,
            on_done=done,
            show_progress=False,
        )

    def sure(self) -> list[tuple[int, list[int]]]:
        return sure_groups(self.pairs.items)

    def update_all_sure(self) -> None:
        count = sum(p.verdict.kind == "match" for p in self.pairs.items)
        self.all_sure_button.setText(self.tr("Merge &all {count} sure pairs…").format(count=count))
        self.all_sure_button.setEnabled(count > 0 and not self.read_only)

    def merge_all_sure(self) -> None:
        """Every sure pair in one batch, after a question listing them; off the UI thread."""
        groups = self.sure()
        if not groups:
            return
        merged = sum(len(others) for _, others in groups)
        if not AllSureQuestion.ask(self, group_lines(self.pairs.items, groups), merged):
            log.info("merging every sure pair cancelled by the clerk")
            return

        def done(batch: int) -> None:
            self.changed = True
            self.note.setText(
                self.tr(
                    "{merged} projects were merged into {kept} (batch {batch}); undo it at "
                    "once in Import history."
                ).format(merged=merged, kept=len(groups), batch=batch)
            )
            self.reload()

        run_task(
            self,
            self.tr("Merging"),
            lambda ctx: merge_groups(ctx.portfolio(), groups),
            db_path=self.db_path,
            on_done=done,
        )

    def swap_selected(self) -> None:
        """Keep the second project of the pair and merge the first into it."""
        pair = self.selected()
        if pair is None:
            return
        pair.first, pair.second = pair.second, pair.first
        row = self.view.currentIndex().row()
        self.pairs.dataChanged.emit(self.pairs.index(row, 0), self.pairs.index(row, 2))
        self.selected_changed()

    def merge_selected(self) -> None:
        pair = self.selected()
        if pair is None:
            return
        keep, other = pair.first["id"], pair.second["id"]
        asked = QMessageBox.question(
            self,
            self.tr("Merge projects"),
            self.tr(
                "Merge project {other} into project {keep}? It can be undone in Import history."
            ).format(other=other, keep=keep),
        )
        if asked != QMessageBox.StandardButton.Yes:
            return
        choices = dict.fromkeys(self.conflicts.take, "other")

        def done(_batch: int) -> None:
            self.changed = True
            self.reload()

        run_task(
            self,
            self.tr("Merging"),
            lambda ctx: merge_projects(ctx.portfolio(), keep, other, choices=choices),
            db_path=self.db_path,
            on_done=done,
        )
