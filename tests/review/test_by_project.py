"""Projects are counted once at their worst light; warnings are counted apart; the
per-project list reads in meeting order; each warning names the threshold that fired."""

from __future__ import annotations

from tests.helpers.review import AS_OF, ago, make_project
from tracker.domain.dates import display_date, is_approximate, written_date_parts
from tracker.domain.project import Problem
from tracker.domain.vocabulary import Stage, Status
from tracker.review import count_warnings, group_by_project, review_projects
from tracker.review.by_project import counts_by_rule


def _portfolio() -> list:
    """P1: three warnings (two red, one yellow); P2: one yellow; P3 quiet; P4 terminated."""
    three = make_project(
        1,
        signed_days_ago=400,  # not registered: 逾期未落地 red; no start: 逾期未开工 red
        visits=[ago(70)],  # 服务缺位 yellow (60 days); progress keeps 无进展 quiet
        funds=[(ago(5), "900")],  # 90% arrived: no funds warning
        unit="乙单位",
    )
    one = make_project(2, signed_days_ago=95, unit="甲单位")  # 逾期未落地 yellow only
    quiet = make_project(3, signed_days_ago=10)
    gone = make_project(
        4,
        signed_days_ago=500,
        status=Status.TERMINATED,
        status_date=ago(100),
        status_reason="投资方撤资",
    )
    return [three, one, quiet, gone]


def test_three_warnings_are_one_red_project(settings) -> None:
    review = review_projects(_portfolio(), settings, AS_OF)
    rules = sorted((w.project_id, w.rule, w.level) for w in review.warnings)
    assert rules == [
        (1, "no_visit", "yellow"),
        (1, "overdue_registration", "red"),
        (1, "overdue_start", "red"),
        (2, "overdue_registration", "yellow"),
    ]
    counts = review.counts()
    assert (counts.red_projects, counts.yellow_projects, counts.warnings) == (1, 1, 4)
    assert (counts.red_warnings, counts.yellow_warnings, counts.projects) == (2, 2, 2)
    assert review.to_json()["counts"] == {"red_projects": 1, "yellow_projects": 1, "warnings": 4}
    assert counts.text() == "红灯项目 1 个，黄灯项目 1 个；预警 4 条（红灯 2 条，黄灯 2 条）"
    assert count_warnings([]).to_json() == {"red_projects": 0, "yellow_projects": 0, "warnings": 0}


def test_per_project_rows_worst_first_then_unit(settings) -> None:
    projects = _portfolio() + [
        make_project(5, signed_days_ago=300, unit="甲单位", actual={Stage.REGISTERED: ago(250)}),
        make_project(6, signed_days_ago=100, unit=None),  # unfilled unit: last among yellows
    ]
    review = review_projects(projects, settings, AS_OF)
    rows = review.by_project
    assert [(r.project_id, r.level) for r in rows] == [
        (5, "red"),  # red, 甲单位 (sorted before 乙单位)
        (1, "red"),
        (2, "yellow"),
        (6, "yellow"),
    ]
    first = next(r for r in rows if r.project_id == 1)
    assert first.rules_text == "逾期未落地（红）；逾期未开工（红）；服务缺位（黄）"
    assert first.rules_lines == "逾期未落地（红）\n逾期未开工（红）\n服务缺位（黄）"
    assert first.facts_text.splitlines() == [
        "逾期未落地：签约 400 天未注册",
        "逾期未开工：签约 400 天未开工（无计划开工日期）",
        f"服务缺位：最近走访 {ago(70)}，已 70 天",
    ]
    assert group_by_project([]) == []


def test_counts_by_rule_dedupe_projects(settings) -> None:
    problems = [
        Problem(1, ago(100), "用地未落实", deadline=ago(40)),  # 40 days late: red
        Problem(2, ago(100), "用电", deadline=ago(5)),  # 5 days late: yellow
    ]
    p = make_project(1, signed_days_ago=20, problems=problems)
    review = review_projects([p], settings, AS_OF)
    [row] = [c for c in counts_by_rule(review.warnings) if c.rule == "problem_overdue"]
    assert (row.projects, row.red_projects, row.yellow_projects, row.warnings) == (1, 1, 0, 2)
    assert review.counts().to_json() == {"red_projects": 1, "yellow_projects": 0, "warnings": 2}


def test_each_warning_names_the_threshold_that_fired(settings) -> None:
    review = review_projects(_portfolio(), settings, AS_OF)
    by = {(w.project_id, w.rule): w for w in review.warnings}
    assert by[1, "overdue_registration"].threshold == "红灯：签约满 180 天未注册"
    assert by[2, "overdue_registration"].threshold == (
        "黄灯：签约满 90 天未注册（满 180 天转红灯）"
    )
    assert by[1, "no_visit"].threshold == "黄灯：正常推进项目连续 60 天无跟踪服务记录"
    # the message keeps the facts and both thresholds; ``facts`` is the short form
    assert (
        by[2, "overdue_registration"].message == "签约已 95 天仍未注册（黄灯 90 天，红灯 180 天）"
    )
    assert by[2, "overdue_registration"].facts == "签约 95 天未注册"
    for w in review.warnings:
        assert w.threshold.startswith(w.level_label + "：") and w.facts


def test_approximate_dates_are_marked_and_read_back() -> None:
    assert display_date("2023-08") == "2023-08（约）"
    assert display_date("2023-08-05") == "2023-08-05"
    assert display_date(None) is None
    assert is_approximate("2023-08") and not is_approximate("2023-08-05")
    # what is shown reads back as the date it marks (forms, a re-imported export)
    assert written_date_parts("2023-08（约）") == (2023, 8, None)
    assert written_date_parts("2023-08(约)") == (2023, 8, None)
    assert written_date_parts("2023-08-05（约）") == (2023, 8, 5)


def test_planned_month_only_date_is_marked_in_the_warning(settings) -> None:
    p = make_project(1, signed_days_ago=300, planned={Stage.STARTED: "2024-05"})
    [w] = [x for x in review_projects([p], settings, AS_OF).warnings if x.rule == "overdue_start"]
    assert w.message.startswith("计划开工日期 2024-05（约） 已过 ")
    assert w.facts.startswith("计划 2024-05（约） 开工，逾期 ")
