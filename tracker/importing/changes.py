"""What a row would change on a project already in the ledger, field by field.

Only what the file states counts: a blank cell never erases a stored value, and an
approximate stage month never overwrites a stage the ledger already has, so importing an
older ledger over newer data does no harm and re-importing the same file changes nothing.

Each difference is a ``Change`` with its kind, which is what the duplicate policies decide
on (``decisions``):

- ``fill``: the ledger has nothing there (or less: a month-only date the file gives to
  the day, a blank investor) — taking the file's value loses nothing;
- ``add``: a progress figure dated when the ledger has no figure of that day — a new
  dated snapshot beside the stored ones, never replacing them;
- ``differs``: the ledger holds another value — taking the file's would overwrite it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from tracker.domain.dates import display_date
from tracker.domain.money import format_wan, wan_to_json
from tracker.domain.search_keys import normalise_name
from tracker.domain.vocabulary import FIELD_BY_KEY, Stage, Status

log = logging.getLogger(__name__)

PLANNED_ALIASES = {
    "planned_start": Stage.STARTED.value,
    "planned_production": Stage.PRODUCING.value,
}
FIGURES = {"funds_arrived_wan": "累计到位资金", "invested_wan": "累计完成投资"}
KINDS = ("fill", "add", "differs")
_SAME_WHEN_NORMALISED = {"name", "investor"}  # the match key: spacing is not a change


@dataclass
class Change:
    """One field of a stored project the file states differently."""

    field: str  # a ledger field, "started.actual" / "started.planned", "status", a figure
    label: str  # Chinese, as the clerk reads it
    old: Any  # the stored value (None: blank)
    new: Any  # the file's value
    kind: str  # fill | add | differs

    def to_json(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "label": self.label,
            "old": _json(self.old),
            "new": _json(self.new),
            "kind": self.kind,
        }

    def shown(self, which: str) -> str:
        """The old or new value as the ledger shows it (money 12,500.00, 2023-08（约）,
        状态 in words, blank as "（空）")."""
        value = self.old if which == "old" else self.new
        if value in (None, ""):
            return "（空）"
        if isinstance(value, Decimal):
            return format_wan(value)
        if self.field == "status":
            try:
                return Status(value).label
            except ValueError:
                return str(value)
        if self.field == "sign_date" or self.field.endswith((".actual", ".planned")):
            return display_date(str(value)) or ""
        return str(value)


def _json(value: Any) -> Any:
    return wan_to_json(value) if isinstance(value, Decimal) else value


def _refines(old: Any, new: Any) -> bool:
    """A date the ledger knows less precisely, given to the day: 2023 / 2023-06 (约) ->
    2023-06-20 adds what was missing and contradicts nothing."""
    return (
        isinstance(old, str)
        and isinstance(new, str)
        and len(old) < len(new)
        and new.startswith(old)
    )


def _kind(old: Any, new: Any, is_date: bool) -> str:
    if old in (None, "") or (is_date and _refines(old, new)):
        return "fill"
    return "differs"


def stage_label(stage: str, which: str) -> str:
    try:
        name = Stage(stage).label
    except ValueError:
        name = stage
    return f"{name}{'计划' if which == 'planned' else '实际'}日期"


def compute_diff(data: dict[str, Any], state: dict[str, Any]) -> list[Change]:
    """Every difference between a row (``data``, as ``Portfolio.add_project`` takes it,
    with ``progress_as_of`` decided) and the stored project (``state``, see
    ``plan._current_state``)."""
    out: list[Change] = []
    stored = state["fields"]
    for key, value in data.items():
        if key not in FIELD_BY_KEY or value in (None, "") or value == stored.get(key):
            continue
        old = stored.get(key)
        if key in _SAME_WHEN_NORMALISED and normalise_name(old) == normalise_name(value):
            continue
        kind = _kind(old, value, FIELD_BY_KEY[key].kind == "date")
        out.append(Change(key, FIELD_BY_KEY[key].label, old, value, kind))
    out += _stage_changes(data, state)
    status = data.get("status")
    if status and Status(status) is not state["status"]:
        out.append(Change("status", "状态", state["status"].value, status, "differs"))
    out += _figure_changes(data, state)
    return out


def _stage_changes(data: dict[str, Any], state: dict[str, Any]) -> list[Change]:
    out: list[Change] = []
    current_rank = state["stage"].rank
    for stage, date in (data.get("stage_dates") or {}).items():
        stored = state["actual"].get(stage)
        if stored == date:
            continue
        approximate_guess = len(date) == 7 and Stage(stage).rank <= current_rank
        if stored and approximate_guess:
            continue
        if not stored and approximate_guess and date == data.get("sign_date", "")[:7]:
            continue  # the ledger already shows this stage reached (or further)
        kind = _kind(stored, date, True)
        out.append(Change(f"{stage}.actual", stage_label(stage, "actual"), stored, date, kind))
    planned = dict(data.get("planned_dates") or {})
    for key, stage in PLANNED_ALIASES.items():
        if data.get(key):
            planned.setdefault(stage, data[key])
    for stage, date in planned.items():
        stored = state["planned"].get(stage)
        if stored != date:
            kind = _kind(stored, date, True)
            out.append(
                Change(f"{stage}.planned", stage_label(stage, "planned"), stored, date, kind)
            )
    return out


def figure_on(snapshots: list[tuple[str, int, Any, Any]], key: str, day: str) -> tuple[Any, bool]:
    """(the stored figure as of ``day`` — the latest snapshot on or before it —, whether a
    snapshot of exactly that day holds it)."""
    index = 2 if key == "funds_arrived_wan" else 3
    best: tuple[str, int] | None = None
    value: Any = None
    for snap in snapshots:
        amount = snap[index]
        if amount is None or snap[0] > day:
            continue
        if best is None or (snap[0], snap[1]) > best:
            best, value = (snap[0], snap[1]), amount
    return value, best is not None and best[0] == day


def _figure_changes(data: dict[str, Any], state: dict[str, Any]) -> list[Change]:
    """Figures are dated: one the ledger does not have as of the file's day is added as a
    snapshot of that day (older figures do not displace newer ones: the ledger's latest
    stays the latest); one the ledger has for that very day, differently, differs."""
    day = data.get("progress_as_of")
    out: list[Change] = []
    for key, label in FIGURES.items():
        new = data.get(key)
        if new is None or not day:
            continue
        old, same_day = figure_on(state.get("progress", []), key, day)
        if old == new:
            continue
        shown = f"{label}（截至 {day}）"
        out.append(Change(key, shown, old, new, "differs" if same_day else "add"))
    return out
