"""A demo county: realistic names, every stage, paused and terminated deals, and enough
overdue projects that the 一签了之 review has something to find.

Deterministic for a given seed and ``today`` (dates are laid out backwards from ``today``
so that a demo made now looks current; tests pass a fixed ``today``). Everything is
written through the portfolio API, so the demo also exercises the audit trail.
"""

from __future__ import annotations

import logging
import os
import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from tracker.errors import Cancelled
from tracker.ledger.portfolio import Portfolio
from tracker.work import CancelFn, ProgressFn

log = logging.getLogger(__name__)

COUNTY = "青溪县"
TOWNS = ["城关镇", "青山镇", "溪口镇", "龙泉镇", "白沙乡", "经济开发区", "高新园区", "临港工业园"]
UNITS = [
    "县发改局",
    "县经信局",
    "县商务局",
    "县投资促进中心",
    "县文旅局",
    "县农业农村局",
    "经济开发区管委会",
    "高新园区管委会",
    "城关镇人民政府",
    "青山镇人民政府",
    "溪口镇人民政府",
]
LEADERS = ["王建国", "李明华", "张卫东", "陈志强", "刘晓梅", "赵海涛", "孙立新", "周文斌"]
VISITORS = ["招商一股", "招商二股", "项目服务股", "县投资促进中心", "包抓领导带队"]
# industry -> (industry chain, products)
INDUSTRIES: dict[str, tuple[str, list[str]]] = {
    "新能源": ("新能源电池产业链", ["锂电池隔膜", "光伏组件", "储能电池", "氢能装备"]),
    "装备制造": ("高端装备产业链", ["工业机器人", "精密轴承", "汽车零部件", "数控机床"]),
    "电子信息": ("电子信息产业链", ["电子元器件", "精密电路板", "智能终端", "传感器"]),
    "新材料": ("新材料产业链", ["高分子材料", "特种纸", "新型建材", "碳纤维"]),
    "生物医药": ("生物医药产业链", ["生物制剂", "中药饮片", "医疗器械"]),
    "现代农业": ("农产品精深加工产业链", ["农产品加工", "茶叶精深加工", "预制菜"]),
    "现代服务业": ("文旅康养产业链", ["冷链物流", "康养综合体", "文旅度假区", "电商产业园"]),
}
INDUSTRY_WEIGHTS = [22, 20, 16, 14, 8, 10, 10]
BRANDS = [
    "精益",
    "宏达",
    "康泰",
    "金源",
    "天成",
    "博远",
    "明辉",
    "华信",
    "永盛",
    "新能",
    "绿色",
    "恒通",
    "瑞丰",
    "中科",
    "海川",
    "鼎盛",
    "嘉禾",
    "远航",
    "万康",
    "立德",
]
ORIGINS = [
    ("浙江杭州", "浙江"),
    ("江苏苏州", "江苏"),
    ("广东深圳", "广东"),
    ("上海", "上海"),
    ("北京", "北京"),
    ("福建厦门", "福建"),
    ("山东青岛", "山东"),
    ("湖北武汉", "湖北"),
    ("香港", "香港"),
    ("德国", "德国"),
    ("日本", "日本"),
    ("新加坡", "新加坡"),
]
EVENTS = ["春季招商推介会", "长三角产业对接会", "粤港澳大湾区招商会", "县重点项目集中签约", "—"]
PROBLEMS = [
    ("用地", "项目用地指标尚未落实，影响开工"),
    ("用能", "园区供电容量不足，需扩容变压器"),
    ("资金", "企业融资困难，申请对接银行贷款"),
    ("审批", "环评批复进度缓慢"),
    ("人才", "技术工人招聘困难"),
    ("配套", "园区道路和管网配套未完成"),
]
VISIT_NOTES = [
    "走访企业，了解项目推进情况",
    "协调解决施工用水用电问题",
    "督促企业加快注册手续",
    "现场查看厂房建设进度",
    "召开项目推进协调会",
    "电话跟踪资金到位情况",
]


def _amount(rng: random.Random) -> Decimal:
    base = rng.choice([3000, 5000, 8000, 12000, 20000, 35000, 50000, 80000, 120000, 200000])
    jitter = rng.choice([0, 0, 0, 250, 500, 1250.5, 250.5])
    return Decimal(str(base + jitter))


