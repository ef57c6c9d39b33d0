"""Filling a template the city sent: read it, decide each column's rule, choose the
projects, write them, save as .xlsx. The CLI and the dialog both call these functions.

``inspect_template`` reads the template and proposes a rule per column (a saved mapping
for the same header wins over the guess); the clerk may change rules with ``set_rule``;
``fill_template`` opens the template again (the inspected copy is never written to, so a
dialog can preview while a worker thread fills) and saves the result through the reports'
safe save (temporary file, then replace; a file open in Excel is said plainly).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from tracker.domain.project import Project
from tracker.domain.vocabulary import Stage, Status
from tracker.errors import Cancelled, TrackerError
from tracker.ledger.loader import load_projects
from tracker.ledger.portfolio import Portfolio
from tracker.ledger.queries import ProjectFilter
from tracker.reports.output import check_target, save_workbook
from tracker.review import facts
from tracker.templates.layout import TemplateLayout, choose_sheet
from tracker.templates.placeholders import fill_placeholders
from tracker.templates.presets import PRESET_REASON, load_mapping, save_mapping
from tracker.templates.rules import ColumnRule, auto_rules, describe, rule_label, valid_key
from tracker.templates.source import open_template
from tracker.templates.values import Value, cell_value
from tracker.templates.write import set_print_titles, write_rows, write_totals
from tracker.work import CancelFn, ProgressFn, never_cancelled, no_progress

log = logging.getLogger(__name__)

CLERK_REASON = "由您指定"
PREVIEW_ROWS = 5


@dataclass
class FillOptions:
    """Which projects go in, and the date everything is read as of."""

    as_of: date
    year: int | None = None
    unit: str | None = None
    town: str | None = None
    stage: str | None = None  # a Stage value: the stage reached by the as-of date
    status: str | None = None  # a Status value, as of the as-of date
    sheet: str | None = None  # the template's sheet (default: the first with a header)


@dataclass
class TemplatePlan:
    """A read template: where its table is and the rule of each column."""

    path: Path
    format: str
    layout: TemplateLayout
    rules: list[ColumnRule]
    preset_used: bool = False
    corrected: bool = False  # the clerk changed a rule: remember the mapping
    sheets: list[str] = field(default_factory=list)

    def mapping(self) -> dict[str, str | None]:
        """{column letter: rule key or None}, as presets and ``--json`` give it."""
        return {r.column.letter: r.key for r in self.rules}

    def unknown(self) -> list[ColumnRule]:
        return [r for r in self.rules if r.key is None]

    def to_json(self, as_of: date | None = None) -> list[dict[str, Any]]:
        return [
            {
                "column": r.column.letter,
                "header": r.column.header,
                "rule": r.key,
                "label": rule_label(r.key),
                "words": describe(r, as_of),
                "reason": r.reason,
                "sure": r.confident,
            }
            for r in self.rules
        ]


@dataclass
class FillResult:
    path: Path
    rows: int
    plan: TemplatePlan


def inspect_template(
    path: Path | str, portfolio: Portfolio | None = None, sheet: str | None = None
) -> TemplatePlan:
    """Read the template and propose a rule for every column (a remembered mapping of the
    same header first)."""
    book = open_template(path)
    ws, layout = choose_sheet(book.workbook.worksheets, sheet, book.path.name)
    plan = TemplatePlan(
        book.path, book.format, layout, auto_rules(layout), sheets=book.workbook.sheetnames
    )
    if portfolio is not None:
        saved = load_mapping(portfolio, layout.signature)
        if saved:
            _apply(plan, saved, PRESET_REASON)
            plan.preset_used = True
    return plan


def _apply(plan: TemplatePlan, mapping: dict[str, str | None], reason: str) -> None:
    for rule in plan.rules:
        letter = rule.column.letter
        if letter in mapping and mapping[letter] != rule.key:
            rule.key, rule.reason = mapping[letter], reason
        rule.confident = True


def set_rule(plan: TemplatePlan, letter: str, key: str | None) -> None:
    """The clerk's choice for one column (``key`` None: leave it blank)."""
    if key is not None and not valid_key(key):
        raise TrackerError(f"列 {letter} 的填写规则“{key}”无法识别。")
    found = [r for r in plan.rules if r.column.letter == letter.upper()]
    if not found:
        have = "、".join(r.column.letter for r in plan.rules)
        raise TrackerError(f"模板表格中没有第 {letter} 列（可填写的列：{have}）。")
    rule = found[0]
    if rule.key != key:
        rule.key, rule.reason = key, CLERK_REASON
        plan.corrected = True
    rule.confident = True


