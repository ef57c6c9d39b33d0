"""The list sheets of the review workbook: 项目台账 and 诉求清单 (and what every list sheet
shares when it is finished: widths, signatures, print setup, page breaks).

Each printed list is designed to fit one A4 landscape width at full size: a chosen set of
columns with two-line headers and wrapped text, never 21 columns shrunk to 6-pt type.
(The full-width ledger, every field and stage date, is its own export: ``ledger_export``.)
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from tracker.domain.dates import display_date, to_date
from tracker.domain.project import Project
from tracker.domain.vocabulary import Status
from tracker.reports.layout import (
    ReportColumn,
    preparer,
    set_widths,
    signoff,
    table,
    title_block,
)
from tracker.reports.pages import Block, apply_breaks, fit_page_width, place_breaks
from tracker.reports.styles import NO_VALUE, SheetWriter, filter_range, print_setup
from tracker.review import ProjectWarnings, Review
from tracker.review import facts as f

# Widths: one A4 landscape width at 100 % (``pages``), about 141 units in all.
LEDGER_COLUMNS = [
    ReportColumn("序号", "int", 5),
    ReportColumn("项目名称", "wrap", 17.5),
    ReportColumn("投资主体", "wrap", 14),
    ReportColumn("签约日期", "center", 12),
    ReportColumn("签约总投资\n（万元）", "money", 11.5),
    ReportColumn("当前\n阶段", "wrap", 5.5),
    ReportColumn("责任单位", "wrap", 10.5),
    ReportColumn("包抓\n领导", "wrap", 6.5),
    ReportColumn("落地乡镇\n/园区", "wrap", 9.5),
    ReportColumn("累计到位\n资金（万元）", "money", 11.5),
    ReportColumn("最新进展", "wrap", 19),
    ReportColumn("预警", "wrap", 18),
]
PROBLEM_COLUMNS = [
    ReportColumn("序号", "int", 5),
    ReportColumn("项目名称", "wrap", 16),
    ReportColumn("责任单位", "wrap", 10.5),
    ReportColumn("包抓\n领导", "wrap", 6.5),
    ReportColumn("提出日期", "center", 12),
    ReportColumn("诉求\n类别", "wrap", 6.5),
    ReportColumn("诉求内容", "wrap", 38),
    ReportColumn("承办单位", "wrap", 10.5),
    ReportColumn("办结时限", "center", 12),
    ReportColumn("办理\n状态", "center", 6.5),
    ReportColumn("逾期\n天数", "int", 6.5),
]


def text(project: Project, key: str) -> Any:
    return project.fields.get(key)


def stage_text(p: Project, as_of: date) -> str:
    """当前阶段, with 暂缓/终止 on a second line when the project is not active."""
    stage = f.stage_as_of(p, as_of).label
    status = f.status_as_of(p, as_of)
    return stage if status is Status.ACTIVE else f"{stage}\n{status.label}"


def finish_list(
    w: SheetWriter,
    columns: list[ReportColumn],
    header: int,
    last: int,
    blocks: list[Block] | None = None,
    filter_last: int | None = None,
    signer: str = "",
) -> None:
    """Signature lines, fixed widths, print setup; the last block keeps the signatures
    company, and any ``blocks`` (a section below the list) start a page when they fit."""
    ncols = len(columns)
    set_widths(w, columns, header, header, fixed=True)
    end = signoff(w, last + 1, ncols, signer) - 1
    print_setup(
        w.ws,
        title_rows=(1, header),
        freeze=f"A{header + 1}",
        filter_ref=filter_range(header, filter_last or last, ncols),
    )
    fit_page_width(w.ws, ncols)
    sections = list(blocks or [Block(header + 1, last, keep=False, head=1)])
    final = sections[-1]
    sections[-1] = Block(final.first, end, keep=final.keep, head=final.head, tail=final.tail)
    apply_breaks(w.ws, place_breaks(w.ws, sections, repeat=(1, header), flow=False))


def ledger_row(i: int, p: Project, as_of: date, entry: ProjectWarnings | None) -> list[Any]:
    if entry is not None:
        warnings = entry.rules_lines
    elif f.is_terminated(p, as_of):
        warnings = "已终止"
    else:
        warnings = None
    return [
        i,
        text(p, "name"),
        text(p, "investor"),
        display_date(p.sign_date),
        f.signed_amount(p),
        stage_text(p, as_of),
        text(p, "unit"),
        text(p, "leader"),
        text(p, "location"),
        f.latest_amount(p, "funds_arrived_wan", as_of),
        f.latest_progress_text(p, as_of),
        warnings,
    ]


def write_ledger(ws: Worksheet, review: Review, title: str, left: str, right: str) -> None:
    w = SheetWriter(ws)
    row = title_block(w, 1, len(LEDGER_COLUMNS), title, left, right)
    entries = {e.project_id: e for e in review.by_project}
    rows = (
        ledger_row(i, p, review.as_of, entries.get(p.id)) for i, p in enumerate(review.projects, 1)
    )
    header, last = table(w, row, LEDGER_COLUMNS, rows, empty=NO_VALUE)
    # tint only the 预警 cell: the rest of a ledger row stays plain to read
    col = len(LEDGER_COLUMNS)
    tinted = {lvl: w.style("wrap", lvl) for lvl in ("red", "yellow")}
    cells = w.ws._cells
    for i, p in enumerate(review.projects, 1):
        entry = entries.get(p.id)
        if entry is not None:
            cells[(header + i, col)]._style = tinted[entry.level]
    finish_list(w, LEDGER_COLUMNS, header, last, signer=preparer(review.settings))


def write_problems(ws: Worksheet, review: Review, title: str, left: str, right: str) -> None:
    w = SheetWriter(ws)
    row = title_block(w, 1, len(PROBLEM_COLUMNS), title, left, right)
    level_of = {
        x.extra.get("problem_id"): x.level for x in review.warnings if x.rule == "problem_overdue"
    }
    tints: list[str | None] = []

    def rows() -> Iterator[list[Any]]:
        n = 0
        for p in review.projects:
            if f.is_terminated(p, review.as_of):
                continue
            for problem in p.problems:
                if not f.is_open(problem, review.as_of):
                    continue
                deadline = to_date(problem.deadline)
                late = (review.as_of - deadline).days if deadline else None
                n += 1
                tints.append(level_of.get(problem.id))
                yield [
                    n,
                    text(p, "name"),
                    text(p, "unit"),
                    text(p, "leader"),
                    display_date(problem.raised_date),
                    problem.category,
                    problem.description,
                    problem.owner_unit,
                    display_date(problem.deadline),
                    problem.status,
                    late if late and late > 0 else None,
                ]

    listed = list(rows())
    header, last = table(w, row, PROBLEM_COLUMNS, listed, tints, empty=NO_VALUE)
    finish_list(w, PROBLEM_COLUMNS, header, last, signer=preparer(review.settings))