def _project_fields(rng: random.Random, sign: date) -> dict[str, object]:
    industry = rng.choices(list(INDUSTRIES), weights=INDUSTRY_WEIGHTS)[0]
    chain, products = INDUSTRIES[industry]
    product = rng.choice(products)
    brand = rng.choice(BRANDS)
    origin, province = rng.choice(ORIGINS)
    expanding = rng.random() < 0.22
    if expanding:
        name = f"{brand}{product}扩建项目"
    elif rng.random() < 0.35:
        name = f"年产{rng.choice([5, 10, 20, 50, 100])}万件{product}项目"
    else:
        name = f"{brand}{product}生产基地项目"
    foreign = province in ("德国", "日本", "新加坡")
    investor_type = (
        "外资"
        if foreign
        else "港澳台"
        if province == "香港"
        else rng.choices(["民企", "地方国企", "央企", "其他"], weights=[80, 10, 6, 4])[0]
    )
    amount = _amount(rng)
    town = rng.choice(TOWNS)
    unit = rng.choice(UNITS)
    fields: dict[str, object] = {
        "code": f"{sign.year}-{rng.randrange(1000, 9999)}",
        "name": name,
        "investor": f"{'' if foreign else province}{brand}{product[:2]}有限公司",
        "investor_origin": origin,
        "investor_type": investor_type,
        "project_type": "增资扩股" if expanding else "新引进",
        "industry": industry,
        "industry_chain": chain,
        "agreement_type": rng.choices(
            ["正式合同", "投资协议", "框架协议", "意向协议"], weights=[60, 25, 10, 5]
        )[0],
        "sign_date": sign.isoformat(),
        "sign_event": rng.choice(EVENTS),
        "signed_amount_wan": amount,
        "fixed_asset_wan": (amount * Decimal(rng.choice([60, 70, 80, 90])) / 100).quantize(
            Decimal("0.01")
        ),
        "land_area_mu": Decimal(rng.choice([20, 35, 50, 80, 120, 200, 350])),
        "content": f"新建{product}生产线及配套设施",
        "location": town,
        "unit": unit,
        "leader": rng.choice(LEADERS),
        "contact": rng.choice(["张", "李", "王", "刘", "陈"]) + rng.choice(["经理", "总", "主任"]),
        "phone": f"13{rng.randrange(100000000, 999999999)}",
    }
    if foreign:
        fields["foreign_capital_wan_usd"] = (amount / 7).quantize(Decimal("0.01"))
    if fields["sign_event"] == "—":
        del fields["sign_event"]
    return fields


def _lifecycle(rng: random.Random, sign: date, today: date) -> tuple[dict, dict, bool]:
    """Actual and planned stage dates; returns (actual, planned, stuck)."""
    planned_start = sign + timedelta(days=rng.randint(90, 270))
    planned = {
        "registered": (sign + timedelta(days=60)).isoformat(),
        "started": planned_start.isoformat(),
        "completed": (planned_start + timedelta(days=rng.randint(300, 540))).isoformat(),
        "producing": (planned_start + timedelta(days=rng.randint(365, 720))).isoformat(),
    }
    stuck = rng.random() < 0.28
    actual: dict[str, str] = {}
    steps = [
        ("registered", 20, 150),
        ("land", 30, 200),
        ("started", 30, 240),
        ("completed", 240, 600),
        ("producing", 20, 120),
        ("target", 180, 420),
    ]
    current = sign
    for stage, low, high in steps:
        if stage == "land" and rng.random() < 0.35:
            continue  # not every project needs land
        if stuck and rng.random() < 0.55:
            break
        current = current + timedelta(days=rng.randint(low, high))
        if current > today:
            break
        actual[stage] = current.isoformat()
    return actual, planned, stuck


