"""A plan written: one batch per file, undoable like an import (``undo-import N``).

Figures (and the 进展情况 text) become a progress snapshot dated the round's as-of date;
stage dates are set; a 存在问题 becomes a 诉求 owned by the unit; new projects go through
the create path the importer uses. The batch is named "进度收集：单位 / 第 N 轮" in the
change history, and the round's status counts the file as returned.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from tracker.collection.columns import FIGURES, STAGE_KEYS
from tracker.collection.plan import CollectPlan, ProjectPlan, plan_return
from tracker.collection.state import VISIT_PREFIX
from tracker.errors import Cancelled, TrackerError
from tracker.ledger import name_lists
from tracker.ledger.audit import now_iso
from tracker.ledger.batches import insert_batch, record_event
from tracker.ledger.portfolio import Portfolio
from tracker.storage import backup
from tracker.work import CancelFn, ProgressFn, never_cancelled, no_progress

log = logging.getLogger(__name__)

BATCH_KIND = "collect"


def batch_name(plan: CollectPlan) -> str:
    assert plan.round is not None
    return f"{plan.target or plan.path.name} / {plan.round.label}"


def apply_plan(
    portfolio: Portfolio,
    plan: CollectPlan,
    *,
    progress: ProgressFn = no_progress,
    cancelled: CancelFn = never_cancelled,
    make_backup: bool = True,
) -> int:
    """Write the accepted projects of ``plan``; returns the batch id."""
    if plan.blocked or plan.round is None:
        raise TrackerError(
            plan.blocked or f"文件“{plan.path.name}”无法确定轮次，没有读入任何内容。"
        )
    rnd = plan.round
    if make_backup and portfolio.path.exists():
        backup.backup_file(portfolio.path, "collect")
    with portfolio.transaction():
        # Under the write lock the file is compared with the ledger again: a file written
        # meanwhile (another clerk, the same file twice) leaves nothing to write twice.
        plan = _recheck(portfolio, plan)
        live = [p for p in plan.projects if p.accepted]
        counts = plan.summary()
        batch_id = insert_batch(
            portfolio,
            BATCH_KIND,
            batch_name(plan),
            sha256=plan.sha256,
            format=plan.format,
            counts=counts,
            as_of=rnd.as_of,
            sheets=[plan.sheet],
        )
        with portfolio.transaction(batch_id):
            record_event(
                portfolio,
                "create",
                {"file": plan.path.name, "round": rnd.id, "target": plan.target, "counts": counts},
            )
            creates = [p for p in live if p.is_new]
            ids = portfolio.add_projects(
                [p.new_data or {} for p in creates], batch_id=batch_id, blank_investor_ok=True
            )
            for pp, pid in zip(creates, ids, strict=True):
                pp.project_id = pid
            for i, pp in enumerate(live):
                if i % 50 == 0:
                    if cancelled():
                        raise Cancelled()
                    progress(i, len(live), f"写入第 {i + 1}/{len(live)} 个项目")
                _write_project(portfolio, pp, rnd.as_of, plan.target)
            name_lists.remember(portfolio, [p.new_data or {} for p in creates])
            portfolio.db.execute(
                "INSERT INTO collection_returns (round_id, target, batch_id, file_name, at, counts)"
                " VALUES (?,?,?,?,?,?)",
                [
                    rnd.id,
                    plan.target or "",
                    batch_id,
                    plan.path.name,
                    now_iso(),
                    json.dumps(counts, ensure_ascii=False),
                ],
            )
    log.info("collection batch %s from %s: %s", batch_id, plan.path.name, counts)
    return batch_id


def _recheck(portfolio: Portfolio, plan: CollectPlan) -> CollectPlan:
    """The plan made again from the same file, the clerk's ticks carried over by row."""
    fresh = plan_return(portfolio, plan.path, plan.round)
    if fresh.sha256 != plan.sha256:
        raise TrackerError(
            f"文件“{plan.path.name}”在读入后被修改过，没有写入任何内容。请重新读入再写入。"
        )
    ticks = {(p.row, p.project_id): p.accepted for p in plan.projects}
    for p in fresh.projects:
        p.accepted = ticks.get((p.row, p.project_id), p.accepted)
    return fresh


def _write_project(portfolio: Portfolio, pp: ProjectPlan, as_of: str, target: str | None) -> None:
    pid = pp.project_id
    assert pid is not None
    figures: dict[str, Any] = {}
    for change in pp.changes:
        if change.key in STAGE_KEYS and not pp.is_new:
            portfolio.set_stage_date(pid, STAGE_KEYS[change.key].value, actual=change.new)
        elif change.key in dict(FIGURES):
            figures[change.key] = change.new
    note = pp.value("note")
    if figures:
        portfolio.add_progress(pid, as_of, note=note, **figures)
    elif note:
        portfolio.add_visit(pid, as_of, target, f"{VISIT_PREFIX}{note}")
    if problem := pp.value("problem"):
        portfolio.add_problem(pid, as_of, problem, owner_unit=target)
