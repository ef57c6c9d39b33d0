"""Stored projects a row may name though typed otherwise (``deal_similarity``).

Every stored project is filed once under its block keys (name core, investor core, date
with amount, 项目代码), so a row is compared only with the few that share one: planning
20,000 rows against 20,000 projects stays a lookup per row, not a product.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tracker.domain.deal_similarity import (
    NameInfo,
    Verdict,
    block_keys,
    compare,
    name_info,
    plainly_different,
)
from tracker.domain.money import yuan_to_wan

_COLUMNS = (
    "id, name, investor, sign_date, signed_amount_yuan, location, code, credit_code, agreement_type"
)


@dataclass
class Candidate:
    project_id: int
    verdict: Verdict
    stored: dict[str, Any]


def deal_fields(row: Any) -> dict[str, Any]:
    """The fields the matcher compares, from a ``projects`` row (id first)."""
    pid, name, investor, sign_date, amount_yuan, location, code, credit_code, agreement = row
    return {
        "id": pid,
        "name": name,
        "investor": investor,
        "sign_date": sign_date,
        "signed_amount_wan": yuan_to_wan(amount_yuan),
        "location": location,
        "code": code,
        "credit_code": credit_code,
        "agreement_type": agreement,
    }


class DealIndex:
    """The stored deals filed by block key."""

    def __init__(self, db: Any | None = None) -> None:
        self.by_key: dict[str, list[dict[str, Any]]] = {}
        # id -> its name's NameInfo, worked out when first met as a candidate (a re-import
        # finds its rows by name and investor and never searches)
        self.names: dict[Any, NameInfo] = {}
        if db is not None:
            for row in db.execute(f"SELECT {_COLUMNS} FROM projects ORDER BY id"):
                self.add(deal_fields(row))

    def add(self, fields: dict[str, Any], keys: list[str] | None = None) -> None:
        """File ``fields`` under its block keys (``keys`` when the caller has them already:
        an import row's are worked out once for both lookups and filing)."""
        for key in block_keys(fields) if keys is None else keys:
            self.by_key.setdefault(key, []).append(fields)

    def candidates(self, data: dict[str, Any], exclude: int | None = None) -> list[dict[str, Any]]:
        seen: dict[int, dict[str, Any]] = {}
        for key in block_keys(data):
            for fields in self.by_key.get(key, ()):
                if fields["id"] != exclude:
                    seen.setdefault(fields["id"], fields)
        return list(seen.values())

    def best(
        self, data: dict[str, Any], exclude: int | None = None, keys: list[str] | None = None
    ) -> Candidate | None:
        """The most alike stored deal that is a ``match`` or ``review``, or None. The
        deals of the same name or investor are scored first; those of the same day and
        amount only when none of them is a sure match (both name and investor retyped):
        the keys come most telling first, and a sure match ends the search. ``keys`` are
        ``data``'s block keys when the caller has them already; an empty index (a first
        import) is not searched at all."""
        best: Candidate | None = None
        if not self.by_key:
            return best
        seen: set[int] = set()
        name, names = name_info(data.get("name")), self.names
        for key in block_keys(data) if keys is None else keys:
            if best is not None and best.verdict.kind == "match":
                break
            for fields in self.by_key.get(key, ()):
                pid = fields["id"]
                if pid == exclude or pid in seen:
                    continue
                seen.add(pid)
                # Most same-day-and-amount candidates are plainly other deals: passed
                # over without a full comparison, whose verdict would be ``different``.
                if (other := names.get(pid)) is None:
                    other = names[pid] = name_info(fields.get("name"))
                if plainly_different(data, fields, name, other):
                    continue
                verdict = compare(data, fields)
                if verdict.kind != "different" and (
                    best is None or verdict.score > best.verdict.score
                ):
                    best = Candidate(fields["id"], verdict, fields)
        return best
