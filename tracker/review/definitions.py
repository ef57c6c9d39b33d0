"""统计口径: the words that define each rate and each warning, in one place.

The same sentences are printed under the 汇总 sheet (口径说明) and shown on the 统计 tab
(as each rate's tooltip and in its 口径说明 panel), so the screen and the paper cannot
drift apart. Warning thresholds are read from the settings in force.
"""

from __future__ import annotations

from typing import Any

# rate key (the names ``Rates`` uses) -> its definition.
RATE_DEFINITIONS: dict[str, str] = {
    "signed": "签约项目数：签约日期不晚于统计截至日的项目个数。同一项目以首次签约计一次；"
    "框架/意向协议升格为正式合同、增资扩股、更换投资主体均不重复计数：往年台账重复填报的同一项目"
    "（名称、投资主体写法不同）导入时认定为同一项目，只存一次；项目类型为增资扩股、且同一投资主体"
    "此前已有签约项目的，不另计项目数，签约总额只计其增量（与原项目同名的按差额计，否则按其填报金额计）。"
    "已终止项目仍计入各项比率的分母。",
    "performing": "履约率 = 履约项目数 ÷ 签约项目数。履约项目指未终止且已达到注册（落地）及以后阶段"
    "（审批、在建或投产）的项目。",
    "registered": "落地率 = 已注册（落地）项目数 ÷ 签约项目数。",
    "started": "开工率 = 已开工项目数 ÷ 签约项目数（开工指永久性工程正式开工，不含场地平整）。",
    "producing": "投产率（建成投产率）= 已投产项目数 ÷ 签约项目数。",
    "funds": "资金到位率 = Σ累计到位资金 ÷ Σ签约总投资（万元，取统计截至日前最近一次填报数）。",
    "mean_days": "平均签约至开工天数：有确切实际开工日期的项目，从签约日期到实际开工日期的天数的平均值"
    "（只知月份的日期，即显示为“2023-08（约）”的日期，不计入）。",
}
TERMINATED_NOTE = "已终止项目曾达到的阶段计入落地、开工、投产数，但不计为履约。"
DATES_NOTE = (
    "各阶段以统计截至日前的实际日期为准；只填到月份的日期（旧台账只记到月，或导入时仅知“已开工”等"
    "进展文字而按签约月份近似记录）显示为“2023-08（约）”，按当月 1 日计。比率保留两位小数。"
)
COUNT_NOTE = (
    "预警计数：红灯项目指至少有一条红灯预警的项目；黄灯项目指有黄灯预警而无红灯预警的项目；"
    "每个项目按其最严重的等级只计一次。预警条数按每条预警计（一个项目可有多条）。"
)


def warning_definitions(settings: dict[str, Any]) -> list[str]:
    """The thresholds in force, rule by rule (two paragraphs, as printed)."""
    s = settings
    return [
        f"预警：逾期未落地——签约满 {s['registration_yellow_days']} 天未注册为黄灯，满 {s['registration_red_days']} 天为红灯；"
        f"逾期未开工——超过计划开工日期（无计划日期的，签约满 {s['start_default_days']} 天）未开工为黄灯，"
        f"再逾期 {s['start_red_extra_days']} 天为红灯；资金到位滞后——签约满 {s['funds_min_months']} 个月、"
        f"资金到位率低于 {s['funds_yellow_pct']}% 为黄灯，低于 {s['funds_red_pct']}% 为红灯；"
        f"逾期未投产——超过计划投产日期未投产为黄灯，再逾期 {s['production_red_extra_days']} 天为红灯。",
        f"预警（续）：长期无进展——连续 {s['no_progress_yellow_days']} 天无新阶段、进度数据或走访记录为黄灯，"
        f"{s['no_progress_red_days']} 天为红灯，{s['no_progress_remove_days']} 天以上建议清理/解约（已达产项目除外）；"
        f"服务缺位——正常推进项目 {s['no_visit_days']} 天无跟踪服务记录为黄灯；诉求久拖——企业诉求超过办结时限未解决为黄灯，"
        f"超过 {s['problem_red_extra_days']} 天为红灯；意向未转化——框架/意向协议签订满 {s['intent_days']} 天，"
        "未升格为正式合同且未注册为黄灯。已终止项目不预警，在预警清单中列明终止原因。",
    ]


def definitions(settings: dict[str, Any]) -> list[str]:
    """口径说明, numbered: the rates, how dates and counts are read, the thresholds."""
    r = RATE_DEFINITIONS
    items = [
        r["signed"],
        r["performing"],
        f"{r['registered']}{r['started']}{r['producing']}{TERMINATED_NOTE}",
        r["funds"],
        r["mean_days"],
        DATES_NOTE,
        *warning_definitions(settings),
        COUNT_NOTE,
    ]
    return [f"{i}. {text}" for i, text in enumerate(items, 1)]
