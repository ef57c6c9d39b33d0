"""What a row would change on a project already in the ledger.

Only what the file states counts: a blank cell never erases a stored value, and an
approximate stage month never overwrites a stage the ledger already has, so importing an
older ledger over newer data does no harm and re-importing the same file changes nothing.
"""

from __future__ import annotations

from typing import Any

from tracker.domain.vocabulary import FIELD_BY_KEY, Stage, Status

PLANNED_ALIASES = {
    "planned_start": Stage.STARTED.value,
    "planned_production": Stage.PRODUCING.value,
}


def compute_changes(data: dict[str, Any], state: dict[str, Any]) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    fields = {
        k: v
        for k, v in data.items()
        if k in FIELD_BY_KEY and v not in (None, "") and v != state["fields"].get(k)
    }
    if fields:
        changes["fields"] = fields
    current_rank = state["stage"].rank
    actual = {}
    for stage, date in (data.get("stage_dates") or {}).items():
        stored = state["actual"].get(stage)
        if stored == date:
            continue
        approximate_guess = len(date) == 7 and Stage(stage).rank <= current_rank
        if stored and approximate_guess:
            continue
        if not stored and approximate_guess and date == data.get("sign_date", "")[:7]:
            continue  # the ledger already shows this stage reached (or further)
        actual[stage] = date
    if actual:
        changes["actual"] = actual
    planned = dict(data.get("planned_dates") or {})
    for key, stage in PLANNED_ALIASES.items():
        if data.get(key):
            planned.setdefault(stage, data[key])
    planned = {s: d for s, d in planned.items() if state["planned"].get(s) != d}
    if planned:
        changes["planned"] = planned
    status = data.get("status")
    if status and Status(status) is not state["status"]:
        changes["status"] = {
            "status": status,
            "status_date": data.get("status_date"),
            "status_reason": data.get("status_reason"),
        }
    figures = {
        k: data[k]
        for k in ("funds_arrived_wan", "invested_wan")
        if data.get(k) is not None and data[k] != state.get(k)
    }
    if figures:
        changes["progress"] = figures
    return changes
