"""The 汇总 sheet: rates overall and by unit / industry / town, the funnel chart, the
新引进 vs 增资扩股 split (喜新厌旧), industry shares (跟风从众) and the 口径说明."""

from __future__ import annotations

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
from tracker.reports.styles import LINE_HEIGHT, SheetWriter, display_width, print_setup
from tracker.review import Rates, Review, Share, percent

NO_VALUE = "—"


def rate_columns(first: str) -> list[ReportColumn]:
    return [
        ReportColumn(first, "wrap", 22),
        ReportColumn("签约\n项目数", "int", 8),
        ReportColumn("签约总投资\n（万元）", "money", 14),
        ReportColumn("履约\n项目数", "int", 8),
        ReportColumn("履约率", "percent", 9),
        ReportColumn("落地\n项目数", "int", 8),
        ReportColumn("落地率", "percent", 9),
        ReportColumn("开工\n项目数", "int", 8),
        ReportColumn("开工率", "percent", 9),
        ReportColumn("到位资金\n（万元）", "money", 14),
        ReportColumn("资金\n到位率", "percent", 9),
        ReportColumn("投产\n项目数", "int", 8),
        ReportColumn("投产率", "percent", 9),
        ReportColumn("平均签约至\n开工天数", "decimal1", 11),
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
    row = _section(w, row, title)
    rows = [rate_row(name, r) for name, r in groups] + [rate_row(total_label, total)]
    tints = [None] * len(groups) + ["total"]
    _, last = table(w, row, rate_columns(first), rows, tints)
    return last + 2


def _share_table(w: SheetWriter, row: int, title: str, first: str, items: list[Share]) -> int:
    row = _section(w, row, title)
    # same column kinds as the rate tables above, so the shared column widths suit both
    columns = [
        ReportColumn(first, "wrap"),
        ReportColumn("项目数", "int"),
        ReportColumn("签约总投资\n（万元）", "money"),
        ReportColumn("项目数\n占比", "percent"),
        ReportColumn("金额占比", "percent"),
    ]
    rows = [
        [s.name, s.count, s.amount_wan, fraction(s.count_pct), fraction(s.amount_pct)]
        for s in items
    ]
    n = sum(s.count for s in items)
    amount = sum((s.amount_wan for s in items), Decimal(0))
    rows.append(["合计", n, amount, fraction(percent(n, n)), fraction(percent(amount, amount))])
    _, last = table(w, row, columns, rows, [None] * len(items) + ["total"])
    return last + 2


def _funnel(w: SheetWriter, row: int, review: Review, title: str) -> int:
    row = _section(w, row, title)
    signed = review.funnel[0][1] if review.funnel else 0
    columns = [
        ReportColumn("阶段", "center"),
        ReportColumn("项目数", "int"),
        ReportColumn("占签约项目比例", "percent"),
    ]
    rows = [[label, n, fraction(percent(n, signed))] for label, n in review.funnel]
    header, last = table(w, row, columns, rows)
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
    return max(last, header + 14) + 2  # leave room for the chart before the next table


def definitions(settings: dict[str, Any]) -> list[str]:
    """口径说明 printed under the tables: the rates and the warning thresholds in force."""
    s = settings
    return [
        "1. 签约项目数：签约日期不晚于统计截至日的项目个数。同一项目以首次签约计一次；框架/意向协议升格为正式合同、"
        "增资扩股、更换投资主体均不重复计数。已终止项目仍计入各项比率的分母。",
        "2. 履约率 = 履约项目数 ÷ 签约项目数。履约项目指未终止且已达到注册（落地）及以后阶段（审批、在建或投产）的项目。",
        "3. 落地率 = 已注册（落地）项目数 ÷ 签约项目数；开工率 = 已开工项目数 ÷ 签约项目数（开工指永久性工程正式开工，"
        "不含场地平整）；投产率（建成投产率）= 已投产项目数 ÷ 签约项目数。已终止项目曾达到的阶段计入落地、开工、投产数，但不计为履约。",
        "4. 资金到位率 = Σ累计到位资金 ÷ Σ签约总投资（万元，取统计截至日前最近一次填报数）。",
        "5. 平均签约至开工天数：有确切实际开工日期的项目，从签约日期到实际开工日期的天数的平均值（只知月份的日期不计入）。",
        "6. 各阶段以统计截至日前的实际日期为准；只填到月份的日期按当月 1 日计。比率保留两位小数。",
        f"7. 预警：逾期未落地——签约满 {s['registration_yellow_days']} 天未注册为黄灯，满 {s['registration_red_days']} 天为红灯；"
        f"逾期未开工——超过计划开工日期（无计划日期的，签约满 {s['start_default_days']} 天）未开工为黄灯，"
        f"再逾期 {s['start_red_extra_days']} 天为红灯；资金到位滞后——签约满 {s['funds_min_months']} 个月、"
        f"资金到位率低于 {s['funds_yellow_pct']}% 为黄灯，低于 {s['funds_red_pct']}% 为红灯；"
        f"逾期未投产——超过计划投产日期未投产为黄灯，再逾期 {s['production_red_extra_days']} 天为红灯。",
        f"8. 预警（续）：长期无进展——连续 {s['no_progress_yellow_days']} 天无新阶段、进度数据或走访记录为黄灯，"
        f"{s['no_progress_red_days']} 天为红灯，{s['no_progress_remove_days']} 天以上建议清理/解约（已达产项目除外）；"
        f"服务缺位——正常推进项目 {s['no_visit_days']} 天无跟踪服务记录为黄灯；诉求久拖——企业诉求超过办结时限未解决为黄灯，"
        f"超过 {s['problem_red_extra_days']} 天为红灯；意向未转化——框架/意向协议签订满 {s['intent_days']} 天，"
        "未升格为正式合同且未注册为黄灯。已终止项目不预警，在预警清单中列明终止原因。",
    ]


def write_summary(ws: Worksheet, review: Review, title: str, left: str, right: str) -> None:
    w = SheetWriter(ws)
    row = title_block(w, 1, NCOLS, title, left, right)
    first_table = row + 2
    scope = f"{review.year}年签约项目" if review.year else "全部签约项目"
    numbers = iter("一二三四五六七八九十")

    def heading(text: str) -> str:
        return f"{next(numbers)}、{text}"

    row = _rates_table(w, row, heading("总体情况"), "统计范围", [], review.rates, scope)
    breakdowns = [("unit", "责任单位"), ("industry", "产业类别"), ("location", "落地乡镇/园区")]
    if review.year is None and len(review.by_group["year"]) > 1:
        breakdowns.append(("year", "签约年份"))
    for key, first in breakdowns:
        row = _rates_table(w, row, heading(f"按{first}"), first, review.by_group[key], review.rates)
    row = _funnel(w, row, review, heading("项目推进情况（签约→落地→开工→投产）"))
    row = _share_table(
        w, row, heading("新引进与增资扩股（喜新厌旧）"), "项目类型", review.project_types
    )
    top3 = sum((s.amount_pct or Decimal(0)) for s in review.industries[:3] if s.name != "其他")
    row = _share_table(
        w,
        row,
        heading(f"产业分布（跟风从众）：前三大产业签约额合计占 {top3}%"),
        "产业类别",
        review.industries,
    )
    row = _section(w, row, "口径说明")
    for text in definitions(review.settings):
        w.merged(row, 1, NCOLS, text, "note")
        ws.row_dimensions[row].height = LINE_HEIGHT * (1 + display_width(text) // 190) + 4
        row += 1
    signoff(w, row, NCOLS, preparer(review.settings))
    set_widths(w, rate_columns(""), first_table, first_table)
    print_setup(ws, title_rows=(1, 2), freeze="A3")
