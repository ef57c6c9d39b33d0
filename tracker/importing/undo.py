"""Taking an import back: delete what its batch created, restore what it changed.

Works from the audit rows carrying the batch id (old values are there), newest first, in
one transaction; the batch is then marked ``undone_at`` so it cannot be undone twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from tracker.domain.vocabulary import Status
from tracker.errors import Cancelled, TrackerError
from tracker.ledger.audit import now_iso
from tracker.ledger.portfolio import Portfolio
from tracker.work import CancelFn, ProgressFn, never_cancelled, no_progress

log = logging.getLogger(__name__)


def undo_import(
    portfolio: Portfolio,
    batch_id: int,
    *,
    progress: ProgressFn = no_progress,
    cancelled: CancelFn = never_cancelled,
) -> dict[str, int]:
    row = portfolio.db.execute(
        "SELECT file_name, undone_at FROM import_batches WHERE id = ?", [batch_id]
    ).fetchone()
    if row is None:
        raise TrackerError(f"找不到编号为 {batch_id} 的导入批次。请核对批次号（导入完成时显示）。")
    if row[1]:
        raise TrackerError(f"导入批次 {batch_id}（{row[0]}）已在 {row[1]} 撤销过，不能重复撤销。")
    entries = _entries(portfolio, batch_id)
    created = {
        e.project_id
        for e in entries
        if e.entity == "project" and e.action == "create" and e.project_id is not None
    }
    existing = {r[0] for r in portfolio.db.execute("SELECT id FROM projects")}
    status_old: dict[int, dict[str, Any]] = {}
    reverted = 0
    with portfolio.transaction():
        for i, e in enumerate(reversed(entries)):
            if i % 200 == 0:
                if cancelled():
                    raise Cancelled()
                progress(i, len(entries), "撤销导入")
            pid = e.project_id
            if pid is None or pid in created or pid not in existing:
                continue
            if e.entity == "project" and e.action == "update" and e.field:
                portfolio.edit_project(pid, {e.field: e.old})
                reverted += 1
            elif e.entity == "stage" and e.field:
                stage, which = e.field.split(".", 1)
                portfolio.set_stage_date(pid, stage, **{which: e.old})
                reverted += 1
            elif e.entity == "progress" and e.action == "create" and e.entity_id:
                if portfolio.db.execute(
                    "SELECT 1 FROM progress WHERE id = ?", [e.entity_id]
                ).fetchone():
                    portfolio.delete_child("progress", e.entity_id)
                    reverted += 1
            elif e.entity == "project" and e.field in ("status", "status_date", "status_reason"):
                # reversed order: the last one seen holds the value before the batch
                status_old.setdefault(pid, {})[e.field] = e.old
        for pid, old in status_old.items():
            _restore_status(portfolio, pid, old)
            reverted += 1
        deleted = 0
        for pid in sorted(p for p in created if p in existing):
            portfolio.delete_project(pid)
            deleted += 1
        portfolio.db.execute(
            "UPDATE import_batches SET undone_at = ? WHERE id = ?", [now_iso(), batch_id]
        )
    progress(len(entries), len(entries), "撤销完成")
    log.info("undid import batch %s: %s deleted, %s reverted", batch_id, deleted, reverted)
    return {"deleted": deleted, "reverted": reverted}


@dataclass
class _Entry:
    project_id: int | None
    entity: str
    entity_id: int | None
    action: str
    field: str | None
    old: str | None


def _entries(portfolio: Portfolio, batch_id: int) -> list[_Entry]:
    """The batch's audit rows (with entity ids, which ``audit_for`` does not carry)."""
    return [
        _Entry(*r)
        for r in portfolio.db.execute(
            "SELECT project_id, entity, entity_id, action, field, old FROM audit"
            " WHERE batch_id = ? ORDER BY id",
            [batch_id],
        ).fetchall()
    ]


def _restore_status(portfolio: Portfolio, pid: int, old: dict[str, Any]) -> None:
    current = portfolio.get_project(pid)
    status = Status(old.get("status") or current.status.value)
    date = old.get("status_date", current.status_date)
    reason = old.get("status_reason", current.status_reason)
    portfolio.set_status(pid, status, date or current.status_date, reason)
