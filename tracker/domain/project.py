"""The records a project is made of, as the core hands them to the review, reports and UI.

Plain dataclasses: ``tracker.ledger`` fills them from the database, everything else reads them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from tracker.domain.vocabulary import Stage, Status


@dataclass
class StageDate:
    stage: Stage
    planned: str | None = None
    actual: str | None = None


@dataclass
class ProgressSnapshot:
    """Cumulative figures (累计) of a project as of a date."""

    id: int
    as_of: str
    funds_arrived_wan: Decimal | None = None
    invested_wan: Decimal | None = None
    output_wan: Decimal | None = None
    tax_wan: Decimal | None = None
    note: str | None = None


@dataclass
class Visit:
    id: int
    date: str
    visitor: str | None = None
    content: str | None = None


@dataclass
class Problem:
    id: int
    raised_date: str
    description: str
    category: str | None = None
    owner_unit: str | None = None
    deadline: str | None = None
    status: str = "待办"
    resolution: str | None = None
    resolved_date: str | None = None


@dataclass
class AuditEntry:
    id: int
    at: str
    user: str
    project_id: int | None
    entity: str
    action: str
    field: str | None
    old: str | None
    new: str | None
    batch_id: int | None = None


@dataclass
class Project:
    """A project with everything the editor and the review need."""

    id: int
    fields: dict[str, object]
    status: Status = Status.ACTIVE
    status_date: str | None = None
    status_reason: str | None = None
    stage_dates: dict[Stage, StageDate] = field(default_factory=dict)
    progress: list[ProgressSnapshot] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    created_at: str | None = None
    updated_at: str | None = None
    batch_id: int | None = None

    # The fields most code reads by name, typed; any other field is ``fields[key]``.
    @property
    def name(self) -> str:
        return str(self.fields.get("name") or "")

    @property
    def investor(self) -> str:
        return str(self.fields.get("investor") or "")

    @property
    def sign_date(self) -> str | None:
        value = self.fields.get("sign_date")
        return str(value) if value else None

    @property
    def signed_amount_wan(self) -> Decimal | None:
        value = self.fields.get("signed_amount_wan")
        return value if isinstance(value, Decimal) else None

    @property
    def unit(self) -> str | None:
        value = self.fields.get("unit")
        return str(value) if value else None

    @property
    def leader(self) -> str | None:
        value = self.fields.get("leader")
        return str(value) if value else None

    @property
    def stage(self) -> Stage:
        """The furthest stage with an actual date; derived, never stored."""
        reached = [s for s, d in self.stage_dates.items() if d.actual]
        return max(reached, key=lambda s: s.rank) if reached else Stage.SIGNED

    @property
    def latest_progress(self) -> ProgressSnapshot | None:
        return max(self.progress, key=lambda p: (p.as_of, p.id)) if self.progress else None
