"""Exact money: the ledger speaks 万元, the database stores integer 元.

Floats never touch an amount: 0.1 + 0.2 万元 is 3000 元, not 2999.9999.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

YUAN_PER_WAN = 10_000

# Multiplier to 万元 for each unit word a ledger or a clerk writes; 亿 before 元 so "亿元"
# is read whole. Shared by the importer and the form.
UNIT_FACTORS: dict[str, Decimal] = {
    "亿元": Decimal(10000),
    "亿": Decimal(10000),
    "万元": Decimal(1),
    "万": Decimal(1),
    "元": Decimal("0.0001"),
}
# An amount as written once folded and stripped of thousands separators: "1.2亿", "3000".
AMOUNT_TEXT = re.compile(r"^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(亿元|万元|亿|万|元)?$")


def to_decimal(value: object) -> Decimal:
    """Read a number without passing through binary floating point where avoidable."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool):
        raise ValueError("布尔值不是金额")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        # repr() gives the shortest text that round-trips, e.g. 6250.5 not 6250.49999...
        return Decimal(repr(value))
    try:
        return Decimal(str(value).strip().replace(",", ""))
    except InvalidOperation as exc:
        raise ValueError(f"不是数字：{value!r}") from exc


def wan_to_yuan(value: object) -> int | None:
    """万元 -> integer 元, rounding half up at the 元 (4th decimal of 万元)."""
    if value is None or value == "":
        return None
    dec = to_decimal(value)
    if not dec.is_finite():
        raise ValueError(f"不是有限数字：{value!r}")
    return int((dec * YUAN_PER_WAN).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def yuan_to_wan(value: int | None) -> Decimal | None:
    """Integer 元 -> 万元 as an exact Decimal, trailing zeros dropped (6250.5, not 6250.5000)."""
    if value is None:
        return None
    return plain_decimal(Decimal(int(value)) / YUAN_PER_WAN)


def plain_decimal(value: Decimal) -> Decimal:
    """Trailing zeros dropped without scientific notation (120, not 1.2E+2; 6250.5).

    ``Decimal.normalize`` alone turns 120 into ``1.2E+2``, which prints badly in JSON,
    Excel and the audit trail; every amount the core hands out goes through here.
    """
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal == normal.to_integral() else normal


def wan_to_json(value: Decimal | None) -> int | float | None:
    """A 万元 amount for JSON: an int when whole, else a float (exact to 4 decimals)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral() else float(value)


def format_wan(value: Decimal | None, decimals: int = 2) -> str:
    """'12,345.50' — thousands separators, fixed decimals, for tables and reports."""
    if value is None:
        return ""
    q = Decimal(1).scaleb(-decimals)
    return f"{value.quantize(q, rounding=ROUND_HALF_UP):,.{decimals}f}"
