"""Finding the ledger on a sheet: title rows, the header (one or two levels), and which field
each column holds.

Hand-made ledgers put titles, units and 填报单位 above the header. The header row is the row
near the top whose cells name the most fields (by their wording, ``titles``) and that holds
no numbers or dates; a second header row under merged cells makes a two-level header. Each
column is then judged by its title and by the values under it (``profile``) together
(``mapping.choose``), and the rows below are sorted into projects and the rest
(``row_kinds``).
"""

from __future__ import annotations

import logging
import re

from tracker.importing.mapping import Evidence, choose
from tracker.importing.profile import (
    NOTHING_KNOWN,
    SAMPLE_ROWS,
    Known,
    looks_like_data,
    profile_column,
)
from tracker.importing.row_kinds import classify_rows, looks_like_label, place_name
from tracker.importing.table_model import SourceColumn, Table
from tracker.importing.titles import best_hint, column_hints
from tracker.importing.values import cell_text, fold, unit_in_header, unit_in_text
from tracker.importing.workbook import Sheet

log = logging.getLogger(__name__)

__all__ = ["SourceColumn", "Table", "find_table", "apply_mapping", "classify_rows", "place_name"]

HEADER_SCAN_ROWS = 40
MIN_HEADER_FIELDS = 2
HINT_MIN = 0.6  # a header cell counts as naming a field from this title score
IDENTITY_TARGETS = {"name", "investor"}
_YEAR_IN_TITLE = re.compile(r"(19[5-9]\d|20\d\d)\s*年")


def _text(row: list[object], c: int) -> str:
    return cell_text(row[c]) if c < len(row) else ""


def _merged_value(sheet: Sheet, r: int, c: int) -> str:
    """A header cell's text, taking it from the top-left cell of a merge covering it."""
    for r0, c0, r1, c1 in sheet.merges:
        if r0 <= r <= r1 and c0 <= c <= c1:
            return _text(sheet.rows[r0], c0) if r0 < len(sheet.rows) else ""
    return _text(sheet.rows[r], c) if r < len(sheet.rows) else ""


def _row_fields(row: list[object]) -> set[str] | None:
    """Fields a row's cells name; None when the row holds numbers or dates (data, not a
    header)."""
    targets: set[str] = set()
    for value in row:
        if value is None or value == "":
            continue
        if not isinstance(value, str) or looks_like_data(value):
            if not isinstance(value, bool):
                return None
            continue
        hint = best_hint(value.strip())
        if hint is not None and hint.score >= HINT_MIN:
            targets.add(hint.target)
    return targets


def _find_header_row(sheet: Sheet) -> int | None:
    """The row naming the most fields among the first rows (it must name the project or its
    investor, or at least four fields)."""
    best, best_count = None, 0
    for r, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
        targets = _row_fields(row)
        if not targets or len(targets) < MIN_HEADER_FIELDS:
            continue
        if not (targets & IDENTITY_TARGETS or len(targets) >= 4):
            continue
        if len(targets) > best_count:
            best, best_count = r, len(targets)
    return best


