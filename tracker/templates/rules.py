"""What goes under each column of a template: a ledger field or a computed rule, in words.

The field comes from the importer's title evidence (``find_table`` → ``mapping.choose``
→ ``titles``), read in reverse: a header the importer would import as 联系人 is filled
from 联系人. A template also has columns no ledger has as such, computed here from what
the ledger knows: 序号, 联系人及电话 (two fields in one cell, told by the parts of the
header), 目前进展情况 (stage, latest note and its date), 建设起止时间 (start — production),
amounts in the unit the header names, and cumulative figures at the date the header
names ("至2024年底累计完成投资"), or over the period it names ("2025年1-6月完成投资").
A column nothing fits stays blank and is listed.
"""

from __future__ import annotations

import calendar
import logging
import re
from dataclasses import dataclass
from datetime import date

from tracker.domain.vocabulary import FIELD_BY_KEY, MONEY_FIELDS
from tracker.importing.synonyms import TARGET_LABELS
from tracker.importing.titles import column_hints, header_key
from tracker.importing.values import fold
from tracker.templates.layout import TemplateColumn, TemplateLayout

log = logging.getLogger(__name__)

HINT_MIN = 0.6  # a part of a header names a field from this title score
# A template has no values to confirm a title: from this score (a title rule's wording,
# 0.85 × the importer's 0.95) its field needs no look from the clerk.
SURE_TITLE = 0.8
# Rules that are not one ledger field (the fields use the importer's labels).
COMPUTED_LABELS: dict[str, str] = {
    "serial": "序号（1、2、3…）",
    "stage": "当前阶段",
    "progress": "目前进展情况（阶段、最新进展及日期）",
    "period": "建设起止时间（开工—投产）",
    "as_of": "统计截至日期",
}
FIGURES = ("funds_arrived_wan", "invested_wan")  # cumulative figures read at a date
NUMERIC = (*MONEY_FIELDS, "land_area_mu", *FIGURES)  # summed on a 合计 row
JOINED = "+"  # "contact+phone": several fields in one cell

_PERIOD = re.compile(r"起止|起始|起讫|建设周期|建设期限|建设年限|工期")
_ANNUAL_PLAN = re.compile(r"(\d{4}年度?|年度|本年|当年|今年|明年|下年)(计划|预计|拟)")
_INVEST_FORM = re.compile(r"招商形式|招商方式|引资方式|合作方式|投资方式|合作形式|投资形式")
_STAGE_ONLY = re.compile(r"阶段|所处")
_EMPTY_COLUMN = "；列中没有值"  # the importer's note on a column without values: always so here
_NOT_IMPORTED = "未导入："
_UNIT_IN_LABEL = re.compile(r"[（(][^（）()]*元[)）]$")
_PARTS = re.compile(r"及|和|与|暨|、|/|／|·|\+|＋|，|,")
_AT = re.compile(r"(?:至|截至|截止|到|止)(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?(?:底|末)?")
_RANGE = re.compile(r"(\d{4})年(\d{1,2})[-—~～至到](\d{1,2})月")
_YEAR = re.compile(r"(\d{4})年度?")


@dataclass(frozen=True)
class Scope:
    """The unit and dates a column's header states (whatever rule it gets)."""

    unit: str | None = None  # 万元 / 亿元 / 元 (None: 万元)
    at: date | None = None  # read the figure as of this day (None: the as-of date)
    since: date | None = None  # a period: the figure at ``at`` less the one at ``since``


@dataclass
class ColumnRule:
    """A listed column, its rule key (None: left blank), why, and its header's scope."""

    column: TemplateColumn
    key: str | None
    reason: str
    scope: Scope
    confident: bool = True


def rule_label(key: str | None) -> str:
    """The rule's name as the clerk reads it."""
    if key is None:
        return "（留空）"
    if JOINED in key:
        return "及".join(rule_label(k) for k in key.split(JOINED))
    label = COMPUTED_LABELS.get(key) or TARGET_LABELS.get(key) or key
    return _UNIT_IN_LABEL.sub("", label) if key in NUMERIC else label


def rule_choices() -> list[tuple[str, str]]:
    """(key, label) of every rule the clerk can pick for a column."""
    skip = {"stage", "progress_as_of", "serial"}
    fields = [(k, rule_label(k)) for k in TARGET_LABELS if k not in skip]
    return [*COMPUTED_LABELS.items(), ("contact+phone", rule_label("contact+phone")), *fields]


