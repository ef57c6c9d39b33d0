"""Builders for review tests: in-memory projects shaped as the bulk loader returns them."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from tracker.domain.project import Problem, ProgressSnapshot, Project, StageDate, Visit
from tracker.domain.vocabulary import Stage, Status
from tracker.ledger.portfolio import Portfolio

AS_OF = date(2025, 6, 30)


def ago(days: int, base: date = AS_OF) -> str:
    return (base - timedelta(days=days)).isoformat()


def make_project(
    pid: int = 1,
    *,
    signed_days_ago: int = 10,
    sign_date: str | None = None,
    amount: str = "1000",
    actual: dict[Stage, str] | None = None,
    planned: dict[Stage, str] | None = None,
    funds: list[tuple[str, str]] | None = None,
    visits: list[str] | None = None,
    problems: list[Problem] | None = None,
    status: Status = Status.ACTIVE,
    status_date: str | None = None,
    status_reason: str | None = None,
    **fields: Any,
) -> Project:
    """A project as the loader returns it; visits default to yesterday so no_visit stays quiet."""
    base = {
        "name": f"项目{pid}",
        "investor": f"企业{pid}",
        "sign_date": sign_date or ago(signed_days_ago),
        "signed_amount_wan": Decimal(amount),
        "unit": "经开区管委会",
        "leader": "张三",
        "industry": "装备制造",
        "agreement_type": "正式合同",
        "project_type": "新引进",
    } | fields
    stage_dates: dict[Stage, StageDate] = {}
    for stage, day in (planned or {}).items():
        stage_dates.setdefault(stage, StageDate(stage)).planned = day
    for stage, day in (actual or {}).items():
        stage_dates.setdefault(stage, StageDate(stage)).actual = day
    return Project(
        id=pid,
        fields=base,
        status=status,
        status_date=status_date,
        status_reason=status_reason,
        stage_dates=stage_dates,
        progress=[ProgressSnapshot(i, d, Decimal(a)) for i, (d, a) in enumerate(funds or [])],
        visits=[
            Visit(i, d, "李四", "走访")
            for i, d in enumerate(visits if visits is not None else [ago(1)])
        ],
        problems=problems or [],
    )


HAND_AS_OF = "2025-12-31"


def build_hand_portfolio(p: Portfolio) -> dict[str, int]:
    """Seven projects whose rates are computed by hand in test_rates.py (as of 2025-12-31)."""
    ids: dict[str, int] = {}

    def add(
        key: str,
        sign: str,
        amount: str,
        unit: str,
        ptype: str,
        industry: str,
        actual: dict[str, str],
        **extra: Any,
    ) -> int:
        data = {
            "name": f"项目{key}",
            "investor": f"{key}公司",
            "sign_date": sign,
            "signed_amount_wan": amount,
            "unit": unit,
            "leader": "王建国",
            "project_type": ptype,
            "industry": industry,
            "agreement_type": "正式合同",
            "stage_dates": actual,
        } | extra
        ids[key] = p.add_project(data)
        return ids[key]

    add(
        "P1",
        "2025-01-10",
        "1000",
        "甲单位",
        "新引进",
        "新能源",
        {"registered": "2025-02-01", "started": "2025-03-01"},
    )
    p.add_progress(ids["P1"], "2025-06-30", funds_arrived_wan="600")
    add(
        "P2",
        "2025-02-01",
        "2000",
        "甲单位",
        "新引进",
        "新能源",
        {"registered": "2025-03-01", "started": "2025-05-02", "producing": "2025-10-01"},
    )
    p.add_progress(ids["P2"], "2025-11-30", funds_arrived_wan="1000", invested_wan="900")
    add("P3", "2025-03-01", "500", "甲单位", "新引进", "装备制造", {}, planned_start="2025-06-01")
    p.add_problem(
        ids["P3"],
        "2025-05-01",
        "项目用地指标尚未落实",
        category="用地",
        owner_unit="自然资源局",
        deadline="2025-06-30",
    )
    add("P4", "2025-04-01", "1500", "乙单位", "增资扩股", "装备制造", {"registered": "2025-05-01"})
    p.add_progress(ids["P4"], "2025-08-01", funds_arrived_wan="100")
    p.terminate(ids["P4"], "2025-09-01", "投资方资金链断裂")
    add(
        "P5",
        "2025-05-01",
        "1000",
        "乙单位",
        "增资扩股",
        "电子信息",
        {"registered": "2025-06-01", "started": "2025-08-01"},
    )
    p.add_progress(ids["P5"], "2025-07-01", funds_arrived_wan="200")
    p.add_progress(ids["P5"], "2026-01-15", funds_arrived_wan="300")  # after the as-of date
    add(
        "P6",
        "2025-06-01",
        "4000",
        "乙单位",
        "增资扩股",
        "电子信息",
        {"registered": "2025-07-01", "started": "2026-02-01"},
    )  # started after the as-of date
    add("P7", "2026-01-05", "800", "乙单位", "新引进", "新能源", {})  # signed after it
    for key in ("P1", "P2", "P5", "P6"):
        p.add_visit(ids[key], "2025-12-20", "招商一股", "走访企业")
    return ids


def watch_reviews(monkeypatch: Any) -> list[Any]:
    """Which projects each review of warning lights reviewed (None: all of them)."""
    from tracker.review import level_cache

    calls: list[Any] = []
    real = level_cache.review_lights

    def spy(db, settings, as_of, ids=None, cancelled=None):  # noqa: ANN001, ANN202
        calls.append(None if ids is None else sorted(ids))
        return real(db, settings, as_of, ids, cancelled)

    monkeypatch.setattr(level_cache, "review_lights", spy)
    return calls
