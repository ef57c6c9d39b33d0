"""Finding the ledger on a sheet: title rows, the header (one or two levels), and which rows
below it are projects.

Hand-made ledgers put titles, units and 填报单位 above the header, 小计/合计 and category
rows (一、城关镇) among the projects, and notes under them. Only data rows become projects;
the rest are recognised so they are neither imported nor reported as errors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracker.importing.mapping import assign, exact_target, match_header
from tracker.importing.values import cell_text, fold, unit_in_header, unit_in_text
from tracker.importing.workbook import Sheet

HEADER_SCAN_ROWS = 40
MIN_HEADER_FIELDS = 2
IDENTITY_TARGETS = {"name", "investor"}

_TOTAL = re.compile(r"^(合计|小计|总计|共计|累计|总合计|全县合计|其中)")
_CATEGORY = re.compile(
    r"^([一二三四五六七八九十百]+[、.．,，]|[(（][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十\d]+[类批部季])"
)
_NOTE = re.compile(
    r"^(注|备注|说明|附注|填表|制表|审核|审批|领导签字|数据来源|资料来源)\s*[:：\d.、]|^注\d|^填表人|^制表人"
)
_SERIAL = re.compile(r"^\d{1,5}$")
_PLACE = re.compile(
    r"^(?:\d{4}年)?([\u4e00-\u9fff]{1,12}?(?:镇|乡|街道|园区|开发区|工业园|产业园|新区|高新区|示范区|管委会))"
)
_COUNT_SUFFIX = re.compile(r"[(（][^()（）]*[)）]$")


def place_name(text: str) -> str | None:
    """ "城关镇（3个）" / "一、城关镇" / "城关镇2023年签约项目" -> "城关镇"; None otherwise."""
    text = _CATEGORY.sub("", fold(text))
    text = _COUNT_SUFFIX.sub("", text)
    m = _PLACE.match(text)
    return m[1] if m else None


@dataclass
class SourceColumn:
    index: int
    header: str  # as the clerk sees it; two levels joined by "/"
    upper: str
    lower: str
    target: str | None
    score: float
    unit: str | None = None  # unit stated in the header, e.g. 亿元


@dataclass
class Table:
    sheet: str
    rows: list[list[object]]  # the sheet's grid with vertical merges filled down
    header_rows: list[int] = field(default_factory=list)  # 0-based
    title_rows: list[int] = field(default_factory=list)
    title_unit: str | None = None
    columns: list[SourceColumn] = field(default_factory=list)
    skipped: str | None = None
    # 0-based row -> kind: data | blank | total | category | header | note | subrow
    kinds: dict[int, str] = field(default_factory=dict)
    corrected: bool = False  # the clerk changed the mapping: remember it as a preset
    # 0-based data row -> the town/park it is grouped under (a category row such as
    # "一、城关镇（3个）", or a sheet per town), used when there is no location column
    places: dict[int, str] = field(default_factory=dict)
    # 0-based data row -> the sub-rows under it (a second line of 建设内容 or 备注)
    attached: dict[int, list[int]] = field(default_factory=dict)

    @property
    def data_start(self) -> int:
        return (self.header_rows[-1] + 1) if self.header_rows else len(self.rows)

    def column_for(self, target: str) -> SourceColumn | None:
        return next((c for c in self.columns if c.target == target), None)

    def data_rows(self) -> list[int]:
        return [r for r, k in sorted(self.kinds.items()) if k == "data"]


def _text(row: list[object], c: int) -> str:
    return cell_text(row[c]) if c < len(row) else ""


def _merged_value(sheet: Sheet, r: int, c: int) -> str:
    """A header cell's text, taking it from the top-left cell of a merge covering it."""
    for r0, c0, r1, c1 in sheet.merges:
        if r0 <= r <= r1 and c0 <= c <= c1:
            return _text(sheet.rows[r0], c0) if r0 < len(sheet.rows) else ""
    return _text(sheet.rows[r], c) if r < len(sheet.rows) else ""


def _row_score(row: list[object], fuzzy: bool) -> tuple[int, set[str]]:
    targets: set[str] = set()
    for value in row:
        if not isinstance(value, str) or not value.strip() or len(value) > 40:
            continue
        if not fuzzy:
            target = exact_target(value)
        else:
            target, score = match_header(value)
            target = target if score >= 0.8 else None
        if target:
            targets.add(target)
    return len(targets), targets


def _find_header_row(sheet: Sheet) -> int | None:
    """The row naming the most fields, among the first rows. Exact synonyms first (cheap,
    and what nearly every ledger has); the fuzzy matcher only if that finds nothing."""
    for fuzzy in (False, True):
        best, best_count = None, 0
        for r, row in enumerate(sheet.rows[:HEADER_SCAN_ROWS]):
            count, targets = _row_score(row, fuzzy)
            if count >= MIN_HEADER_FIELDS and targets & IDENTITY_TARGETS and count > best_count:
                best, best_count = r, count
        if best is not None:
            return best
    return None


