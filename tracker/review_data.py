"""Load every project with its children in a handful of SQL queries, for the review.

Why not ``Portfolio.get_project`` per project: that is five queries per project, so a
10,000-project county would cost 50,000 round trips before a single rule runs. Here each
table is read once (ordered by project) and the rows are attached in Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from .model import Problem, Progress, Project, Stage, StageDate, Visit
from .money import yuan_to_wan
from .queries import ProjectFilter
from .records import project_from_row


def _by_project(
    db: Database, sql: str, selected: dict[int, Project], params: Iterable[Any] = ()
) -> Iterable[tuple[Project, tuple[Any, ...]]]:
    """Rows of a child table paired with their (selected) project; others are skipped."""
    for row in db.execute(sql, list(params)):
        project = selected.get(row[0])
        if project is not None:
            yield project, row[1:]


def load_projects(db: Database, flt: ProjectFilter | None = None) -> list[Project]:
    """All projects matching ``flt`` (sign-date order), with stage dates, progress, visits
    and problems filled in — the same objects ``get_project`` returns, made in bulk."""
    where, params = (flt or ProjectFilter()).where()
    cursor = db.execute(f"SELECT p.* FROM projects p{where} ORDER BY p.sign_date, p.id", params)
    names = [d[0] for d in cursor.description]
    projects: list[Project] = []
    for values in cursor.fetchall():
        projects.append(project_from_row(dict(zip(names, values, strict=True))))
    selected = {p.id: p for p in projects}
    stages = {s.value: s for s in Stage}  # a dict lookup is much cheaper than Stage(value)
    for project, (stage, planned, actual) in _by_project(
        db, "SELECT project_id, stage, planned, actual FROM stage_dates ORDER BY project_id, rank",
        selected,
    ):
        st = stages[stage]
        project.stage_dates[st] = StageDate(st, planned, actual)
    for project, r in _by_project(
        db,
        "SELECT project_id, id, as_of, funds_arrived_yuan, invested_yuan, output_yuan, tax_yuan,"
        " note FROM progress ORDER BY project_id, as_of, id",
        selected,
    ):
        project.progress.append(Progress(r[0], r[1], *(yuan_to_wan(v) for v in r[2:6]), r[6]))
    for project, r in _by_project(
        db, "SELECT project_id, id, date, visitor, content FROM visits ORDER BY project_id, date, id",
        selected,
    ):
        project.visits.append(Visit(*r))
    for project, r in _by_project(
        db,
        "SELECT project_id, id, raised_date, description, category, owner_unit, deadline, status,"
        " resolution, resolved_date FROM problems ORDER BY project_id, raised_date, id",
        selected,
    ):
        project.problems.append(Problem(*r))
    return projects
