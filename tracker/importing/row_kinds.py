"""Which rows under the header are projects, and why the others are not.

Hand-made ledgers put more than projects under the header: totals in every wording
(合计, 小计, "龙海市合计14个", "合计（13项）", "总计 131个"), category rows numbered with
Chinese numerals ("一 | 工业", "（一）工业项目82个", "一、城关镇") or a short label whose
amount is the sum of the projects below it, the header repeated on every printed page,
rows of bare numbers with no name, and notes under the table. Each such row gets a kind and
a reason the plan shows; only ``data`` rows become projects. One pass over the rows decides;
a short second look settles the category rows that can only be told by their sums.
"""

from __future__ import annotations

import logging
import re
from decimal import Decimal

from tracker.importing.profile import value_kind
from tracker.importing.table_model import Table
from tracker.importing.values import cell_text, fold, parse_amount

log = logging.getLogger(__name__)

_TOTAL_START = re.compile(r"^(合计|小计|总计|共计|总合计|全县合计|全市合计|其中|累计)")
_TOTAL_ANY = re.compile(
    r"^[\u4e00-\u9fff]{0,12}?(合计|小计|总计|共计)[:：]?"
    r"[(（]?(共?\d+[个项家条宗])?[)）]?$"
)
CN_NUMERAL = "一二三四五六七八九十百"
_CATEGORY = re.compile(
    rf"^([{CN_NUMERAL}]+[、.．,，]|[(（][{CN_NUMERAL}\d]+[)）]|第[{CN_NUMERAL}\d]+[类批部季]|[{CN_NUMERAL}]+$)"
)
_NOTE = re.compile(
    r"^(注|备注|说明|附注|填表|制表|审核|审批|领导签字|数据来源|资料来源)\s*[:：\d.、]|^注\d|^填表人|^制表人"
)
_SERIAL = re.compile(r"^\d{1,5}$")
_PLACE = re.compile(
    r"^(?:\d{4}年)?([\u4e00-\u9fff]{1,12}?(?:镇|乡|街道|园区|开发区|工业园|产业园|新区|高新区|示范区|管委会))"
)
_COUNT_SUFFIX = re.compile(r"[(（][^()（）]*[)）]$")
_SHORT_LABEL = 12  # a category label ("工业项目", "城关镇") is short; project names are longer
FIRST_TEXTS = 3  # the words that say what a row is are among its first few cells

REASONS = {
    "total": "合计/小计行，不是项目",
    "category": "分类标题行（如“一、工业项目”），不是项目",
    "category_sum": "分类小计行：金额等于下面各项目之和，不是项目",
    "header": "重复的表头行",
    "numbers": "没有项目名称、只有数字的行（多为合计）",
    "note": "表格下方的说明文字",
}
NOT_PROJECTS = set(REASONS)


def is_total(text: str) -> bool:
    """合计 / 小计 / 总计 as a row label, with or without a place before it or a count after."""
    return (len(text) <= 12 and bool(_TOTAL_START.match(text))) or (
        len(text) <= 24 and bool(_TOTAL_ANY.match(text))
    )


def looks_like_label(row: list[object]) -> bool:
    """A total or category row by its first words alone (before any column is known), so
    the columns are judged by their projects' values, not by "合计" or "一、工业"."""
    texts = []
    for value in row:
        if (text := cell_text(value)) != "":
            texts.append(fold(text))
            if len(texts) == 3:
                break
    return bool(texts) and (
        any(is_total(t) for t in texts) or _CATEGORY.match(texts[0]) is not None
    )


def place_name(text: str) -> str | None:
    """ "城关镇（3个）" / "一、城关镇" / "城关镇2023年签约项目" -> "城关镇"; None otherwise."""
    text = _CATEGORY.sub("", fold(text))
    text = _COUNT_SUFFIX.sub("", text)
    m = _PLACE.match(text)
    return m[1] if m else None


def _is_number(value: object) -> bool:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return True
    if isinstance(value, str):
        text = fold(value).replace(",", "")
        try:
            float(text)
        except ValueError:
            return False
        return True
    return False


