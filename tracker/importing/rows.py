"""Spreadsheet rows -> the project data they state, with errors and warnings in Chinese.

Validation goes through ``tracker.domain.fields.clean_field`` — the same check the portfolio
applies on write — so a row the plan accepts is a row the database accepts.

Rows are read column by column: each mapped column has one reader and a cache of what each
distinct cell text in it means (units, leaders, towns, stage words and dates repeat down a
ledger), so a 20,000-row sheet parses each distinct value once; the rows are then put
together from the cached results.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from tracker.domain.dates import is_approximate, precision
from tracker.domain.fields import CONTROL_CHARS, SHORT_TEXT_MAX, clean_field
from tracker.domain.money import wan_to_json
from tracker.domain.vocabulary import FIELD_BY_KEY, MONEY_FIELDS, Stage, Status
from tracker.errors import ValidationError
from tracker.importing.table_model import SourceColumn, Table
from tracker.importing.values import (
    cell_text,
    parse_amount,
    parse_date,
    parse_flag,
    parse_number,
    parse_stage_word,
    parse_status,
    quote,
)

log = logging.getLogger(__name__)

PROGRESS_FIELDS = ("funds_arrived_wan", "invested_wan")
DATE_TARGETS = {"sign_date", "status_date", "planned_start", "planned_production", "progress_as_of"}
TEXT_SKIP = {"serial"}
_PLAIN_TARGETS = set(FIELD_BY_KEY) | set(PROGRESS_FIELDS) | DATE_TARGETS
SOURCE_WORDS = {"clerk": "导入时指定", "title": "取自标题中的年份"}
_STAGE = {s.value: s for s in Stage}  # Stage(x) and .rank cost an enum call per use;
_RANK = {s.value: i for i, s in enumerate(Stage)}  # rows are read 20,000 at a time
PRECISION_WORDS = {"year": "只有年份", "month": "只有年月", "day": ""}


@dataclass
class ParsedRow:
    """What one row says. ``data`` is ready for ``Portfolio.add_project``; ``fields`` is
    the JSON the CLI prints (same names as ``list --json``)."""

    data: dict[str, Any] = field(default_factory=dict)
    fields: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    stage: Stage = Stage.SIGNED
    stage_without_date: Stage | None = None


def _json(value: Any) -> Any:
    return wan_to_json(value) if isinstance(value, Decimal) else value


def _label(col: SourceColumn) -> str:
    return col.header or f"第{col.index + 1}列"


def merged_values(table: Table, r: int) -> list[object]:
    """The row's cells with its sub-rows folded in: text continues ("；"), blanks filled."""
    row = list(table.rows[r])
    for sub in table.attached.get(r, []):
        for c, value in enumerate(table.rows[sub]):
            if not cell_text(value):
                continue
            if c >= len(row):
                row.extend([None] * (c + 1 - len(row)))
            if not cell_text(row[c]):
                row[c] = value
            elif isinstance(row[c], str) and isinstance(value, str):
                row[c] = f"{row[c]}；{value}"
    return row


# -- one reader per column ----------------------------------------------------------------
# A reader turns one non-empty cell into (value, extra, error, warning): the parsed value,
# something the row needs besides it (a JSON form, a status, a date), the error message that
# rejects the row, or a warning that does not.

Result = tuple[Any, Any, str | None, str | None]
Reader = Callable[[object], Result]


def _error(exc: Exception) -> str:
    return exc.message if isinstance(exc, ValidationError) else str(exc)


def _date_reader(target: str, label: str) -> Reader:
    check = target in FIELD_BY_KEY

    def read(value: object) -> Result:
        date = parse_date(value)
        if check:
            date = clean_field(target, date)
        approx = _approx_warning(label, date) if date and is_approximate(date) else None
        return date, date, None, approx

    return read


def _money_reader(table: Table, col: SourceColumn, target: str) -> Reader:
    unit = None if target == "foreign_capital_wan_usd" else (col.unit or table.title_unit)
    check = target in FIELD_BY_KEY

    def read(value: object) -> Result:
        amount = parse_amount(value, unit)
        if check:
            amount = clean_field(target, amount)
        return amount, _json(amount), None, None

    return read


def _area_reader(value: object) -> Result:
    number = clean_field("land_area_mu", parse_number(value))
    return number, _json(number), None, None


def _stage_reader(label: str) -> Reader:
    def read(value: object) -> Result:
        """An unknown progress phrase is a warning, not a reason to lose the project."""
        try:
            return parse_stage_word(value), parse_status(value), None, None
        except ValueError as exc:
            return None, None, None, f"“{label}”列：{exc}，按“已签约”导入，请核实"

    return read