def _is_sub_header(sheet: Sheet, r: int) -> bool:
    """Is row r the second level of a two-level header starting at r - 1?"""
    if r >= len(sheet.rows):
        return False
    row = sheet.rows[r]
    if any(isinstance(v, int | float) and not isinstance(v, bool) for v in row):
        return False
    spans = [m for m in sheet.merges if m[0] == r - 1 and (m[3] > m[1] or m[2] >= r)]
    if not spans:
        return False
    texts = [c for c in range(len(row)) if _text(row, c)]
    if not texts:
        return False
    matched = sum(1 for c in texts if match_header(_text(row, c))[1] >= 0.8)
    return matched >= max(1, len(texts) // 2)


def _fill_down(sheet: Sheet, start: int) -> list[list[object]]:
    """Copy each vertically merged cell's value into the rows it spans (a town over its
    projects), below the header only."""
    rows = [list(r) for r in sheet.rows]
    for r0, c0, r1, c1 in sheet.merges:
        if r1 <= r0 or r0 < start or r0 >= len(rows):
            continue
        top = rows[r0][c0] if c0 < len(rows[r0]) else None
        for r in range(r0 + 1, min(r1, len(rows) - 1) + 1):
            for c in range(c0, c1 + 1):
                if c < len(rows[r]) and c == c0:
                    rows[r][c] = top
    return rows


def find_table(sheet: Sheet) -> Table:
    table = Table(sheet=sheet.name, rows=sheet.rows)
    if not any(cell_text(v) for row in sheet.rows for v in row):
        table.skipped = "工作表是空的"
        return table
    header = _find_header_row(sheet)
    if header is None:
        table.skipped = "没有找到表头（至少要认出“项目名称”或“投资主体”等两列）"
        return table
    two_level = _is_sub_header(sheet, header + 1)
    table.header_rows = [header, header + 1] if two_level else [header]
    table.title_rows = [
        r for r in range(header) if any(_text(sheet.rows[r], c) for c in range(len(sheet.rows[r])))
    ]
    for r in table.title_rows:
        for v in sheet.rows[r]:
            if isinstance(v, str) and (unit := unit_in_text(v)):
                table.title_unit = unit
    width = max((len(r) for r in sheet.rows), default=0)
    scored: list[tuple[str | None, float]] = []
    for c in range(width):
        upper = _merged_value(sheet, header, c)
        lower = ""
        if two_level:
            lower = _text(sheet.rows[header + 1], c)
            covered = any(
                m[0] <= header < header + 1 <= m[2] and m[1] <= c <= m[3] for m in sheet.merges
            )
            if covered:
                lower = ""
        text = "/".join(p for p in (upper, lower) if p)
        target, score = match_header(upper, lower)
        scored.append((target, score))
        table.columns.append(
            SourceColumn(
                c,
                fold(text) and text.replace("\n", "").strip(),
                upper,
                lower,
                None,
                score,
                unit_in_header(lower) or unit_in_header(upper),
            )
        )
    for col, target in zip(table.columns, assign(scored), strict=True):
        col.target = target
    table.rows = _fill_down(sheet, table.data_start)
    classify_rows(table)
    if not table.data_rows():
        table.skipped = "表头下面没有项目数据行"
    return table


def apply_mapping(table: Table, mapping: dict[str, str | None]) -> None:
    """Use the clerk's (or a preset's) mapping {header text: target or None}."""
    for col in table.columns:
        if col.header in mapping:
            col.target = mapping[col.header]
    classify_rows(table)


def classify_rows(table: Table) -> None:
    """Decide what each row under the header is."""
    table.kinds = {}
    by_target = {c.target: c.index for c in table.columns if c.target}
    serial_c = by_target.get("serial")
    detail = [
        by_target[t] for t in ("investor", "sign_date", "signed_amount_wan") if t in by_target
    ]
    header_texts = {
        c.index: {c.lower or c.upper, fold(c.lower or c.upper)}
        for c in table.columns
        if c.upper or c.lower
    }
    need_repeat = max(2, len(header_texts) // 2)
    name_c = by_target.get("name", 1)
    identity = [c for c in (by_target.get("name"), by_target.get("investor")) if c is not None]
    last_data: int | None = None
    table.attached = {}
    in_notes = False
    titles = [cell_text(v) for r in table.title_rows for v in table.rows[r] if cell_text(v)]
    place = place_name(table.sheet) or next((p for t in titles if (p := place_name(t))), None)
    table.places = {}
    for r in range(table.data_start, len(table.rows)):
        row = table.rows[r]
        texts = [cell_text(v) for v in row]  # folded only where words are compared
        filled = [fold(t) for t in texts[:8] if t] or [fold(t) for t in texts if t][:3]
        serial = texts[serial_c] if serial_c is not None and serial_c < len(texts) else ""
        numeric_serial = bool(_SERIAL.match(serial))
        first = filled[0] if filled else ""
        if not filled:
            kind = "blank"
        elif in_notes and not numeric_serial:
            kind = "note"
        elif _NOTE.match(first) and not numeric_serial:
            kind, in_notes = "note", True
        elif any(_TOTAL.match(t) and len(t) <= 12 for t in filled[:3]):
            kind = "total"
        elif (
            sum(1 for c, h in header_texts.items() if c < len(texts) and texts[c] in h)
            >= need_repeat
        ):
            kind = "header"
        elif (
            last_data is not None
            and not numeric_serial
            and not any(c < len(texts) and texts[c] for c in (*identity, *detail))
            and min(c for c, t in enumerate(texts) if t) > name_c
        ):
            kind = "subrow"  # text only right of the name: the row above continues
            table.attached.setdefault(last_data, []).append(r)
        elif (
            not numeric_serial
            and not any(c < len(texts) and texts[c] for c in detail)
            and (_CATEGORY.match(first) or sum(1 for t in texts if t) <= 2)
        ):
            kind = "category"
            place = place_name("".join(filled[:2])) or place
        else:
            kind = "data"
            last_data = r
        table.kinds[r] = kind
        if kind == "data" and place:
            table.places[r] = place
