"""One spreadsheet row -> the project data it states, with errors and warnings in Chinese.

Validation goes through ``tracker.domain.fields.clean_field`` — the same check the portfolio
applies on write — so a row the plan accepts is a row the database accepts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from tracker.domain.dates import is_approximate
from tracker.domain.fields import clean_field
from tracker.domain.money import wan_to_json
from tracker.domain.vocabulary import FIELD_BY_KEY, MONEY_FIELDS, Stage, Status
from tracker.errors import ValidationError
from tracker.importing.table import SourceColumn, Table
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

PROGRESS_FIELDS = ("funds_arrived_wan", "invested_wan")
DATE_TARGETS = {"sign_date", "status_date", "planned_start", "planned_production", "progress_as_of"}
TEXT_SKIP = {"serial"}
_PLAIN_TARGETS = set(FIELD_BY_KEY) | set(PROGRESS_FIELDS) | DATE_TARGETS


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


def parse_row(table: Table, r: int, row_values: list[object] | None = None) -> ParsedRow:
    row = (
        row_values
        if row_values is not None
        else (merged_values(table, r) if r in table.attached else table.rows[r])
    )
    out = ParsedRow()
    stage_dates: dict[str, str] = {}
    planned: dict[str, str] = {}
    word_stage: Stage | None = None
    flagged: list[Stage] = []
    unflagged: list[Stage] = []
    status: Status | None = None
    for col in table.columns:
        target = col.target
        if target is None or target in TEXT_SKIP:
            continue
        value = row[col.index] if col.index < len(row) else None
        if value is None or value == "":  # fast path: most cells of a sparse ledger
            if target in _PLAIN_TARGETS:
                _put(out, target, None)
            continue
        try:
            _read_cell(table, col, target, value, out, stage_dates, planned)
            if target == "stage":
                word_stage = parse_stage_word(value) or word_stage
                status = parse_status(value) or status
            elif target == "status":
                status = _status_cell(value) or status
            elif target.startswith("stage_flags."):
                stage = Stage(target.split(".", 1)[1])
                flag = _flag_cell(value, stage, stage_dates)
                (flagged if flag else unflagged if flag is False else []).append(stage)
        except (ValueError, ValidationError) as exc:
            message = exc.message if isinstance(exc, ValidationError) else str(exc)
            out.errors.append(f"“{_label(col)}”列：{message}")
    if table.places.get(r) and table.column_for("location") is None:
        _put(out, "location", table.places[r])
    _finish_stage(out, stage_dates, planned, word_stage, flagged, unflagged)
    if status is not None:
        out.data["status"] = status.value
        out.fields["status"] = status.value
    _check_required(table, out)
    return out


def _status_cell(value: object) -> Status | None:
    text = cell_text(value)
    if not text:
        return None
    status = parse_status(text)
    if status is None and text in ("是", "否"):
        return Status.TERMINATED if text == "是" else Status.ACTIVE
    if status is None:
        raise ValueError(f"看不懂的状态：“{quote(value)}”（应为 正常/暂缓/终止）")
    return status


def _flag_cell(value: object, stage: Stage, stage_dates: dict[str, str]) -> bool | None:
    try:
        return parse_flag(value)
    except ValueError:
        date = parse_date(value)  # "是否开工" holding the date it started means yes
        if date:
            stage_dates.setdefault(stage.value, date)
            return True
        raise


def _read_cell(
    table: Table,
    col: SourceColumn,
    target: str,
    value: object,
    out: ParsedRow,
    stage_dates: dict[str, str],
    planned: dict[str, str],
) -> None:
    if target.startswith("stage_dates.") or target.startswith("planned_dates."):
        date = parse_date(value)
        if date:
            kind, stage = target.split(".", 1)
            (stage_dates if kind == "stage_dates" else planned)[stage] = date
            _approx(out, col, date)
        return
    if target in DATE_TARGETS:
        date = parse_date(value)
        _approx(out, col, date)
        _put(out, target, clean_field(target, date) if target in FIELD_BY_KEY else date)
        return
    if target in MONEY_FIELDS or target in PROGRESS_FIELDS:
        unit = col.unit or table.title_unit
        amount = parse_amount(value, None if target == "foreign_capital_wan_usd" else unit)
        if target in FIELD_BY_KEY and target != "signed_amount_wan":
            amount = clean_field(target, amount)
        _put(out, target, amount)
        return
    if target == "land_area_mu":
        _put(out, target, clean_field(target, parse_number(value)))
        return
    if target in ("stage", "status", "serial") or target.startswith("stage_flags."):
        return
    text = cell_text(value) or None
    if target in FIELD_BY_KEY and target not in ("name", "investor"):
        text = clean_field(target, text)
    _put(out, target, text)


def _put(out: ParsedRow, key: str, value: Any) -> None:
    out.data[key] = value
    out.fields[key] = _json(value)


def _approx(out: ParsedRow, col: SourceColumn, date: str | None) -> None:
    if date and is_approximate(date):
        out.warnings.append(f"“{_label(col)}”只有年月（{date}），按近似日期导入")


def _finish_stage(
    out: ParsedRow,
    stage_dates: dict[str, str],
    planned: dict[str, str],
    word_stage: Stage | None,
    flagged: list[Stage],
    unflagged: list[Stage],
) -> None:
    dated = [Stage(s) for s in stage_dates]
    reached = [*dated, *flagged, *([word_stage] if word_stage else [])]
    stage = max(reached, key=lambda s: s.rank, default=Stage.SIGNED)
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


def _check_required(table: Table, out: ParsedRow) -> None:
    labels = {c.target: _label(c) for c in table.columns if c.target}
    for key in ("name", "investor", "sign_date", "signed_amount_wan"):
        spec = FIELD_BY_KEY[key]
        if key not in labels:
            out.errors.append(f"表中没有“{spec.label}”列（必填）；请在列对应中指定")
            continue
        if any(e.startswith(f"“{labels[key]}”列") for e in out.errors):
            continue
        if out.data.get(key) in (None, ""):
            out.errors.append(f"“{labels[key]}”列是空的：{spec.label}必须填写")
            continue
        try:
            value = clean_field(key, out.data.get(key))
        except ValidationError as exc:
            out.errors.append(f"“{labels[key]}”列：{exc.message}")
            continue
        if key in ("name", "investor"):
            out.data[key] = out.fields[key] = value
    name = out.data.get("name")
    if isinstance(name, str) and name.startswith(("=", "+", "-", "@")):
        out.warnings.append("名称以公式符号开头，已按原文文字导入（不是公式）")
