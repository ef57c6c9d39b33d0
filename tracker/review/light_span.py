"""Until when a project's warning light holds, if nobody writes to the project.

Every rule (``rules``, with ``facts``) reads the as-of day only by comparing it with a date of
the project moved by a fixed number of days: a date itself (``on_or_before``: a stage
reached, a visit made, a termination dated), the day after it (``late >= 1``), a threshold
after it (``days >= registration_red_days``), or two thresholds after it (no planned start:
``start_default_days`` + ``start_red_extra_days``) — or ``funds_min_months`` months after
it. So between two such "turning days" nothing a rule compares can flip, and the light is
the same on every day before the next one. ``holds_until`` returns that next turning day;
the stored lights (``level_cache``) are reviewed again only from then on. Conservative on
purpose: every threshold and every sum of two count as offsets, for every date of the
project (an extra turning day only costs one more review, a missing one a stale light —
a test checks it against the rules day by day).
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta
from itertools import combinations_with_replacement
from typing import Any

from tracker.domain.project import Project
from tracker.review.facts import add_months, to_date


def turning_offsets(settings: dict[str, Any], thresholds: tuple[str, ...]) -> list[int]:
    """Every number of days a rule may add to a project's date, sorted: 0, 1, each
    threshold and each sum of two."""
    values = {int(settings[k]) for k in thresholds if settings.get(k) is not None}
    offsets = {0, 1} | values | {a + b for a, b in combinations_with_replacement(values, 2)}
    return sorted(o for o in offsets if o >= 0)


def project_dates(project: Project) -> set[date]:
    """Every date of the project a rule may compare the as-of day with."""
    texts: list[str | None] = [project.sign_date, project.status_date]
    for stage in project.stage_dates.values():
        texts += [stage.planned, stage.actual]
    texts += [p.as_of for p in project.progress]
    texts += [v.date for v in project.visits]
    for problem in project.problems:
        texts += [problem.raised_date, problem.deadline, problem.resolved_date]
    return {day for day in map(to_date, texts) if day is not None}


def holds_until(
    project: Project, as_of: date, offsets: list[int], months: tuple[int, ...]
) -> date | None:
    """The first day after ``as_of`` on which the project's light may change (None: never,
    unless the project is written to)."""
    first: date | None = None
    for day in project_dates(project):
        gap = (as_of - day).days  # offsets up to gap are already behind us
        at = bisect_right(offsets, gap)
        if at < len(offsets):
            turn = day + timedelta(days=offsets[at])
            if first is None or turn < first:
                first = turn
        for m in months:
            turn = add_months(day, m)
            if turn > as_of and (first is None or turn < first):
                first = turn
    return first
