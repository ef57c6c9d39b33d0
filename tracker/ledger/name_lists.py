"""The 名录: the settings' lists of units, leaders, towns/parks and industries.

They feed the editor's drop-downs and the filters, so a name met in an import or typed in
the editor joins its list (``remember``) instead of being retyped, and spellings of one
name can be found (``proposals``, from ``domain.name_variants``) and merged (``merge``):
every project moves to the kept spelling, the dropped one leaves the list, audited, as
one batch that ``undo-import`` takes back like an import.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tracker.domain.name_variants import Variant, near_duplicates
from tracker.errors import TrackerError
from tracker.ledger.batches import insert_batch, record_event, set_counts
from tracker.ledger.portfolio import Portfolio
from tracker.ledger.settings import OPTION_BY_KEY

log = logging.getLogger(__name__)

# list key -> the project field whose values it names
LISTS: dict[str, str] = {
    "units": "unit",
    "leaders": "leader",
    "towns": "location",
    "industries": "industry",
}


@dataclass(frozen=True)
class Proposal:
    """Two entries of a list to merge, the suggested one to keep first, with why."""

    list_key: str
    keep: str
    drop: str
    why: str
    keep_count: int
    drop_count: int

    def to_json(self) -> dict[str, Any]:
        return {
            "list": self.list_key,
            "keep": self.keep,
            "drop": self.drop,
            "why": self.why,
            "projects": {self.keep: self.keep_count, self.drop: self.drop_count},
        }


def names_in(rows: Iterable[dict[str, Any]]) -> dict[str, list[str]]:
    """The list entries project data names: per list, distinct non-blank values in order."""
    found: dict[str, dict[str, None]] = {key: {} for key in LISTS}
    for data in rows:
        for key, column in LISTS.items():
            value = data.get(column)
            if isinstance(value, str) and value.strip():
                found[key][value.strip()] = None
    return {key: list(values) for key, values in found.items() if values}


def remember(portfolio: Portfolio, rows: Iterable[dict[str, Any]]) -> dict[str, list[str]]:
    """Add the names these project rows use to their lists (audited, in the caller's
    transaction and batch); returns what was added."""
    current = portfolio.settings()
    added: dict[str, list[str]] = {}
    for key, names in names_in(rows).items():
        new = [n for n in names if n not in current[key]]
        if new:
            added[key] = new
    if added:
        portfolio.update_settings({key: current[key] + new for key, new in added.items()})
        log.info("names added to the lists: %s", {k: len(v) for k, v in added.items()})
    return added


def usage(portfolio: Portfolio) -> dict[str, dict[str, int]]:
    """Per list: entry -> how many projects use it (names in use but not listed too)."""
    out: dict[str, dict[str, int]] = {}
    for key, column in LISTS.items():
        out[key] = {
            name: count
            for name, count in portfolio.db.execute(
                f"SELECT {column}, COUNT(*) FROM projects WHERE {column} IS NOT NULL"
                f" AND {column} != '' GROUP BY {column}"
            )
        }
    return out


def entries(portfolio: Portfolio) -> dict[str, list[str]]:
    """Per list: its entries, then names in use that it does not hold yet."""
    settings, used = portfolio.settings(), usage(portfolio)
    return {key: list(settings[key]) + sorted(set(used[key]) - set(settings[key])) for key in LISTS}


def proposals(portfolio: Portfolio) -> list[Proposal]:
    """Pairs of entries that are probably one name, the more used one suggested to keep."""
    county = str(portfolio.settings().get("county_name") or "")
    used = usage(portfolio)
    out: list[Proposal] = []
    for key, names in entries(portfolio).items():
        for variant in near_duplicates(names, key, county):
            out.append(_proposal(key, variant, used[key]))
    return out


def _proposal(key: str, variant: Variant, used: dict[str, int]) -> Proposal:
    a, b = variant.first, variant.second
    rank = {n: (used.get(n, 0), len(n)) for n in (a, b)}
    keep, drop = (a, b) if rank[a] >= rank[b] else (b, a)
    return Proposal(key, keep, drop, variant.why, used.get(keep, 0), used.get(drop, 0))


def merge(portfolio: Portfolio, list_key: str, drop: str, keep: str) -> dict[str, Any]:
    """Move every project naming ``drop`` to ``keep`` and drop it from the list: one
    audited batch (undoable). Returns the batch id and how many projects moved."""
    if list_key not in LISTS:
        raise TrackerError(f"没有名为“{list_key}”的名录；可选：{'、'.join(LISTS)}。")
    drop, keep = drop.strip(), keep.strip()
    label = OPTION_BY_KEY[list_key].label
    if not drop or not keep or drop == keep:
        raise TrackerError(f"请在“{label}”中选两个不同的条目：一个保留，一个并入。")
    column = LISTS[list_key]
    known = entries(portfolio)[list_key]
    missing = [n for n in (drop, keep) if n not in known]
    if missing:
        raise TrackerError(f"“{label}”名录中没有“{'、'.join(missing)}”。")
    with portfolio.transaction():
        batch_id = insert_batch(portfolio, "merge", f"{label} {drop} → {keep}")
        with portfolio.transaction(batch_id):
            record_event(portfolio, "create", {"list": list_key, "drop": drop, "keep": keep})
            ids = [
                r[0]
                for r in portfolio.db.execute(
                    f"SELECT id FROM projects WHERE {column} = ? ORDER BY id", [drop]
                )
            ]
            for pid in ids:
                portfolio.edit_project(pid, {column: keep})
            current = portfolio.settings()[list_key]
            merged = [keep if n == drop else n for n in current]
            if keep not in merged:
                merged.append(keep)
            portfolio.update_settings({list_key: list(dict.fromkeys(merged))})
            set_counts(portfolio, batch_id, {"update": len(ids)})
    log.info(
        "merged %s %r into %r: %d projects (batch %s)", list_key, drop, keep, len(ids), batch_id
    )
    return {"batch_id": batch_id, "moved": len(ids), "list": list_key, "drop": drop, "keep": keep}
