"""Database rows <-> what the core hands out: 万元 Decimals, API field names, JSON.

One place knows that ``signed_amount_wan`` is the column ``signed_amount_yuan`` and that
用地面积 is Decimal text; the portfolio, the queries, the loader, the review and the reports
all go through it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tracker.domain.fields import json_value
from tracker.domain.money import wan_to_yuan, yuan_to_wan
from tracker.domain.project import Project
from tracker.domain.vocabulary import PROJECT_FIELDS, Status

# API money field -> database column holding integer 元 (or 美元).
MONEY_COLUMNS: dict[str, str] = {
    "signed_amount_wan": "signed_amount_yuan",
    "fixed_asset_wan": "fixed_asset_yuan",
    "foreign_capital_wan_usd": "foreign_capital_usd",
}
PROGRESS_MONEY: dict[str, str] = {
    "funds_arrived_wan": "funds_arrived_yuan",
    "invested_wan": "invested_yuan",
    "output_wan": "output_yuan",
    "tax_wan": "tax_yuan",
}
# Every 元 column a row can carry (the project's own and the latest progress figures).
COLUMN_TO_FIELD: dict[str, str] = {v: k for k, v in (MONEY_COLUMNS | PROGRESS_MONEY).items()}
_INTERNAL_COLUMNS = frozenset({"name_key"})


def from_column(column: str, value: Any) -> tuple[str, Any]:
    """One stored column -> (public key, value): 元 integers become 万元 Decimals."""
    if column in COLUMN_TO_FIELD:
        return COLUMN_TO_FIELD[column], yuan_to_wan(value)
    if column == "land_area_mu":
        return column, Decimal(value) if value not in (None, "") else None
    return column, value


def fields_to_columns(fields: dict[str, Any]) -> dict[str, Any]:
    """Cleaned API fields -> column values."""
    cols: dict[str, Any] = {}
    for key, value in fields.items():
        if key in MONEY_COLUMNS:
            cols[MONEY_COLUMNS[key]] = wan_to_yuan(value)
        elif key == "land_area_mu":
            cols[key] = None if value is None else str(value)
        else:
            cols[key] = value
    return cols


def columns_to_fields(row: dict[str, Any]) -> dict[str, Any]:
    """A projects row -> the ledger fields only (万元 Decimals), in ledger order."""
    out: dict[str, Any] = {}
    for spec in PROJECT_FIELDS:
        column = MONEY_COLUMNS.get(spec.key, spec.key)
        out[spec.key] = from_column(column, row.get(column))[1]
    return out


def shape_row(row: dict[str, Any]) -> dict[str, Any]:
    """A raw SQL row -> the public project row (all its columns, internal ones dropped)."""
    return dict(from_column(k, v) for k, v in row.items() if k not in _INTERNAL_COLUMNS)


def project_from_row(row: dict[str, Any]) -> Project:
    """A projects row as a Project without its child records (the loader adds those)."""
    return Project(
        id=row["id"],
        fields=columns_to_fields(row),
        status=Status(row["status"]),
        status_date=row["status_date"],
        status_reason=row["status_reason"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        batch_id=row["batch_id"],
    )


def row_to_json(row: dict[str, Any]) -> dict[str, Any]:
    return {key: json_value(value) for key, value in row.items()}


def project_to_json(project: Project) -> dict[str, Any]:
    """A project with everything about it, as JSON-ready data (``show --json``)."""
    out: dict[str, Any] = {"id": project.id}
    out |= {k: json_value(v) for k, v in project.fields.items()}
    out |= {
        "stage": project.stage.value,
        "status": project.status.value,
        "status_date": project.status_date,
        "status_reason": project.status_reason,
        "stage_dates": {
            s.value: {"planned": d.planned, "actual": d.actual}
            for s, d in project.stage_dates.items()
        },
        "progress": [{k: json_value(v) for k, v in vars(p).items()} for p in project.progress],
        "visits": [vars(v) for v in project.visits],
        "problems": [vars(p) for p in project.problems],
    }
    return out