def _status_reader(value: object) -> Result:
    text = cell_text(value)
    status = parse_status(text) if text else None
    if text and status is None and text in ("是", "否"):
        status = Status.TERMINATED if text == "是" else Status.ACTIVE
    if text and status is None:
        raise ValueError(f"看不懂的状态：“{quote(value)}”（应为 正常/暂缓/终止）")
    return status, None, None, None


def _flag_reader(value: object) -> Result:
    try:
        return parse_flag(value), None, None, None
    except ValueError:
        date = parse_date(value)  # "是否开工" holding the date it started means yes
        if date:
            return True, date, None, None
        raise


def _text_reader(target: str) -> Reader:
    # A blank investor may be completed later (待补全), so only a present one is checked.
    check = target in FIELD_BY_KEY

    def read(value: object) -> Result:
        text = cell_text(value) or None
        if check and (text is not None or target != "investor"):
            text = clean_field(target, text)
        return text, text, None, None

    return read


# Text fields whose value clean_field may refuse (a choice, a date written as text …);
# the other text columns need no reader at all.
_CHECKED_TEXT = {f.key for f in FIELD_BY_KEY.values() if f.kind not in ("text",)}


def _needs_check(text: str) -> bool:
    """Free text that ``clean_field`` would change or refuse: too long, or control
    characters (a NUL from a broken CSV). Rare, so the fast path only looks for it."""
    return len(text) > SHORT_TEXT_MAX or CONTROL_CHARS.search(text) is not None


# Plain columns put (value, JSON value) straight into the row; the others feed the stage.
PLAIN_KINDS = {"text", "value", "date"}


def _reader(table: Table, col: SourceColumn, target: str, label: str) -> tuple[str, Reader]:
    """(what kind of column, its reader)."""
    if target.startswith(("stage_dates.", "planned_dates.")):
        return "stage_date", _date_reader(target, label)
    if target in DATE_TARGETS:
        return "date", _date_reader(target, label)
    if target in MONEY_FIELDS or target in PROGRESS_FIELDS:
        return "value", _money_reader(table, col, target)
    if target == "land_area_mu":
        return "value", _area_reader
    if target == "stage":
        return "stage", _stage_reader(label)
    if target == "status":
        return "status", _status_reader
    if target.startswith("stage_flags."):
        return "flag", _flag_reader
    return "text", _text_reader(target)


class _Column:
    """A mapped column with its reader and the cache of what each distinct cell means."""

    __slots__ = ("index", "target", "kind", "read", "cache", "stage", "label", "which", "noisy")

    def __init__(self, table: Table, col: SourceColumn, target: str) -> None:
        self.index, self.target, self.label = col.index, target, _label(col)
        self.kind, self.read = _reader(table, col, target, self.label)
        self.cache: dict[object, Result] = {}
        self.noisy = False  # some cell gave an error or a warning
        self.which, _, stage = target.partition(".")
        self.stage = Stage(stage) if stage else None

    def result(self, value: object) -> Result:
        key = _key(value)
        try:
            cached = self.cache.get(key)
        except TypeError:  # an unhashable cell: parsed, not remembered
            return self.compute(None, value)
        return cached or self.compute(key, value)

    def compute(self, key: object, value: object) -> Result:
        """Parse a cell not seen before in this column, and remember it."""
        try:
            res = self.read(value)
        except (ValueError, ValidationError) as exc:
            res = (None, None, f"“{self.label}”列：{_error(exc)}", None)
        if key is not None:
            self.cache[key] = res
        if res[2] is not None or res[3] is not None:
            self.noisy = True
        return res


def _key(value: object) -> object:
    """A cache key telling 1, 1.0 and True apart (they are equal as dict keys)."""
    return value if type(value) is str else (type(value), value)


_EMPTY: Result = (None, None, None, None)


def _column_results(column: _Column, grid: list[list[object]]) -> list[Result]:
    """Every row's result for one column: blank cells are empty, the rest come from the
    column's cache (each distinct cell parsed once)."""
    index, get, result = column.index, column.cache.get, column.result
    return [
        _EMPTY
        if (v := row[index] if index < len(row) else None) is None or v == ""
        else (get(v) if type(v) is str else None) or result(v)
        for row in grid
    ]


