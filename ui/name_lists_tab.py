"""设置 → 名录: the lists of units, leaders, towns/parks and industries (one per line, as
before), the spellings that are probably one name, and merging two entries.

A merge is written at once (it is not one of the dialog's pending edits): every project
moves to the kept spelling through ``tracker.ledger.name_lists.merge``, audited as one
batch that 工具 → 导入记录 can undo. The list boxes follow it, so 确定 afterwards does not
bring the dropped spelling back.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.ledger import name_lists
from tracker.ledger.name_lists import LISTS, Proposal
from tracker.ledger.settings import OPTION_BY_KEY

from .list_model import ListModel
from .tasks import TaskContext, run_task

log = logging.getLogger(__name__)
Loaded = tuple[dict[str, list[str]], dict[str, dict[str, int]], list[Proposal]]


class ProposalsModel(ListModel[Proposal]):
    """Pairs of entries to merge, the suggested one to keep first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [self.tr("List"), self.tr("Keep"), self.tr("Merge into it"), self.tr("Why")], parent
        )

    def text(self, item: Proposal, column: int) -> str:
        projects = self.tr("{name} ({count} projects)")
        return (
            OPTION_BY_KEY[item.list_key].label,
            projects.format(name=item.keep, count=item.keep_count),
            projects.format(name=item.drop, count=item.drop_count),
            item.why,
        )[column]


class MergeQuestion:
    """ "把 A 并入 B？" before a merge (a class entry point tests can replace)."""

    @classmethod
    def ask(cls, parent: QWidget, list_key: str, drop: str, keep: str, count: int) -> bool:
        answer = QMessageBox.question(
            parent,
            parent.tr("Merge entries"),
            parent.tr(
                "Merge “{drop}” into “{keep}” ({list})? {count} projects will use “{keep}” "
                "and “{drop}” leaves the list. This is one batch: Tools → Import history "
                "can undo it."
            ).format(drop=drop, keep=keep, list=OPTION_BY_KEY[list_key].label, count=count),
        )
        return answer == QMessageBox.StandardButton.Yes


