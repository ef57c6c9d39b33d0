"""Every warning rule at its boundaries: the day before, on and after each threshold."""

from __future__ import annotations

from typing import Any

import pytest

from tests.helpers.review import AS_OF, ago, make_project
from tracker.domain.project import Problem
from tracker.domain.vocabulary import Stage, Status
from tracker.review import project_warnings


def lights(project, settings, rule: str) -> list[str]:
    return [w.level for w in project_warnings(project, settings, AS_OF) if w.rule == rule]


# (rule, project kwargs, expected levels) — defaults: 90/180, 180+90, 12 months 30%/10%, …
CASES: list[tuple[str, str, dict[str, Any], list[str]]] = [
    # 逾期未落地: signed ≥ 90 days → yellow, ≥ 180 → red; registered → none
    ("reg 89", "overdue_registration", {"signed_days_ago": 89}, []),
    ("reg 90", "overdue_registration", {"signed_days_ago": 90}, ["yellow"]),
    ("reg 91", "overdue_registration", {"signed_days_ago": 91}, ["yellow"]),
    ("reg 179", "overdue_registration", {"signed_days_ago": 179}, ["yellow"]),
    ("reg 180", "overdue_registration", {"signed_days_ago": 180}, ["red"]),
    ("reg 181", "overdue_registration", {"signed_days_ago": 181}, ["red"]),
    (
        "reg done",
        "overdue_registration",
        {"signed_days_ago": 400, "actual": {Stage.REGISTERED: ago(300)}},
        [],
    ),
    (
        "reg after as-of",
        "overdue_registration",
        {"signed_days_ago": 100, "actual": {Stage.REGISTERED: ago(-5)}},
        ["yellow"],
    ),
    (
        "reg via later stage",
        "overdue_registration",
        {"signed_days_ago": 400, "actual": {Stage.STARTED: ago(10)}},
        [],
    ),
    # 逾期未开工 with a planned date: the day after it → yellow; 90 days after → red
    (
        "start plan day",
        "overdue_start",
        {"signed_days_ago": 30, "planned": {Stage.STARTED: ago(0)}},
        [],
    ),
    (
        "start plan +1",
        "overdue_start",
        {"signed_days_ago": 30, "planned": {Stage.STARTED: ago(1)}},
        ["yellow"],
    ),
    (
        "start plan +89",
        "overdue_start",
        {"signed_days_ago": 300, "planned": {Stage.STARTED: ago(89)}},
        ["yellow"],
    ),
    (
        "start plan +90",
        "overdue_start",
        {"signed_days_ago": 300, "planned": {Stage.STARTED: ago(90)}},
        ["red"],
    ),
    (
        "start plan future",
        "overdue_start",
        {"signed_days_ago": 300, "planned": {Stage.STARTED: ago(-1)}},
        [],
    ),
    # without a planned date: signed ≥ 180 days → yellow; ≥ 270 → red
    ("start 179", "overdue_start", {"signed_days_ago": 179}, []),
    ("start 180", "overdue_start", {"signed_days_ago": 180}, ["yellow"]),
    ("start 269", "overdue_start", {"signed_days_ago": 269}, ["yellow"]),
    ("start 270", "overdue_start", {"signed_days_ago": 270}, ["red"]),
    ("started", "overdue_start", {"signed_days_ago": 400, "actual": {Stage.STARTED: ago(1)}}, []),
    (
        "producing",
        "overdue_start",
        {"signed_days_ago": 400, "actual": {Stage.PRODUCING: ago(1)}},
        [],
    ),
    # month-only planned start "2025-03" reads as 2025-03-01 (warn early): 121 days late
    (
        "start month-only",
        "overdue_start",
        {"signed_days_ago": 200, "planned": {Stage.STARTED: "2025-03"}},
        ["red"],
    ),
    (
        "start month-only this month",
        "overdue_start",
        {"signed_days_ago": 40, "planned": {Stage.STARTED: "2025-06"}},
        ["yellow"],
    ),
    # 资金到位滞后: signed ≥ 12 months (2024-06-30 for as-of 2025-06-30); < 30% yellow, < 10% red
    ("funds 11 months", "funds_lagging", {"sign_date": "2024-07-01"}, []),
    ("funds 12 months 0%", "funds_lagging", {"sign_date": "2024-06-30"}, ["red"]),
    (
        "funds 9.99%",
        "funds_lagging",
        {"sign_date": "2024-01-01", "funds": [("2025-01-01", "99.9")]},
        ["red"],
    ),
    (
        "funds 10%",
        "funds_lagging",
        {"sign_date": "2024-01-01", "funds": [("2025-01-01", "100")]},
        ["yellow"],
    ),
    (
        "funds 29.99%",
        "funds_lagging",
        {"sign_date": "2024-01-01", "funds": [("2025-01-01", "299.9")]},
        ["yellow"],
    ),
    (
        "funds 30%",
        "funds_lagging",
        {"sign_date": "2024-01-01", "funds": [("2025-01-01", "300")]},
        [],
    ),
    (
        "funds latest counts",
        "funds_lagging",
        {"sign_date": "2024-01-01", "funds": [("2024-06-01", "50"), ("2025-01-01", "400")]},
        [],
    ),
    (
        "funds after as-of ignored",
        "funds_lagging",
        {"sign_date": "2024-01-01", "funds": [("2024-06-01", "50"), ("2025-07-01", "400")]},
        ["red"],
    ),
    ("funds month-only sign", "funds_lagging", {"sign_date": "2024-06"}, ["red"]),
    ("funds month-only sign 11m", "funds_lagging", {"sign_date": "2024-07"}, []),
    # 逾期未投产: planned production passed → yellow; 182 days past → red
    ("prod no plan", "overdue_production", {"signed_days_ago": 900}, []),
    ("prod plan day", "overdue_production", {"planned": {Stage.PRODUCING: ago(0)}}, []),
    ("prod plan +1", "overdue_production", {"planned": {Stage.PRODUCING: ago(1)}}, ["yellow"]),
    ("prod plan +181", "overdue_production", {"planned": {Stage.PRODUCING: ago(181)}}, ["yellow"]),
    ("prod plan +182", "overdue_production", {"planned": {Stage.PRODUCING: ago(182)}}, ["red"]),
    (
        "prod done",
        "overdue_production",
        {"planned": {Stage.PRODUCING: ago(200)}, "actual": {Stage.PRODUCING: ago(100)}},
        [],
    ),
    # 长期无进展: idle ≥ 60 yellow, ≥ 90 red, ≥ 180 red + removal
    ("idle 59", "no_progress", {"signed_days_ago": 59, "visits": []}, []),
    ("idle 60", "no_progress", {"signed_days_ago": 60, "visits": []}, ["yellow"]),
    ("idle 89", "no_progress", {"signed_days_ago": 400, "visits": [ago(89)]}, ["yellow"]),
    ("idle 90", "no_progress", {"signed_days_ago": 400, "visits": [ago(90)]}, ["red"]),
    (
        "idle stage resets",
        "no_progress",
        {"signed_days_ago": 400, "visits": [ago(300)], "actual": {Stage.REGISTERED: ago(59)}},
        [],
    ),
    (
        "idle progress resets",
        "no_progress",
        {"signed_days_ago": 400, "visits": [], "funds": [(ago(10), "5")]},
        [],
    ),
    (
        "idle month-only visit",
        "no_progress",
        {"signed_days_ago": 400, "visits": ["2025-05"]},
        ["yellow"],
    ),
    (
        "idle target reached",
        "no_progress",
        {"signed_days_ago": 900, "visits": [], "actual": {Stage.TARGET: ago(400)}},
        [],
    ),
    # 服务缺位: active project, no visit in ≥ 60 days → yellow
    ("visit 59", "no_visit", {"signed_days_ago": 400, "visits": [ago(59)]}, []),
    ("visit 60", "no_visit", {"signed_days_ago": 400, "visits": [ago(60)]}, ["yellow"]),
    ("never visited 59", "no_visit", {"signed_days_ago": 59, "visits": []}, []),
    ("never visited 60", "no_visit", {"signed_days_ago": 60, "visits": []}, ["yellow"]),
    (
        "visit paused",
        "no_visit",
        {"signed_days_ago": 400, "visits": [], "status": Status.PAUSED, "status_date": ago(100)},
        [],
    ),
    (
        "visit paused later",
        "no_visit",
        {"signed_days_ago": 400, "visits": [], "status": Status.PAUSED, "status_date": ago(-3)},
        ["yellow"],
    ),
    # 意向未转化: 框架/意向协议 ≥ 180 days, not registered → yellow
    (
        "intent 179",
        "intent_not_converted",
        {"signed_days_ago": 179, "agreement_type": "意向协议"},
        [],
    ),
    (
        "intent 180",
        "intent_not_converted",
        {"signed_days_ago": 180, "agreement_type": "意向协议"},
        ["yellow"],
    ),
    (
        "framework 181",
        "intent_not_converted",
        {"signed_days_ago": 181, "agreement_type": "框架协议"},
        ["yellow"],
    ),
    (
        "formal contract",
        "intent_not_converted",
        {"signed_days_ago": 400, "agreement_type": "正式合同"},
        [],
    ),
    (
        "intent registered",
        "intent_not_converted",
        {
            "signed_days_ago": 400,
            "agreement_type": "意向协议",
            "actual": {Stage.REGISTERED: ago(1)},
        },
        [],
    ),
]


