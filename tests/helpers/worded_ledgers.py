"""Ledgers worded the way other counties word them, generated: titles from pools of the usual
ways Chinese ledgers name each column, values in the usual forms, columns in any order.

The importer is judged on files nobody on the team has seen, so its tests must not be the
shared samples alone: these ledgers vary every choice a clerk makes (title words, order,
date and amount forms, title rows, totals and category rows) and know the right answer.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

TITLES: dict[str, list[str]] = {
    "name": [
        "项目名称",
        "项目",
        "招商项目名称",
        "引进项目",
        "签约项目名称",
        "项目名称（全称）",
        "拟建项目名称",
        "招商引资项目",
        "落地项目",
        "合作项目名称",
        "投资项目名称",
    ],
    "investor": [
        "投资主体",
        "投资方",
        "签约企业",
        "引进企业",
        "合作企业",
        "客商名称",
        "投资商",
        "企业名称",
        "投资单位",
        "项目业主",
        "签约客商",
        "合作方",
        "投资企业（全称）",
        "出资方",
    ],
    "sign_date": [
        "签约时间",
        "签约日期",
        "签订协议时间",
        "协议签订日期",
        "合同签订时间",
        "签署日期",
        "签订时间",
        "协议签署日",
        "签约时间（年月日）",
        "签约落地时间",
    ],
    "signed_amount_wan": [
        "总投资（万元）",
        "签约金额（万元）",
        "协议投资额（万元）",
        "计划总投资（万元）",
        "投资总额（万元）",
        "合同金额（万元）",
        "项目总投资（万元）",
        "签约资金（万元）",
        "拟投资额（万元）",
        "投资规模（万元）",
        "协议总投资",
    ],
    "stage": [
        "项目进展",
        "进展情况",
        "目前进度",
        "当前进展",
        "推进情况",
        "项目进度",
        "建设进度",
        "所处阶段",
        "推进阶段",
        "最新进展",
        "项目现状",
    ],
    "location": [
        "落地乡镇",
        "落户乡镇（园区）",
        "所在乡镇",
        "建设地点",
        "项目地点",
        "选址",
        "落地园区",
        "所属园区",
        "项目所在地",
        "建设地址",
        "拟落地乡镇",
        "落地地点",
    ],
    "unit": [
        "责任单位",
        "牵头单位",
        "承办单位",
        "招引单位",
        "主责单位",
        "责任部门",
        "跟踪服务单位",
        "对接单位",
        "负责单位",
        "推进责任单位",
    ],
    "leader": [
        "包抓领导",
        "包联领导",
        "分管领导",
        "责任领导",
        "联系县领导",
        "挂钩县领导",
        "包抓县级领导",
        "牵头领导",
        "县级包抓领导",
    ],
}
CORE = tuple(TITLES)
# Columns many ledgers carry besides the core: dates, money and text that look like the core
# fields' values and must not take their place.
EXTRA_TITLES: dict[str, list[str]] = {
    "serial": ["序号", "序"],
    "notes": ["备注", "说明"],
    "phone": ["联系电话", "电话", "手机号码"],
    "contact": ["联系人", "企业联系人", "项目负责人"],
    "planned_start": ["计划开工时间", "预计开工日期", "拟开工时间"],
    "stage_dates.started": ["开工时间", "实际开工日期", "开工日期"],
    "stage_dates.producing": ["投产时间", "实际投产时间"],
    "funds_arrived_wan": ["累计到位资金（万元）", "到位资金", "已到位资金（万元）"],
    "fixed_asset_wan": ["其中固定资产投资（万元）", "固定资产投资", "固投（万元）"],
    "land_area_mu": ["用地面积（亩）", "占地（亩）", "拟用地面积"],
    "industry": ["产业类别", "所属行业", "产业领域"],
    "investor_origin": ["投资方来源地", "客商来源地", "投资来源"],
    "content": ["建设内容", "主要建设内容", "建设规模及内容"],
}
# Columns whose title says nothing (a clerk's own word, or none): only the values tell.
UNTITLED = ["", "栏目", "备用", "其他信息", "甲", "补充"]

PROVINCES = ["浙江", "江苏", "广东", "福建", "上海", "北京", "山东", "四川", "湖北", "香港"]
BRANDS = ["恒瑞", "华腾", "金诺", "中科", "远景", "泰和", "鼎盛", "汇川", "嘉禾", "新锐", "百川"]
TRADES = ["新材料", "智能装备", "食品", "电子", "医药", "能源", "纺织", "农业", "物流", "建材"]
SUFFIXES = [
    "有限公司",
    "股份有限公司",
    "集团有限公司",
    "实业有限公司",
    "科技有限公司",
    "有限责任公司",
]
PRODUCTS = ["锂电材料", "精密铸件", "预制菜", "光伏支架", "医用敷料", "竹木制品", "冷链仓储"]
PROJECT_FORMS = [
    "{b}{p}项目",
    "{b}{p}生产基地项目",
    "年产{n}万吨{p}项目",
    "{b}{p}扩建工程",
    "{b}{p}生产线项目",
    "{b}{p}产业园",
]
TOWNS = ["东关街道", "河口镇", "五里乡", "工业集中区", "经济技术开发区", "高铁新区", "南山镇"]
UNITS = [
    "县工信局",
    "县商务局",
    "县发改委",
    "县自然资源局",
    "县投资促进中心",
    "河口镇人民政府",
    "经开区管委会",
    "县农业农村局",
]
LEADERS = ["周志明", "吴海涛", "郑丽", "孙国庆", "何建军", "林晓红"]
STAGES = [
    ("已签约", "signed"),
    ("已签协议", "signed"),
    ("前期手续办理中", "signed"),
    ("已注册", "registered"),
    ("已落地", "registered"),
    ("在建", "started"),
    ("已开工", "started"),
    ("开工建设", "started"),
    ("已竣工", "completed"),
    ("已投产", "producing"),
    ("试生产", "producing"),
]


@dataclass
class Project:
    name: str
    investor: str
    sign_date: str
    amount: Decimal
    stage_word: str
    stage: str
    location: str
    unit: str
    leader: str


@dataclass
class WordedLedger:
    """A generated ledger: its grid, and what a correct import finds in it."""

    rows: list[list[Any]]
    titles: dict[str, str]  # field -> the title this ledger uses
    projects: list[Project] = field(default_factory=list)
    header_row: int = 0  # 0-based


def _date_form(rng: random.Random, day: date, csv: bool) -> Any:
    forms: list[Any] = [
        day.strftime("%Y.%-m.%-d"),
        f"{day.year}年{day.month}月{day.day}日",
        day.strftime("%Y/%-m/%-d"),
        day.isoformat(),
    ]
    if not csv:
        forms.append(day)
    return rng.choice(forms)


def _amount_form(rng: random.Random, amount: Decimal, csv: bool) -> Any:
    forms: list[Any] = [f"{amount:,}", str(amount)]
    if not csv:
        forms.append(float(amount))
    return rng.choice(forms)


def make_project(rng: random.Random, n: int, year: int) -> Project:
    brand, product = rng.choice(BRANDS), rng.choice(PRODUCTS)
    form = rng.choice(PROJECT_FORMS)
    name = form.format(b=brand, p=product, n=rng.choice([5, 10, 20, 50])) + f"（{n}）"
    investor = f"{rng.choice(PROVINCES)}{brand}{rng.choice(TRADES)}{rng.choice(SUFFIXES)}"
    day = date(year, 1, 1) + timedelta(days=rng.randrange(365))
    amount = Decimal(rng.choice([800, 3000, 5200, 12000, 36500, 80000])) + Decimal(
        rng.choice(["0", "0.5", "0.25"])
    )
    stage_word, stage = rng.choice(STAGES)
    return Project(
        name,
        investor,
        day.isoformat(),
        amount,
        stage_word,
        stage,
        rng.choice(TOWNS),
        rng.choice(UNITS),
        rng.choice(LEADERS),
    )


def _extra_value(rng: random.Random, column: str, p: Project, csv: bool) -> Any:
    signed = date.fromisoformat(p.sign_date)
    later = signed + timedelta(days=rng.randrange(60, 400))
    if column.startswith("stage_dates."):  # filled only when the project got that far
        reached = [s for _w, s in STAGES]
        order = ["signed", "registered", "started", "completed", "producing"]
        stage = column.split(".", 1)[1]
        if p.stage not in reached or order.index(p.stage) < order.index(stage):
            return ""
        return _date_form(rng, later, csv)
    if column == "planned_start":
        return "" if rng.random() < 0.3 else _date_form(rng, later, csv)
    if column in ("funds_arrived_wan", "fixed_asset_wan"):
        return _amount_form(rng, (p.amount * Decimal("0.3")).quantize(Decimal("0.01")), csv)
    if column == "land_area_mu":
        return str(rng.choice([12, 35.5, 80, 150])) if csv else rng.choice([12, 35.5, 80, 150])
    if column == "industry":
        return rng.choice(["新材料", "装备制造", "食品加工", "新能源", "现代物流"])
    if column == "investor_origin":
        return rng.choice(["浙江杭州", "江苏苏州", "广东深圳", "上海", "香港"])
    if column == "contact":
        return rng.choice(["陈明", "刘芳", "赵磊", "黄伟", "徐静", "马超", "朱琳"])
    if column == "content":
        return (
            f"新建厂房{rng.randrange(2, 30)}万平方米，购置生产线{rng.randrange(2, 9)}条及配套设施"
        )
    if column == "notes":
        return rng.choice(["", "", "重点项目", "省级重点"])
    return f"13{rng.randrange(100000000, 999999999)}"  # phone


def make_worded_ledger(
    seed: int,
    *,
    projects: int = 8,
    csv: bool = False,
    extras: bool = True,
    totals: bool = True,
    untitled: int = 0,
) -> WordedLedger:
    """A ledger with random title wording and column order; ``csv`` keeps every cell text;
    ``untitled`` core columns (never the name) get a title that says nothing."""
    rng = random.Random(seed)
    year = rng.choice([2019, 2021, 2022, 2023, 2024])
    titles = {f: rng.choice(words) for f, words in TITLES.items()}
    blind = rng.sample(["investor", "stage", "location", "unit", "leader"], untitled)
    for f, title in zip(blind, rng.sample(UNTITLED, untitled), strict=True):
        titles[f] = title
    columns: list[str] = list(CORE)
    extra_titles = {c: rng.choice(words) for c, words in EXTRA_TITLES.items()}
    if extras:
        columns += rng.sample(sorted(EXTRA_TITLES), rng.randrange(0, 6))
    rng.shuffle(columns)
    if "serial" in columns:  # 序号 stays first, as every ledger has it
        columns.remove("serial")
        columns.insert(0, "serial")
    header = [titles[c] if c in titles else extra_titles[c] for c in columns]
    rows: list[list[Any]] = []
    if rng.random() < 0.6:
        rows.append([f"{year}年招商引资签约项目推进情况表", *[""] * (len(columns) - 1)])
        rows.append(["填报单位：县投资促进中心", *[""] * (len(columns) - 1)])
    header_row = len(rows)
    rows.append(header)
    if totals and rng.random() < 0.5:
        total = [""] * len(columns)
        total[1 if len(columns) > 1 else 0] = rng.choice(
            ["合计", "全县合计", f"合计（{projects}项）"]
        )
        rows.append(total)
    made: list[Project] = []
    for n in range(1, projects + 1):
        p = make_project(rng, n, year)
        made.append(p)
        values = {
            "serial": str(n) if csv else n,
            "name": p.name,
            "investor": p.investor,
            "sign_date": _date_form(rng, date.fromisoformat(p.sign_date), csv),
            "signed_amount_wan": _amount_form(rng, p.amount, csv),
            "stage": p.stage_word,
            "location": p.location,
            "unit": p.unit,
            "leader": p.leader,
        }
        rows.append([values[c] if c in values else _extra_value(rng, c, p, csv) for c in columns])
    return WordedLedger(rows, titles, made, header_row)
