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
from tracker.domain.fields import clean_field
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


def _error(exc: Exception) -> str:
    return exc.message if isinstance(exc, ValidationError) else str(exc)


def _date_reader(target: str) -> Callable[[object], Result]:
    plain = target in DATE_TARGETS

    def read(value: object) -> Result:
        date = parse_date(value)
        if plain and target in FIELD_BY_KEY:
            date = clean_field(target, date)
        return date, bool(date and is_approximate(date)), None, None

    return read


def _money_reader(table: Table, col: SourceColumn, target: str) -> Callable[[object], Result]:
    unit = None if target == "foreign_capital_wan_usd" else (col.unit or table.title_unit)
    check = target in FIELD_BY_KEY and target != "signed_amount_wan"

    def read(value: object) -> Result:
        amount = parse_amount(value, unit)
        if check:
            amount = clean_field(target, amount)
        return amount, _json(amount), None, None

    return read


def _area_reader(value: object) -> Result:
    number = clean_field("land_area_mu", parse_number(value))
    return number, _json(number), None, None


def _stage_reader(value: object) -> Result:
    """An unknown progress phrase is a warning, not a reason to lose the project."""
    try:
        return parse_stage_word(value), parse_status(value), None, None
    except ValueError as exc:
        return None, None, None, f"{exc}，按“已签约”导入，请核实"


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


def _text_reader(target: str) -> Callable[[object], Result]:
    check = target in FIELD_BY_KEY and target not in ("name", "investor")

    def read(value: object) -> Result:
        text = cell_text(value) or None
        if check:
            text = clean_field(target, text)
        return text, None, None, None

    return read


def _reader(table: Table, col: SourceColumn, target: str) -> tuple[str, Callable[[object], Result]]:
    """(what kind of column, its reader)."""
    if target.startswith(("stage_dates.", "planned_dates.")):
        return "stage_date", _date_reader(target)
    if target in DATE_TARGETS:
        return "date", _date_reader(target)
    if target in MONEY_FIELDS or target in PROGRESS_FIELDS:
        return "value", _money_reader(table, col, target)
    if target == "land_area_mu":
        return "value", _area_reader
    if target == "stage":
        return "stage", _stage_reader
    if target == "status":
        return "status", _status_reader
    if target.startswith("stage_flags."):
        return "flag", _flag_reader
    return "text", _text_reader(target)


class _Column:
    """A mapped column with its reader and the cache of what each distinct cell means."""

    __slots__ = ("col", "target", "kind", "read", "cache", "stage", "label")

    def __init__(self, table: Table, col: SourceColumn, target: str) -> None:
        self.col, self.target, self.label = col, target, _label(col)
        self.kind, self.read = _reader(table, col, target)
        self.cache: dict[object, Result] = {}
        self.stage = Stage(target.split(".", 1)[1]) if "." in target else None

    def result(self, value: object) -> Result:
        key: object = value if type(value) is str else (type(value), value)
        try:
            return self.cache[key]
        except KeyError:
            pass
        except TypeError:  # an unhashable cell: parse it without remembering
            key = None
        try:
            res = self.read(value)
        except (ValueError, ValidationError) as exc:
            res = (None, None, f"“{self.label}”列：{_error(exc)}", None)
        if key is not None:
            self.cache[key] = res
        return res


