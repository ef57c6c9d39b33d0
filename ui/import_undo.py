"""Undoing batches from the app (the wizard's last page, the 导入记录 window): first ask the
core what the undo would meet, then ask the clerk, then undo — never a silent loss of a
hand edit.

If the batch's projects were worked on since (fields edited, projects given records), the
clerk sees them listed and chooses: keep those later edits and undo only what nobody has
changed since, or cancel. Deleting later work is not offered here (``undo-import --force``
is, on the command line, after its own listing).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from tracker.importing import session
from tracker.importing.undo import UndoReview

from .tasks import TaskContext, run_task

log = logging.getLogger(__name__)
LISTED = 8  # projects named in the question itself; the rest under 显示详细信息


class UndoQuestion:
    """The question before an undo (a class entry point tests can replace)."""

    @classmethod
    def ask(cls, parent: QWidget | None, reviews: list[UndoReview]) -> bool | None:
        """True: undo keeping later edits; False: plain undo confirmed; None: cancel."""
        box, keep, later = cls.build(parent, reviews)
        box.exec()
        if box.clickedButton() is not keep:
            return None
        return later

    @staticmethod
    def build(
        parent: QWidget | None, reviews: list[UndoReview]
    ) -> tuple[QMessageBox, QAbstractButton, bool]:
        """The question box, its "go ahead" button, and whether later edits are kept."""
        later = [p for r in reviews for p in (*r.edited_projects, *r.kept_fields)]
        names = "、".join(f"{r.batch_id}（{r.file_name}）" for r in reviews)
        box = QMessageBox(parent)
        box.setObjectName("undo_question")
        box.setWindowTitle(QCoreApplication.translate("ImportUndo", "Undo import"))
        box.setIcon(QMessageBox.Icon.Question)
        merges = all(r.kind == "deal_merge" for r in reviews)
        if later:
            box.setText(
                (
                    QCoreApplication.translate(
                        "ImportUndo",
                        "After merge {batches}, {count} of the projects kept were worked on: "
                        "records that came with the merged project were edited, or records "
                        "were added.",
                    )
                    if merges
                    else QCoreApplication.translate(
                        "ImportUndo",
                        "After batch {batches} was imported, {count} of its projects were "
                        "edited by hand or given records.",
                    )
                ).format(batches=names, count=len({p.project_id for p in later}))
            )
            lines = [p.describe() for p in later]
            shown = "\n".join(lines[:LISTED]) + ("\n…" if len(lines) > LISTED else "")
            box.setInformativeText(
                shown
                + "\n\n"
                + (
                    QCoreApplication.translate(
                        "ImportUndo",
                        "Undo keeping those later edits? The merged project comes back with "
                        "its records; records edited or added since stay with the project "
                        "kept.",
                    )
                    if merges
                    else QCoreApplication.translate(
                        "ImportUndo",
                        "Undo keeping those later edits? Only what the import did to fields "
                        "nobody has changed since is undone; projects worked on since stay.",
                    )
                )
            )
            if len(lines) > LISTED:
                box.setDetailedText("\n".join(lines))
            keep = box.addButton(
                QCoreApplication.translate("ImportUndo", "&Keep later edits and undo"),
                QMessageBox.ButtonRole.AcceptRole,
            )
        else:
            box.setText(
                (
                    QCoreApplication.translate(
                        "ImportUndo",
                        "Undo merge {batches}? The merged projects come back with their "
                        "records and the values the merge filled in are restored (a backup "
                        "is made first).",
                    )
                    if merges
                    else QCoreApplication.translate(
                        "ImportUndo",
                        "Undo batch {batches}? The projects it added are removed and the "
                        "values it changed are restored (a backup is made first).",
                    )
                ).format(batches=names)
            )
            keep = box.addButton(
                QCoreApplication.translate("ImportUndo", "&Undo"), QMessageBox.ButtonRole.AcceptRole
            )
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(cancel)
        return box, keep, bool(later)


def undo_asking(
    parent: QWidget,
    db_path: Path,
    batch_ids: list[int],
    on_done: Callable[[dict[str, int]], None],
) -> None:
    """Review the batches off the UI thread, ask, then undo them (each after a backup)."""

    def review(ctx: TaskContext) -> list[UndoReview]:
        return session.review_batches(ctx.portfolio(), batch_ids)

    def reviewed(reviews: list[UndoReview]) -> None:
        keep = UndoQuestion.ask(parent, reviews)
        if keep is None:
            log.info("undo of batches %s cancelled by the clerk", batch_ids)
            return

        def work(ctx: TaskContext) -> dict[str, int]:
            return session.undo_batches(
                ctx.portfolio(), batch_ids, keep_edited=keep, progress=ctx.progress
            )

        run_task(
            parent,
            QCoreApplication.translate("ImportUndo", "Undoing the import"),
            work,
            db_path=db_path,
            on_done=on_done,
        )

    run_task(
        parent,
        QCoreApplication.translate("ImportUndo", "Checking what was changed since"),
        review,
        db_path=db_path,
        on_done=reviewed,
    )
