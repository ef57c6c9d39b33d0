"""The list sheets of the review workbook: 预警清单, 项目台账, 诉求清单.

Rows are written through the fast ``SheetWriter``; each sheet has its title block, a
frozen header that repeats on every printed page, an auto-filter and the signature lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from openpyxl.styles.cell_style import StyleArray
from openpyxl.worksheet.worksheet import Worksheet

from tracker.domain.dates import to_date
from tracker.domain.project import Project
from tracker.domain.vocabulary import Stage
from tracker.reports.layout import (
    ReportColumn,
    preparer,
    set_widths,
    signoff,
    table,
    title_block,
)
from tracker.reports.styles import SheetWriter, filter_range, print_setup
from tracker.review import LEVEL_LABELS, RED, Review
from tracker.review import facts as f

WARNING_COLUMNS = [
    ReportColumn("序号", "int", 6),
    ReportColumn("预警\n等级", "center", 7),
    ReportColumn("预警类型", "center", 12),
    ReportColumn("项目名称", "wrap", 24),
    ReportColumn("投资主体", "wrap", 20),
    ReportColumn("签约日期", "center", 11),
    ReportColumn("签约总投资\n（万元）", "money", 13),
    ReportColumn("当前\n阶段", "center", 7),
    ReportColumn("预警事实", "wrap", 58),
    ReportColumn("责任单位", "wrap", 14),
    ReportColumn("包抓\n领导", "center", 9),
]
TERMINATED_COLUMNS = [
    ReportColumn("序号", "int"),
    ReportColumn("状态", "center"),
    ReportColumn("终止日期", "center"),
    ReportColumn("项目名称", "wrap"),
    ReportColumn("投资主体", "wrap"),
    ReportColumn("签约日期", "center"),
    ReportColumn("签约总投资\n（万元）", "money"),
    ReportColumn("终止前\n阶段", "center"),
    ReportColumn("终止原因", "wrap"),
    ReportColumn("责任单位", "wrap"),
    ReportColumn("包抓\n领导", "center"),
]
LEDGER_COLUMNS = [
    ReportColumn("序号", "int", 6),
    ReportColumn("项目名称", "wrap", 24),
    ReportColumn("投资主体", "wrap", 20),
    ReportColumn("产业类别", "wrap", 10),
    ReportColumn("签约形式", "center", 9),
    ReportColumn("签约日期", "center", 11),
    ReportColumn("签约总投资\n（万元）", "money", 12),
    ReportColumn("责任单位", "wrap", 12),
    ReportColumn("包抓\n领导", "center", 8),
    ReportColumn("落地乡镇\n/园区", "wrap", 10),
    ReportColumn("当前\n阶段", "center", 6),
    ReportColumn("状态", "center", 6),
    ReportColumn("实际注册", "center", 11),
    ReportColumn("计划开工", "center", 11),
    ReportColumn("实际开工", "center", 11),
    ReportColumn("计划投产", "center", 11),
    ReportColumn("实际投产", "center", 11),
    ReportColumn("累计到位资金\n（万元）", "money", 12),
    ReportColumn("资金\n到位率", "percent", 8),
    ReportColumn("累计完成投资\n（万元）", "money", 12),
    ReportColumn("预警", "center", 6),
]
PROBLEM_COLUMNS = [
    ReportColumn("序号", "int", 6),
    ReportColumn("项目名称", "wrap", 24),
    ReportColumn("责任单位", "wrap", 14),
    ReportColumn("包抓\n领导", "center", 8),
    ReportColumn("提出日期", "center", 11),
    ReportColumn("诉求\n类别", "center", 7),
    ReportColumn("诉求内容", "wrap", 44),
    ReportColumn("承办单位", "wrap", 14),
    ReportColumn("办结时限", "center", 11),
    ReportColumn("办理\n状态", "center", 7),
    ReportColumn("逾期\n天数", "int", 7),
]


def _text(project: Project, key: str) -> Any:
    return project.fields.get(key)


def _planned(p: Project, stage: Stage) -> str | None:
    d = p.stage_dates.get(stage)
    return d.planned if d else None


def _actual(p: Project, stage: Stage) -> str | None:
    d = p.stage_dates.get(stage)
    return d.actual if d else None


def _finish(
    w: SheetWriter,
    columns: list[ReportColumn],
    header: int,
    last: int,
    ncols: int,
    preparer: str = "",
) -> None:
    signoff(w, last + 1, ncols, preparer)
    set_widths(w, columns, header, last)
    print_setup(
        w.ws,
        title_rows=(1, header),
        freeze=f"A{header + 1}",
        filter_ref=filter_range(header, last, len(columns)),
    )


def write_warnings(ws: Worksheet, review: Review, title: str, left: str, right: str) -> None:
    w = SheetWriter(ws)
    ncols = len(WARNING_COLUMNS)
    counts = review.counts_by_level()
    right = f"红灯 {counts['red']} 个  黄灯 {counts['yellow']} 个    {right}"
    row = title_block(w, 1, ncols, title, left, right)
    by_id = {p.id: p for p in review.projects}
    as_of = review.as_of

    def rows() -> Iterator[list[Any]]:
        for i, warning in enumerate(review.warnings, 1):
            p = by_id[warning.project_id]
            yield [
                i,
                warning.level_label,
                warning.rule_label,
                warning.project,
                _text(p, "investor"),
                warning.sign_date,
                f.signed_amount(p),
                f.stage_as_of(p, as_of).label,
                warning.message,
                warning.unit,
                warning.leader,
            ]

    header, last = table(w, row, WARNING_COLUMNS, rows(), (x.level for x in review.warnings))
    end = last
    terminated = review.terminated
    if terminated:
        w.merged(
            last + 2,
            1,
            ncols,
            f"已终止项目（不预警，列明终止原因）：{len(terminated)} 个",
            "section",
        )
        term_rows = [
            [
                i,
                "终止",
                p.status_date,
                _text(p, "name"),
                _text(p, "investor"),
                _text(p, "sign_date"),
                f.signed_amount(p),
                f.stage_as_of(p, as_of).label,
                p.status_reason,
                _text(p, "unit"),
                _text(p, "leader"),
            ]
            for i, p in enumerate(terminated, 1)
        ]
        _, end = table(w, last + 3, TERMINATED_COLUMNS, term_rows)
    signoff(w, end + 1, ncols, preparer(review.settings))
    set_widths(w, WARNING_COLUMNS, header, last)
    print_setup(
        ws,
        title_rows=(1, header),
        freeze=f"A{header + 1}",
        filter_ref=filter_range(header, last, ncols),
    )


def ledger_row(i: int, p: Project, as_of: date, worst: str | None) -> list[Any]:
    funds = f.latest_amount(p, "funds_arrived_wan", as_of)
    signed = f.signed_amount(p)
    ratio = (funds / signed) if (funds is not None and signed) else None
    return [
        i,
        _text(p, "name"),
        _text(p, "investor"),
        _text(p, "industry"),
        _text(p, "agreement_type"),
        _text(p, "sign_date"),
        signed,
        _text(p, "unit"),
        _text(p, "leader"),
        _text(p, "location"),
        f.stage_as_of(p, as_of).label,
        f.status_as_of(p, as_of).label,
        _actual(p, Stage.REGISTERED),
        _planned(p, Stage.STARTED),
        _actual(p, Stage.STARTED),
        _planned(p, Stage.PRODUCING),
        _actual(p, Stage.PRODUCING),
        funds,
        ratio,
        f.latest_amount(p, "invested_wan", as_of),
        LEVEL_LABELS.get(worst or "", None),
    ]


def write_ledger(ws: Worksheet, review: Review, title: str, left: str, right: str) -> None:
    w = SheetWriter(ws)
    row = title_block(w, 1, len(LEDGER_COLUMNS), title, left, right)
    worst: dict[int, str] = {}
    for x in review.warnings:
        if worst.get(x.project_id) != RED:
            worst[x.project_id] = x.level
    rows = (
        ledger_row(i, p, review.as_of, worst.get(p.id)) for i, p in enumerate(review.projects, 1)
    )
    header, last = table(w, row, LEDGER_COLUMNS, rows)
    # tint only the 预警 cell: the rest of a ledger row stays plain to read
    col = len(LEDGER_COLUMNS)
    tinted = {lvl: w.style("center", lvl) for lvl in ("red", "yellow")}
    for i, p in enumerate(review.projects, 1):
        level = worst.get(p.id)
        if level:
            w.ws._cells[(header + i, col)]._style = StyleArray(tinted[level])
    _finish(w, LEDGER_COLUMNS, header, last, len(LEDGER_COLUMNS), preparer(review.settings))


def write_problems(ws: Worksheet, review: Review, title: str, left: str, right: str) -> None:
    w = SheetWriter(ws)
    row = title_block(w, 1, len(PROBLEM_COLUMNS), title, left, right)
    level_of = {
        x.extra.get("problem_id"): x.level for x in review.warnings if x.rule == "problem_overdue"
    }
    rows: list[list[Any]] = []
    tints: list[str | None] = []
    for p in review.projects:
        if f.is_terminated(p, review.as_of):
            continue
        for problem in p.problems:
            if not f.is_open(problem, review.as_of):
                continue
            deadline = to_date(problem.deadline)
            late = (review.as_of - deadline).days if deadline else None
            rows.append(
                [
                    len(rows) + 1,
                    _text(p, "name"),
                    _text(p, "unit"),
                    _text(p, "leader"),
                    problem.raised_date,
                    problem.category,
                    problem.description,
                    problem.owner_unit,
                    problem.deadline,
                    problem.status,
                    late if late and late > 0 else None,
                ]
            )
            tints.append(level_of.get(problem.id))
    header, last = table(w, row, PROBLEM_COLUMNS, rows, tints)
    _finish(w, PROBLEM_COLUMNS, header, last, len(PROBLEM_COLUMNS), preparer(review.settings))