def valid_key(key: str) -> bool:
    parts = key.split(JOINED)
    return all(p in COMPUTED_LABELS or p in TARGET_LABELS for p in parts) and (
        len(parts) == 1 or all(p in FIELD_BY_KEY for p in parts)
    )


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def header_scope(text: str, title_unit: str | None, unit: str | None) -> Scope:
    """Unit and dates from a header: "至2024年底" → 2024-12-31; "2025年1-6月" → the
    change from 2024-12-31 to 2025-06-30; "2025年完成投资" → the change over 2025."""
    folded = fold(text)
    at = since = None
    if m := _AT.search(folded):
        year, month, day = int(m[1]), m[2], m[3]
        try:
            if day:
                at = date(year, int(month), int(day))
            else:
                at = _month_end(year, int(month)) if month else date(year, 12, 31)
        except ValueError:
            at = None
    elif m := _RANGE.search(folded):
        year, first, last = int(m[1]), int(m[2]), int(m[3])
        if 1 <= first <= last <= 12:
            at = _month_end(year, last)
            since = date(year - 1, 12, 31) if first == 1 else _month_end(year, first - 1)
    elif (m := _YEAR.search(folded)) and "累计" not in folded:
        year = int(m[1])
        at, since = date(year, 12, 31), date(year - 1, 12, 31)
    return Scope(unit=unit or title_unit, at=at, since=since)


def _joined(text: str) -> str | None:
    """Several fields named in one header ("联系人及电话", "业主名称·负责人·电话")."""
    parts = [p for p in _PARTS.split(text) if p]
    if len(parts) < 2:
        return None
    found: list[str] = []
    for part in parts:
        hints = column_hints(part)
        best = max(hints.values(), key=lambda h: h.score) if hints else None
        if best is None or best.score < HINT_MIN or best.target not in FIELD_BY_KEY:
            return None
        if best.target in MONEY_FIELDS:
            return None
        if best.target not in found:
            found.append(best.target)
    return JOINED.join(found) if len(found) >= 2 else None


def auto_rule(column: TemplateColumn) -> tuple[str | None, str, bool]:
    """(rule key, reason, sure) for a column from its header alone."""
    src = column.source
    text = fold(src.upper + src.lower)
    words = src.lower or src.upper
    said = src.reason.replace(_EMPTY_COLUMN, "")
    if _PERIOD.search(text):
        return "period", "表头是建设起止时间：填开工（计划）至投产（计划）的年月", True
    if _ANNUAL_PLAN.search(text):
        return None, "年度计划类数字台账中没有，留空请手工填写", True
    if _INVEST_FORM.search(text):
        return "project_type", "表头是招商形式/项目性质：填项目类型（新引进/增资扩股）", False
    target = src.target
    exact = bool(target) and src.score >= 0.95
    if not exact and (joined := _joined(header_key(words))):
        return joined, f"表头含多项：{rule_label(joined)}，合在一格填写", True
    if target is None:
        if said.startswith(_NOT_IMPORTED):  # "像“联系人”，但该字段已由另一列承担"
            return None, said.removeprefix(_NOT_IMPORTED) + "；留空", True
        return None, "台账中没有对应的内容，留空", True
    if target == "stage":
        key = "stage" if _STAGE_ONLY.search(text) and "情况" not in text else "progress"
        return key, said, True
    if target == "progress_as_of":
        return "as_of", said, True
    return target, said, src.score >= SURE_TITLE


def auto_rules(layout: TemplateLayout) -> list[ColumnRule]:
    """A rule for every listed column of the template."""
    out = []
    for column in layout.listed():
        key, reason, sure = auto_rule(column)
        scope = header_scope(column.header, layout.title_unit, column.source.unit)
        out.append(ColumnRule(column, key, reason, scope, sure))
    return out


def describe(rule: ColumnRule, as_of: date | None = None) -> str:
    """The rule in words, with the unit and dates it uses."""
    key, scope = rule.key, rule.scope
    if key is None:
        return "留空"
    text = rule_label(key)
    if key in FIGURES:
        day = min(scope.at, as_of) if scope.at and as_of else scope.at or as_of
        at = day.isoformat() if day else "统计截至日"
        if scope.since:
            text += f"：{scope.since.isoformat()} 至 {at} 的增加额"
        else:
            text += f"：截至 {at} 的累计数"
    if key in NUMERIC and key not in ("land_area_mu", "foreign_capital_wan_usd"):
        text += f"（{scope.unit or '万元'}）"
    elif key == "foreign_capital_wan_usd":
        text += "（万美元）"
    elif key == "land_area_mu":
        text += "（亩）"
    return text