class RowReader:
    """Reads the data rows of one table; build once per table, call for each row."""

    def __init__(self, table: Table) -> None:
        self.table = table
        self.columns = [
            _Column(table, c, c.target)
            for c in table.columns
            if c.target is not None and c.target not in TEXT_SKIP
        ]
        self.labels = {c.target: _label(c) for c in table.columns if c.target}
        self.location_from_place = table.column_for("location") is None

    def parse(self, r: int, row_values: list[object] | None = None) -> ParsedRow:
        table = self.table
        if row_values is not None:
            row = row_values
        else:
            row = merged_values(table, r) if r in table.attached else table.rows[r]
        width = len(row)
        out = ParsedRow()
        data, fields, errors = out.data, out.fields, out.errors
        stage_dates: dict[str, str] = {}
        planned: dict[str, str] = {}
        word_stage: Stage | None = None
        flagged: list[Stage] = []
        unflagged: list[Stage] = []
        status: Status | None = None
        for column in self.columns:
            index = column.col.index
            value = row[index] if index < width else None
            kind, target = column.kind, column.target
            if value is None or value == "":  # fast path: most cells of a sparse ledger
                if target in _PLAIN_TARGETS:
                    data[target] = fields[target] = None
                continue
            parsed, extra, error, warning = column.result(value)
            if error is not None:
                errors.append(error)
                continue
            if warning is not None:
                out.warnings.append(f"“{column.label}”列：{warning}")
            if kind == "text":
                data[target] = fields[target] = parsed
            elif kind == "value":
                data[target], fields[target] = parsed, extra
            elif kind == "date":
                data[target] = fields[target] = parsed
                if extra:
                    out.warnings.append(_approx_warning(column.label, parsed))
            elif kind == "stage_date":
                if parsed:
                    which, stage = target.split(".", 1)
                    (stage_dates if which == "stage_dates" else planned)[stage] = parsed
                    if extra:
                        out.warnings.append(_approx_warning(column.label, parsed))
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
        if self.location_from_place and (place := table.places.get(r)):
            data["location"] = fields["location"] = place
        self._sign_date(out, self.labels.get("sign_date"), table)
        _finish_stage(out, stage_dates, planned, word_stage, flagged, unflagged)
        if status is not None:
            data["status"] = fields["status"] = status.value
        self._check_required(out)
        return out

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
        if label is not None and any(e.startswith(f"“{label}”列") for e in out.errors):
            return
        if out.data.get("sign_date"):
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
    spec = FIELD_BY_KEY[key]
    if label is None:
        out.errors.append(f"表中没有“{spec.label}”列（必填）；请在列对应中指定")
        return
    if any(e.startswith(f"“{label}”列") for e in out.errors):
        return
    if out.data.get(key) in (None, ""):
        out.errors.append(f"“{label}”列是空的：{spec.label}必须填写")
        return
    try:
        value = clean_field(key, out.data.get(key))
    except ValidationError as exc:
        out.errors.append(f"“{label}”列：{exc.message}")
        return
    if key == "name":
        out.data[key] = out.fields[key] = value


def parse_row(table: Table, r: int, row_values: list[object] | None = None) -> ParsedRow:
    """One row (for a single look; ``RowReader`` reads many rows with shared caches)."""
    return RowReader(table).parse(r, row_values)


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
        if s.rank > stage.rank:
            stage = s
    for key in stage_dates:
        s = Stage(key)
        if s.rank > stage.rank:
            stage = s
    out.stage = stage
    out.fields["stage"] = stage.value
    if stage_dates:
        out.data["stage_dates"] = dict(stage_dates)
        out.fields["stage_dates"] = dict(
            sorted(stage_dates.items(), key=lambda kv: Stage(kv[0]).rank)
        )
    if planned:
        out.data["planned_dates"] = dict(planned)
        out.fields["planned_dates"] = dict(planned)
    for s in unflagged:
        if s.value in stage_dates:
            out.warnings.append(f"标为未{s.label}，却填了{s.label}时间（{stage_dates[s.value]}）")
    if stage is not Stage.SIGNED and not any(Stage(s).rank >= stage.rank for s in stage_dates):
        out.stage_without_date = stage
        out.warnings.append(
            f"项目进展为“{stage.label}”但没有{stage.label}日期：导入时{stage.label}时间按签约年月近似记录，请核实"
        )
    if stage_dates:
        _check_order(out, stage_dates)


def _check_order(out: ParsedRow, stage_dates: dict[str, str]) -> None:
    sign = out.data.get("sign_date")
    ordered = sorted(stage_dates.items(), key=lambda kv: Stage(kv[0]).rank)
    for stage, date in ordered:
        if sign and (date < sign if len(date) == len(sign) == 10 else date[:7] < sign[:7]):
            out.warnings.append(f"{Stage(stage).label}时间（{date}）早于签约日期（{sign}）")
    for (s1, d1), (s2, d2) in zip(ordered, ordered[1:], strict=False):
        if d2 < d1 and d2[:7] != d1[:7]:
            out.warnings.append(
                f"日期先后不对：{Stage(s2).label}（{d2}）早于{Stage(s1).label}（{d1}）"
            )
