"""The 一签了之 review: warning rules, rates and breakdowns as of a date.

``run_review`` is the one entry point the CLI, the reports and the UI share: it loads the
portfolio in bulk (``tracker.ledger.loader``), keeps the projects signed by the as-of date,
and computes everything else with pure functions (``rules``, ``rates``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from tracker.domain.dates import check_date, to_date
from tracker.domain.project import Project
from tracker.errors import TrackerError
from tracker.ledger.loader import earlier_deals_of, load_projects
from tracker.ledger.queries import ProjectFilter
from tracker.review import facts
from tracker.review.by_project import (
    ProjectWarnings,
    WarningCounts,
    count_warnings,
    group_by_project,
    warning_line,
)
from tracker.review.counting import counting, expansion_cores
from tracker.review.level_cache import cached_worst_levels, review_levels
from tracker.review.rates import (
    GROUPINGS,
    Rates,
    Share,
    compute_rates,
    funnel,
    grouped_rates,
    industry_shares,
    percent,
    project_facts,
    project_type_split,
)
from tracker.review.rules import (
    LEVEL_LABELS,
    RED,
    RULE_LABELS,
    YELLOW,
    ReviewWarning,
    evaluate,
    project_warnings,
    worst_by_project,
)
from tracker.work import CancelFn

__all__ = [
    "GROUPINGS",
    "LEVEL_LABELS",
    "ProjectWarnings",
    "RED",
    "RULE_LABELS",
    "YELLOW",
    "Rates",
    "Review",
    "Share",
    "ReviewWarning",
    "WarningCounts",
    "compute_rates",
    "count_warnings",
    "evaluate",
    "funnel",
    "group_by_project",
    "grouped_rates",
    "industry_shares",
    "parse_as_of",
    "percent",
    "project_type_split",
    "project_warnings",
    "review_projects",
    "run_review",
    "warning_line",
    "warnings_for_project",
    "worst_by_project",
    "worst_level_of",
    "worst_levels",
]


@dataclass
class Review:
    """Everything a review meeting looks at, computed once."""

    as_of: date
    year: int | None
    settings: dict[str, Any]
    projects: list[Project]
    warnings: list[ReviewWarning]
    rates: Rates
    by_group: dict[str, list[tuple[str, Rates]]] = field(default_factory=dict)
    funnel: list[tuple[str, int]] = field(default_factory=list)
    project_types: list[Share] = field(default_factory=list)
    industries: list[Share] = field(default_factory=list)

    @property
    def terminated(self) -> list[Project]:
        return [p for p in self.projects if facts.is_terminated(p, self.as_of)]

    def counts(self) -> WarningCounts:
        """Projects (each once, at its worst light) and warnings, counted apart."""
        return count_warnings(self.warnings)

    @cached_property
    def by_project(self) -> list[ProjectWarnings]:
        """The per-project 预警清单: worst level first, then by unit."""
        return group_by_project(self.warnings)

    def to_json(self) -> dict[str, Any]:
        """The ``review --json`` document."""
        return {
            "as_of": self.as_of.isoformat(),
            "rates": self.rates.to_json(),
            "counts": self.counts().to_json(),
            "by_unit": [{"unit": name} | r.to_json() for name, r in self.by_group["unit"]],
            "warnings": [
                {
                    "project": w.project,
                    "project_id": w.project_id,
                    "rule": w.rule,
                    "level": w.level,
                    "message": w.message,
                    "unit": w.unit,
                    "leader": w.leader,
                    "threshold": w.threshold,
                }
                for w in self.warnings
            ],
        }


def parse_as_of(value: str | date | None) -> date:
    """The as-of date from the user (default: today); a clear message when malformed."""
    if value is None or value == "":
        return date.today()
    if isinstance(value, date):
        return value
    try:
        text = check_date(str(value).strip(), allow_month=False)
    except ValueError as exc:
        raise TrackerError(f"统计截至日期“{value}”有误：{exc}（例如 2025-12-31）。") from exc
    day = to_date(text)
    assert day is not None
    return day


def review_projects(
    projects: list[Project],
    settings: dict[str, Any],
    as_of: date,
    year: int | None = None,
    earlier: list[Project] | None = None,
) -> Review:
    """The review of already-loaded projects (pure: no database). ``earlier``: deals signed
    before the reviewed year that its 增资扩股 projects may extend (counted once, 甄别)."""
    chosen = [
        p
        for p in projects
        if facts.is_signed_by(p, as_of) and (year is None or facts.sign_day(p).year == year)
    ]
    linked = counting(chosen, earlier or ())  # 增资扩股 of earlier deals: increment only
    known = {p.id: project_facts(p, as_of, linked.get(p.id)) for p in chosen}
    return Review(
        as_of=as_of,
        year=year,
        settings=settings,
        projects=chosen,
        warnings=evaluate(chosen, settings, as_of),
        rates=compute_rates(chosen, as_of, known),
        by_group={key: grouped_rates(chosen, key, as_of, known) for key in GROUPINGS},
        funnel=funnel(chosen, as_of),
        project_types=project_type_split(chosen),
        industries=industry_shares(chosen),
    )


def run_review(portfolio: Any, as_of: str | date | None = None, year: int | None = None) -> Review:
    """Load the portfolio (``tracker.ledger.portfolio.Portfolio``) and review it."""
    day = parse_as_of(as_of)
    projects = load_projects(portfolio.db, ProjectFilter(year=year) if year else None)
    earlier = (
        earlier_deals_of(portfolio.db, f"{year:04d}", expansion_cores(projects)) if year else None
    )
    return review_projects(projects, portfolio.settings(), day, year, earlier)


def worst_levels(
    portfolio: Any,
    as_of: str | date | None = None,
    cancelled: CancelFn | None = None,
) -> dict[int, str]:
    """{project id: "red" | "yellow"} — the worst light of each project, for the ledger tint.

    Kept in the database between openings (``level_cache``): only the projects written
    since are reviewed again. A full review takes seconds on a 50,000-project ledger, so it
    checks ``cancelled`` as it goes: the window cancels it on close instead of waiting.
    """
    return cached_worst_levels(portfolio, parse_as_of(as_of), cancelled)


def worst_level_of(portfolio: Any, project_id: int, as_of: str | date | None = None) -> str | None:
    """One project's worst light ("red" / "yellow" / None), reviewed now — the row of a
    project just saved, before the ledger's lights are refreshed."""
    return review_levels(portfolio.db, portfolio.settings(), parse_as_of(as_of), [project_id]).get(
        project_id
    )


def warnings_for_project(
    portfolio: Any, project_id: int, as_of: str | date | None = None
) -> list[ReviewWarning]:
    """One project's warnings, worst first (the editor's strip, a ledger row's tooltip).

    Loads just that project, so a caller can ask on demand instead of keeping every
    warning of a big ledger in memory.
    """
    day = parse_as_of(as_of)
    projects = load_projects(portfolio.db, ids=[project_id])
    if not projects:
        return []
    found = project_warnings(projects[0], portfolio.settings(), day)
    return sorted(found, key=ReviewWarning.sort_key)
