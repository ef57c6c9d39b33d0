"""甄别: a 增资扩股 of a deal already signed is not a second deal; only its increment is money."""

from __future__ import annotations

from decimal import Decimal

from tests.helpers.review import AS_OF, make_project
from tracker.domain.project import Project
from tracker.domain.vocabulary import Stage
from tracker.ledger.settings import defaults
from tracker.review import Review, review_projects
from tracker.review.definitions import RATE_DEFINITIONS


def _review(*projects: Project) -> Review:
    return review_projects(list(projects), defaults(), AS_OF)


FIRST = make_project(1, signed_days_ago=400, amount="20000", name="瑞丰轴承项目",
                     investor="江苏瑞丰轴承有限公司", actual={Stage.REGISTERED: "2024-09-01"})  # fmt: skip


def test_an_expansion_of_an_earlier_deal_adds_its_amount_not_a_deal() -> None:
    more = make_project(2, signed_days_ago=30, amount="5000", name="瑞丰轴承扩产项目",
                        investor="瑞丰轴承股份有限公司", project_type="增资扩股")  # fmt: skip
    rates = _review(FIRST, more).rates
    assert rates.signed == 1 and rates.signed_amount_wan == Decimal(25000)
    assert rates.performing == 1  # the deal's own stage, not halved by its expansion


def test_a_resigned_total_counts_only_the_difference() -> None:
    again = make_project(2, signed_days_ago=30, amount="32000", name="瑞丰轴承项目",
                         investor="江苏瑞丰轴承有限公司", project_type="增资扩股")  # fmt: skip
    rates = _review(FIRST, again).rates
    assert rates.signed == 1 and rates.signed_amount_wan == Decimal(32000)


def test_an_expansion_without_an_earlier_deal_is_a_deal() -> None:
    alone = make_project(2, amount="5000", investor="另一家公司", project_type="增资扩股")
    rates = _review(FIRST, alone).rates
    assert rates.signed == 2 and rates.signed_amount_wan == Decimal(25000)


def test_the_definitions_state_the_rules() -> None:
    text = RATE_DEFINITIONS["signed"]
    assert "增资扩股" in text and "增量" in text and "只存一次" in text


def test_a_year_review_sees_the_earlier_years_deal(portfolio) -> None:  # type: ignore[no-untyped-def]
    """``review --year 2024``: the 2023 deal is not reviewed, yet its 2024 增资扩股 counts
    only its increment, as it does in a review of every year."""
    from tracker.review import run_review

    base = dict(investor="江苏瑞丰轴承有限公司", agreement_type="正式合同")
    portfolio.add_project(
        base | dict(name="瑞丰轴承项目", sign_date="2023-05-01", signed_amount_wan="20000")
    )
    portfolio.add_project(
        base | dict(name="瑞丰轴承项目", sign_date="2024-03-01", signed_amount_wan="32000",
                    project_type="增资扩股", investor="瑞丰轴承股份有限公司")
    )  # fmt: skip
    portfolio.add_project(
        dict(name="光伏组件项目", investor="另一家公司", sign_date="2024-04-01",
             signed_amount_wan="3000", project_type="增资扩股")
    )  # fmt: skip
    year = run_review(portfolio, "2024-12-31", 2024).rates
    assert year.signed == 1 and year.signed_amount_wan == Decimal(12000 + 3000)
    every = run_review(portfolio, "2024-12-31").rates
    assert every.signed == 2 and every.signed_amount_wan == Decimal(32000 + 3000)
