"""Reading what a clerk types into a form: dates like "2024.5.1", amounts like "1,200".

The form widgets call these so the rules live in the core (and are tested without Qt):
a typed value either becomes the stored form (ISO date text, Decimal 万元) or raises
``ValueError`` with a Chinese message the form shows next to the field.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from tracker.domain.dates import check_date, written_date_parts, written_year
from tracker.domain.money import AMOUNT_TEXT, UNIT_FACTORS, plain_decimal

_SPACES = re.compile(r"\s+")


def _fold(text: str) -> str:
    """Full-width digits and punctuation to ASCII (NFKC), all spaces removed."""
    return _SPACES.sub("", unicodedata.normalize("NFKC", text))


def parse_typed_date(text: str | None, *, allow_month: bool = True) -> str | None:
    """ "2024.5.1", "2024/5/1", "2024年5月1日", "20240501" -> "2024-05-01"; "" -> None.

    A month alone ("2024.5", "2024年5月", "202405") is kept as "2024-05" when allowed,
    as old ledgers do, and so is a year alone ("2024", "2024年") as "2024". Raises
    ValueError (Chinese) for anything else.
    """
    if text is None:
        return None
    folded = _fold(text)
    if not folded:
        return None
    parts = written_date_parts(folded)
    if parts is None and (year := written_year(folded)) is not None:
        if not allow_month:
            raise ValueError(f"“{text}”只有年份，请填写完整日期，如 {year}-05-01。")
        return check_date(f"{year:04d}")
    if parts is None:
        raise ValueError(f"无法识别的日期“{text}”，请按 2024-05-01 或 2024.5.1 的格式填写。")
    year, month, day = parts
    if day is None:
        if not allow_month:
            raise ValueError(f"“{text}”缺少日，请填写完整日期，如 2024-05-01。")
        return check_date(f"{year:04d}-{month:02d}")
    return check_date(f"{year:04d}-{month:02d}-{day:02d}")


def parse_typed_money(text: str | None) -> Decimal | None:
    """ "1,200" / "１２００" / "1.2亿" / "3000万元" -> Decimal 万元; "" -> None.

    Negative amounts and more than four decimals of 万元 (finer than 1 元) are refused,
    so nothing typed is silently rounded.
    """
    if text is None:
        return None
    folded = _fold(text).replace(",", "")
    if not folded:
        return None
    m = AMOUNT_TEXT.match(folded)
    if not m:
        raise ValueError(f"“{text}”不是金额，请填写数字（单位：万元），如 1200 或 1,200.5。")
    value = Decimal(m[1]) * UNIT_FACTORS[m[2] or "万元"]
    if value < 0:
        raise ValueError("金额不能为负数。")
    if value != value.quantize(Decimal("0.0001")):
        raise ValueError("金额最多保留 4 位小数（万元，即精确到元）。")
    return plain_decimal(value)


def date_order_problems(dates: list[tuple[str, str | None]]) -> list[str]:
    """Chinese warnings where a later stage's date comes before an earlier one's.

    ``dates`` is [(stage label, ISO date or None), ...] in lifecycle order; a month-only
    date is compared by its month, so "2024-05" never clashes with "2024-05-20".
    """
    problems: list[str] = []
    last_label, last_value = None, None
    for label, value in dates:
        if not value:
            continue
        if last_value is not None and value[: len(last_value)] < last_value[: len(value)]:
            problems.append(f"{label}日期（{value}）早于{last_label}日期（{last_value}）。")
        last_label, last_value = label, value
    return problems
