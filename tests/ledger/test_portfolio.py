import json

import pytest

from tests.helpers.projects import sample
from tracker.domain.vocabulary import Stage, Status
from tracker.errors import TrackerError, ValidationError
from tracker.ledger.queries import ProjectFilter


def test_current_stage_is_furthest_actual_date(portfolio):
    pid = portfolio.add_project(
        sample(stage_dates={"registered": "2024-04-01"}, planned_start="2024-09-01")
    )
    assert portfolio.get_project(pid).stage is Stage.REGISTERED
    portfolio.set_stage_date(pid, "started", actual="2024-10-01")
    portfolio.set_stage_date(pid, "land", actual="2024-05-01")
    project = portfolio.get_project(pid)
    assert project.stage is Stage.STARTED
    assert project.stage_dates[Stage.STARTED].planned == "2024-09-01"
    [row] = portfolio.list_rows()
    assert row["stage"] == "started"
    portfolio.set_stage_date(pid, "started", actual=None)
    assert portfolio.list_rows()[0]["stage"] == "land"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("name", ""),
        ("investor", "  "),
        ("sign_date", None),
        ("sign_date", "2024-13-01"),
        ("signed_amount_wan", "x"),
    ],
)
def test_required_fields_are_refused_with_the_field_named(portfolio, field, value):
    with pytest.raises(ValidationError) as exc:
        portfolio.add_project(sample(**{field: value}))
    assert exc.value.field == field
    assert portfolio.project_count() == 0
    assert portfolio.db.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == 0


def test_bad_stage_date_writes_nothing(portfolio):
    with pytest.raises(ValidationError):
        portfolio.add_project(sample(stage_dates={"started": "2024/99/99"}))
    assert portfolio.project_count() == 0


def test_month_only_dates_are_kept(portfolio):
    pid = portfolio.add_project(sample(sign_date="2023-05"))
    assert portfolio.get_project(pid).fields["sign_date"] == "2023-05"


def test_edit_returns_changed_fields_only(portfolio):
    pid = portfolio.add_project(sample())
    assert portfolio.edit_project(pid, {"name": "精益光源生产基地项目", "unit": "县商务局"}) == [
        "unit"
    ]
    assert portfolio.edit_project(pid, {"unit": "县商务局"}) == []


def test_terminate_requires_reason_and_reopen_clears(portfolio):
    pid = portfolio.add_project(sample())
    with pytest.raises(ValidationError):
        portfolio.terminate(pid, "2024-06-01", "")
    portfolio.terminate(pid, "2024-06-01", "投资方撤资")
    project = portfolio.get_project(pid)
    assert (project.status, project.status_reason) == (Status.TERMINATED, "投资方撤资")
    portfolio.reopen(pid)
    assert portfolio.get_project(pid).status is Status.ACTIVE


def test_problem_lifecycle(portfolio):
    pid = portfolio.add_project(sample())
    prid = portfolio.add_problem(
        pid,
        "2024-05-01",
        "用地指标未落实",
        category="用地",
        owner_unit="县自然资源局",
        deadline="2024-06-01",
    )
    portfolio.set_problem_status(prid, "办理中")
    with pytest.raises(ValidationError):
        portfolio.resolve_problem(prid, "")
    portfolio.resolve_problem(prid, "已调剂指标", "2024-06-10")
    [problem] = portfolio.get_project(pid).problems
    assert (problem.status, problem.resolution, problem.resolved_date) == (
        "已解决",
        "已调剂指标",
        "2024-06-10",
    )


def test_unknown_project_is_a_clear_error(portfolio):
    with pytest.raises(TrackerError, match="找不到编号为 99 的项目"):
        portfolio.edit_project(99, {"name": "x"})