class RowReader:
    """Reads the data rows of one table column by column: each column's cells are looked
    up in its cache (parsed on first sight) in one pass, then each row is put together
    from the columns' results."""

    def __init__(self, table: Table) -> None:
        self.table = table
        columns = [
            _Column(table, c, c.target)
            for c in table.columns
            if c.target is not None and c.target not in TEXT_SKIP
        ]
        self.plain = [c for c in columns if c.kind in PLAIN_KINDS]
        self.special = [c for c in columns if c.kind not in PLAIN_KINDS]
        self.labels = {c.target: _label(c) for c in table.columns if c.target}
        self.location_from_place = table.column_for("location") is None

    def parse_all(self, rows: list[int], grid: list[list[object]] | None = None) -> list[ParsedRow]:
        table = self.table
        if grid is None:
            grid = [merged_values(table, r) if r in table.attached else table.rows[r] for r in rows]
        plain_values, plain_json, notes = self._plain_columns(grid)
        special = [(c, _column_results(c, grid)) for c in self.special]
        targets = [c.target for c in self.plain]
        out_rows = []
        for i, r in enumerate(rows):
            out = ParsedRow(
                dict(zip(targets, plain_values[i], strict=True)),
                dict(zip(targets, plain_json[i], strict=True)),
            )
            if i in notes:
                for target, error, warning in notes[i]:
                    if error is not None:
                        out.errors.append(error)
                        del out.data[target], out.fields[target]
                    elif warning is not None:
                        out.warnings.append(warning)
            self._finish(out, r, [(c, res[i]) for c, res in special])
            out_rows.append(out)
        return out_rows

    def _plain_columns(
        self, grid: list[list[object]]
    ) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], dict[int, list[Any]]]:
        """Per row: the plain columns' values, their JSON forms, and (column order) the
        errors and warnings of the few cells that have any."""
        values, jsons = [], []
        notes: dict[int, list[Any]] = {}
        for column in self.plain:
            if column.kind == "text" and column.target not in _CHECKED_TEXT:
                index = column.index  # free text: the cell's text is the value, nothing to fail
                texts = [
                    (v.strip() or None if type(v) is str else cell_text(v) or None)
                    if (v := row[index] if index < len(row) else None) is not None
                    else None
                    for row in grid
                ]
                if not any(t is not None and _needs_check(t) for t in texts):
                    values.append(texts)
                    jsons.append(texts)
                    continue  # else a cell is too long or holds control characters
            results = _column_results(column, grid)
            values.append([res[0] for res in results])
            jsons.append([res[1] for res in results])
            if column.noisy:
                for i, res in enumerate(results):
                    if res[2] is not None or res[3] is not None:
                        notes.setdefault(i, []).append((column.target, res[2], res[3]))
        n = len(grid)
        if not values:
            return [()] * n, [()] * n, notes
        return list(zip(*values, strict=True)), list(zip(*jsons, strict=True)), notes

    def _finish(self, out: ParsedRow, r: int, special: list[tuple[_Column, Result]]) -> None:
        """Stage, status and the required fields of one row."""
        data, fields = out.data, out.fields
        stage_dates: dict[str, str] = {}
        planned: dict[str, str] = {}
        word_stage: Stage | None = None
        flagged: list[Stage] = []
        unflagged: list[Stage] = []
        status: Status | None = None
        for column, (parsed, extra, error, warning) in special:
            if error is not None:
                out.errors.append(error)
                continue
            if warning is not None:
                out.warnings.append(warning)
            kind = column.kind
            if kind == "stage_date":
                if parsed:
                    assert column.stage is not None
                    dates = stage_dates if column.which == "stage_dates" else planned
                    dates[column.stage.value] = parsed
            elif kind == "stage":
                word_stage = parsed or word_stage
                status = extra or status
            elif kind == "status":
                status = parsed or status
            elif kind == "flag":
                assert column.stage is not None
                if extra:
                    stage_dates.setdefault(column.stage.value, extra)
                if parsed:
                    flagged.append(column.stage)
                elif parsed is False:
                    unflagged.append(column.stage)
        if self.location_from_place and (place := self.table.places.get(r)):
            data["location"] = fields["location"] = place
        self._sign_date(out, self.labels.get("sign_date"), self.table)
        _finish_stage(out, stage_dates, planned, word_stage, flagged, unflagged)
        if status is not None:
            data["status"] = fields["status"] = status.value
        self._check_required(out)

    def _check_required(self, out: ParsedRow) -> None:
        """Only the project name is indispensable: a missing investor is imported blank and
        listed as 待补全; a missing sign date takes the sheet's default, if one was given."""
        labels = self.labels
        _require(out, "name", labels.get("name"))
        _require(out, "signed_amount_wan", labels.get("signed_amount_wan"))
        investor = labels.get("investor")
        if investor is None or (
            out.data.get("investor") in (None, "")
            and not any(e.startswith(f"“{investor}”列") for e in out.errors)
        ):
            out.data["investor"] = out.fields["investor"] = None
            out.warnings.append(
                "表中没有投资主体列" if investor is None else f"“{investor}”列是空的"
            )
            out.warnings[-1] += "：投资主体留空导入，请在台账“待补全”中补上"
        elif isinstance(out.data.get("investor"), str):
            out.data["investor"] = out.fields["investor"] = out.data["investor"].strip()
        name = out.data.get("name")
        if isinstance(name, str) and name.startswith(("=", "+", "-", "@")):
            out.warnings.append("名称以公式符号开头，已按原文文字导入（不是公式）")

    @staticmethod
    def _sign_date(out: ParsedRow, label: str | None, table: Table) -> None:
        if out.data.get("sign_date"):
            return
        if (
            label is not None
            and out.errors
            and any(e.startswith(f"“{label}”列") for e in out.errors)
        ):
            return
        default, source = table.sign_date_default, table.sign_date_source
        usable = default and (label is None or source == "clerk")
        if not usable:
            if label is None:
                out.errors.append(
                    "表中没有签约日期列：请给出这些项目的签约时间"
                    "（导入向导中填写，或命令行加 --sign-date 2021 / 2021-06 / 2021-06-30）"
                )
            else:
                out.errors.append(f"“{label}”列是空的：签约日期必须填写")
            return
        assert default is not None
        out.data["sign_date"] = out.fields["sign_date"] = default
        detail = PRECISION_WORDS[precision(default) or "day"]
        out.warnings.append(
            ("表中没有签约日期列" if label is None else f"“{label}”列是空的")
            + f"：签约日期按 {default}（{SOURCE_WORDS.get(source, source)}"
            + (f"，{detail}" if detail else "")
            + "）导入，请核实"
        )


