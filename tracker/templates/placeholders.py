"""The blanks a template leaves for the county: 填报单位：____, 填报日期：  年  月  日,
（截至  年  月  日）, ××县（市、区）.

Only a blank is filled — a label followed by nothing, spaces or underlines (up to the
next label in the same cell) — so text the city wrote is never overwritten. The unit and
the county come from the settings, the date is the report's as-of date.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from datetime import date
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from tracker.reports.styles import clean_text

log = logging.getLogger(__name__)

_BLANK = r"[\s_＿]*"
# What may follow a blank in the same cell: the next label, or nothing.
_NEXT = r"(?=$|填报|报送|填表|制表|审核|联系|统计|截至|截止|负责人|日期|时间)"
UNIT = re.compile(rf"(填报单位(?:[（(]盖章[)）])?\s*[:：]){_BLANK}{_NEXT}")
DATE = re.compile(
    rf"((?:填报|报送|填表|统计|截至|截止)(?:日期|时间)\s*[:：]){_BLANK}"
    rf"(?:年{_BLANK}月{_BLANK}日)?{_BLANK}{_NEXT}"
)
AS_OF = re.compile(rf"(截[至止]){_BLANK}年{_BLANK}月{_BLANK}日")
COUNTY = re.compile(r"(?:[Xx×＊*]{2,}|[_＿]{2,})(县[（(]市、?区[)）]|县[（(]区[)）]|县)")


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def fill_text(text: str, *, unit: str, county: str, as_of: date) -> str:
    """The cell's text with its blanks filled (unchanged when it has none)."""
    spoken = chinese_date(as_of)

    def label(value: str) -> Any:
        def sub(m: re.Match[str]) -> str:
            more = m.end() < len(m.string)
            return f"{m[1]}{value}" + ("    " if more else "")

        return sub

    if unit:
        text = UNIT.sub(label(unit), text)
    text = DATE.sub(label(spoken), text)
    text = AS_OF.sub(lambda m: f"{m[1]}{spoken}", text)
    if county:
        text = COUNTY.sub(lambda _m: county, text)
    return text


def fill_placeholders(
    ws: Worksheet, skip_rows: Iterable[int], *, unit: str, county: str, as_of: date
) -> int:
    """Fill the blanks of every text cell outside ``skip_rows`` (1-based; the header and
    the data); returns how many cells changed."""
    skip = set(skip_rows)
    changed = 0
    for (r, _c), cell in ws._cells.items():
        if r in skip or type(cell) is not Cell or not isinstance(cell.value, str):
            continue
        if cell.data_type == "f":
            continue
        new = fill_text(cell.value, unit=unit, county=county, as_of=as_of)
        if new != cell.value:
            cell._value, cell.data_type = clean_text(new), "s"
            changed += 1
    log.info("sheet %r: %d placeholders filled", ws.title, changed)
    return changed
