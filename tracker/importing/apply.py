"""Writing a plan: a backup, then one transaction holding one import batch.

Either every create, update and fill of the plan is stored, with audit rows carrying the
batch id (so ``undo-import`` can take it back), or — on any error or a cancel — nothing
is. The batch records what the history window shows: the file, its sheets, the counts,
when its figures were true, and each conflict (a stored value the file stated otherwise
and the import left alone). The names the batch wrote (units, leaders, towns,
industries) join the settings' lists in the same batch.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from tracker.domain.dates import today_iso
from tracker.domain.vocabulary import FIELD_BY_KEY, Status
from tracker.errors import Cancelled
from tracker.importing.changes import FIGURES
from tracker.importing.mapping import save_preset
from tracker.importing.plan import Plan, PlanRow, recheck_plan
from tracker.ledger import name_lists
from tracker.ledger.batches import insert_batch, record_event
from tracker.ledger.portfolio import Portfolio
from tracker.storage import backup
from tracker.work import CancelFn, ProgressFn, never_cancelled, no_progress

log = logging.getLogger(__name__)

DEFAULT_TERMINATE_REASON = "原台账标注为终止/解约（导入）"


def apply_plan(
    portfolio: Portfolio,
    plan: Plan,
    *,
    progress: ProgressFn = no_progress,
    cancelled: CancelFn = never_cancelled,
    make_backup: bool = True,
) -> int:
    """Store the plan's creates, updates and fills; returns the new batch id."""
    if cancelled():
        raise Cancelled()
    if make_backup and portfolio.path.exists():
        progress(0, 1, "备份数据库")
        backup.backup_file(portfolio.path, "import")
    with portfolio.transaction():
        # The write lock is held from here: what the plan found stored is checked again,
        # so a concurrent import of the same rows cannot make them twice, and a blank
        # filled by hand meanwhile is now a conflict, not a value to overwrite.
        recheck_plan(plan, portfolio)
        creates = [r for r in plan.rows if r.action == "create"]
        writes = [r for r in plan.rows if r.action in ("update", "fill")]
        batch_id = insert_batch(
            portfolio,
            "import",
            plan.file.name,
            sha256=plan.sha256,
            format=plan.format,
            mapping=plan.mapping(),
            counts=plan.summary(),
            as_of=plan.as_of.value if plan.as_of else None,
            sheets=plan.live_sheets(),
        )
        with portfolio.transaction(batch_id):
            record_event(
                portfolio,
                "create",
                {
                    "file": plan.file.name,
                    "sha256": plan.sha256,
                    "counts": plan.summary(),
                    "as_of": plan.as_of.to_json() if plan.as_of else None,
                },
            )
            ids = portfolio.add_projects(
                [r.data for r in creates],
                batch_id=batch_id,
                progress=progress,
                cancelled=cancelled,
                blank_investor_ok=True,
            )
            for row, pid in zip(creates, ids, strict=True):
                row.project_id = pid
            for i, row in enumerate(writes):
                if i % 100 == 0:
                    if cancelled():
                        raise Cancelled()
                    progress(i, len(writes), f"更新第 {i + 1}/{len(writes)} 个已有项目")
                apply_changes(portfolio, row)
            _record_conflicts(portfolio, batch_id, plan.conflict_rows())
            name_lists.remember(portfolio, _written_names(creates, writes))
            for sheet in plan.sheets:
                if sheet.table.corrected:
                    full = {c.header: c.target for c in sheet.table.columns if c.header}
                    save_preset(portfolio, sheet.signature, full)
    log.info("import batch %s from %s: %s", batch_id, plan.file.name, plan.summary())
    return batch_id


def _written_names(creates: list[PlanRow], writes: list[PlanRow]) -> Iterable[dict[str, Any]]:
    """The values the batch wrote (a conflict's file value is not written, so not listed)."""
    for row in creates:
        yield row.data
    for row in writes:
        yield {c.field: c.new for c in row.changes}


def apply_changes(portfolio: Portfolio, row: PlanRow) -> None:
    """Write one matched row's chosen changes to its stored project."""
    pid = row.project_id
    assert pid is not None
    fields: dict[str, Any] = {}
    stages: dict[str, dict[str, Any]] = {}
    figures: dict[str, Any] = {}
    status = False
    for change in row.changes:
        if change.field in FIELD_BY_KEY:
            fields[change.field] = change.new
        elif change.field in FIGURES:
            figures[change.field] = change.new
        elif change.field == "status":
            status = True
        else:
            stage, which = change.field.split(".", 1)
            stages.setdefault(stage, {})[which] = change.new
    if fields:
        portfolio.edit_project(pid, fields)
    for stage, dates in stages.items():
        portfolio.set_stage_date(pid, stage, **dates)
    if status:
        data = row.data
        reason = data.get("status_reason")
        if data["status"] == Status.TERMINATED.value:
            reason = reason or DEFAULT_TERMINATE_REASON
        portfolio.set_status(pid, data["status"], data.get("status_date") or today_iso(), reason)
    if figures:
        portfolio.add_progress(pid, row.data.get("progress_as_of") or today_iso(), **figures)


def _record_conflicts(portfolio: Portfolio, batch_id: int, rows: list[PlanRow]) -> None:
    """Keep the batch's conflicts for the history window and their export."""
    portfolio.db.conn.executemany(
        "INSERT INTO import_conflicts (batch_id, sheet, row, project_id, name, field, label,"
        " stored, file) VALUES (?,?,?,?,?,?,?,?,?)",
        [
            (
                batch_id,
                row.sheet,
                row.row,
                row.project_id,
                row.data.get("name"),
                change.field,
                change.label,
                change.shown("old"),
                change.shown("new"),
            )
            for row in rows
            for change in row.conflicts
        ],
    )
