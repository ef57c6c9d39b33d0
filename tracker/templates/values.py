"""The value a rule gives for one project on the as-of date, and a 合计 row's sums.

Everything is read as of the report's date with the review's own facts (``review.facts``):
a stage reached later, money reported later, a termination dated later do not count.
Money stays exact: 万元 Decimals converted to the unit the header names by the same
factors the importer reads units with.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from tracker.domain.dates import display_date
from tracker.domain.money import UNIT_FACTORS, plain_decimal
from tracker.domain.project import Project
from tracker.domain.vocabulary import MONEY_FIELDS, Stage, Status
from tracker.review import facts
from tracker.templates.rules import FIGURES, JOINED, NUMERIC, ColumnRule, Scope

log = logging.getLogger(__name__)

Value = str | int | Decimal | None
_STATUS_WORDS = {Status.PAUSED: "暂缓", Status.TERMINATED: "已终止"}


def in_unit(wan: Decimal | None, unit: str | None) -> Decimal | None:
    """万元 -> the header's unit (亿元, 元 …), exactly."""
    if wan is None:
        return None
    factor = UNIT_FACTORS.get(unit or "万元", Decimal(1))
    return plain_decimal(wan / factor)


def _month(value: str | None) -> str | None:
    """A stored date as a form writes a month: 2025-03-10 -> 2025.03."""
    if not value:
        return None
    return value[:7].replace("-", ".")


def _status_note(project: Project, as_of: date) -> str | None:
    status = facts.status_as_of(project, as_of)
    if status is Status.ACTIVE:
        return None
    parts = [_STATUS_WORDS[status], display_date(project.status_date), project.status_reason]
    return " ".join(p for p in parts if p)


def progress_text(project: Project, as_of: date) -> str:
    """目前进展情况: termination or pause first, then the stage reached and its date, then
    the latest note or visit up to the as-of date."""
    latest = facts.latest_progress_text(project, as_of)
    if facts.stage_as_of(project, as_of) is Stage.SIGNED:
        signed = f"已签约 {display_date(project.sign_date)}"
        latest = f"{signed}；{latest}" if latest else signed
    note = _status_note(project, as_of)
    return "；".join(p for p in (note, latest) if p)


def period_text(project: Project, as_of: date) -> str | None:
    """建设起止时间: start (actual, else planned) — production (actual, else planned)."""

    def when(stage: Stage, planned: str | None) -> str | None:
        dates = project.stage_dates.get(stage)
        if dates is not None and facts.on_or_before(dates.actual, as_of):
            return _month(dates.actual)
        return _month(planned or (dates.planned if dates else None))

    start = when(Stage.STARTED, None)
    end = when(Stage.PRODUCING, None) or when(Stage.COMPLETED, None)
    if not start and not end:
        return None
    return f"{start or ''}—{end or ''}"


def figure(project: Project, attr: str, scope: Scope, as_of: date) -> Decimal | None:
    """A cumulative figure at the header's date (never after the as-of date), or its
    increase over the header's period (no earlier figure counts as nothing yet)."""
    at = min(scope.at, as_of) if scope.at else as_of
    value = facts.latest_amount(project, attr, at)
    if value is None or scope.since is None:
        return value
    before = facts.latest_amount(project, attr, scope.since) if scope.since < at else None
    return value - (before or Decimal(0))


def _field(project: Project, key: str, as_of: date) -> Value:
    value = project.fields.get(key)
    if key == "sign_date":
        return display_date(str(value)) if value else None
    if value is None or value == "":
        return None
    return value if isinstance(value, Decimal) else str(value)


def _stage_value(project: Project, key: str, as_of: date) -> Value:
    kind, _, name = key.partition(".")
    if key in ("planned_start", "planned_production"):
        kind, name = "planned_dates", "started" if key == "planned_start" else "producing"
    stage = Stage(name)
    dates = project.stage_dates.get(stage)
    if kind == "stage_flags":
        return "是" if facts.reached(project, stage, as_of) else "否"
    if dates is None:
        return None
    if kind == "stage_dates":
        return display_date(dates.actual) if facts.on_or_before(dates.actual, as_of) else None
    return display_date(dates.planned)


def cell_value(rule: ColumnRule, project: Project, serial: int, as_of: date) -> Value:
    """What the template gets under this column for this project."""
    key = rule.key
    if key is None:
        return None
    if JOINED in key:
        parts = [_field(project, k, as_of) for k in key.split(JOINED)]
        return " ".join(str(p) for p in parts if p not in (None, "")) or None
    if key == "serial":
        return serial
    if key in MONEY_FIELDS:
        value = project.fields.get(key)
        money = value if isinstance(value, Decimal) else None
        return money if key == "foreign_capital_wan_usd" else in_unit(money, rule.scope.unit)
    if key in FIGURES:
        return in_unit(figure(project, key, rule.scope, as_of), rule.scope.unit)
    if key == "stage":
        note = _STATUS_WORDS.get(facts.status_as_of(project, as_of))
        label = facts.stage_as_of(project, as_of).label
        return f"{label}（{note}）" if note else label
    if key == "progress":
        return progress_text(project, as_of)
    if key == "period":
        return period_text(project, as_of)
    if key == "as_of":
        return as_of.isoformat()
    if key == "status":
        return facts.status_as_of(project, as_of).label
    if key in ("status_date", "status_reason"):
        if facts.status_as_of(project, as_of) is Status.ACTIVE:
            return None
        return display_date(project.status_date) if key == "status_date" else project.status_reason
    if key.startswith(("stage_dates.", "planned_dates.", "stage_flags.", "planned_")):
        return _stage_value(project, key, as_of)
    return _field(project, key, as_of)


def column_sum(rule: ColumnRule, values: Sequence[Value]) -> Decimal | None:
    """A 合计 cell: the exact sum of the numbers above (None when there are none)."""
    if rule.key not in NUMERIC:
        return None
    numbers = [v for v in values if isinstance(v, Decimal | int) and not isinstance(v, bool)]
    return plain_decimal(sum((Decimal(v) for v in numbers), Decimal(0))) if numbers else None
