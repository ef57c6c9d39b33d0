"""Projects with their children (stage dates, progress, visits, problems) as ``Project``s.

The one loader behind ``Portfolio.get_project``, the review and the reports. In bulk, five
queries per project would cost a 10,000-project county 50,000 round trips before a single
rule runs; here each child table is read once (ordered by project) and attached in Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from tracker.domain.money import yuan_to_wan
from tracker.domain.project import Problem, ProgressSnapshot, Project, StageDate, Visit
from tracker.domain.vocabulary import Stage
from tracker.ledger.queries import ProjectFilter
from tracker.ledger.rows import project_from_row


def _by_project(
    db: Database, sql: str, selected: dict[int, Project], id_clause: str, params: list[Any]
) -> Iterable[tuple[Project, tuple[Any, ...]]]:
    """Rows of a child table paired with their (selected) project; others are skipped."""
    table, _, order = sql.partition(" ORDER BY ")
    for row in db.execute(f"{table}{id_clause} ORDER BY {order}", params):
        project = selected.get(row[0])
        if project is not None:
            yield project, row[1:]


def load_projects(
    db: Database, flt: ProjectFilter | None = None, *, ids: list[int] | None = None
) -> list[Project]:
    """Projects matching ``flt`` (sign-date order), or exactly ``ids`` (in that order), with
    stage dates, progress, visits and problems filled in."""
    if ids is not None:
        marks = ",".join("?" * len(ids))
        where, params = f" WHERE p.id IN ({marks})", list(ids)
        child_where, child_params = f" WHERE project_id IN ({marks})", list(ids)
    else:
        where, params = (flt or ProjectFilter()).where()
        child_where, child_params = "", []
    cursor = db.execute(f"SELECT p.* FROM projects p{where} ORDER BY p.sign_date, p.id", params)
    names = [d[0] for d in cursor.description]
    projects = [
        project_from_row(dict(zip(names, values, strict=True))) for values in cursor.fetchall()
    ]
    selected = {p.id: p for p in projects}
    stages = {s.value: s for s in Stage}  # a dict lookup is much cheaper than Stage(value)
    for project, (stage, planned, actual) in _by_project(
        db,
        "SELECT project_id, stage, planned, actual FROM stage_dates ORDER BY project_id, rank",
        selected,
        child_where,
        child_params,
    ):
        st = stages[stage]
        project.stage_dates[st] = StageDate(st, planned, actual)
    for project, r in _by_project(
        db,
        "SELECT project_id, id, as_of, funds_arrived_yuan, invested_yuan, output_yuan, tax_yuan,"
        " note FROM progress ORDER BY project_id, as_of, id",
        selected,
        child_where,
        child_params,
    ):
        project.progress.append(
            ProgressSnapshot(
                id=r[0],
                as_of=r[1],
                funds_arrived_wan=yuan_to_wan(r[2]),
                invested_wan=yuan_to_wan(r[3]),
                output_wan=yuan_to_wan(r[4]),
                tax_wan=yuan_to_wan(r[5]),
                note=r[6],
            )
        )
    for project, r in _by_project(
        db,
        "SELECT project_id, id, date, visitor, content FROM visits ORDER BY project_id, date, id",
        selected,
        child_where,
        child_params,
    ):
        project.visits.append(Visit(*r))
    for project, r in _by_project(
        db,
        "SELECT project_id, id, raised_date, description, category, owner_unit, deadline, status,"
        " resolution, resolved_date FROM problems ORDER BY project_id, raised_date, id",
        selected,
        child_where,
        child_params,
    ):
        project.problems.append(Problem(*r))
    if ids is not None:
        return [selected[i] for i in ids if i in selected]
    return projects


def earlier_deals_of(db: Database, before: str, cores: set[str]) -> list[Project]:
    """The first deal signed before ``before`` (a date or year prefix) of each investor in
    ``cores`` once its legal form, generic words and a leading place are set aside
    (``deal_similarity.investor_core``): the deal a 增资扩股 of a reviewed year extends
    (``review.counting``). Three columns are read to find them; only they are loaded."""
    from tracker.domain.deal_similarity import investor_core

    if not cores:
        return []
    first: dict[str, int] = {}
    for pid, investor in db.execute(
        "SELECT id, investor FROM projects WHERE sign_date < ? AND investor IS NOT NULL"
        " ORDER BY sign_date, id",
        [before],
    ):
        core = investor_core(investor)
        if core in cores and core not in first:
            first[core] = pid
    return load_projects(db, ids=sorted(first.values())) if first else []
