"""The review's rates (统计口径), exactly as the published review definitions give them.

Counts are integers, money is Decimal 万元, rates are Decimal percentages rounded half-up
to two decimals (907/1093 → 82.98). Terminated projects stay in every denominator; a
terminated project is never 履约, but a stage it really reached still counts for 落地/开工/投产.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from tracker.domain.dates import is_approximate
from tracker.domain.project import Project
from tracker.domain.vocabulary import Stage
from tracker.review import facts
from tracker.review.counting import Counted

UNFILLED = "（未填）"
OTHERS = "其他"
HUNDREDTH = Decimal("0.01")


def percent(part: Decimal | int, whole: Decimal | int) -> Decimal | None:
    """part / whole as a percentage with two decimals; None when there is nothing to divide."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Rates:
    signed: int = 0
    performing: int = 0
    registered: int = 0
    started: int = 0
    producing: int = 0
    terminated: int = 0
    signed_amount_wan: Decimal = Decimal(0)
    funds_arrived_wan: Decimal = Decimal(0)
    days_to_start_sum: int = 0
    days_to_start_count: int = 0

    @property
    def performing_pct(self) -> Decimal | None:
        return percent(self.performing, self.signed)

    @property
    def registered_pct(self) -> Decimal | None:
        return percent(self.registered, self.signed)

    @property
    def started_pct(self) -> Decimal | None:
        return percent(self.started, self.signed)

    @property
    def producing_pct(self) -> Decimal | None:
        return percent(self.producing, self.signed)

    @property
    def funds_pct(self) -> Decimal | None:
        return percent(self.funds_arrived_wan, self.signed_amount_wan)

    @property
    def mean_days_to_start(self) -> Decimal | None:
        """Mean days from signing to the actual start, over projects with a start date."""
        if not self.days_to_start_count:
            return None
        mean = Decimal(self.days_to_start_sum) / self.days_to_start_count
        return mean.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)

    def to_json(self) -> dict[str, Any]:
        """The ``review --json`` rates object: percentages as numbers with two decimals."""
        return {
            "signed": self.signed,
            "performing_pct": _num(self.performing_pct),
            "registered_pct": _num(self.registered_pct),
            "started_pct": _num(self.started_pct),
            "funds_pct": _num(self.funds_pct),
            "producing_pct": _num(self.producing_pct),
            "mean_days_to_start": _num(self.mean_days_to_start),
        }


def _num(value: Decimal | None) -> float | int | None:
    return None if value is None else float(value)


@dataclass(frozen=True)
class ProjectFacts:
    """What the rates need of one project on the as-of date (computed once per review)."""

    rank: int
    terminated: bool
    signed_amount: Decimal
    funds: Decimal
    days_to_start: int | None
    deal: bool = True  # False: a 增资扩股 of a deal counted already (``counting``)


def project_facts(p: Project, as_of: date, counted: Counted | None = None) -> ProjectFacts:
    start = facts.actual_day(p, Stage.STARTED, as_of)
    if start is not None and (
        is_approximate(p.stage_dates[Stage.STARTED].actual) or is_approximate(p.sign_date)
    ):
        # A month-only date (old ledgers; an import that only knew "已开工") still counts
        # as started, but its day count would be a guess, so the mean leaves it out.
        start = None
    return ProjectFacts(
        rank=facts.RANK[facts.stage_as_of(p, as_of)],
        terminated=facts.is_terminated(p, as_of),
        signed_amount=facts.signed_amount(p) if counted is None else counted.amount,
        funds=facts.funds_arrived(p, as_of),
        days_to_start=None if start is None else (start - facts.sign_day(p)).days,
        deal=counted is None or counted.deal,
    )


REGISTERED, STARTED, PRODUCING = (
    facts.RANK[s] for s in (Stage.REGISTERED, Stage.STARTED, Stage.PRODUCING)
)


