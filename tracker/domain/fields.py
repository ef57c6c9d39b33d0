"""Checking one field's value before it is stored: the rules every write path shares.

The editor, the importer and the CLI hand values in every form (text, numbers, Decimals);
``clean_field`` turns each into what the ledger keeps or raises ``ValidationError`` naming
the field, in Chinese, so a form can mark it and an import can report the cell.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from tracker.domain.dates import check_date
from tracker.domain.money import plain_decimal, to_decimal, wan_to_json, wan_to_yuan, yuan_to_wan
from tracker.domain.vocabulary import FIELD_BY_KEY, Stage, Status
from tracker.errors import ValidationError

# A name is a line, a description a paragraph: anything longer is a pasted document or
# a broken file, and would wreck every list, report and search that shows it.
SHORT_TEXT_MAX = 200
LONG_TEXT_MAX = 5000
LONG_TEXT_FIELDS = frozenset({"content", "notes"})
# Control characters (a NUL from a broken CSV, a form feed) are never text a clerk typed;
# tab and line breaks are kept.
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(value: Any) -> str | None:
    if value is None:
        return None
    text = CONTROL_CHARS.sub("", str(value)).strip()
    return text or None


def check_length(key: str, text: str | None, label: str, limit: int = LONG_TEXT_MAX) -> None:
    """Refuse text longer than ``limit`` characters, naming the field."""
    if text is not None and len(text) > limit:
        raise ValidationError(
            key, f"“{label}”太长（{len(text):,} 个字），最多 {limit:,} 个字。请精简后再填。"
        )


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
    text: str | None
    if spec.kind == "date":
        try:
            text = check_date(clean_text(value))
        except ValueError as exc:
            raise ValidationError(key, f"“{spec.label}”{exc}") from exc
    else:
        text = clean_text(value)
        limit = LONG_TEXT_MAX if key in LONG_TEXT_FIELDS else SHORT_TEXT_MAX
        check_length(key, text, spec.label, limit)
    if spec.required and not text:
        raise ValidationError(key, f"“{spec.label}”不能为空。")
    return text


def money_value(field: str, value: Any, label: str) -> int | None:
    """A non-negative 万元 amount as integer 元, or ValidationError naming the field."""
    try:
        yuan = wan_to_yuan(value)
    except ValueError as exc:
        raise ValidationError(field, f"“{label}”应为数字，现为“{value}”。") from exc
    if yuan is not None and yuan < 0:
        raise ValidationError(field, f"“{label}”不能为负数。")
    return yuan


def json_value(value: Any) -> Any:
    """A field value as JSON wants it: Decimals become numbers, enums their keys."""
    if isinstance(value, Decimal):
        return wan_to_json(value)
    if isinstance(value, Stage | Status):
        return value.value
    return value
