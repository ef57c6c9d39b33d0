"""Every kind of write leaves audit rows: when, who, project, field, old, new."""

import json

from tests.helpers.projects import sample
from tracker.ledger.audit import os_user


def actions(portfolio, pid=None):
    return [(a.entity, a.action, a.field) for a in portfolio.audit_for(pid)]


def test_every_write_is_audited(portfolio):
    pid = portfolio.add_project(sample())
    portfolio.edit_project(pid, {"signed_amount_wan": "12500.5", "leader": "李明华"})
    portfolio.set_stage_date(pid, "registered", planned="2024-04-01", actual="2024-04-15")
    progress_id = portfolio.add_progress(pid, "2024-06-30", funds_arrived_wan="3000.25")
    portfolio.add_visit(pid, "2024-07-01", "招商一股", "现场查看")
    problem_id = portfolio.add_problem(pid, "2024-07-01", "用电容量不足", category="用能")
    portfolio.set_problem_status(problem_id, "办理中")
    portfolio.resolve_problem(problem_id, "已扩容", "2024-08-01")
    portfolio.pause(pid, "2024-09-01", "市场变化")
    portfolio.reopen(pid)
    portfolio.terminate(pid, "2024-10-01", "解约")
    portfolio.delete_child("progress", progress_id)
    portfolio.update_settings({"county_name": "青溪县"})
    portfolio.delete_project(pid)

    got = actions(portfolio, pid)
    assert got[0] == ("project", "create", None)
    for expected in [
        ("project", "update", "signed_amount_wan"),
        ("project", "update", "leader"),
        ("stage", "update", "registered.planned"),
        ("stage", "update", "registered.actual"),
        ("progress", "create", None),
        ("visit", "create", None),
        ("problem", "create", None),
        ("problem", "update", "status"),
        ("problem", "update", "resolution"),
        ("project", "pause", "status"),
        ("project", "reopen", "status"),
        ("project", "terminate", "status_reason"),
        ("progress", "delete", None),
        ("project", "delete", None),
    ]:
        assert expected in got, expected
    assert ("settings", "update", "county_name") in actions(portfolio)

    entries = portfolio.audit_for(pid)
    amount = next(a for a in entries if a.field == "signed_amount_wan")
    assert (amount.old, amount.new) == ("12000", "12500.5")
    assert all(a.user == os_user() and a.at for a in entries)
    progress = next(a for a in entries if a.entity == "progress" and a.action == "create")
    assert json.loads(progress.new)["funds_arrived_wan"] == "3000.25"


def test_no_change_no_audit(portfolio):
    pid = portfolio.add_project(sample())
    before = len(portfolio.audit_for(pid))
    portfolio.edit_project(pid, {"name": "精益光源生产基地项目"})
    portfolio.set_stage_date(pid, "started", actual=None)
    assert len(portfolio.audit_for(pid)) == before


def test_batch_id_is_carried_by_nested_writes(portfolio):
    with portfolio.transaction(batch_id=7):
        pid = portfolio.add_project(sample(stage_dates={"started": "2024-05-01"}))
    assert {a.batch_id for a in portfolio.audit_for(pid)} == {7}
    portfolio.edit_project(pid, {"unit": "县商务局"})
    assert portfolio.audit_for(pid)[-1].batch_id is None