def compute_rates(
    projects: Iterable[Project], as_of: date, known: dict[int, ProjectFacts] | None = None
) -> Rates:
    """Rates of ``projects``; ``known`` holds facts already computed (shared by groupings)."""
    counts: dict[str, int] = defaultdict(int)
    signed_amount = funds = Decimal(0)
    for p in projects:
        f = known[p.id] if known is not None else project_facts(p, as_of)
        signed_amount += f.signed_amount
        funds += f.funds
        if not f.deal:  # a 增资扩股 of a deal counted already: its increment only
            continue
        counts["signed"] += 1
        counts["terminated"] += f.terminated
        counts["registered"] += f.rank >= REGISTERED
        counts["performing"] += (not f.terminated) and f.rank >= REGISTERED
        counts["started"] += f.rank >= STARTED
        counts["producing"] += f.rank >= PRODUCING
        if f.days_to_start is not None:
            counts["days_sum"] += f.days_to_start
            counts["days_n"] += 1
    return Rates(
        signed=counts["signed"],
        performing=counts["performing"],
        registered=counts["registered"],
        started=counts["started"],
        producing=counts["producing"],
        terminated=counts["terminated"],
        signed_amount_wan=signed_amount,
        funds_arrived_wan=funds,
        days_to_start_sum=counts["days_sum"],
        days_to_start_count=counts["days_n"],
    )


def _field(key: str) -> Callable[[Project], str]:
    return lambda p: str(p.fields.get(key) or UNFILLED)


# Groupings the review breaks rates down by: key -> (Chinese column title, group of a project).
GROUPINGS: dict[str, tuple[str, Callable[[Project], str]]] = {
    "unit": ("责任单位", _field("unit")),
    "industry": ("产业类别", _field("industry")),
    "location": ("落地乡镇/园区", _field("location")),
    "year": ("签约年份", lambda p: f"{facts.sign_day(p).year}年"),
}


def group_projects(projects: Iterable[Project], grouping: str) -> dict[str, list[Project]]:
    key = GROUPINGS[grouping][1]
    groups: dict[str, list[Project]] = defaultdict(list)
    for p in projects:
        groups[key(p)].append(p)
    return groups


def grouped_rates(
    projects: Iterable[Project],
    grouping: str,
    as_of: date,
    known: dict[int, ProjectFacts] | None = None,
) -> list[tuple[str, Rates]]:
    """Rates per group, biggest groups first ("（未填）" last); years in calendar order."""
    groups = group_projects(projects, grouping)
    rows = [(name, compute_rates(members, as_of, known)) for name, members in groups.items()]
    if grouping == "year":
        return sorted(rows)
    return sorted(rows, key=lambda r: (r[0] == UNFILLED, -r[1].signed, r[0]))


FUNNEL_STAGES: tuple[tuple[str, Stage], ...] = (
    ("签约", Stage.SIGNED),
    ("落地", Stage.REGISTERED),
    ("开工", Stage.STARTED),
    ("投产", Stage.PRODUCING),
)


def funnel(projects: Iterable[Project], as_of: date) -> list[tuple[str, int]]:
    """签约→落地→开工→投产: how many projects reached each stage by ``as_of``."""
    ranks = [facts.stage_as_of(p, as_of).rank for p in projects]
    return [(label, sum(r >= stage.rank for r in ranks)) for label, stage in FUNNEL_STAGES]


@dataclass(frozen=True)
class Share:
    name: str
    count: int
    amount_wan: Decimal
    count_pct: Decimal | None
    amount_pct: Decimal | None


def shares(projects: Iterable[Project], key: str, top: int | None = None) -> list[Share]:
    """Count and Σ签约总投资 per value of a field, with shares; beyond ``top`` → "其他"."""
    items = list(projects)
    total_n, total_amount = len(items), sum((facts.signed_amount(p) for p in items), Decimal(0))
    sums: dict[str, list[Any]] = defaultdict(lambda: [0, Decimal(0)])
    for p in items:
        entry = sums[str(p.fields.get(key) or UNFILLED)]
        entry[0] += 1
        entry[1] += facts.signed_amount(p)
    ordered = sorted(sums.items(), key=lambda kv: (kv[0] == UNFILLED, -kv[1][1], kv[0]))
    if top is not None and len(ordered) > top + 1:
        rest = ordered[top:]
        ordered = ordered[:top] + [
            (OTHERS, [sum(v[0] for _, v in rest), sum((v[1] for _, v in rest), Decimal(0))])
        ]
    return [
        Share(name, n, amount, percent(n, total_n), percent(amount, total_amount))
        for name, (n, amount) in ordered
    ]


def project_type_split(projects: Iterable[Project]) -> list[Share]:
    """新引进 vs 增资扩股 (the 喜新厌旧 view)."""
    return shares(projects, "project_type")


def industry_shares(projects: Iterable[Project], top: int = 5) -> list[Share]:
    """The largest industries' share of signed investment (the 跟风从众 view)."""
    return shares(projects, "industry", top)
