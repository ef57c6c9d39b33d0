"""What was true of a project on the as-of date.

A review "统计截至 2025-12-31" run in January must not count a start dated January 5th,
nor money reported after the cut-off: every fact here is read as of the given day.
Month-only dates (YYYY-MM) are read as the 1st of the month (``tracker.dates.to_date``),
which errs on the side of warning early for an imprecise old ledger.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

from tracker.domain.dates import display_date
from tracker.domain.dates import to_date as _parse_date
from tracker.domain.project import Problem, Project
from tracker.domain.vocabulary import Stage, Status

RANK: dict[Stage, int] = {s: s.rank for s in Stage}


@lru_cache(maxsize=1 << 16)
def to_date(value: str | None) -> date | None:
    """``tracker.dates.to_date``, remembered: a review reads the same dates many times."""
    return _parse_date(value)


def on_or_before(value: str | None, as_of: date) -> bool:
    day = to_date(value)
    return day is not None and day <= as_of


def sign_day(project: Project) -> date:
    day = to_date(project.sign_date)
    assert day is not None, "sign_date is required by the portfolio"
    return day


def is_signed_by(project: Project, as_of: date) -> bool:
    return sign_day(project) <= as_of


def is_terminated(project: Project, as_of: date) -> bool:
    """Terminated on or before ``as_of`` (an undated termination counts as already done)."""
    if project.status is not Status.TERMINATED:
        return False
    return project.status_date is None or on_or_before(project.status_date, as_of)


def is_active(project: Project, as_of: date) -> bool:
    """Neither terminated nor paused on ``as_of`` (服务缺位 applies to active projects only)."""
    if project.status is Status.ACTIVE:
        return True
    return not (project.status_date is None or on_or_before(project.status_date, as_of))


def status_as_of(project: Project, as_of: date) -> Status:
    """正常 / 暂缓 / 终止 as it stood on ``as_of``."""
    return project.status if not is_active(project, as_of) else Status.ACTIVE


def stage_as_of(project: Project, as_of: date) -> Stage:
    """The furthest stage whose actual date is on or before ``as_of``."""
    best, best_rank = Stage.SIGNED, 0
    for stage, dates in project.stage_dates.items():
        rank = RANK[stage]
        if rank > best_rank and dates.actual and on_or_before(dates.actual, as_of):
            best, best_rank = stage, rank
    return best


def reached(project: Project, stage: Stage, as_of: date) -> bool:
    return RANK[stage_as_of(project, as_of)] >= RANK[stage]


def actual_day(project: Project, stage: Stage, as_of: date) -> date | None:
    dates = project.stage_dates.get(stage)
    if dates is None or not on_or_before(dates.actual, as_of):
        return None
    return to_date(dates.actual)


def planned_day(project: Project, stage: Stage) -> date | None:
    dates = project.stage_dates.get(stage)
    return to_date(dates.planned) if dates else None


def latest_amount(project: Project, attr: str, as_of: date) -> Decimal | None:
    """The latest reported figure (``funds_arrived_wan``/``invested_wan``…) up to ``as_of``.

    Progress figures are cumulative (累计), so the latest one is the total, not a sum.
    """
    best: tuple[str, int] | None = None
    value: Decimal | None = None
    for p in project.progress:
        amount = getattr(p, attr)
        if amount is None or not on_or_before(p.as_of, as_of):
            continue
        key = (p.as_of, p.id)
        if best is None or key > best:
            best, value = key, amount
    return value


def funds_arrived(project: Project, as_of: date) -> Decimal:
    return latest_amount(project, "funds_arrived_wan", as_of) or Decimal(0)


def signed_amount(project: Project) -> Decimal:
    value = project.fields.get("signed_amount_wan")
    return value if isinstance(value, Decimal) else Decimal(0)


def last_visit(project: Project, as_of: date) -> date | None:
    days = [to_date(v.date) for v in project.visits if on_or_before(v.date, as_of)]
    return max((d for d in days if d is not None), default=None)


def last_activity(project: Project, as_of: date) -> date:
    """The latest sign of life: signing, a stage reached, a progress figure, or a visit."""
    candidates = [sign_day(project)]
    for dates in project.stage_dates.values():
        if on_or_before(dates.actual, as_of):
            candidates.append(to_date(dates.actual))  # type: ignore[arg-type]
    for p in project.progress:
        if on_or_before(p.as_of, as_of):
            candidates.append(to_date(p.as_of))  # type: ignore[arg-type]
    visit = last_visit(project, as_of)
    if visit is not None:
        candidates.append(visit)
    return max(candidates)


PROGRESS_TEXT_LIMIT = 60  # characters of a visit or note shown in a ledger cell


def latest_progress_text(project: Project, as_of: date) -> str | None:
    """最新进展 for a printed ledger: the stage reached (with its date) and the latest
    visit or progress note up to ``as_of`` ("开工 2024-03-05；2024-06-01 走访：…")."""
    parts: list[str] = []
    stage = stage_as_of(project, as_of)
    if stage is not Stage.SIGNED:
        parts.append(f"{stage.label} {display_date(project.stage_dates[stage].actual)}")
    latest: tuple[str, str] | None = None
    for visit in project.visits:
        if visit.content and on_or_before(visit.date, as_of):
            latest = max(latest or ("", ""), (visit.date, f"走访：{visit.content}"))
    for snapshot in project.progress:
        if snapshot.note and on_or_before(snapshot.as_of, as_of):
            latest = max(latest or ("", ""), (snapshot.as_of, snapshot.note))
    if latest is not None:
        text = " ".join(latest[1].split())
        if len(text) > PROGRESS_TEXT_LIMIT:
            text = text[: PROGRESS_TEXT_LIMIT - 1] + "…"
        parts.append(f"{display_date(latest[0])} {text}")
    return "；".join(parts) or None


def is_open(problem: Problem, as_of: date) -> bool:
    """Raised by ``as_of`` and not resolved by then."""
    if not on_or_before(problem.raised_date, as_of):
        return False
    if problem.status == "已解决":
        return not on_or_before(problem.resolved_date, as_of)
    return True


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's end (Jan 31 + 1 month = Feb 28)."""
    total = day.year * 12 + day.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")
