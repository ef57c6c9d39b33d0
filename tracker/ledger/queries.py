"""Reading the ledger: filters and sorting done in SQL, rows shaped for lists and JSON.

The UI's table model asks for the ordered ids once per filter change and then fetches
only the rows it draws (``rows_for_ids``); the CLI and reports fetch everything.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any

from sqlite_utils import Database

from tracker.domain.fields import json_value
from tracker.domain.money import yuan_to_wan
from tracker.domain.search_keys import like_pattern
from tracker.domain.vocabulary import STAGE_ORDER, Stage
from tracker.errors import TrackerError
from tracker.ledger.rows import COLUMN_TO_FIELD
from tracker.storage.integrity import INCOMPLETE_SQL

# The furthest stage reached, computed where needed: a derived value, never a column.
STAGE_RANK_SQL = (
    "COALESCE((SELECT MAX(sd.rank) FROM stage_dates sd "
    "WHERE sd.project_id = p.id AND sd.actual IS NOT NULL), 0)"
)
_STAGE_CASE = (
    "CASE {rank} " + " ".join(f"WHEN {s.rank} THEN '{s.value}'" for s in STAGE_ORDER) + " END"
)
STAGE_SQL = _STAGE_CASE.format(rank=STAGE_RANK_SQL)


def _latest(column: str) -> str:
    return (
        f"(SELECT pr.{column} FROM progress pr WHERE pr.project_id = p.id "
        f"AND pr.{column} IS NOT NULL ORDER BY pr.as_of DESC, pr.id DESC LIMIT 1)"
    )


# Sort keys the UI and CLI may ask for -> SQL expression. Anything else is refused.
SORT_KEYS: dict[str, str] = {
    "id": "p.id",
    "code": "p.code",
    "name": "p.name",
    "investor": "p.investor",
    "sign_date": "p.sign_date",
    "signed_amount_wan": "p.signed_amount_yuan",
    "stage": STAGE_RANK_SQL,
    "unit": "p.unit",
    "leader": "p.leader",
    "location": "p.location",
    "industry": "p.industry",
    "status": "p.status",
}

ROW_SQL = f"""
SELECT p.*, {STAGE_SQL} AS stage,
       {_latest("funds_arrived_yuan")} AS funds_arrived_yuan,
       {_latest("invested_yuan")} AS invested_yuan
FROM projects p
"""


@dataclass
class ProjectFilter:
    """What the ledger is narrowed to. Empty values mean "any"."""

    search: str | None = None
    year: int | None = None
    unit: str | None = None
    stage: str | None = None
    industry: str | None = None
    status: str | None = None
    location: str | None = None
    batch_id: int | None = None
    incomplete: bool | None = None  # 待补全 only: blank investor or a year-only sign date

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) in (None, "", False) for f in fields(self))

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.search and self.search.strip():
            clauses.append(
                "p.id IN (SELECT project_id FROM project_search WHERE text LIKE ? ESCAPE '\\')"
            )
            params.append(like_pattern(self.search))
        if self.year:
            clauses.append("p.sign_date >= ? AND p.sign_date < ?")
            params += [f"{int(self.year):04d}", f"{int(self.year) + 1:04d}"]
        for column in ("unit", "industry", "status", "location"):
            value = getattr(self, column)
            if value:
                clauses.append(f"p.{column} = ?")
                params.append(value)
        if self.stage:
            clauses.append(f"{STAGE_RANK_SQL} = ?")
            params.append(Stage(self.stage).rank)
        if self.batch_id is not None:
            clauses.append("p.batch_id = ?")
            params.append(self.batch_id)
        if self.incomplete:
            clauses.append(INCOMPLETE_SQL)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def order_clause(order_by: str, descending: bool) -> str:
    if order_by not in SORT_KEYS:
        raise TrackerError(f"不能按“{order_by}”排序；可用：{'、'.join(SORT_KEYS)}。")
    direction = "DESC" if descending else "ASC"
    # id keeps the order stable; with nothing before the column an index can serve the sort
    # (empty values come first ascending, last descending, as in Excel's reverse sort).
    expr = SORT_KEYS[order_by]
    return f" ORDER BY {expr} {direction}, p.id {direction}"


def query_ids(
    db: Database,
    flt: ProjectFilter | None = None,
    order_by: str = "sign_date",
    descending: bool = False,
) -> list[int]:
    where, params = (flt or ProjectFilter()).where()
    sql = "SELECT p.id FROM projects p" + where + order_clause(order_by, descending)
    return [r[0] for r in db.execute(sql, params).fetchall()]


def totals(db: Database, flt: ProjectFilter | None = None) -> tuple[int, Any]:
    """(count, Σ 签约总投资 in 万元) of the filtered projects."""
    where, params = (flt or ProjectFilter()).where()
    count, total = db.execute(
        "SELECT COUNT(*), COALESCE(SUM(p.signed_amount_yuan), 0) FROM projects p" + where, params
    ).fetchone()
    return count, yuan_to_wan(total)


def shape_row(row: dict[str, Any]) -> dict[str, Any]:
    """A raw SQL row -> the public project row (万元 Decimals, no internal columns)."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key == "name_key":
            continue
        if key in COLUMN_TO_FIELD:
            out[COLUMN_TO_FIELD[key]] = yuan_to_wan(value)
        elif key in ("funds_arrived_yuan", "invested_yuan"):
            out[key.replace("_yuan", "_wan")] = yuan_to_wan(value)
        elif key == "land_area_mu":
            out[key] = Decimal(value) if value not in (None, "") else None
        else:
            out[key] = value
    return out


def rows_for_ids(db: Database, ids: list[int]) -> list[dict[str, Any]]:
    """Rows for the given ids, in the given order (chunks stay under SQLite's variable cap)."""
    by_id: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        marks = ",".join("?" * len(chunk))
        cursor = db.execute(ROW_SQL + f" WHERE p.id IN ({marks})", chunk)
        names = [d[0] for d in cursor.description]
        for values in cursor.fetchall():
            row = shape_row(dict(zip(names, values, strict=True)))
            by_id[row["id"]] = row
    return [by_id[i] for i in ids if i in by_id]


def list_rows(
    db: Database,
    flt: ProjectFilter | None = None,
    order_by: str = "sign_date",
    descending: bool = False,
) -> list[dict[str, Any]]:
    where, params = (flt or ProjectFilter()).where()
    cursor = db.execute(ROW_SQL + where + order_clause(order_by, descending), params)
    names = [d[0] for d in cursor.description]
    return [shape_row(dict(zip(names, values, strict=True))) for values in cursor.fetchall()]


def row_to_json(row: dict[str, Any]) -> dict[str, Any]:
    return {key: json_value(value) for key, value in row.items()}


def distinct_values(db: Database, column: str) -> list[str]:
    """Values in use for a filter combo (units, industries, towns, leaders, years)."""
    if column == "year":
        sql = "SELECT DISTINCT substr(sign_date, 1, 4) FROM projects ORDER BY 1 DESC"
    elif column in ("unit", "industry", "location", "leader", "investor_type", "agreement_type"):
        sql = f"SELECT DISTINCT {column} FROM projects WHERE {column} IS NOT NULL ORDER BY 1"
    else:
        raise ValueError(column)
    return [r[0] for r in db.execute(sql).fetchall() if r[0]]
