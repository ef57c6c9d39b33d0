"""``light_span.holds_until``: on every day before the turning day it names, a project's
light is the one it had — checked against the rules day by day, on generated ledgers and
on the hand-made edge cases, with the default thresholds and with others."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.review import build_hand_portfolio, make_project
from tracker.domain.project import Problem, Project
from tracker.domain.vocabulary import Status
from tracker.ledger.demo import fill_demo
from tracker.ledger.loader import load_projects
from tracker.ledger.portfolio import Portfolio
from tracker.review.facts import add_months
from tracker.review.level_cache import DAY_THRESHOLDS, MONTH_THRESHOLDS
from tracker.review.light_span import holds_until, turning_offsets
from tracker.review.rules import project_warnings, worst_by_project

TODAY = date(2026, 3, 15)
OTHER = {  # thresholds unlike the defaults, so no offset is right by chance
    "registration_yellow_days": 45,
    "registration_red_days": 100,
    "start_default_days": 120,
    "start_red_extra_days": 33,
    "funds_min_months": 7,
    "production_red_extra_days": 61,
    "no_progress_yellow_days": 21,
    "no_progress_red_days": 50,
    "no_visit_days": 17,
    "problem_red_extra_days": 12,
    "intent_days": 95,
}


@pytest.fixture(scope="module")
def ledgers(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Project], dict[str, Any]]:
    folder: Path = tmp_path_factory.mktemp("span")
    demo = Portfolio.open(folder / "demo.db", auto_backup=False)
    fill_demo(demo, projects=90, seed=5, today=TODAY)
    hand = Portfolio.open(folder / "hand.db", auto_backup=False)
    build_hand_portfolio(hand)
    # Quiet projects (no visit, no figure, no planned start): their turning days are few, so
    # a missing offset (say no planned start: default + extra days) shows.
    quiet = [
        make_project(9000 + days, sign_date=str(TODAY - timedelta(days=days)), visits=[], **kind)
        for days in (130, 200, 250, 330)
        for kind in ({}, {"agreement_type": "框架协议"})
    ]
    quiet += [  # just before funds_min_months months since signing (12 and 7)
        make_project(9500, sign_date=str(add_months(TODAY + timedelta(days=3), -months)), visits=[])
        for months in (12, 7)
    ]
    soon = [str(TODAY + timedelta(days=d)) for d in (0, 5, 20, 53, 8)]
    quiet += [  # problems: one raised after its deadline, one resolved later; a termination or
        # pause ahead
        make_project(
            9600,
            signed_days_ago=0,
            sign_date=str(TODAY - timedelta(days=20)),
            problems=[
                Problem(1, soon[4], "用地指标", deadline=soon[1]),
                Problem(
                    2, soon[0], "用能", deadline=soon[1], status="已解决", resolved_date=soon[3]
                ),
            ],
            visits=[soon[0]],
        ),
        make_project(9601, sign_date="2024-01-05", status=Status.TERMINATED, status_date=soon[2]),
        make_project(9602, sign_date="2024-01-05", status=Status.PAUSED, status_date=soon[2]),
    ]
    for n, p in enumerate(quiet):
        p.id += 10 * n
    projects = load_projects(demo.db) + load_projects(hand.db) + quiet
    settings = demo.settings()
    demo.close()
    hand.close()
    return projects, settings


def lights(project: Project, settings: dict[str, Any], day: date) -> frozenset[tuple]:
    """Which rules fire at which level (and for which problem, with a removal proposed or
    not): stricter than the worst light the window keeps — each must hold as well."""
    return frozenset(
        (w.rule, w.level, w.extra.get("problem_id"), w.extra.get("propose_removal"))
        for w in project_warnings(project, settings, day)
    )


def light(project: Project, settings: dict[str, Any], day: date) -> str | None:
    return worst_by_project(project_warnings(project, settings, day)).get(project.id)


@pytest.mark.parametrize("thresholds", ["default", "other"])
def test_a_light_holds_until_its_turning_day(ledgers, thresholds) -> None:
    projects, settings = ledgers
    if thresholds == "other":
        settings = settings | OTHER
    offsets = turning_offsets(settings, DAY_THRESHOLDS)
    months = tuple(int(settings[k]) for k in MONTH_THRESHOLDS)
    turned = 0
    for first in (TODAY - timedelta(days=1200), TODAY - timedelta(days=300), TODAY):
        for n, p in enumerate(projects):
            dense = n % 3 == 0 or p.id >= 9000
            start = first
            for _step in range(40 if p.id >= 9000 else 6):  # from one turning day to the next
                here = lights(p, settings, start)
                until = holds_until(p, start, offsets, months)
                span = (until - start).days if until else 500
                assert span >= 1
                # every day for a third of the projects, the edges and middle for the rest
                days = range(1, span) if dense else {1, span // 2, span - 1}
                for d in days:
                    if 0 < d < span:
                        day = start + timedelta(days=d)
                        assert lights(p, settings, day) == here, (p.id, start, day, until)
                if until is None:
                    break
                if light(p, settings, until) != light(p, settings, start):
                    turned += 1
                start = until
    assert turned > 0  # the turning days are real turns, not only a safe horizon


def test_every_threshold_is_a_number_of_days_months_or_a_percentage() -> None:
    """A new threshold of another kind needs its own place in ``light_span``."""
    from tracker.review.level_cache import THRESHOLDS

    others = set(THRESHOLDS) - set(DAY_THRESHOLDS) - set(MONTH_THRESHOLDS)
    assert others and all(k.endswith("_pct") for k in others)