def test_filters_and_sorting_in_sql(portfolio):
    a = portfolio.add_project(sample(name="甲项目", sign_date="2023-02-01", signed_amount_wan=300))
    b = portfolio.add_project(
        sample(
            name="乙项目",
            sign_date="2024-02-01",
            signed_amount_wan=100,
            unit="县商务局",
            stage_dates={"registered": "2024-03-01"},
        )
    )
    c = portfolio.add_project(sample(name="丙项目", sign_date="2024-06-01", signed_amount_wan=200))
    portfolio.terminate(c, "2024-08-01", "解约")
    assert portfolio.query_ids(order_by="signed_amount_wan", descending=True) == [a, c, b]
    assert portfolio.query_ids(order_by="sign_date") == [a, b, c]
    assert portfolio.query_ids(ProjectFilter(year=2024)) == [b, c]
    assert portfolio.query_ids(ProjectFilter(unit="县商务局")) == [b]
    assert portfolio.query_ids(ProjectFilter(stage="registered")) == [b]
    assert portfolio.query_ids(ProjectFilter(stage="signed")) == [a, c]
    assert portfolio.query_ids(ProjectFilter(status="terminated")) == [c]
    assert portfolio.query_ids(order_by="stage", descending=True)[0] == b
    with pytest.raises(TrackerError):
        portfolio.query_ids(order_by="name; DROP TABLE projects")


@pytest.mark.parametrize(
    ("query", "hit"),
    [
        ("精益", True),
        ("jygy", True),
        ("JYGY", True),
        ("jingyiguang", True),
        ("xfgj", True),
        ("wjg", True),
        ("zhejiang", True),
        ("康泰", False),
        ("%", False),
        ("_", False),
    ],
)
def test_search_matches_text_pinyin_and_initials(portfolio, query, hit):
    portfolio.add_project(sample())  # unit 县发改局 -> xfgj, leader 王建国 -> wjg
    assert bool(portfolio.query_ids(ProjectFilter(search=query))) is hit


def test_search_follows_edits(portfolio):
    pid = portfolio.add_project(sample())
    portfolio.edit_project(pid, {"name": "康泰冷链物流项目"})
    assert portfolio.query_ids(ProjectFilter(search="ktll")) == [pid]
    assert portfolio.query_ids(ProjectFilter(search="jygyscjd")) == []  # old name only


def test_delete_removes_children_and_keeps_snapshot(portfolio):
    pid = portfolio.add_project(sample(stage_dates={"registered": "2024-04-01"}))
    portfolio.add_visit(pid, "2024-05-01", "招商一股", "走访")
    portfolio.add_progress(pid, "2024-06-01", funds_arrived_wan="100")
    portfolio.delete_project(pid)
    for table in ("projects", "stage_dates", "visits", "progress"):
        assert portfolio.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0
    last = portfolio.audit_for(pid)[-1]
    assert last.action == "delete"
    assert json.loads(last.old)["name"] == "精益光源生产基地项目"


def test_settings_round_trip_and_validation(portfolio):
    assert portfolio.settings()["registration_yellow_days"] == 90
    portfolio.update_settings({"county_name": "青溪县", "units": "县发改局\n县商务局\n县发改局"})
    values = portfolio.settings()
    assert values["county_name"] == "青溪县"
    assert values["units"] == ["县发改局", "县商务局"]
    with pytest.raises(ValidationError):
        portfolio.update_settings({"registration_red_days": 30})  # red sooner than yellow
    with pytest.raises(ValidationError):
        portfolio.update_settings({"no_visit_days": "abc"})


def test_add_projects_checks_every_row_before_writing_any(portfolio):
    rows = [sample(name=f"项目{i}") for i in range(5)]
    rows[3]["sign_date"] = "2024-02-30"
    with pytest.raises(ValidationError) as exc:
        portfolio.add_projects(rows)
    assert exc.value.field == "sign_date"
    assert portfolio.project_count() == 0
    ids = portfolio.add_projects(rows[:3] + rows[4:], batch_id=None)
    assert [portfolio.get_project(i).fields["name"] for i in ids] == [
        "项目0",
        "项目1",
        "项目2",
        "项目4",
    ]
    assert len(portfolio.audit_for()) == 4