def classify_rows(table: Table) -> None:
    """Decide what each row under the header is (``table.kinds``, ``table.reasons``)."""
    table.kinds, table.reasons, table.attached, table.places = {}, {}, {}, {}
    by_target = {c.target: c.index for c in table.columns if c.target}
    serial_c = by_target.get("serial")
    name_c = by_target.get("name")
    investor_c = by_target.get("investor")
    date_c = by_target.get("sign_date")
    detail = [c for c in (investor_c, date_c, by_target.get("signed_amount_wan")) if c is not None]
    identity = [c for c in (name_c, investor_c) if c is not None]
    header_texts: dict[int, set[str]] = {}
    for col in table.columns:
        words = {w for w in (col.lower, col.upper, col.header) if w}
        if words:
            header_texts[col.index] = words | {fold(w) for w in words}
    all_header_words = set().union(*header_texts.values()) if header_texts else set()
    need_repeat = max(2, len(header_texts) // 2)
    last_data: int | None = None
    in_notes = False
    fast = (serial_c, name_c) if serial_c is not None and name_c is not None else None
    for r in range(table.data_start, len(table.rows)):
        row = table.rows[r]
        width = len(row)
        if fast is not None and not in_notes:  # most rows: a numbered project with its name
            sc, nc = fast
            serial = row[sc] if sc < width else None
            name = row[nc] if nc < width else None
            if (
                type(name) is str
                and type(serial) in (int, float)
                and (name := name.strip())
                and name not in all_header_words
                and not is_total(name)
            ):
                table.kinds[r] = "data"
                last_data = r
                continue
        first: list[str] = []
        first_col = -1
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            text = cell_text(value)
            if text:
                if first_col < 0:
                    first_col = c
                first.append(fold(text))
                if len(first) >= FIRST_TEXTS:
                    break
        if not first:
            table.kinds[r] = "blank"
            continue
        serial = cell_text(row[serial_c]) if serial_c is not None and serial_c < width else ""
        numeric_serial = bool(_SERIAL.match(serial))
        head = first[0]
        if in_notes and not numeric_serial:
            kind = "note"
        elif _NOTE.match(head) and not numeric_serial:
            kind, in_notes = "note", True
        elif any(is_total(t) for t in first[:3]):
            kind = "total"
        elif head in all_header_words and _repeats_header(row, header_texts, need_repeat):
            kind = "header"
        elif (
            last_data is not None
            and not numeric_serial
            and not _any_filled(row, (*identity, *detail))
            and name_c is not None
            and first_col > name_c
        ):
            kind = "subrow"  # text only right of the name: the row above continues
            table.attached.setdefault(last_data, []).append(r)
        elif (
            not numeric_serial
            and not _any_filled(row, [investor_c] if investor_c is not None else [])
            and not _holds_date(row, date_c)
            and (
                _CATEGORY.match(head)
                or (not _any_filled(row, detail) and len(first) <= 2)
                or (bool(serial) and _CATEGORY.match(fold(serial)) is not None)
            )
        ):
            kind = "category"
        elif (name_c is None or not _any_filled(row, [name_c])) and all(
            _is_number(v) for v in row if v is not None and v != "" and cell_text(v)
        ):
            kind = "numbers"
        else:
            kind = "data"
            last_data = r
        table.kinds[r] = kind
    _categories_by_sum(table, by_target)
    for r, kind in table.kinds.items():
        if kind in REASONS:
            table.reasons[r] = REASONS[kind]
            if kind == "category_sum":
                table.kinds[r] = "category"
    _places(table)


def _holds_date(row: list[object], c: int | None) -> bool:
    """Does the sign-date cell hold something date-like (not a category label spilling
    into that column)?"""
    if c is None or c >= len(row) or not cell_text(row[c]):
        return False
    return value_kind(row[c]) in ("date", "month", "year", "number")


def _any_filled(row: list[object], cols: list[int] | tuple[int, ...]) -> bool:
    return any(c < len(row) and cell_text(row[c]) for c in cols)


def _repeats_header(row: list[object], header_texts: dict[int, set[str]], need: int) -> bool:
    hits = 0
    for c, words in header_texts.items():
        if c < len(row) and (text := cell_text(row[c])) and (text in words or fold(text) in words):
            hits += 1
            if hits >= need:
                return True
    return False


def _amount(table: Table, r: int, c: int) -> Decimal | None:
    row = table.rows[r]
    if c >= len(row):
        return None
    try:
        return parse_amount(row[c])
    except ValueError:
        return None


def _categories_by_sum(table: Table, by_target: dict[str, int]) -> None:
    """A short label with an amount but no investor and no date, whose amount is the sum of
    the projects below it (up to the next label or total), is a category subtotal."""
    amount_c, name_c = by_target.get("signed_amount_wan"), by_target.get("name")
    if amount_c is None or name_c is None:
        return
    quiet = [c for c in (by_target.get("investor"), by_target.get("sign_date")) if c is not None]
    rows = sorted(table.kinds)
    for i, r in enumerate(rows):
        if table.kinds[r] != "data":
            continue
        row = table.rows[r]
        label = cell_text(row[name_c]) if name_c < len(row) else ""
        serial_c = by_target.get("serial")
        serial = cell_text(row[serial_c]) if serial_c is not None and serial_c < len(row) else ""
        if (
            not label
            or len(label) > _SHORT_LABEL
            or _SERIAL.match(serial)
            or _any_filled(row, quiet)
        ):
            continue
        own = _amount(table, r, amount_c)
        if own is None or own <= 0:
            continue
        total = Decimal(0)
        for r2 in rows[i + 1 :]:  # the projects below, until their amounts reach the label's
            kind = table.kinds[r2]
            if kind in ("blank", "subrow"):
                continue
            if kind != "data":
                break
            total += _amount(table, r2, amount_c) or 0
            if abs(total - own) <= Decimal("0.01"):
                table.kinds[r] = "category_sum"
                break
            if total > own:
                break


def _places(table: Table) -> None:
    """The town/park each project is grouped under: a category row ("一、城关镇（3个）"), a
    title naming the town, or the sheet's own name (a sheet per town)."""
    titles = [cell_text(v) for r in table.title_rows for v in table.rows[r] if cell_text(v)]
    place = place_name(table.sheet) or next((p for t in titles if (p := place_name(t))), None)
    for r in sorted(table.kinds):
        kind = table.kinds[r]
        if kind == "category":
            texts = [cell_text(v) for v in table.rows[r] if cell_text(v)][:2]
            place = next((p for t in texts if (p := place_name(t))), place)
        elif kind == "data" and place:
            table.places[r] = place