def _is_sub_header(sheet: Sheet, r: int) -> bool:
    """Is row r the second level of a two-level header starting at r - 1?"""
    if r >= len(sheet.rows):
        return False
    row = sheet.rows[r]
    spans = [m for m in sheet.merges if m[0] == r - 1 and (m[3] > m[1] or m[2] >= r)]
    if not spans or _row_fields(row) is None:
        return False
    texts = [c for c in range(len(row)) if _text(row, c)]
    if not texts:
        return False
    matched = 0
    for c in texts:
        hints = column_hints(_merged_value(sheet, r - 1, c), _text(row, c))
        if any(h.score >= HINT_MIN for h in hints.values()):
            matched += 1
    return matched >= max(1, len(texts) // 2)


def _fill_down(sheet: Sheet, start: int) -> list[list[object]]:
    """Copy each vertically merged cell's value into the rows it spans (a town over its
    projects), below the header only."""
    merges = [m for m in sheet.merges if m[2] > m[0] and m[0] >= start and m[0] < len(sheet.rows)]
    if not merges:
        return sheet.rows
    rows = [list(r) for r in sheet.rows]
    for r0, c0, r1, _c1 in merges:
        top = rows[r0][c0] if c0 < len(rows[r0]) else None
        for r in range(r0 + 1, min(r1, len(rows) - 1) + 1):
            if c0 < len(rows[r]):
                rows[r][c0] = top
    return rows


def title_year(sheet_name: str, titles: list[str]) -> int | None:
    """The year a title or the sheet name gives the projects ("2021年签约项目台账")."""
    for text in (*titles, sheet_name):
        if m := _YEAR_IN_TITLE.search(fold(text)):
            return int(m[1])
    return None


def find_table(sheet: Sheet, known: Known = NOTHING_KNOWN) -> Table:
    table = Table(sheet=sheet.name, rows=sheet.rows)
    if not any(cell_text(v) for row in sheet.rows for v in row):
        table.skipped = "工作表是空的"
        return table
    header = _find_header_row(sheet)
    if header is None:
        table.skipped = "没有找到表头（至少要认出“项目名称”或“投资主体”等两列）"
        log.info("sheet %r: no header row among the first %d rows", sheet.name, HEADER_SCAN_ROWS)
        return table
    two_level = _is_sub_header(sheet, header + 1)
    table.header_rows = [header, header + 1] if two_level else [header]
    table.title_rows = [
        r for r in range(header) if any(_text(sheet.rows[r], c) for c in range(len(sheet.rows[r])))
    ]
    titles = [cell_text(v) for r in table.title_rows for v in sheet.rows[r] if cell_text(v)]
    for text in titles:
        if unit := unit_in_text(text):
            table.title_unit = unit
    table.title_year = title_year(sheet.name, titles)
    table.rows = _fill_down(sheet, table.data_start)
    _map_columns(table, sheet, header, two_level, known)
    classify_rows(table)
    if not table.data_rows():
        table.skipped = "表头下面没有项目数据行"
    log.info(
        "sheet %r: header rows %s, %d of %d columns mapped (%d unsure), %d rows, %d not projects",
        sheet.name,
        [r + 1 for r in table.header_rows],
        sum(1 for c in table.columns if c.target),
        len(table.columns),
        sum(1 for c in table.columns if c.target and not c.confident),
        len(table.data_rows()),
        len(table.reasons),
    )
    return table


def _map_columns(table: Table, sheet: Sheet, header: int, two_level: bool, known: Known) -> None:
    width = max((len(r) for r in sheet.rows), default=0)
    sample = [
        row
        for row in table.rows[table.data_start : table.data_start + SAMPLE_ROWS]
        if not looks_like_label(row)
    ]
    evidence: list[Evidence] = []
    for c in range(width):
        upper = _merged_value(sheet, header, c)
        lower = ""
        if two_level:
            covered = any(
                m[0] <= header < header + 1 <= m[2] and m[1] <= c <= m[3] for m in sheet.merges
            )
            lower = "" if covered else _text(sheet.rows[header + 1], c)
        text = "/".join(p for p in (upper, lower) if p)
        values = [row[c] for row in sample if c < len(row)]
        evidence.append(Evidence(column_hints(upper, lower), profile_column(values, known)))
        table.columns.append(
            SourceColumn(
                c,
                fold(text) and text.replace("\n", "").strip(),
                upper,
                lower,
                None,
                0.0,
                unit_in_header(lower) or unit_in_header(upper),
            )
        )
    for col, choice in zip(table.columns, choose(evidence), strict=True):
        col.target, col.score, col.confident, col.reason = (
            choice.target,
            choice.score,
            choice.confident,
            choice.reason,
        )


def apply_mapping(table: Table, mapping: dict[str, str | None], reason: str = "") -> None:
    """Use the clerk's (or a preset's) mapping {header text: target or None}."""
    for col in table.columns:
        if col.header not in mapping:
            continue
        if mapping[col.header] != col.target:
            col.target = mapping[col.header]
            col.reason = reason or "由您指定"
        col.confident = True  # the clerk chose or confirmed it
    classify_rows(table)