def _require(out: ParsedRow, key: str, label: str | None) -> None:
    """The column's reader has checked the value (``clean_field``); here only its presence."""
    spec = FIELD_BY_KEY[key]
    if label is None:
        out.errors.append(f"表中没有“{spec.label}”列（必填）；请在列对应中指定")
        return
    if out.data.get(key) in (None, "") and not (
        out.errors and any(e.startswith(f"“{label}”列") for e in out.errors)
    ):
        out.errors.append(f"“{label}”列是空的：{spec.label}必须填写")


def _approx_warning(label: str, date: str) -> str:
    return f"“{label}”{PRECISION_WORDS[precision(date) or 'month']}（{date}），按近似日期导入"


def _finish_stage(
    out: ParsedRow,
    stage_dates: dict[str, str],
    planned: dict[str, str],
    word_stage: Stage | None,
    flagged: list[Stage],
    unflagged: list[Stage],
) -> None:
    stage = word_stage or Stage.SIGNED
    for s in flagged:
        if _RANK[s] > _RANK[stage]:
            stage = s
    for key in stage_dates:
        if _RANK[key] > _RANK[stage]:
            stage = _STAGE[key]
    out.stage = stage
    out.fields["stage"] = stage.value
    if stage_dates:
        out.data["stage_dates"] = dict(stage_dates)
        out.fields["stage_dates"] = (
            dict(sorted(stage_dates.items(), key=lambda kv: _RANK[kv[0]]))
            if len(stage_dates) > 1
            else dict(stage_dates)
        )
    if planned:
        out.data["planned_dates"] = dict(planned)
        out.fields["planned_dates"] = dict(planned)
    for s in unflagged:
        if s.value in stage_dates:
            out.warnings.append(f"标为未{s.label}，却填了{s.label}时间（{stage_dates[s.value]}）")
    if stage is not Stage.SIGNED and not any(_RANK[s] >= _RANK[stage] for s in stage_dates):
        out.stage_without_date = stage
        out.warnings.append(
            f"项目进展为“{stage.label}”但没有{stage.label}日期：导入时{stage.label}时间按签约年月近似记录，请核实"
        )
    if stage_dates:
        _check_order(out, stage_dates)


def _check_order(out: ParsedRow, stage_dates: dict[str, str]) -> None:
    sign = out.data.get("sign_date")
    ordered = sorted(stage_dates.items(), key=lambda kv: _RANK[kv[0]])
    for stage, date in ordered:
        if sign and (date < sign if len(date) == len(sign) == 10 else date[:7] < sign[:7]):
            out.warnings.append(f"{Stage(stage).label}时间（{date}）早于签约日期（{sign}）")
    for (s1, d1), (s2, d2) in zip(ordered, ordered[1:], strict=False):
        if d2 < d1 and d2[:7] != d1[:7]:
            out.warnings.append(
                f"日期先后不对：{Stage(s2).label}（{d2}）早于{Stage(s1).label}（{d1}）"
            )
