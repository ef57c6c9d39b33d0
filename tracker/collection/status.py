"""Who returned a round's file, when, what it changed, and who has not (the 催报 list)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from tracker.collection.rounds import Round, target_project_ids
from tracker.ledger.portfolio import Portfolio


@dataclass
class TargetStatus:
    target: str
    projects: int
    returned_at: str | None
    file_name: str | None
    batch_id: int | None
    updated: int
    created: int
    problems: int

    @property
    def returned(self) -> bool:
        return self.returned_at is not None

    def to_json(self) -> dict[str, Any]:
        return {
            "target": self.target,
            "projects": self.projects,
            "returned": self.returned,
            "returned_at": self.returned_at,
            "file": self.file_name,
            "batch_id": self.batch_id,
            "updated": self.updated,
            "created": self.created,
            "problems": self.problems,
        }


@dataclass
class RoundStatus:
    round: Round
    targets: list[TargetStatus]

    @property
    def missing(self) -> list[TargetStatus]:
        return [t for t in self.targets if not t.returned]

    def reminder(self) -> str:
        """The 催报 list as text the clerk can paste into a message or print."""
        rnd = self.round
        if not self.missing:
            return f"{rnd.label}（统计截至 {rnd.as_of}）：各单位均已报回。"
        deadline = f"，报送截止 {rnd.deadline}" if rnd.deadline else ""
        lines = [f"{rnd.label}项目进度（统计截至 {rnd.as_of}{deadline}）尚未报回的单位："]
        lines += [f"{i}. {t.target}（{t.projects} 个项目）" for i, t in enumerate(self.missing, 1)]
        lines.append("请尽快填报并报回。")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {
            "round": self.round.to_json(),
            "returned": sum(1 for t in self.targets if t.returned),
            "missing": [t.target for t in self.missing],
            "targets": [t.to_json() for t in self.targets],
            "reminder": self.reminder(),
        }


def round_status(portfolio: Portfolio, rnd: Round) -> RoundStatus:
    """Each target of the round: its latest return not undone, with what it changed."""
    latest: dict[str, tuple[Any, ...]] = {}
    for target, at, file_name, batch_id, counts in portfolio.db.execute(
        "SELECT r.target, r.at, r.file_name, r.batch_id, r.counts FROM collection_returns r"
        " JOIN import_batches b ON b.id = r.batch_id"
        " WHERE r.round_id = ? AND b.undone_at IS NULL ORDER BY r.id",
        [rnd.id],
    ):
        previous = latest.get(target)
        merged = json.loads(counts or "{}")
        if previous is not None:
            old = previous[4]
            merged = {k: int(merged.get(k, 0)) + int(old.get(k, 0)) for k in set(merged) | set(old)}
        latest[target] = (target, at, file_name, batch_id, merged)
    out = []
    for target in rnd.targets:
        found = latest.get(target)
        counts = found[4] if found else {}
        out.append(
            TargetStatus(
                target,
                len(target_project_ids(portfolio, rnd, target)),
                found[1] if found else None,
                found[2] if found else None,
                found[3] if found else None,
                int(counts.get("update", 0)),
                int(counts.get("create", 0)),
                int(counts.get("problems", 0)),
            )
        )
    return RoundStatus(rnd, out)
