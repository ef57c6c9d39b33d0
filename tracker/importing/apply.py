"""Writing a plan: a backup, then one transaction holding one import batch.

Either every create and update of the plan is stored, with audit rows carrying the batch
id (so ``undo-import`` can take it back), or — on any error or a cancel — nothing is.
"""

from __future__ import annotations

import getpass
import json
import logging
from typing import Any

from tracker.domain.dates import today_iso
from tracker.domain.vocabulary import Status
from tracker.errors import Cancelled
from tracker.importing.mapping import save_preset
from tracker.importing.plan import Plan, PlanRow, recheck_plan
from tracker.ledger.audit import now_iso
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
    """Store the plan's creates and updates; returns the new batch id."""
    if cancelled():
        raise Cancelled()
    if make_backup and portfolio.path.exists():
        progress(0, 1, "备份数据库")
        backup.backup_file(portfolio.path, "import")
    with portfolio.transaction():
        # The write lock is held from here: what the plan found stored is checked again,
        # so a concurrent import of the same rows cannot make them twice.
        recheck_plan(plan, portfolio)
        creates = [r for r in plan.rows if r.action == "create"]
        updates = [r for r in plan.rows if r.action == "update"]
        batch_id = _insert_batch(portfolio, plan)
        with portfolio.transaction(batch_id):
            portfolio.record_audit(
                None,
                "import_batch",
                "create",
                None,
                None,
                json.dumps(
                    {"file": plan.file.name, "sha256": plan.sha256, "counts": plan.summary()},
                    ensure_ascii=False,
                ),
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
            for i, row in enumerate(updates):
                if cancelled():
                    raise Cancelled()
                progress(i, len(updates), f"更新第 {i + 1}/{len(updates)} 个已有项目")
                _apply_update(portfolio, row)
            for sheet in plan.sheets:
                if sheet.table.corrected:
                    full = {c.header: c.target for c in sheet.table.columns if c.header}
                    save_preset(portfolio, sheet.signature, full)
    log.info("import batch %s from %s: %s", batch_id, plan.file.name, plan.summary())
    return batch_id


def _insert_batch(portfolio: Portfolio, plan: Plan) -> int:
    try:
        user = portfolio.user or getpass.getuser()
    except Exception:
        user = "unknown"
    cursor = portfolio.db.execute(
        "INSERT INTO import_batches (at, user, file_name, sha256, format, mapping, counts)"
        " VALUES (?,?,?,?,?,?,?)",
        [
            now_iso(),
            user,
            plan.file.name,
            plan.sha256,
            plan.format,
            json.dumps(plan.mapping(), ensure_ascii=False),
            json.dumps(plan.summary(), ensure_ascii=False),
        ],
    )
    return int(cursor.lastrowid or 0)


def _apply_update(portfolio: Portfolio, row: PlanRow) -> None:
    pid = row.project_id
    assert pid is not None
    changes: dict[str, Any] = row.changes
    if changes.get("fields"):
        portfolio.edit_project(pid, changes["fields"])
    stages = set(changes.get("actual", {})) | set(changes.get("planned", {}))
    for stage in stages:
        kwargs = {}
        if stage in changes.get("actual", {}):
            kwargs["actual"] = changes["actual"][stage]
        if stage in changes.get("planned", {}):
            kwargs["planned"] = changes["planned"][stage]
        portfolio.set_stage_date(pid, stage, **kwargs)
    if status := changes.get("status"):
        reason = status["status_reason"]
        if status["status"] == Status.TERMINATED.value:
            reason = reason or DEFAULT_TERMINATE_REASON
        portfolio.set_status(pid, status["status"], status["status_date"] or today_iso(), reason)
    if figures := changes.get("progress"):
        portfolio.add_progress(pid, row.data.get("progress_as_of") or today_iso(), **figures)
