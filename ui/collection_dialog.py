"""工具 → 进度收集: make a round of workbooks, read the returned files, see who is missing.

A round is chosen at the top (or made with 新建一轮…, which writes one workbook per unit
and opens the folder). Returned files are dropped on the window (or chosen with 读入报表…):
each project's changes show old → new, with its flags; projects with a flag are unticked
until the clerk ticks them. 写入 stores each file as one undoable batch (导入记录 undoes
it). The status tab lists each unit, when it returned and what it changed, and the 催报
text to copy. All work runs through ``ui.tasks``; the rules live in ``tracker.collection``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tracker.collection.apply import apply_plan
from tracker.collection.plan import CollectPlan, plan_files
from tracker.collection.rounds import Round, available_targets, by_field, create_round, list_rounds
from tracker.collection.send import make_files
from tracker.collection.status import RoundStatus, round_status
from tracker.importing.detect import READABLE_SUFFIXES

from .collection_models import PlanModel, StatusModel
from .collection_round import NewRoundDialog, RoundChoice
from .list_model import ListModel
from .printing import PrintTable, exec_preview
from .tasks import TaskContext, run_task
from .widgets import LedgerToolDialog

log = logging.getLogger(__name__)
RETURN_SUFFIXES = READABLE_SUFFIXES  # whatever the importer reads: a unit re-saves as it likes


class CollectionDialog(LedgerToolDialog):
    """进度收集: rounds, returned files → plan → write, and the round's status."""

    def __init__(self, db_path: Path, parent: QWidget | None = None, *, read_only: bool = False):
        super().__init__(db_path, parent, read_only=read_only)
        self.setObjectName("collection")
        self.setWindowTitle(self.tr("Progress collection"))
        self.setAcceptDrops(True)
        self.rounds: list[Round] = []
        self.plans: list[CollectPlan] = []
        self.status: RoundStatus | None = None

        self.round_box = QComboBox(self)
        self.round_box.setObjectName("round")
        self.round_box.setAccessibleName(self.tr("Collection round"))
        self.round_box.currentIndexChanged.connect(lambda _i: self.load_status())
        new_round = QPushButton(self.tr("&New round…"), self)
        new_round.setObjectName("new_round")
        new_round.clicked.connect(self.new_round)
        new_round.setEnabled(not read_only)
        self.open_folder_button = QPushButton(self.tr("Open &folder"), self)
        self.open_folder_button.clicked.connect(self.open_folder)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("&Round:"), self, buddy=self.round_box))
        top.addWidget(self.round_box, 1)
        top.addWidget(new_round)
        top.addWidget(self.open_folder_button)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._files_tab(), self.tr("Returned files"))
        self.tabs.addTab(self._status_tab(), self.tr("Who has reported"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self.resize(1240, 660)
        self.reload()

    # -- building ----------------------------------------------------------------------

    def _table(self, name: str, model: ListModel[Any]) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        view.setWordWrap(False)
        return view

    def _files_tab(self) -> QWidget:
        tab = QWidget(self)
        self.drop_label = QLabel(
            self.tr(
                "Drop the returned workbooks here (or choose them with Read files…). Nothing "
                "is written until you press Write. Projects with a check are unticked: tick "
                "them after checking."
            ),
            tab,
        )
        self.drop_label.setWordWrap(True)
        self.plan_model = PlanModel(self)
        self.plan_view = self._table("collection_plan", self.plan_model)
        self.plan_view.setAccessibleName(self.tr("Changes the returned files bring"))
        self.summary = QLabel(tab)
        self.summary.setWordWrap(True)
        read = QPushButton(self.tr("&Read files…"), tab)
        read.setObjectName("read_files")
        read.clicked.connect(self.choose_files)
        self.apply_button = QPushButton(self.tr("&Write to the ledger"), tab)
        self.apply_button.setObjectName("apply_collection")
        self.apply_button.clicked.connect(self.apply)
        self.apply_button.setEnabled(False)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(read)
        row.addWidget(self.apply_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.drop_label)
        layout.addWidget(self.plan_view, 1)
        layout.addLayout(row)
        return tab

    def _status_tab(self) -> QWidget:
        tab = QWidget(self)
        self.status_model = StatusModel(self)
        self.status_view = self._table("collection_status", self.status_model)
        self.reminder = QPlainTextEdit(tab)
        self.reminder.setReadOnly(True)
        self.reminder.setMaximumHeight(130)
        copy = QPushButton(self.tr("&Copy the reminder"), tab)
        copy.clicked.connect(
            lambda: QGuiApplication.clipboard().setText(self.reminder.toPlainText())
        )
        self.print_button = QPushButton(self.tr("&Print the status…"), tab)
        self.print_button.clicked.connect(self.print_status)
        side = QVBoxLayout()
        side.addWidget(copy)
        side.addWidget(self.print_button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.reminder, 1)
        row.addLayout(side)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.status_view, 1)
        layout.addLayout(row)
        return tab

    # -- rounds and status -------------------------------------------------------------

    def current_round(self) -> Round | None:
        i = self.round_box.currentIndex()
        return self.rounds[i] if 0 <= i < len(self.rounds) else None

    def reload(self, select: int | None = None) -> None:
        def work(ctx: TaskContext) -> list[Round]:
            return list_rounds(ctx.portfolio())

        def done(rounds: list[Round]) -> None:
            self.rounds = rounds
            self.round_box.blockSignals(True)
            self.round_box.clear()
            for r in rounds:
                deadline = (
                    self.tr(", return by {date}").format(date=r.deadline) if r.deadline else ""
                )
                self.round_box.addItem(
                    self.tr("Round {id}: figures as of {as_of}{deadline} — {count} {by}").format(
                        id=r.id,
                        as_of=r.as_of,
                        deadline=deadline,
                        count=len(r.targets),
                        by=r.by_label,
                    )
                )
            ids = [r.id for r in rounds]
            self.round_box.setCurrentIndex(ids.index(select) if select in ids else 0)
            self.round_box.blockSignals(False)
            if not rounds:
                self.summary.setText(self.tr("No round yet: make one with New round…"))
            self.load_status()

        run_task(
            self,
            self.tr("Reading the rounds"),
            work,
            db_path=self.db_path,
            on_done=done,
            show_progress=False,
        )

    def load_status(self) -> None:
        rnd = self.current_round()
        self.open_folder_button.setEnabled(bool(rnd and rnd.folder))
        if rnd is None:
            self.status_model.set_items([])
            self.reminder.setPlainText("")
            return

        def work(ctx: TaskContext) -> RoundStatus:
            return round_status(ctx.portfolio(), rnd)

        def done(status: RoundStatus) -> None:
            self.status = status
            self.status_model.set_items(status.targets)
            self.status_view.resizeColumnsToContents()
            self.reminder.setPlainText(status.reminder())
            self.reminder.moveCursor(QTextCursor.MoveOperation.Start)

        run_task(
            self,
            self.tr("Reading who has reported"),
            work,
            db_path=self.db_path,
            on_done=done,
            show_progress=False,
        )

    def status_table(self) -> PrintTable | None:
        """The status as printed pages: every unit, the missing ones tinted red."""
        status = self.status
        if status is None:
            return None
        model = self.status_model
        rnd = status.round
        rows = [[model.text(t, c) for c in range(model.columnCount())] for t in status.targets]
        return PrintTable(
            title=self.tr("Progress reports, round {id} (figures as of {as_of})").format(
                id=rnd.id, as_of=rnd.as_of
            ),
            subtitle=status.reminder().replace("\n", "  "),
            headers=list(model.headers),
            rows=rows,
            right_aligned={1, 3, 4, 5},
            tints=[None if t.returned else "red" for t in status.targets],
            tint_columns={0, 2},
        )

    def print_status(self) -> None:
        table = self.status_table()
        if table is not None:
            exec_preview(self, table)

    def new_round(self) -> None:
        def work(ctx: TaskContext) -> dict[str, list[tuple[str, int]]]:
            p = ctx.portfolio()
            return {by: available_targets(p, by_field(by)) for by in ("unit", "town")}

        def done(targets_by: dict[str, list[tuple[str, int]]]) -> None:
            folder = self.db_path.parent / "进度收集"
            choice = NewRoundDialog.ask(self, targets_by, folder)
            if choice is not None:
                self.make_round(choice)

        run_task(
            self,
            self.tr("Reading the units"),
            work,
            db_path=self.db_path,
            on_done=done,
            show_progress=False,
        )

    def make_round(self, choice: RoundChoice) -> None:
        def work(ctx: TaskContext) -> Round:
            p = ctx.portfolio()
            folder = choice.folder / f"截至{choice.as_of}"
            rnd = create_round(
                p, choice.as_of, choice.deadline, by_field(choice.by), choice.targets, str(folder)
            )
            make_files(p, rnd, folder, progress=ctx.progress, cancelled=ctx.cancelled)
            return rnd

        def done(rnd: Round) -> None:
            self.reload(select=rnd.id)
            self.open_folder(rnd)

        run_task(self, self.tr("Making the workbooks"), work, db_path=self.db_path, on_done=done)

    def open_folder(self, rnd: Round | None = None) -> None:
        rnd = rnd or self.current_round()
        if rnd is not None and rnd.folder:
            QDesktopServices.openUrl(QUrl.fromLocalFile(rnd.folder))

    # -- returned files ----------------------------------------------------------------

    def choose_files(self) -> None:
        rnd = self.current_round()
        start = rnd.folder if rnd and rnd.folder else str(self.db_path.parent)
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Returned workbooks"),
            start,
            self.tr("Returned files") + f" ({' '.join('*' + s for s in RETURN_SUFFIXES)})",
        )
        if files:
            self.read_files([Path(f) for f in files])

    def read_files(self, paths: list[Path]) -> None:
        rnd = self.current_round()

        def work(ctx: TaskContext) -> list[CollectPlan]:
            return plan_files(ctx.portfolio(), paths, rnd.id if rnd else None)

        run_task(
            self,
            self.tr("Reading the returned files"),
            work,
            db_path=self.db_path,
            on_done=self.show_plans,
        )

    def show_plans(self, plans: list[CollectPlan]) -> None:
        self.plans = plans
        self.plan_model.set_plans(plans)
        self.plan_view.clearSpans()
        self.plan_view.resizeColumnsToContents()
        for row, line in enumerate(self.plan_model.items):
            if line.header or line.project is None:
                self.plan_view.setSpan(row, 1, 1, 6 if line.header else 1)
        for column, width in ((1, 48), (2, 260), (3, 130), (4, 110), (5, 220)):
            self.plan_view.setColumnWidth(column, width)
        self.tabs.setCurrentIndex(0)
        update = sum(p.summary()["update"] for p in plans)
        create = sum(p.summary()["create"] for p in plans)
        problems = sum(p.summary()["problems"] for p in plans)
        left = sum(p.summary()["left_out"] for p in plans)
        blocked = sum(1 for p in plans if p.blocked)
        self.summary.setText(
            self.tr(
                "{files} files: {update} projects updated, {create} new projects, {problems} "
                "new problems; {left} with a check left out until ticked; {blocked} files cannot be read in."
            ).format(
                files=len(plans),
                update=update,
                create=create,
                problems=problems,
                left=left,
                blocked=blocked,
            )
        )
        self.apply_button.setEnabled(not self.read_only and any(not p.blocked for p in plans))

    def apply(self) -> None:
        plans = [p for p in self.plans if not p.blocked]

        def work(ctx: TaskContext) -> list[int]:
            p = ctx.portfolio()
            return [
                apply_plan(p, plan, progress=ctx.progress, cancelled=ctx.cancelled)
                for plan in plans
            ]

        def done(batches: list[int]) -> None:
            self.changed = True
            self.plans = []
            self.plan_model.set_plans([])
            self.apply_button.setEnabled(False)
            self.summary.setText(
                self.tr("Written as batches {ids} (Import history undoes one).").format(
                    ids="、".join(str(b) for b in batches)
                )
            )
            self.load_status()

        run_task(
            self, self.tr("Writing the returned files"), work, db_path=self.db_path, on_done=done
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        paths = [p for p in paths if p.suffix.lower() in RETURN_SUFFIXES]
        if paths:
            event.acceptProposedAction()
            self.read_files(paths)
