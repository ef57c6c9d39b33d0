"""Every rate on a hand-computed portfolio (see build_hand_portfolio), plus the published examples."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.helpers.review import HAND_AS_OF
from tracker.ledger.loader import load_projects
from tracker.review import percent, run_review, worst_levels
from tracker.review.rates import shares


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (907, 1093, "82.98"),  # 开工率 example in domain.md
        (Decimal("2794.49"), Decimal("6129.09"), "45.59"),  # 资金到位率 example
        (401, 1093, "36.69"),  # 投产率 example
        # 履约 example 291/292 is published as 99.65% (truncated); half-up rounding gives 99.66
        (291, 292, "99.66"),
        (0, 5, "0.00"),
        (5, 5, "100.00"),
    ],
)
def test_percent_examples(part, whole, expected) -> None:
    assert percent(part, whole) == Decimal(expected)


def test_percent_of_nothing_is_none() -> None:
    assert percent(0, 0) is None


def test_overall_rates(hand_portfolio) -> None:
    review = run_review(hand_portfolio, HAND_AS_OF)
    r = review.rates
    # P7 is signed after the as-of date: not counted. P4 is terminated but stays counted.
    assert (r.signed, r.performing, r.registered, r.started, r.producing, r.terminated) == (
        6,
        4,
        5,
        3,
        1,
        1,
    )
    assert r.performing_pct == Decimal("66.67")
    assert r.registered_pct == Decimal("83.33")
    assert r.started_pct == Decimal("50.00")
    assert r.producing_pct == Decimal("16.67")
    # funds: 600 + 1000 + 0 + 100 + 200 (300 is reported after the as-of date) + 0 = 1900
    assert (r.funds_arrived_wan, r.signed_amount_wan) == (Decimal(1900), Decimal(10000))
    assert r.funds_pct == Decimal("19.00")
    # days to start: 50 (P1) + 90 (P2) + 92 (P5) = 232 / 3
    assert r.mean_days_to_start == Decimal("77.3")
    assert r.to_json() == {
        "signed": 6,
        "performing_pct": 66.67,
        "registered_pct": 83.33,
        "started_pct": 50.0,
        "funds_pct": 19.0,
        "producing_pct": 16.67,
        "mean_days_to_start": 77.3,
    }


def test_rates_by_unit_industry_and_year(hand_portfolio) -> None:
    review = run_review(hand_portfolio, HAND_AS_OF)
    by_unit = dict(review.by_group["unit"])
    a, b = by_unit["甲单位"], by_unit["乙单位"]
    assert (a.signed, a.performing, a.started, a.producing) == (3, 2, 2, 1)
    assert (a.performing_pct, a.started_pct, a.producing_pct) == (
        Decimal("66.67"),
        Decimal("66.67"),
        Decimal("33.33"),
    )
    assert a.funds_pct == Decimal("45.71")  # 1600 / 3500
    assert (b.signed, b.performing, b.registered, b.started, b.producing) == (3, 2, 3, 1, 0)
    assert (b.registered_pct, b.producing_pct, b.funds_pct) == (
        Decimal("100.00"),
        Decimal("0.00"),
        Decimal("4.62"),
    )  # 300 / 6500
    industries = dict(review.by_group["industry"])
    assert industries["电子信息"].signed == 2 and industries["装备制造"].performing == 0
    assert [name for name, _ in review.by_group["year"]] == ["2025年"]
    assert review.funnel == [("签约", 6), ("落地", 5), ("开工", 3), ("投产", 1)]


def test_project_types_and_industry_shares(hand_portfolio) -> None:
    review = run_review(hand_portfolio, HAND_AS_OF)
    types = {s.name: s for s in review.project_types}
    assert (types["新引进"].count, types["新引进"].amount_wan, types["新引进"].amount_pct) == (
        3,
        Decimal(3500),
        Decimal("35.00"),
    )
    assert (types["增资扩股"].count_pct, types["增资扩股"].amount_pct) == (
        Decimal("50.00"),
        Decimal("65.00"),
    )
    assert [s.name for s in review.industries] == ["电子信息", "新能源", "装备制造"]
    assert review.industries[0].amount_pct == Decimal("50.00")  # 5000 / 10000
    projects = load_projects(hand_portfolio.db)
    top1 = shares(projects, "industry", top=1)
    assert [s.name for s in top1] == ["电子信息", "其他"]
    assert top1[1].count == 5 - 0 and sum(s.count for s in top1) == 7


def test_year_filter_and_terminated_list(hand_portfolio) -> None:
    review = run_review(hand_portfolio, "2026-03-31", year=2026)
    assert review.rates.signed == 1
    whole = run_review(hand_portfolio, HAND_AS_OF)
    assert [p.fields["name"] for p in whole.terminated] == ["项目P4"]
    assert all(w.project != "项目P4" for w in whole.warnings)


def test_loader_matches_get_project(hand_portfolio) -> None:
    for project in load_projects(hand_portfolio.db):
        single = hand_portfolio.get_project(project.id)
        assert project == single


def test_worst_levels_for_the_ledger_tint(hand_portfolio) -> None:
    ids = {p.fields["name"]: p.id for p in load_projects(hand_portfolio.db)}
    worst = worst_levels(hand_portfolio, HAND_AS_OF)
    assert set(worst.values()) <= {"red", "yellow"}
    assert worst[ids["项目P3"]] == "red"  # not registered 305 days after signing
    assert ids["项目P4"] not in worst  # terminated: no light
    assert ids["项目P7"] not in worst  # signed after the as-of date
    assert worst == {
        w.project_id: w.level
        for w in sorted(
            run_review(hand_portfolio, HAND_AS_OF).warnings, key=lambda w: w.level == "red"
        )
    }


def test_worst_levels_stops_when_cancelled(hand_portfolio) -> None:
    from tracker.errors import Cancelled

    with pytest.raises(Cancelled):
        worst_levels(hand_portfolio, HAND_AS_OF, cancelled=lambda: True)
    assert worst_levels(hand_portfolio, HAND_AS_OF, cancelled=lambda: False) == worst_levels(
        hand_portfolio, HAND_AS_OF
    )


def test_month_only_start_counts_as_started_but_not_in_mean_days(portfolio) -> None:
    base = {"investor": "某公司", "signed_amount_wan": 100}
    portfolio.add_project(
        base | {"name": "确切", "sign_date": "2025-01-01", "stage_dates": {"started": "2025-01-31"}}
    )
    portfolio.add_project(
        base
        | {"name": "只知月份", "sign_date": "2025-03-10", "stage_dates": {"started": "2025-03"}}
    )
    portfolio.add_project(
        base
        | {"name": "旧台账签约月", "sign_date": "2024-06", "stage_dates": {"started": "2024-09-15"}}
    )
    rates = run_review(portfolio, "2025-12-31").rates
    assert rates.started_pct == Decimal("100.00")
    assert rates.mean_days_to_start == Decimal("30.0")
