"""When the figures of an imported ledger were true (统计截至).

累计到位资金 and 累计完成投资 are cumulative figures *as of* some day. Dated on the import
day, a ledger of June's figures imported in September would not count in a review as of
July, and would outrank figures the clerk typed for August. So every import decides a date,
in this order:

1. a column that dates the figures (统计日期, 截至日期 …): each row its own date;
2. the title rows, the sheet name or the file name (``截至2025年6月30日``,
   ``2025年1-6月`` → 2025-06-30, ``2024年度`` → 2024-12-31, ``2024年12月`` →
   2024-12-31, ``2025年上半年``, ``2025年第三季度`` …); a bare year ("2023年签约项目台账")
   names when the deals were signed, not when the figures were counted, so it gives none;
3. the latest date the rows themselves state (a stage reached, a termination …): the
   figures are at least that recent (a stage month the importer only guessed from a word
   states nothing);
4. the import day, said so.

Never later than today: figures cannot be known before the day they are read. The clerk
may replace the decision (the wizard's date, ``import --as-of``); a row's own date in a
dating column still wins over it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from tracker.domain.dates import to_date
from tracker.importing.values import fold

log = logging.getLogger(__name__)

SOURCES = ("clerk", "column", "title", "rows", "today")
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_DASH = r"(?:-|—|–|~|至|到)"
_YEAR = r"(?P<y>(?:19|20)\d\d)年"
_CUTOFF = r"(?:截至|截止|止于|截至到|截止到|统计至|统计到|数据至)"

# (priority, pattern): a higher priority wins within a text; equal ones take the later date.
_PATTERNS: list[tuple[int, re.Pattern[str]]] = [
    # 截至2025年6月30日 / 截止2025-06-30 / 截至6月30日 / 截至2025年6月底 / 截至年底
    (
        5,
        re.compile(
            _CUTOFF + r"(?:(?P<y>(?:19|20)\d\d)[年.\-/])?(?:(?P<m>\d{1,2})[月.\-/])?"
            r"(?:(?P<d>\d{1,2})[日号]?|(?P<end>底|末))?"
        ),
    ),
    # 2025年1-6月 / 2025年1月至6月 / 2025年1—6月份
    (4, re.compile(_YEAR + r"(?:\d{1,2})月?" + _DASH + r"(?P<m>\d{1,2})月")),
    # 1-6月 without a year (the year comes from elsewhere in the text)
    (3, re.compile(r"(?<![\d年])(?:\d{1,2})月?" + _DASH + r"(?P<m>\d{1,2})月")),
    # 2025年上半年 / 下半年 / 前三季度 / 第二季度 / 1-3季度 / 2024年度 / 全年 / 年底
    (
        4,
        re.compile(
            r"(?:(?P<y>(?:19|20)\d\d)年?)?(?P<period>上半年|下半年|全年|年度|年底|年末"
            r"|前[一二三四1-4]季度?|第?[一二三四1-4]" + _DASH + r"?[一二三四1-4]?季度?"
            r"|[一二三四1-4]" + _DASH + r"[一二三四1-4]季度)"
        ),
    ),
    # a full date anywhere: 2025年6月30日, 2025-06-30, 2025.6.30
    (
        2,
        re.compile(r"(?P<y>(?:19|20)\d\d)[年.\-/](?P<m>\d{1,2})[月.\-/](?P<d>\d{1,2})[日号]?"),
    ),
    # a month: 2024年12月 (the figures of that month: its last day)
    (1, re.compile(_YEAR + r"(?P<m>\d{1,2})月(?![\d份]*[日号])")),
]
_ANY_YEAR = re.compile(r"((?:19|20)\d\d)年")


@dataclass
class AsOf:
    """The date an import's figures are taken as true, where it came from and why (in
    Chinese, for the plan, the wizard and the import history)."""

    value: str
    source: str  # one of SOURCES
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {"value": self.value, "source": self.source, "detail": self.detail}


def _month_end(year: int, month: int) -> date | None:
    if not 1 <= month <= 12:
        return None
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def _quarter_end(year: int, quarter: int) -> date | None:
    return _month_end(year, quarter * 3) if 1 <= quarter <= 4 else None


def _period_end(year: int, period: str) -> date | None:
    if period == "上半年":
        return date(year, 6, 30)
    if period in ("下半年", "全年", "年度", "年底", "年末"):
        return date(year, 12, 31)
    digits = [_CN_DIGITS[c] for c in period if c in _CN_DIGITS]
    return _quarter_end(year, digits[-1]) if digits else None


def _match_date(m: re.Match[str], fallback_year: int | None) -> date | None:
    groups = m.groupdict()
    year = int(groups["y"]) if groups.get("y") else fallback_year
    if year is None:
        return None
    if groups.get("period"):
        return _period_end(year, groups["period"])
    month = int(groups["m"]) if groups.get("m") else None
    day = int(groups["d"]) if groups.get("d") else None
    if month is None:
        # 截至2025年 / 截至年底: the year's end; a cut-off word alone says nothing
        return date(year, 12, 31) if groups.get("y") or groups.get("end") else None
    if day is None:
        return _month_end(year, month)
    try:
        return date(year, month, day)
    except ValueError:
        return None


def date_in_text(text: str) -> date | None:
    """The day a title, sheet name or file name says its figures are counted to, or None."""
    folded = fold(text)
    if not folded:
        return None
    years = _ANY_YEAR.findall(folded)
    fallback = int(years[0]) if years else None
    best: tuple[int, date] | None = None
    for priority, pattern in _PATTERNS:
        for m in pattern.finditer(folded):
            day = _match_date(m, fallback)
            if day is not None and (best is None or (priority, day) > best):
                best = (priority, day)
    return best[1] if best else None


def date_in_titles(texts: Iterable[tuple[str, str]]) -> tuple[date, str] | None:
    """The first of (kind, text) — title rows, then the sheet name, then the file name —
    that names a date, with the words that say where it came from."""
    for kind, text in texts:
        day = date_in_text(text)
        if day is not None:
            return day, f"取自{kind}“{text.strip()}”"
    return None


def latest_stated(found: tuple[str, str] | None, today: date) -> tuple[date, str] | None:
    """The latest actual date the rows state (with where it was read) as the figures'
    date, capped at today.

    The figures are at least as recent as the latest event the rows state, so that event
    is a lower bound for their date: a month-only date counts from its first day (a
    year-only one is too vague to date anything by and is not looked at)."""
    if found is None:
        return None
    day = to_date(found[0])
    if day is None:
        return None
    return cap(day, today, f"取自表中最晚的日期：{found[1]} {day.isoformat()}")


def cap(day: date, today: date, detail: str) -> tuple[date, str]:
    """Figures cannot be counted to a day that has not come yet."""
    if day > today:
        return today, f"{detail}（{day.isoformat()} 还没到，按今天）"
    return day, detail
