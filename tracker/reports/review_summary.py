"""The 汇总 sheet: rates overall and by unit / industry / town, the funnel chart, the
新引进 vs 增资扩股 split (喜新厌旧), industry shares (跟风从众) and the 口径说明."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.worksheet.worksheet import Worksheet

from tracker.reports.layout import (
    ReportColumn,
    preparer,
    set_widths,
    signoff,
    table,
    title_block,
)
from tracker.reports.pages import Block, apply_breaks, fit_page_width, place_breaks
from tracker.reports.styles import LINE_HEIGHT, NO_VALUE, SheetWriter, print_setup, print_width
from tracker.review import Rates, Review, Share, percent
from tracker.review.by_project import counts_by_rule
from tracker.review.definitions import definitions


def rate_columns(first: str) -> list[ReportColumn]:
    """Widths chosen so the 15 columns print on one A4 landscape width at 100 %."""
    return [
        ReportColumn(first, "wrap", 17),
        ReportColumn("签约\n项目数", "int", 8),
        ReportColumn("签约总投资\n（万元）", "money", 12.5),
        ReportColumn("履约\n项目数", "int", 8),
        ReportColumn("履约率", "percent", 8),
        ReportColumn("落地\n项目数", "int", 8),
        ReportColumn("落地率", "percent", 8),
        ReportColumn("开工\n项目数", "int", 8),
        ReportColumn("开工率", "percent", 8),
        ReportColumn("到位资金\n（万元）", "money", 12.5),
        ReportColumn("资金\n到位率", "percent", 8),
        ReportColumn("投产\n项目数", "int", 8),
        ReportColumn("投产率", "percent", 8),
        ReportColumn("平均签约至\n开工天数", "decimal1", 10),
        ReportColumn("终止\n项目数", "int", 8),
    ]


NCOLS = len(rate_columns(""))


def fraction(pct: Decimal | None) -> Any:
    """A percentage (31.82) as the fraction Excel formats with "0.00%" (0.3182)."""
    return NO_VALUE if pct is None else pct / 100


def rate_row(name: str, r: Rates) -> list[Any]:
    mean = r.mean_days_to_start
    return [
        name,
        r.signed,
        r.signed_amount_wan,
        r.performing,
        fraction(r.performing_pct),
        r.registered,
        fraction(r.registered_pct),
        r.started,
        fraction(r.started_pct),
        r.funds_arrived_wan,
        fraction(r.funds_pct),
        r.producing,
        fraction(r.producing_pct),
        NO_VALUE if mean is None else mean,
        r.terminated,
    ]


def _section(w: SheetWriter, row: int, text: str) -> int:
    w.merged(row, 1, NCOLS, text, "section")
    w.ws.row_dimensions[row].height = 22
    return row + 1


def _rates_table(
    w: SheetWriter,
    row: int,
    title: str,
    first: str,
    groups: list[tuple[str, Rates]],
    total: Rates,
    total_label: str = "合计",
) -> int:
    """A section of rates per group with its 合计 row; returns its last row."""
    row = _section(w, row, title)
    rows = [rate_row(name, r) for name, r in groups] + [rate_row(total_label, total)]
    tints = [None] * len(groups) + ["total"]
    return table(w, row, rate_columns(first), rows, tints, empty=NO_VALUE)[1]


def _share_table(w: SheetWriter, row: int, title: str, first: str, items: list[Share]) -> int:
    row = _section(w, row, title)
    # same column kinds as the rate tables above, so the shared column widths suit both
    columns = [
        ReportColumn(first, "wrap"),
        ReportColumn("项目数", "int"),
        ReportColumn("签约总投资\n（万元）", "money"),
        ReportColumn("项目数\n占比", "percent"),
        ReportColumn("金额\n占比", "percent"),
    ]
    rows = [
        [s.name, s.count, s.amount_wan, fraction(s.count_pct), fraction(s.amount_pct)]
        for s in items
    ]
    n = sum(s.count for s in items)
    amount = sum((s.amount_wan for s in items), Decimal(0))
    rows.append(["合计", n, amount, fraction(percent(n, n)), fraction(percent(amount, amount))])
    return table(w, row, columns, rows, [None] * len(items) + ["total"], empty=NO_VALUE)[1]


def _warning_table(w: SheetWriter, row: int, review: Review, title: str) -> int:
    """Projects and warnings per rule; the 合计 row counts each project once."""
    row = _section(w, row, title)
    columns = [
        ReportColumn("预警类型", "wrap"),
        ReportColumn("涉及\n项目数", "int"),
        ReportColumn("红灯\n项目数", "int"),
        ReportColumn("黄灯\n项目数", "int"),
        ReportColumn("预警\n条数", "int"),
    ]
    per_rule = counts_by_rule(review.warnings)
    counts = review.counts()
    rows: list[list[Any]] = [
        [c.label, c.projects, c.red_projects, c.yellow_projects, c.warnings] for c in per_rule
    ]
    rows.append(
        [
            "合计（按项目去重）",
            counts.projects,
            counts.red_projects,
            counts.yellow_projects,
            counts.warnings,
        ]
    )
    return table(w, row, columns, rows, [None] * len(per_rule) + ["total"], empty=NO_VALUE)[1]


def _funnel(w: SheetWriter, row: int, review: Review, title: str) -> int:
    row = _section(w, row, title)
    signed = review.funnel[0][1] if review.funnel else 0
    columns = [
        ReportColumn("阶段", "center"),
        ReportColumn("项目数", "int"),
        ReportColumn("占签约项目\n比例", "percent"),
    ]
    rows = [[label, n, fraction(percent(n, signed))] for label, n in review.funnel]
    header, last = table(w, row, columns, rows, empty=NO_VALUE)
    chart = BarChart()
    chart.type = "col"
    chart.title = "项目推进情况"
    chart.y_axis.title = "项目数"
    chart.legend = None
    chart.add_data(Reference(w.ws, min_col=2, min_row=header, max_row=last), titles_from_data=True)
    chart.set_categories(Reference(w.ws, min_col=1, min_row=header + 1, max_row=last))
    chart.dataLabels = DataLabelList()
    chart.dataLabels.showVal = True
    chart.dataLabels.showSerName = False
    chart.dataLabels.showCatName = False
    chart.dataLabels.showLegendKey = False
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.width, chart.height = 16, 7
    w.ws.add_chart(chart, f"E{header}")
    # the rows the chart covers (7 cm ≈ 11 rows of 18 pt) belong to this section
    return max(last, header + 12)


def write_summary(ws: Worksheet, review: Review, title: str, left: str, right: str) -> None:
    w = SheetWriter(ws)
    row = title_block(w, 1, NCOLS, title, left, right)
    scope = f"{review.year}年签约项目" if review.year else "全部签约项目"
    numbers = iter("一二三四五六七八九十")
    blocks: list[Block] = []

    def add(first: int, last: int) -> int:
        """Note a finished section; the next starts after a blank row."""
        blocks.append(Block(first, last))
        return last + 2

    def heading(text: str) -> str:
        return f"{next(numbers)}、{text}"

    row = add(row, _rates_table(w, row, heading("总体情况"), "统计范围", [], review.rates, scope))
    counts = review.counts()
    row = add(row, _warning_table(w, row, review, heading(f"预警情况：{counts.text()}")))
    breakdowns = [("unit", "责任单位"), ("industry", "产业类别"), ("location", "落地乡镇/园区")]
    if review.year is None and len(review.by_group["year"]) > 1:
        breakdowns.append(("year", "签约年份"))
    for key, first in breakdowns:
        last = _rates_table(
            w, row, heading(f"按{first}"), first, review.by_group[key], review.rates
        )
        row = add(row, last)
    row = add(row, _funnel(w, row, review, heading("项目推进情况（签约→落地→开工→投产）")))
    row = add(
        row,
        _share_table(
            w, row, heading("新引进与增资扩股（喜新厌旧）"), "项目类型", review.project_types
        ),
    )
    top3 = sum((s.amount_pct or Decimal(0)) for s in review.industries[:3] if s.name != "其他")
    row = add(
        row,
        _share_table(
            w,
            row,
            heading(f"产业分布（跟风从众）：前三大产业签约额合计占 {top3}%"),
            "产业类别",
            review.industries,
        ),
    )
    notes = row
    row = _section(w, row, "口径说明")
    columns = rate_columns("")
    room = sum(c.width or 0 for c in columns) - 2
    for text in definitions(review.settings):
        w.merged(row, 1, NCOLS, text, "note")
        ws.row_dimensions[row].height = LINE_HEIGHT * math.ceil(print_width(text) / room) + 4
        row += 1
    set_widths(w, columns, 3, 3, fixed=True)
    end = signoff(w, row, NCOLS, preparer(review.settings)) - 1
    blocks.append(Block(notes, end))
    print_setup(ws, title_rows=(1, 2), freeze="A3")
    fit_page_width(ws, NCOLS)
    apply_breaks(ws, place_breaks(ws, blocks, repeat=(1, 2)))