class NameListsTab(QWidget):
    """The four lists, the proposals and the merge controls."""

    merged = Signal(object)  # the merge's result (batch id, moved …)

    def __init__(self, db_path: Path, values: dict[str, Any], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("name_lists")
        self.db_path = Path(db_path)
        self.edits: dict[str, QPlainTextEdit] = {}
        self.used: dict[str, dict[str, int]] = {}
        self.entries: dict[str, list[str]] = {}
        lists = QGridLayout()
        for i, key in enumerate(LISTS):
            edit = QPlainTextEdit("\n".join(values[key]), self)
            edit.setTabChangesFocus(True)
            label = QLabel(OPTION_BY_KEY[key].label + self.tr(" (one per line):"), self)
            label.setBuddy(edit)
            lists.addWidget(label, 0, i)
            lists.addWidget(edit, 1, i)
            self.edits[key] = edit
        layout = QVBoxLayout(self)
        layout.addLayout(lists, 3)
        layout.addWidget(self._proposals_box(), 2)
        layout.addWidget(self._merge_box())
        self.reload()

    def _proposals_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Probably one name spelled differently"), self)
        self.proposals = ProposalsModel(self)
        self.proposals_view = QTableView(box)
        self.proposals_view.setObjectName("name_proposals")
        self.proposals_view.setModel(self.proposals)
        self.proposals_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.proposals_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.proposals_view.verticalHeader().setVisible(False)
        self.proposals_view.horizontalHeader().setStretchLastSection(True)
        self.merge_proposal = QPushButton(self.tr("Merge as &proposed…"), box)
        self.merge_proposal.setObjectName("merge_proposal")
        self.merge_proposal.clicked.connect(lambda: self.merge_selected(swap=False))
        self.merge_swapped = QPushButton(self.tr("Keep the &other spelling…"), box)
        self.merge_swapped.setObjectName("merge_swapped")
        self.merge_swapped.clicked.connect(lambda: self.merge_selected(swap=True))
        buttons = QVBoxLayout()
        buttons.addWidget(self.merge_proposal)
        buttons.addWidget(self.merge_swapped)
        buttons.addStretch(1)
        row = QHBoxLayout(box)
        row.addWidget(self.proposals_view, 1)
        row.addLayout(buttons)
        return box

    def _merge_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Merge two entries"), self)
        self.list_combo = QComboBox(box)
        self.list_combo.setObjectName("merge_list")
        for key in LISTS:
            self.list_combo.addItem(OPTION_BY_KEY[key].label, key)
        self.drop_combo = QComboBox(box)
        self.drop_combo.setObjectName("merge_drop")
        self.keep_combo = QComboBox(box)
        self.keep_combo.setObjectName("merge_keep")
        self.list_combo.currentIndexChanged.connect(lambda _i: self._fill_entry_combos())
        merge = QPushButton(self.tr("&Merge…"), box)
        merge.setObjectName("merge_entries")
        merge.clicked.connect(self.merge_chosen)
        row = QHBoxLayout(box)
        for text, widget in (
            (self.tr("List:"), self.list_combo),
            (self.tr("Merge:"), self.drop_combo),
            (self.tr("into:"), self.keep_combo),
        ):
            label = QLabel(text, box)
            label.setBuddy(widget)
            row.addWidget(label)
            row.addWidget(widget, 1)
        row.addWidget(merge)
        return box

    # -- data --------------------------------------------------------------------------

    def reload(self) -> None:
        """Entries in use, their counts and the proposals, read off the UI thread."""

        def work(ctx: TaskContext) -> Loaded:
            pf = ctx.portfolio()
            return name_lists.entries(pf), name_lists.usage(pf), name_lists.proposals(pf)

        def done(loaded: Loaded) -> None:
            if not shiboken6.isValid(self.proposals_view):
                return  # the settings dialog was closed while the lists were read
            self.entries, self.used, proposals = loaded
            self.proposals.set_items(proposals)
            self.proposals_view.resizeColumnsToContents()
            self._fill_entry_combos()
            has = bool(proposals)
            self.merge_proposal.setEnabled(has)
            self.merge_swapped.setEnabled(has)
            if has and not self.proposals_view.currentIndex().isValid():
                self.proposals_view.selectRow(0)

        run_task(
            self,
            self.tr("Reading the lists"),
            work,
            db_path=self.db_path,
            on_done=done,
            show_progress=False,
        )

    def _fill_entry_combos(self) -> None:
        key = self.list_combo.currentData()
        names = self.entries.get(key, [])
        used = self.used.get(key, {})
        for combo in (self.drop_combo, self.keep_combo):
            combo.clear()
            for name in names:
                combo.addItem(
                    self.tr("{name} ({count} projects)").format(name=name, count=used.get(name, 0)),
                    name,
                )
        if self.keep_combo.count() > 1:
            self.keep_combo.setCurrentIndex(1)

    def list_values(self) -> dict[str, str]:
        return {key: edit.toPlainText() for key, edit in self.edits.items()}

    # -- merging -----------------------------------------------------------------------

    def merge_selected(self, swap: bool) -> None:
        index = self.proposals_view.currentIndex()
        if not index.isValid():
            return
        p = self.proposals.items[index.row()]
        drop, keep = (p.keep, p.drop) if swap else (p.drop, p.keep)
        self.merge(p.list_key, drop, keep)

    def merge_chosen(self) -> None:
        self.merge(
            self.list_combo.currentData(),
            self.drop_combo.currentData(),
            self.keep_combo.currentData(),
        )

    def merge(self, list_key: str, drop: str | None, keep: str | None) -> None:
        if not drop or not keep or drop == keep:
            QMessageBox.information(
                self,
                self.tr("Merge entries"),
                self.tr("Choose two different entries: one to merge, one to keep."),
            )
            return
        count = self.used.get(list_key, {}).get(drop, 0)
        if not MergeQuestion.ask(self, list_key, drop, keep, count):
            return

        def work(ctx: TaskContext) -> dict[str, Any]:
            return name_lists.merge(ctx.portfolio(), list_key, drop, keep)

        def done(result: dict[str, Any]) -> None:
            edit = self.edits[list_key]
            lines = [
                keep if n.strip() == drop else n.strip() for n in edit.toPlainText().splitlines()
            ]
            if keep not in lines:
                lines.append(keep)
            edit.setPlainText("\n".join(n for n in dict.fromkeys(lines) if n))
            log.info("merged %s %r into %r from the settings dialog", list_key, drop, keep)
            self.merged.emit(result)
            self.reload()

        run_task(self, self.tr("Merging entries"), work, db_path=self.db_path, on_done=done)
