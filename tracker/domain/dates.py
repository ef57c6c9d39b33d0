"""Dates as the ledger keeps them: ISO ``YYYY-MM-DD`` text, or ``YYYY-MM`` when an old
ledger only gave a month, or ``YYYY`` when all that is known is the year (a ledger without a
sign-date column imported "as signed in 2021"); the last two are kept and flagged as
approximate.

Less than day precision is the one mark of "approximate": the importer stores a stage it
only knows from a word (已开工, no date) as the sign month, so such a guess is month-only too.
Wherever a date is shown or printed it reads ``2023-08（约）`` (``display_date``), and
every reader of dates accepts that form back (an exported ledger imports again).
"""

from __future__ import annotations

import re
from datetime import date

_FULL = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
# How ledgers and clerks write a date, after NFKC folding and with spaces removed:
# 2023-5-12, 2023/5/12, 2023.5.12, 2023年5月12日(号), 20230512; months: 2023.5, 2023年5月(份),
# 202305. One grammar for the importer (``importing/values.py``) and the form
# (``typed_input.py``), so a date the clerk can type is a date an import can read.
_WRITTEN_DAY = re.compile(r"^(\d{4})[-/.年\\](\d{1,2})[-/.月\\](\d{1,2})[日号]?(?:[T ].*)?$")
_WRITTEN_MONTH = re.compile(r"^(\d{4})[-/.年\\](\d{1,2})月?(?:份)?$")
_COMPACT_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_COMPACT_MONTH = re.compile(r"^(\d{4})(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
APPROX_MARK = "（约）"
# The mark as written and after NFKC folding ("(约)"), at the end of a date.
_APPROX_SUFFIX = re.compile(r"(?:（约）|\(约\))$")
_YEAR = re.compile(r"^(\d{4})$")
_WRITTEN_YEAR = re.compile(r"^(\d{4})年?度?$")


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
    if allow_month and (m := _YEAR.match(text)) and 1900 <= int(m[1]) <= 2100:
        return text
    raise ValueError(f"日期格式应为 YYYY-MM-DD：{text}")


def written_date_parts(text: str) -> tuple[int, int, int | None] | None:
    """(year, month, day) of a written date, day None for a month-only date; None when the
    text is not a date in any form a ledger uses. Range checks are the caller's.

    ``2023-08（约）`` (how an approximate date is shown) reads as the date it marks."""
    text = _APPROX_SUFFIX.sub("", text)
    for pattern, has_day in (
        (_WRITTEN_DAY, True),
        (_WRITTEN_MONTH, False),
        (_COMPACT_DAY, True),
        (_COMPACT_MONTH, False),
    ):
        if m := pattern.match(text):
            return int(m[1]), int(m[2]), int(m[3]) if has_day else None
    return None


def written_year(text: str) -> int | None:
    """The year of a year-only date as written ("2021", "2021年", "2021年度"), else None."""
    m = _WRITTEN_YEAR.match(_APPROX_SUFFIX.sub("", text))
    return int(m[1]) if m else None


def is_approximate(value: str | None) -> bool:
    """Known to the month or the year only (an old ledger's month, an import's guess, or
    a year given for a whole ledger)."""
    return bool(value and (_MONTH.match(value) or _YEAR.match(value)))


def precision(value: str | None) -> str | None:
    """ "day", "month" or "year" for a stored date; None for none."""
    if not value:
        return None
    return "year" if _YEAR.match(value) else "month" if _MONTH.match(value) else "day"


def display_date(value: str | None) -> str | None:
    """A stored date as people should read it: ``2023-08（约）`` when approximate."""
    if not value:
        return None
    return f"{value}{APPROX_MARK}" if is_approximate(value) else value


def to_date(value: str | None, *, month_end: bool = False) -> date | None:
    """A stored date as a ``date``; a month-only date is read as the 1st (or last) day, a
    year-only date as 1 January (or 31 December).

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
    if m := _YEAR.match(value):
        return date(int(m[1]), 12, 31) if month_end else date(int(m[1]), 1, 1)
    return None


def today_iso() -> str:
    return date.today().isoformat()