def remember(portfolio: Portfolio, plan: TemplatePlan) -> bool:
    """Save the mapping the clerk corrected, for the next template with this header."""
    if not plan.corrected:
        return False
    save_mapping(portfolio, plan.layout.signature, plan.mapping())
    return True


def select_projects(portfolio: Portfolio, options: FillOptions) -> list[Project]:
    """The projects the report covers: the ledger's filters, then what was true on the
    as-of date (signed by then; stage reached and status held by then)."""
    flt = ProjectFilter(year=options.year, unit=options.unit, location=options.town)
    projects = load_projects(portfolio.db, flt)
    as_of = options.as_of
    stage = Stage(options.stage) if options.stage else None
    status = Status(options.status) if options.status else None
    return [
        p
        for p in projects
        if facts.is_signed_by(p, as_of)
        and (stage is None or facts.stage_as_of(p, as_of) is stage)
        and (status is None or facts.status_as_of(p, as_of) is status)
    ]


def table_values(
    plan: TemplatePlan,
    projects: list[Project],
    as_of: date,
    progress: ProgressFn = no_progress,
    cancelled: CancelFn = never_cancelled,
) -> list[list[Value]]:
    rows = []
    for i, project in enumerate(projects):
        if i % 200 == 0:
            if cancelled():
                raise Cancelled()
            progress(i, len(projects), "正在整理项目数据")
        rows.append([cell_value(rule, project, i + 1, as_of) for rule in plan.rules])
    return rows


@dataclass
class Preview:
    """How many projects the filters take, and the first rows as they will be written."""

    count: int
    rows: list[list[str]]


def shown(value: Value) -> str:
    """A cell as the preview shows it (the file gets numbers as numbers)."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def preview(
    plan: TemplatePlan, projects: list[Project], as_of: date, limit: int = PREVIEW_ROWS
) -> Preview:
    rows = table_values(plan, projects[:limit], as_of)
    return Preview(len(projects), [[shown(v) for v in row] for row in rows])


def fill_template(
    plan: TemplatePlan,
    projects: list[Project],
    out: Path | str,
    options: FillOptions,
    settings: dict[str, Any],
    progress: ProgressFn = no_progress,
    cancelled: CancelFn = never_cancelled,
) -> FillResult:
    """Write ``projects`` into a fresh copy of the template and save it at ``out``."""
    out = check_target(Path(out))
    if out.resolve() == plan.path.resolve():
        raise TrackerError("不能覆盖上级下发的模板本身，请另选一个文件名保存填好的报表。")
    book = open_template(plan.path)
    ws, layout = choose_sheet(book.workbook.worksheets, plan.layout.sheet, book.path.name)
    if layout.signature != plan.layout.signature:
        raise TrackerError(f"模板“{plan.path.name}”在读取后被修改过，请重新选择模板。")
    rows = table_values(plan, projects, options.as_of, progress, cancelled)
    progress(len(projects), len(projects) + 1, "正在写入模板")
    first = write_rows(ws, layout, plan.rules, rows)
    delta = len(rows) - (layout.area_end - layout.area_start) if rows else 0
    totals = [r + 1 + (delta if r >= layout.area_end else 0) for r in layout.totals]
    write_totals(ws, totals, plan.rules, rows)
    header = [r + 1 for r in layout.header_rows]
    fill_placeholders(
        ws,
        [*header, *range(first, first + len(rows))],
        unit=str(settings.get("reporting_unit") or ""),
        county=str(settings.get("county_name") or ""),
        as_of=options.as_of,
    )
    set_print_titles(ws, layout)
    book.workbook.active = book.workbook.worksheets.index(ws)
    if cancelled():
        raise Cancelled()
    path = save_workbook(book.workbook, out)
    log.info("template %s filled: %d rows -> %s", plan.path.name, len(rows), path)
    return FillResult(path, len(rows), plan)
