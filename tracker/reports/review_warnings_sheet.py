"""The 预警清单 (one row per project) and 预警明细 (one row per warning) sheets.

A review meeting reads projects out, so 预警清单 lists each project once: red projects
before yellow ones, then by 责任单位, its rules joined in one cell ("逾期未开工（红）；
资金到位滞后（黄）") and their facts one per line. Terminated projects follow in their own
section with the same columns (the repeated header still reads right), their reason in
the facts column. 预警明细 keeps one row per warning for whoever sorts or filters them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from tracker.domain.dates import display_date
from tracker.reports.layout import ReportColumn, body, preparer, table, title_block
from tracker.reports.pages import Block
from tracker.reports.review_sheets import finish_list, stage_text, text
from tracker.reports.styles import NO_VALUE, SheetWriter
from tracker.review import Review
from tracker.review import facts as f

# Widths: one A4 landscape width at 100 % (``pages``), about 141 units in all.
PROJECT_COLUMNS = [
    ReportColumn("序号", "int", 5),
    ReportColumn("预警\n等级", "center", 5.5),
    ReportColumn("项目名称", "wrap", 16),
    ReportColumn("投资主体", "wrap", 13),
    ReportColumn("签约日期", "center", 12),
    ReportColumn("签约总投资\n（万元）", "money", 11.5),
    ReportColumn("当前\n阶段", "wrap", 5.5),
    ReportColumn("预警类型", "wrap", 18),
    ReportColumn("预警事实", "wrap", 37.5),
    ReportColumn("责任单位", "wrap", 10.5),
    ReportColumn("包抓\n领导", "wrap", 6.5),
]
DETAIL_COLUMNS = [
    ReportColumn("序号", "int", 5),
    ReportColumn("预警\n等级", "center", 5.5),
    ReportColumn("预警类型", "wrap", 12),
    ReportColumn("项目名称", "wrap", 16),
    ReportColumn("投资主体", "wrap", 13),
    ReportColumn("签约日期", "center", 12),
    ReportColumn("签约总投资\n（万元）", "money", 11.5),
    ReportColumn("当前\n阶段", "wrap", 5.5),
    ReportColumn("预警事实", "wrap", 42),
    ReportColumn("责任单位", "wrap", 10.5),
    ReportColumn("包抓\n领导", "wrap", 6.5),
]


def write_warnings(ws: Worksheet, review: Review, title: str, left: str, right: str) -> None:
    """预警清单: one row per project, then the terminated projects."""
    w = SheetWriter(ws)
    ncols = len(PROJECT_COLUMNS)
    row = title_block(w, 1, ncols, title, left, right, review.counts().text())
    by_id = {p.id: p for p in review.projects}
    entries = review.by_project

    def rows() -> Iterator[list[Any]]:
        for i, entry in enumerate(entries, 1):
            p = by_id[entry.project_id]
            yield [
                i,
                entry.level_label,
                entry.project,
                text(p, "investor"),
                display_date(entry.sign_date),
                f.signed_amount(p),
                stage_text(p, review.as_of),
                entry.rules_lines,
                entry.facts_text,
                entry.unit,
                entry.leader,
            ]

    tints = [e.level for e in entries]
    header, last = table(w, row, PROJECT_COLUMNS, rows(), tints, empty=NO_VALUE)
    blocks = [Block(header + 1, last, keep=False, head=1)]
    terminated = review.terminated
    if terminated:
        first = last + 2
        w.merged(
            first, 1, ncols, f"已终止项目（不预警，列明终止原因）：{len(terminated)} 个", "section"
        )
        w.ws.row_dimensions[first].height = 24
        term_rows = [
            [
                i,
                "终止",
                text(p, "name"),
                text(p, "investor"),
                display_date(p.sign_date),
                f.signed_amount(p),
                f.stage_as_of(p, review.as_of).label,
                "已终止",
                f"{display_date(p.status_date) or '终止日期未填'} 终止，原因：{p.status_reason or '未填'}",
                text(p, "unit"),
                text(p, "leader"),
            ]
            for i, p in enumerate(terminated, 1)
        ]
        # no header of its own: the header repeated at the top of the page names these columns
        last = body(w, first + 1, PROJECT_COLUMNS, term_rows, empty=NO_VALUE)
        blocks.append(Block(first, last, keep=True, head=1))
    finish_list(
        w,
        PROJECT_COLUMNS,
        header,
        last,
        blocks,
        filter_last=header + len(entries),
        signer=preparer(review.settings),
    )


def write_warning_details(ws: Worksheet, review: Review, title: str, left: str, right: str) -> None:
    """预警明细: one row per warning, red before yellow, then by rule."""
    w = SheetWriter(ws)
    ncols = len(DETAIL_COLUMNS)
    row = title_block(w, 1, ncols, title, left, right, review.counts().text())
    by_id = {p.id: p for p in review.projects}
    stages: dict[int, str] = {}  # a project has several warnings: its stage is read once

    def rows() -> Iterator[list[Any]]:
        for i, warning in enumerate(review.warnings, 1):
            p = by_id[warning.project_id]
            stage = stages.get(p.id)
            if stage is None:
                stage = stages[p.id] = stage_text(p, review.as_of)
            yield [
                i,
                warning.level_label,
                warning.rule_label,
                warning.project,
                text(p, "investor"),
                display_date(warning.sign_date),
                f.signed_amount(p),
                stage,
                warning.message,
                warning.unit,
                warning.leader,
            ]

    tints = [x.level for x in review.warnings]
    header, last = table(w, row, DETAIL_COLUMNS, rows(), tints, empty=NO_VALUE)
    finish_list(w, DETAIL_COLUMNS, header, last, signer=preparer(review.settings))
