"""Converting between the API's project fields (万元, Decimal) and database rows (元, int).

One place knows that ``signed_amount_wan`` is the column ``signed_amount_yuan``; the
portfolio, the review and the reports all go through it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .dates import check_date
from .errors import ValidationError
from .model import FIELD_BY_KEY, PROJECT_FIELDS, Project, Stage, Status
from .money import to_decimal, wan_to_json, wan_to_yuan, yuan_to_wan

# API money field -> database column holding integer 元 (or 美元).
MONEY_COLUMNS: dict[str, str] = {
    "signed_amount_wan": "signed_amount_yuan",
    "fixed_asset_wan": "fixed_asset_yuan",
    "foreign_capital_wan_usd": "foreign_capital_usd",
}
COLUMN_TO_FIELD: dict[str, str] = {v: k for k, v in MONEY_COLUMNS.items()}
PROGRESS_MONEY: dict[str, str] = {
    "funds_arrived_wan": "funds_arrived_yuan",
    "invested_wan": "invested_yuan",
    "output_wan": "output_yuan",
    "tax_wan": "tax_yuan",
}


def clean_text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def clean_field(key: str, value: Any) -> Any:
    """One field's value as the API keeps it, or ValidationError in Chinese."""
    spec = FIELD_BY_KEY.get(key)
    if spec is None:
        raise ValidationError(key, f"未知字段：{key}")
    if value is None and not spec.required:  # most cells of a sparse ledger: nothing to check
        return None
    if spec.kind == "money":
        if value is None or value == "":
            result = None
        else:
            try:
                result = yuan_to_wan(wan_to_yuan(value))
            except ValueError as exc:
                raise ValidationError(key, f"“{spec.label}”应为数字，现为“{value}”。") from exc
            if result is not None and result < 0:
                raise ValidationError(key, f"“{spec.label}”不能为负数。")
        if key == "signed_amount_wan" and (result is None or result <= 0):
            raise ValidationError(key, f"“{spec.label}”必须大于 0。")
        return result
    if spec.kind == "number":
        if value is None or value == "":
            return None
        try:
            number = to_decimal(value)
        except ValueError as exc:
            raise ValidationError(key, f"“{spec.label}”应为数字，现为“{value}”。") from exc
        if not number.is_finite() or number < 0:
            raise ValidationError(key, f"“{spec.label}”应为不小于 0 的数字。")
        return plain_decimal(number)
    if spec.kind == "date":
        try:
            result = check_date(clean_text(value))
        except ValueError as exc:
            raise ValidationError(key, f"“{spec.label}”{exc}") from exc
    else:
        result = clean_text(value)
    if spec.required and not result:
        raise ValidationError(key, f"“{spec.label}”不能为空。")
    return result


def plain_decimal(value: Decimal) -> Decimal:
    """Trailing zeros dropped without scientific notation (120, not 1.2E+2)."""
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral() else normal


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
    """A projects row -> API fields (万元 Decimals)."""
    out: dict[str, Any] = {}
    for spec in PROJECT_FIELDS:
        if spec.key in MONEY_COLUMNS:
            out[spec.key] = yuan_to_wan(row.get(MONEY_COLUMNS[spec.key]))
        elif spec.key == "land_area_mu":
            raw = row.get("land_area_mu")
            out[spec.key] = Decimal(raw) if raw not in (None, "") else None
        else:
            out[spec.key] = row.get(spec.key)
    return out


def money_value(field: str, value: Any, label: str) -> int | None:
    """A non-negative 万元 amount as integer 元, or ValidationError naming the field."""
    try:
        yuan = wan_to_yuan(value)
    except ValueError as exc:
        raise ValidationError(field, f"“{label}”应为数字，现为“{value}”。") from exc
    if yuan is not None and yuan < 0:
        raise ValidationError(field, f"“{label}”不能为负数。")
    return yuan


def project_from_row(row: dict[str, Any]) -> Project:
    """A projects row as a Project without its child records (the caller adds those)."""
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


def audit_text(value: Any) -> str | None:
    """How a value is written in the audit trail (and read back by undo)."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def json_value(value: Any) -> Any:
    """A field value as JSON wants it: Decimals become numbers, enums their keys."""
    if isinstance(value, Decimal):
        return wan_to_json(value)
    if isinstance(value, Stage | Status):
        return value.value
    return value
