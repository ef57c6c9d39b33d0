"""The 一签了之 warning rules (预警), as published county practice defines them.

Each rule is a pure function ``(project, settings, as_of) -> list[ReviewWarning]``; thresholds come
from ``tracker.ledger.settings``. Boundaries follow the published wording: "signed ≥ 90 days ago"
fires ON day 90; "past the planned date" fires the day AFTER it. Terminated projects get no
warnings (they are listed with their reason instead).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from tracker.domain.dates import display_date
from tracker.domain.money import format_wan
from tracker.domain.project import Project
from tracker.domain.vocabulary import AGREEMENT_TYPES, Stage
from tracker.review import facts

RED, YELLOW = "red", "yellow"
LEVEL_LABELS = {RED: "红灯", YELLOW: "黄灯"}
LEVEL_ORDER = {RED: 0, YELLOW: 1}

RULE_LABELS: dict[str, str] = {
    "overdue_registration": "逾期未落地",
    "overdue_start": "逾期未开工",
    "funds_lagging": "资金到位滞后",
    "overdue_production": "逾期未投产",
    "no_progress": "长期无进展",
    "no_visit": "服务缺位",
    "problem_overdue": "诉求久拖",
    "intent_not_converted": "意向未转化",
}
RULE_ORDER = {key: i for i, key in enumerate(RULE_LABELS)}
INTENT_AGREEMENTS = AGREEMENT_TYPES[2:]  # 框架协议, 意向协议


@dataclass(frozen=True)
class ReviewWarning:
    """One traffic light on one project, with the facts a reviewer reads out."""

    project_id: int
    project: str
    rule: str
    level: str
    message: str  # the facts with the rule's thresholds in brackets, as the CLI prints it
    unit: str | None
    leader: str | None
    sign_date: str
    days: int | None = None  # days overdue/idle, for sorting and the facts column
    # The threshold that fired, in words ("红灯：签约满 180 天未注册"), for the editor's
    # strip and the tooltip: the clerk sees why this light and what turns it red.
    threshold: str = ""
    # The facts in a few words ("签约 686 天未注册"): one line of a per-project list,
    # where the thresholds are printed once in the 口径说明 instead of on every row.
    facts: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def rule_label(self) -> str:
        return RULE_LABELS[self.rule]

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS[self.level]

    def sort_key(self) -> tuple[Any, ...]:
        return (LEVEL_ORDER[self.level], RULE_ORDER[self.rule], -(self.days or 0), self.project_id)


@dataclass(frozen=True)
class Wording:
    """How a warning is said: ``found`` (the facts) and ``note`` (the thresholds) make the
    message; ``brief`` is the facts in a few words; ``fired`` names the threshold that lit
    it; ``after`` follows the bracket (a proposal to remove the project)."""

    found: str
    note: str
    brief: str
    fired: str
    after: str = ""


def _warn(
    p: Project, rule: str, level: str, days: int | None, said: Wording, **extra: Any
) -> ReviewWarning:
    return ReviewWarning(
        project_id=p.id,
        project=str(p.fields.get("name") or ""),
        rule=rule,
        level=level,
        message=f"{said.found}（{said.note}）{said.after}",
        unit=p.fields.get("unit"),  # type: ignore[arg-type]
        leader=p.fields.get("leader"),  # type: ignore[arg-type]
        sign_date=str(p.fields.get("sign_date")),
        days=days,
        threshold=said.fired,
        facts=f"{said.brief}{said.after}",
        extra=extra,
    )


def _fired(level: str, red: str, yellow: str) -> str:
    """ "红灯：<red condition>" or "黄灯：<yellow condition>" — the rule that lit this light."""
    return f"{LEVEL_LABELS[level]}：{red if level == RED else yellow}"


def overdue_registration(p: Project, s: dict[str, Any], as_of: date) -> list[ReviewWarning]:
    if facts.reached(p, Stage.REGISTERED, as_of):
        return []
    days = (as_of - facts.sign_day(p)).days
    yellow, red = s["registration_yellow_days"], s["registration_red_days"]
    level = RED if days >= red else YELLOW if days >= yellow else None
    if level is None:
        return []
    said = Wording(
        found=f"签约已 {days} 天仍未注册",
        note=f"黄灯 {yellow} 天，红灯 {red} 天",
        brief=f"签约 {days} 天未注册",
        fired=_fired(
            level, f"签约满 {red} 天未注册", f"签约满 {yellow} 天未注册（满 {red} 天转红灯）"
        ),
    )
    return [_warn(p, "overdue_registration", level, days, said)]


def overdue_start(p: Project, s: dict[str, Any], as_of: date) -> list[ReviewWarning]:
    if facts.reached(p, Stage.STARTED, as_of):
        return []
    planned = facts.planned_day(p, Stage.STARTED)
    extra = s["start_red_extra_days"]
    note = f"逾期 {extra} 天转红灯"
    if planned is not None:
        late = (as_of - planned).days
        if late < 1:  # "past the planned start date": the day itself is not yet late
            return []
        planned_text = display_date(p.stage_dates[Stage.STARTED].planned)
        level = RED if late >= extra else YELLOW
        said = Wording(
            found=f"计划开工日期 {planned_text} 已过 {late} 天仍未开工",
            note=note,
            brief=f"计划 {planned_text} 开工，逾期 {late} 天",
            fired=_fired(
                level,
                f"超过计划开工日期 {extra} 天仍未开工",
                f"超过计划开工日期仍未开工（逾期满 {extra} 天转红灯）",
            ),
        )
        return [_warn(p, "overdue_start", level, late, said)]
    default = s["start_default_days"]
    late = (as_of - facts.sign_day(p)).days - default
    if late < 0:
        return []
    level = RED if late >= extra else YELLOW
    said = Wording(
        found=f"签约已 {late + default} 天仍未开工（无计划开工日期，按签约后 {default} 天计）",
        note=note,
        brief=f"签约 {late + default} 天未开工（无计划开工日期）",
        fired=_fired(
            level,
            f"无计划开工日期，签约满 {default + extra} 天仍未开工",
            f"无计划开工日期，签约满 {default} 天仍未开工（满 {default + extra} 天转红灯）",
        ),
    )
    return [_warn(p, "overdue_start", level, late, said)]


def funds_lagging(p: Project, s: dict[str, Any], as_of: date) -> list[ReviewWarning]:
    months = s["funds_min_months"]
    if as_of < facts.add_months(facts.sign_day(p), months):
        return []
    signed = facts.signed_amount(p)
    if signed <= 0:
        return []
    arrived = facts.funds_arrived(p, as_of)
    pct = arrived * 100 / signed
    yellow, red = s["funds_yellow_pct"], s["funds_red_pct"]
    level = RED if pct < red else YELLOW if pct < yellow else None
    if level is None:
        return []
    shown = pct.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    said = Wording(
        found=(
            f"签约已满 {months} 个月，资金到位 {format_wan(arrived)} 万元 / 签约 "
            f"{format_wan(signed)} 万元 = {shown}%"
        ),
        note=f"黄灯低于 {yellow}%，红灯低于 {red}%",
        brief=f"到位 {format_wan(arrived)} / {format_wan(signed)} 万元（{shown}%）",
        fired=_fired(
            level,
            f"签约满 {months} 个月，资金到位率低于 {red}%",
            f"签约满 {months} 个月，资金到位率低于 {yellow}%（低于 {red}% 转红灯）",
        ),
    )
    return [_warn(p, "funds_lagging", level, None, said, pct=shown)]


def overdue_production(p: Project, s: dict[str, Any], as_of: date) -> list[ReviewWarning]:
    planned = facts.planned_day(p, Stage.PRODUCING)
    if planned is None or facts.reached(p, Stage.PRODUCING, as_of):
        return []
    late = (as_of - planned).days
    if late < 1:
        return []
    extra = s["production_red_extra_days"]
    level = RED if late >= extra else YELLOW
    planned_text = display_date(p.stage_dates[Stage.PRODUCING].planned)
    said = Wording(
        found=f"计划投产日期 {planned_text} 已过 {late} 天仍未投产",
        note=f"逾期 {extra} 天转红灯",
        brief=f"计划 {planned_text} 投产，逾期 {late} 天",
        fired=_fired(
            level,
            f"超过计划投产日期 {extra} 天仍未投产",
            f"超过计划投产日期仍未投产（逾期满 {extra} 天转红灯）",
        ),
    )
    return [_warn(p, "overdue_production", level, late, said)]


def no_progress(p: Project, s: dict[str, Any], as_of: date) -> list[ReviewWarning]:
    # A project that reached 达产 has no further stage to progress to.
    if facts.reached(p, Stage.TARGET, as_of):
        return []
    last = facts.last_activity(p, as_of)
    idle = (as_of - last).days
    yellow, red, remove = (
        s["no_progress_yellow_days"],
        s["no_progress_red_days"],
        s["no_progress_remove_days"],
    )
    if idle < yellow:
        return []
    level = RED if idle >= red else YELLOW
    removal = idle >= remove
    fired = _fired(level, f"连续 {red} 天无进展", f"连续 {yellow} 天无进展（满 {red} 天转红灯）")
    said = Wording(
        found=f"最近进展 {last.isoformat()}，已 {idle} 天无新阶段、进度或走访记录",
        note=f"黄灯 {yellow} 天，红灯 {red} 天",
        brief=f"最近进展 {last.isoformat()}，已 {idle} 天",
        fired=f"红灯：连续 {remove} 天无进展，建议清理/解约" if removal else fired,
        after=f"；超过 {remove} 天，建议清理/解约" if removal else "",
    )
    return [_warn(p, "no_progress", level, idle, said, propose_removal=removal)]


def no_visit(p: Project, s: dict[str, Any], as_of: date) -> list[ReviewWarning]:
    if not facts.is_active(p, as_of):
        return []
    limit = s["no_visit_days"]
    visit = facts.last_visit(p, as_of)
    since = visit or facts.sign_day(p)
    idle = (as_of - since).days
    if idle < limit:
        return []
    if visit is None:
        found = brief = f"签约后 {idle} 天无跟踪服务记录"
    else:
        found = f"最近一次跟踪服务为 {visit.isoformat()}，已 {idle} 天无服务记录"
        brief = f"最近走访 {visit.isoformat()}，已 {idle} 天"
    said = Wording(
        found=found,
        note=f"黄灯 {limit} 天",
        brief=brief,
        fired=f"黄灯：正常推进项目连续 {limit} 天无跟踪服务记录",
    )
    return [_warn(p, "no_visit", YELLOW, idle, said)]


def problem_overdue(p: Project, s: dict[str, Any], as_of: date) -> list[ReviewWarning]:
    out: list[ReviewWarning] = []
    extra = s["problem_red_extra_days"]
    for problem in p.problems:
        deadline = facts.to_date(problem.deadline)
        if deadline is None or not facts.is_open(problem, as_of):
            continue
        late = (as_of - deadline).days
        if late < 1:
            continue
        level = RED if late >= extra else YELLOW
        kind = f"（{problem.category}）" if problem.category else ""
        owner = f"，承办：{problem.owner_unit}" if problem.owner_unit else ""
        said = Wording(
            found=(
                f"企业诉求“{problem.description}”{kind}超过办结时限 "
                f"{display_date(problem.deadline)} 已 {late} 天仍未解决{owner}"
            ),
            note=f"逾期 {extra} 天转红灯",
            brief=f"“{problem.description}”{kind}逾期 {late} 天{owner}",
            fired=_fired(
                level,
                f"诉求超过办结时限 {extra} 天仍未解决",
                f"诉求超过办结时限仍未解决（逾期满 {extra} 天转红灯）",
            ),
        )
        out.append(_warn(p, "problem_overdue", level, late, said, problem_id=problem.id))
    return out


def intent_not_converted(p: Project, s: dict[str, Any], as_of: date) -> list[ReviewWarning]:
    kind = p.fields.get("agreement_type")
    if kind not in INTENT_AGREEMENTS or facts.reached(p, Stage.REGISTERED, as_of):
        return []
    days = (as_of - facts.sign_day(p)).days
    limit = s["intent_days"]
    if days < limit:
        return []
    said = Wording(
        found=f"{kind}签订已 {days} 天，未升格为正式合同，也未注册",
        note=f"黄灯 {limit} 天",
        brief=f"{kind}签订 {days} 天，未升格、未注册",
        fired=f"黄灯：框架/意向协议签订满 {limit} 天，未升格为正式合同且未注册",
    )
    return [_warn(p, "intent_not_converted", YELLOW, days, said)]


Rule = Callable[[Project, dict[str, Any], date], list[ReviewWarning]]
RULES: dict[str, Rule] = {
    "overdue_registration": overdue_registration,
    "overdue_start": overdue_start,
    "funds_lagging": funds_lagging,
    "overdue_production": overdue_production,
    "no_progress": no_progress,
    "no_visit": no_visit,
    "problem_overdue": problem_overdue,
    "intent_not_converted": intent_not_converted,
}
assert list(RULES) == list(RULE_LABELS)


def project_warnings(p: Project, settings: dict[str, Any], as_of: date) -> list[ReviewWarning]:
    """All warnings of one project on ``as_of``; none if terminated or not yet signed."""
    if facts.is_terminated(p, as_of) or not facts.is_signed_by(p, as_of):
        return []
    out: list[ReviewWarning] = []
    for rule in RULES.values():
        out.extend(rule(p, settings, as_of))
    return out


def evaluate(
    projects: Iterable[Project], settings: dict[str, Any], as_of: date
) -> list[ReviewWarning]:
    """Every warning of every project, red before yellow, then by rule and days overdue."""
    out = [w for p in projects for w in project_warnings(p, settings, as_of)]
    out.sort(key=ReviewWarning.sort_key)
    return out


def worst_by_project(warnings: Iterable[ReviewWarning]) -> dict[int, str]:
    worst: dict[int, str] = {}
    for w in warnings:
        if worst.get(w.project_id) != RED:
            worst[w.project_id] = w.level
    return worst
