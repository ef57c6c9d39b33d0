"""What the ledger holds for the projects of a round: identity, stage dates, latest figures.

Loaded in bulk (a county of 1,000 projects is a handful of queries), shared by the
workbook written out (the figure shown beside each input) and the plan read back (old).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from tracker.domain.money import yuan_to_wan
from tracker.domain.vocabulary import Stage
from tracker.ledger.portfolio import Portfolio
from tracker.ledger.rows import PROGRESS_MONEY

_CHUNK = 500
VISIT_PREFIX = "进度报送："  # a 进展情况 without figures is kept as a visit with this prefix


@dataclass
class Stored:
    id: int
    name: str
    investor: str
    sign_date: str
    signed_amount_wan: Decimal | None
    unit: str | None
    location: str | None
    stage: Stage
    actual: dict[str, str | None] = field(default_factory=dict)  # stage value -> date
    latest: dict[str, tuple[str, Decimal]] = field(default_factory=dict)  # key -> (as_of, 万元)
    open_problems: set[str] = field(default_factory=set)
    notes: set[str] = field(default_factory=set)  # progress notes and visits, folded

    def latest_as_of(self) -> str | None:
        dates = [d for d, _ in self.latest.values()]
        return max(dates) if dates else None


def load_stored(portfolio: Portfolio, ids: list[int]) -> dict[int, Stored]:
    out: dict[int, Stored] = {}
    for row in portfolio.rows_for_ids(ids):
        out[row["id"]] = Stored(
            row["id"],
            row["name"],
            row.get("investor") or "",
            row["sign_date"],
            row.get("signed_amount_wan"),
            row.get("unit"),
            row.get("location"),
            Stage(row["stage"]),
        )
    cols = ", ".join(PROGRESS_MONEY.values())
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        for pid, stage, actual in portfolio.db.execute(
            f"SELECT project_id, stage, actual FROM stage_dates WHERE project_id IN ({marks})",
            chunk,
        ):
            if pid in out:
                out[pid].actual[stage] = actual
        for pid, as_of, note, *values in portfolio.db.execute(
            f"SELECT project_id, as_of, note, {cols} FROM progress"
            f" WHERE project_id IN ({marks}) ORDER BY as_of, id",
            chunk,
        ):
            stored = out.get(pid)
            if stored is None:
                continue
            if note:
                stored.notes.add(_fold(note))
            for key, value in zip(PROGRESS_MONEY, values, strict=True):
                if value is not None:
                    wan = yuan_to_wan(value)
                    assert wan is not None
                    stored.latest[key] = (as_of, wan)
        for pid, content in portfolio.db.execute(
            f"SELECT project_id, content FROM visits WHERE project_id IN ({marks})", chunk
        ):
            if pid in out and content:
                out[pid].notes.add(_fold(content.removeprefix(VISIT_PREFIX)))
        for pid, description in portfolio.db.execute(
            f"SELECT project_id, description FROM problems WHERE project_id IN ({marks})"
            " AND status != '已解决'",
            chunk,
        ):
            if pid in out:
                out[pid].open_problems.add(_fold(description))
    return out


def _fold(text: Any) -> str:
    return "".join(str(text or "").split())


def same_note(stored: Stored, text: str) -> bool:
    return _fold(text) in stored.notes


def same_problem(stored: Stored, text: str) -> bool:
    return _fold(text) in stored.open_problems
