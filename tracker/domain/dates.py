"""Dates as the ledger keeps them: ISO ``YYYY-MM-DD`` text, or ``YYYY-MM`` when an old
ledger only gave a month (kept, and flagged as approximate)."""

from __future__ import annotations

import re
from datetime import date

_FULL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def check_date(value: str | None, *, allow_month: bool = True) -> str | None:
    """Return the value if it is a valid stored date, else raise ValueError (Chinese text)."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    if m := _FULL.match(text):
        try:
            date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError as exc:
            raise ValueError(f"日期不存在：{text}") from exc
        return text
    if allow_month and (m := _MONTH.match(text)) and 1 <= int(m[2]) <= 12:
        return text
    raise ValueError(f"日期格式应为 YYYY-MM-DD：{text}")


def is_approximate(value: str | None) -> bool:
    return bool(value) and bool(_MONTH.match(value))


def to_date(value: str | None, *, month_end: bool = False) -> date | None:
    """A stored date as a ``date``; a month-only date is read as the 1st (or last) day.

    Reading ``YYYY-MM`` as the first of the month makes overdue checks err on the side of
    warning early, which is what a review wants of an imprecise old ledger.
    """
    if not value:
        return None
    if m := _FULL.match(value):
        return date(int(m[1]), int(m[2]), int(m[3]))
    if m := _MONTH.match(value):
        y, mo = int(m[1]), int(m[2])
        if not month_end:
            return date(y, mo, 1)
        nxt = date(y + (mo == 12), mo % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return None


def today_iso() -> str:
    return date.today().isoformat()