def fill_demo(
    portfolio: Portfolio,
    projects: int = 300,
    seed: int = 1,
    *,
    today: date | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> int:
    """Write ``projects`` demo projects in one transaction; returns how many were written."""
    rng = random.Random(seed)
    today = today or date.today()
    with portfolio.transaction():
        portfolio.update_settings(
            {
                "county_name": COUNTY,
                "reporting_unit": f"{COUNTY}投资促进中心",
                "units": UNITS,
                "industries": list(INDUSTRIES),
                "towns": TOWNS,
                "leaders": LEADERS,
            }
        )
        for i in range(projects):
            if cancelled and cancelled():
                raise Cancelled()
            if progress and i % 200 == 0:
                progress(i, projects, "正在生成演示项目…")
            _one_project(portfolio, rng, today)
    if progress:
        progress(projects, projects, "完成")
    return projects


def _one_project(portfolio: Portfolio, rng: random.Random, today: date) -> None:
    sign = today - timedelta(days=rng.randint(10, 3 * 365))
    fields = _project_fields(rng, sign)
    actual, planned, stuck = _lifecycle(rng, sign, today)
    pid = portfolio.add_project(fields | {"stage_dates": actual, "planned_dates": planned})
    amount = Decimal(str(fields["signed_amount_wan"]))
    reached = len(actual)
    # Cumulative funds grow with the stage reached; stuck projects lag.
    share = min(Decimal(1), Decimal(reached) * Decimal(rng.choice(["0.12", "0.18", "0.25"])))
    if stuck:
        share = share * Decimal("0.3")
    snapshots = rng.randint(0, 3) if reached else rng.choice([0, 0, 1])
    as_of = sign
    for n in range(1, snapshots + 1):
        as_of = min(today, as_of + timedelta(days=rng.randint(60, 200)))
        funds = (amount * share * n / snapshots).quantize(Decimal("0.01"))
        producing = "producing" in actual and as_of.isoformat() >= actual["producing"]
        portfolio.add_progress(
            pid,
            as_of.isoformat(),
            funds_arrived_wan=funds,
            invested_wan=(funds * Decimal("0.9")).quantize(Decimal("0.01")),
            output_wan=(amount * Decimal("0.3")).quantize(Decimal("0.01")) if producing else None,
            tax_wan=(amount * Decimal("0.02")).quantize(Decimal("0.01")) if producing else None,
        )
    visit_day = sign
    for _ in range(rng.randint(0, 5) if not stuck else rng.randint(0, 1)):
        visit_day = visit_day + timedelta(days=rng.randint(20, 150))
        if visit_day > today:
            break
        portfolio.add_visit(
            pid, visit_day.isoformat(), rng.choice(VISITORS), rng.choice(VISIT_NOTES)
        )
    if rng.random() < 0.22:
        category, text = rng.choice(PROBLEMS)
        raised = sign + timedelta(days=rng.randint(15, 200))
        if raised <= today:
            problem_id = portfolio.add_problem(
                pid,
                raised.isoformat(),
                text,
                category=category,
                owner_unit=rng.choice(UNITS),
                deadline=(raised + timedelta(days=rng.choice([15, 30, 60]))).isoformat(),
            )
            roll = rng.random()
            if roll < 0.45:
                portfolio.resolve_problem(problem_id, "已协调解决", raised.isoformat())
            elif roll < 0.7:
                portfolio.set_problem_status(problem_id, "办理中")
    roll = rng.random()
    if roll < 0.045:
        end = min(today, sign + timedelta(days=rng.randint(60, 500)))
        portfolio.terminate(
            pid,
            end.isoformat(),
            rng.choice(
                ["投资方资金链断裂，解除协议", "项目选址变更至外县", "企业战略调整，主动解约"]
            ),
        )
    elif roll < 0.075:
        portfolio.pause(
            pid, min(today, sign + timedelta(days=90)).isoformat(), "市场行情变化，企业暂缓投资"
        )


def build_demo_database(
    path: Path,
    projects: int = 300,
    *,
    today: date | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> Path:
    """A fresh demo ledger at ``path`` (replacing an older demo there), built beside it
    under another name and moved into place only when complete, so an interrupted build
    never leaves a half demo. Never given the clerk's ledger: the app passes the demo's
    own path (``tracker.storage.paths.demo_db_path``)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(path.name + ".building")
    _remove_with_side_files(building)
    portfolio = Portfolio.open(building, create=True, auto_backup=False)
    try:
        fill_demo(portfolio, projects, today=today, progress=progress, cancelled=cancelled)
    except BaseException:
        portfolio.close()
        _remove_with_side_files(building)
        raise
    portfolio.close()
    _remove_with_side_files(path)
    os.replace(building, path)
    log.info("demo ledger with %d projects at %s", projects, path)
    return path


def _remove_with_side_files(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
