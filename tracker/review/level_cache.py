"""The worst warning light of each project, kept in the database between openings.

Reviewing every project of a 50,000-project ledger takes seconds; the window only needs
each project's worst light (its row tint), and almost none of them change between two
openings. So the lights are stored (``review_levels``, migration 0007) with the day they
were computed for and the thresholds and program version (``review_level_state``), each
with the day it may next change by itself (``until``, from ``light_span``), and every
write to a project or its children leaves a mark (``review_dirty``, written by triggers, so
no writer can forget). Opening an unchanged ledger reads the stored lights; after an edit
only the marked projects are reviewed again; on a later day, also those whose ``until``
has come; a changed threshold, a new version of the program or an earlier day than the
stored one reviews everything.

A stale tint is a wrong answer, so the rules are strict: the marks and the lights are
read in one snapshot; the new lights are stored only if nobody stored others meanwhile
(``stamp``), and only the marks that snapshot saw are cleared — a write that lands while
the review runs leaves its mark for the next one. A read-only ledger is reviewed the same
way in memory, without storing anything.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlite_utils import Database

from tracker import __version__
from tracker.errors import Cancelled, TrackerError
from tracker.ledger.loader import load_projects
from tracker.ledger.settings import OPTIONS
from tracker.review.light_span import holds_until, turning_offsets
from tracker.review.rules import evaluate, worst_by_project
from tracker.work import CancelFn

log = logging.getLogger(__name__)

# Bump when a rule changes what it fires for (the program version is in the key as well).
RULES_FORMAT = 2
THRESHOLDS = tuple(o.key for o in OPTIONS if o.kind == "int")
# What a rule adds to a project's date: days (``light_span``), or months; the others
# (``funds_*_pct``) are percentages, never added to a date.
DAY_THRESHOLDS = tuple(k for k in THRESHOLDS if k.endswith("_days"))
MONTH_THRESHOLDS = ("funds_min_months",)
CHUNK = 1000  # projects loaded and reviewed at a time
Light = tuple[str | None, date | None]  # worst level ("red" / "yellow" / None), until


def cache_key(settings: dict[str, Any]) -> str:
    """What the stored lights depend on besides the data and the day: thresholds, program."""
    return json.dumps(
        {
            "rules": RULES_FORMAT,
            "version": __version__,
            "thresholds": {k: settings.get(k) for k in THRESHOLDS},
        },
        sort_keys=True,
    )


@dataclass
class Snapshot:
    """What one consistent read of the cache found."""

    fresh: bool  # the stored lights are for these thresholds, up to this day
    stamp: str | None  # who stored them last
    last_mark: int  # the newest mark seen
    due: list[int]  # projects to review again (all of them when not fresh)
    levels: dict[int, str]  # the stored lights of the others


def review_lights(
    db: Database,
    settings: dict[str, Any],
    as_of: date,
    ids: list[int] | None = None,
    cancelled: CancelFn | None = None,
) -> dict[int, Light]:
    """{project id: (worst level, until)} of ``ids`` (every project when None), computed a
    chunk of projects at a time: a whole 50,000-project ledger loaded at once would hold
    ~260 MB of ``Project``s only to keep two words of each."""
    if ids is None:
        ids = [r[0] for r in db.execute("SELECT id FROM projects ORDER BY id")]
    offsets = turning_offsets(settings, DAY_THRESHOLDS)
    months = tuple(int(settings[k]) for k in MONTH_THRESHOLDS)
    lights: dict[int, Light] = {}
    for start in range(0, len(ids), CHUNK):
        if cancelled and cancelled():
            raise Cancelled()
        projects = load_projects(db, ids=ids[start : start + CHUNK])
        worst = worst_by_project(evaluate(projects, settings, as_of))
        for p in projects:
            lights[p.id] = (worst.get(p.id), holds_until(p, as_of, offsets, months))
    return lights


def review_levels(
    db: Database,
    settings: dict[str, Any],
    as_of: date,
    ids: list[int] | None = None,
    cancelled: CancelFn | None = None,
) -> dict[int, str]:
    """{project id: "red" | "yellow"} of the lit projects among ``ids`` (all when None)."""
    lights = review_lights(db, settings, as_of, ids, cancelled)
    return {pid: level for pid, (level, _until) in lights.items() if level}


@contextmanager
def _snapshot(db: Database) -> Iterator[None]:
    """One read transaction: the marks, the lights and the projects agree."""
    conn = db.conn
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        if conn.in_transaction:
            conn.rollback()  # read only: nothing to keep


def _state(db: Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM review_level_state WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def _read(db: Database, key: str, as_of: date) -> Snapshot:
    stored_day = _state(db, "as_of")
    fresh = _state(db, "key") == key and stored_day is not None and stored_day <= str(as_of)
    stamp = _state(db, "stamp")
    last = db.execute("SELECT COALESCE(MAX(seq), 0) FROM review_dirty").fetchone()[0]
    if not fresh:
        return Snapshot(False, stamp, last, [], {})
    due = {r[0] for r in db.execute("SELECT project_id FROM review_dirty")}
    due.update(  # their light may have changed by itself since
        r[0]
        for r in db.execute("SELECT project_id FROM review_levels WHERE until <= ?", [str(as_of)])
    )
    due.update(  # never stored (cannot happen through the triggers; cheap to be sure)
        r[0]
        for r in db.execute(
            "SELECT id FROM projects WHERE id NOT IN (SELECT project_id FROM review_levels)"
        )
    )
    levels = {
        pid: level
        for pid, level in db.execute(
            "SELECT project_id, level FROM review_levels WHERE level IS NOT NULL"
        )
        if pid not in due
    }
    return Snapshot(True, stamp, last, sorted(due), levels)


def cached_worst_levels(
    portfolio: Any, as_of: date, cancelled: CancelFn | None = None
) -> dict[int, str]:
    """The worst light of each project: the stored ones, with the projects written since
    or whose light may have turned since (or all, when the thresholds or program changed)
    reviewed again and stored."""
    db: Database = portfolio.db
    settings = portfolio.settings()
    if not db["review_levels"].exists():  # a read-only file from before migration 0007
        return review_levels(db, settings, as_of, None, cancelled)
    key = cache_key(settings)
    with _snapshot(db):
        seen = _read(db, key, as_of)
        lights = review_lights(db, settings, as_of, seen.due if seen.fresh else None, cancelled)
    levels = seen.levels | {pid: level for pid, (level, _until) in lights.items() if level}
    if not portfolio.read_only and (
        not seen.fresh or seen.due or _state(db, "as_of") != str(as_of)
    ):
        try:
            _store(portfolio, key, as_of, seen, lights)
        except TrackerError as exc:  # busy or full disk: the lights are right, just not kept
            log.info("warning lights not stored: %s", exc.message)
    return levels


def _store(portfolio: Any, key: str, as_of: date, seen: Snapshot, lights: dict[int, Light]) -> None:
    db: Database = portfolio.db
    with portfolio.transaction():
        if _state(db, "stamp") != seen.stamp:
            return  # another window stored newer lights meanwhile: keep theirs
        if seen.fresh:
            db.conn.executemany(
                "DELETE FROM review_levels WHERE project_id = ?", [(i,) for i in seen.due]
            )
        else:
            db.execute("DELETE FROM review_levels")
        db.conn.executemany(
            "INSERT OR REPLACE INTO review_levels (project_id, level, until) VALUES (?, ?, ?)",
            [(pid, level, str(until) if until else None) for pid, (level, until) in lights.items()],
        )
        db.execute("DELETE FROM review_dirty WHERE seq <= ?", [seen.last_mark])
        stamp = str(int(seen.stamp or 0) + 1)
        db.conn.executemany(
            "INSERT OR REPLACE INTO review_level_state (key, value) VALUES (?, ?)",
            [("key", key), ("as_of", str(as_of)), ("stamp", stamp)],
        )
