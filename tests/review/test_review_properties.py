"""Invariants of the review on random portfolios (hypothesis, kept small for suite speed)."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.review import AS_OF, make_project
from tracker.domain.vocabulary import DATED_STAGES, Status
from tracker.ledger.settings import defaults
from tracker.review import review_projects

day = st.integers(min_value=-30, max_value=1500).map(
    lambda n: (AS_OF - timedelta(days=n)).isoformat()
)
month = st.integers(min_value=0, max_value=48).map(
    lambda n: (
        f"{(AS_OF.year * 12 + AS_OF.month - 1 - n) // 12}-{(AS_OF.month - 1 - n) % 12 + 1:02d}"
    )
)
any_day = st.one_of(day, month)


@st.composite
def project(draw, pid: int):
    actual = draw(st.dictionaries(st.sampled_from(DATED_STAGES), any_day, max_size=4))
    planned = draw(st.dictionaries(st.sampled_from(DATED_STAGES), any_day, max_size=3))
    status = draw(st.sampled_from(list(Status)))
    return make_project(
        pid,
        sign_date=draw(any_day),
        amount=str(draw(st.integers(1, 100_000))),
        actual=actual,
        planned=planned,
        funds=draw(st.lists(st.tuples(any_day, st.integers(0, 200_000).map(str)), max_size=3)),
        visits=draw(st.lists(any_day, max_size=3)),
        status=status,
        status_date=draw(any_day) if status is not Status.ACTIVE else None,
        status_reason="原因" if status is Status.TERMINATED else None,
        agreement_type=draw(st.sampled_from(["正式合同", "框架协议", "意向协议"])),
        unit=draw(st.sampled_from(["甲", "乙", None])),
    )


portfolios = st.integers(0, 8).flatmap(lambda n: st.tuples(*(project(i + 1) for i in range(n))))


@settings(max_examples=30, deadline=None)
@given(portfolios)
def test_review_invariants(projects) -> None:
    review = review_projects(list(projects), defaults(), AS_OF)
    r = review.rates
    assert r.signed == len(review.projects) <= len(projects)
    assert r.producing <= r.started <= r.registered <= r.signed
    assert r.performing <= r.registered and r.performing + r.terminated >= r.registered
    for pct in (r.performing_pct, r.registered_pct, r.started_pct, r.producing_pct):
        assert pct is None or 0 <= pct <= 100
    # groups partition the projects: their counts add up to the whole
    for rows in review.by_group.values():
        assert sum(g.signed for _, g in rows) == r.signed
        assert sum(g.performing for _, g in rows) == r.performing
    terminated = {p.id for p in review.terminated}
    assert not terminated & {w.project_id for w in review.warnings}
    assert all(w.level in ("red", "yellow") and w.message for w in review.warnings)
    levels = [w.level for w in review.warnings]
    assert levels == sorted(levels, key=["red", "yellow"].index)
    assert review.funnel[0][1] == r.signed