@pytest.mark.parametrize(
    ("rule", "kwargs", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_rule_boundaries(settings, rule: str, kwargs: dict[str, Any], expected: list[str]) -> None:
    assert lights(make_project(**kwargs), settings, rule) == expected


def _problem(deadline: str | None, status: str = "待办", resolved: str | None = None) -> Problem:
    return Problem(
        7,
        ago(100),
        "用地指标未落实",
        "用地",
        "自然资源局",
        deadline,
        status,
        "已协调" if resolved else None,
        resolved,
    )


@pytest.mark.parametrize(
    ("problem", "expected"),
    [
        (_problem(ago(0)), []),
        (_problem(ago(1)), ["yellow"]),
        (_problem(ago(29)), ["yellow"]),
        (_problem(ago(30)), ["red"]),
        (_problem(None), []),
        (_problem(ago(40), "已解决", ago(5)), []),
        (_problem(ago(40), "已解决", ago(-5)), ["red"]),  # resolved after the as-of date
        (_problem("2025-05"), ["red"]),  # month-only deadline → 2025-05-01, 60 days late
    ],
    ids=["deadline day", "+1", "+29", "+30", "no deadline", "resolved", "resolved later", "month"],
)
def test_problem_overdue(settings, problem: Problem, expected: list[str]) -> None:
    project = make_project(problems=[problem])
    assert lights(project, settings, "problem_overdue") == expected


def test_terminated_projects_get_no_warnings(settings) -> None:
    p = make_project(
        signed_days_ago=900,
        visits=[],
        status=Status.TERMINATED,
        status_date=ago(10),
        status_reason="投资方资金链断裂",
    )
    assert project_warnings(p, settings, AS_OF) == []
    # terminated only after the as-of date: still warned as of then
    p.status_date = ago(-10)
    assert project_warnings(p, settings, AS_OF)


def test_signed_after_as_of_is_not_reviewed(settings) -> None:
    assert project_warnings(make_project(signed_days_ago=-1, visits=[]), settings, AS_OF) == []


def test_thresholds_come_from_settings(settings) -> None:
    settings |= {"registration_yellow_days": 30, "registration_red_days": 60}
    assert lights(make_project(signed_days_ago=30), settings, "overdue_registration") == ["yellow"]
    assert lights(make_project(signed_days_ago=60), settings, "overdue_registration") == ["red"]


def test_messages_carry_the_facts(settings) -> None:
    warnings = project_warnings(
        make_project(signed_days_ago=272, unit="商务局", leader="王五"), settings, AS_OF
    )
    reg = next(w for w in warnings if w.rule == "overdue_registration")
    assert reg.message == "签约已 272 天仍未注册（黄灯 90 天，红灯 180 天）"
    assert (reg.unit, reg.leader, reg.project, reg.level) == ("商务局", "王五", "项目1", "red")
    idle = next(
        w
        for w in project_warnings(make_project(signed_days_ago=200, visits=[]), settings, AS_OF)
        if w.rule == "no_progress"
    )
    assert "建议清理/解约" in idle.message and idle.level == "red"
    funds = next(
        w
        for w in project_warnings(
            make_project(sign_date="2024-01-01", amount="5000", funds=[("2025-01-01", "120")]),
            settings,
            AS_OF,
        )
        if w.rule == "funds_lagging"
    )
    assert "120.00 万元" in funds.message and "5,000.00 万元" in funds.message
    assert "2.40%" in funds.message and funds.level == "red"
