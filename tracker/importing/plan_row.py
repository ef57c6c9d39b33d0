"""One data row of a plan: what it says, what will happen to it and why.

Kept apart from ``plan`` so the decision rules (``decisions``) and the plan that applies
them share the row without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tracker.importing.changes import Change

ACTIONS = ("create", "update", "fill", "skip", "reject")
# How the plan, the CLI and the history name the actions and the conflicts count.
ACTION_LABELS = {
    "create": "新增",
    "update": "更新",
    "fill": "补全",
    "skip": "跳过",
    "reject": "拒绝",
}
CONFLICTS_LABEL = "冲突"


@dataclass
class PlanRow:
    sheet: str
    row: int  # 1-based, as the clerk sees it in Excel
    action: str
    fields: dict[str, Any]
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)  # for Portfolio.add_project
    project_id: int | None = None  # the stored project an update/fill/skip refers to
    raw: list[object] = field(default_factory=list)  # the cells, for the errors file
    # A row matched to a stored project: every difference, the ones written, the ones
    # kept as stored (conflicts), the clerk's own choice for it, and the decision in words.
    diff: list[Change] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    conflicts: list[Change] = field(default_factory=list)
    choice: str | None = None
    note: str = ""
    duplicate_in_file: bool = False  # a repeat of an earlier row of the same file
    # How the row was found to name a stored deal (``deal_similarity``): the score (1.0 for
    # the same name and investor), the reasons in Chinese, and for a possible match the
    # clerk must confirm (``uncertain``) the stored project it may be.
    score: float | None = None
    match_reasons: str = ""
    uncertain: bool = False
    retyped: bool = False  # found by likeness: its name/investor spelling is not news
    stored: dict[str, Any] = field(default_factory=dict)  # that project's compared fields
    candidate_id: int | None = None

    @property
    def matched(self) -> bool:
        """Names a project already stored (not a repeat within the file, nor a project
        this import creates)."""
        return (
            self.project_id is not None
            and not self.duplicate_in_file
            and self.action not in ("create", "reject")
        )

    @property
    def decision(self) -> str:
        """create, match (a stored project), review (a possible match to confirm), or the
        row's skip (a repeat within the file) / reject."""
        if self.uncertain and self.choice is None:
            return "review"
        if self.matched:
            return "match"
        return "create" if self.action == "create" else self.action

    def reasons(self) -> list[str]:
        """Errors, warnings and the decision, as the plan lists them."""
        return [*self.errors, *self.warnings, *([self.note] if self.note else [])]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "sheet": self.sheet,
            "row": self.row,
            "action": self.action,
            "fields": self.fields,
            "errors": self.errors,
            "warnings": [*self.warnings, *([self.note] if self.note else [])],
            "decision": self.decision,
        }
        if self.score is not None:
            out["match"] = {
                "project_id": self.candidate_id or self.project_id,
                "score": self.score,
                "reasons": self.match_reasons,
            }
        if self.matched:
            out["project_id"] = self.project_id
            out["choice"] = self.choice
            out["changes"] = [c.to_json() for c in self.changes]
            out["conflicts"] = [c.to_json() for c in self.conflicts]
        return out
