"""A spreadsheet as the importer sees it: a grid of raw values per sheet, with merges.

Every reader (calamine for Excel/WPS/ODS, the stdlib for CSV and HTML) produces these, and
the table finder, mapping and plan read only these: nothing downstream knows the format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

Merge = tuple[int, int, int, int]  # 0-based, inclusive: first row, first col, last row, last col


@dataclass
class Sheet:
    """One sheet as a rectangle of raw cell values (str, float, int, date, datetime, bool)."""

    name: str
    rows: list[list[object]]
    merges: list[Merge] = field(default_factory=list)


@dataclass
class Workbook:
    path: Path
    format: str  # xlsx | xls | ods | csv | html
    sha256: str
    sheets: list[Sheet]
