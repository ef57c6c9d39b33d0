"""What the import wizard's pages share with the wizard: the data of one import run and
the steps a page may ask for.

The pages never see the wizard itself: they read ``ImportState`` and call the
``ImportSteps`` it was given (the wizard implements them, running the core off the UI
thread). So a page can be built and tested with any state, and neither module imports the
other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from tracker.importing import session
from tracker.importing.plan import DEFAULT_POLICY, Plan
from tracker.importing.session import LoadedFile


class ImportSteps(Protocol):
    """The work a page asks for. ``advance_*`` return True once their background work has
    finished (the wizard then moves on by itself), False while it runs."""

    def advance_when_loaded(self, paths: list[Path]) -> bool: ...

    def after_files_id(self) -> int: ...

    def advance_when_unlocked(self, passwords: dict[Path, str]) -> bool: ...

    def advance_when_planned(self) -> bool: ...

    def after_plan_id(self) -> int: ...

    def start_import(self) -> None: ...

    def undo(self) -> None: ...

    def replan(self) -> None: ...

    def export_conflicts(self) -> None: ...

    def export_errors(self) -> None: ...


@dataclass
class ImportState:
    """One run of the wizard: the files read, the plans made, the batches written."""

    db_path: Path
    loaded: list[LoadedFile] = field(default_factory=list)
    plans: list[Plan] = field(default_factory=list)
    batch_ids: list[int] = field(default_factory=list)
    undone: bool = False
    policy: str = DEFAULT_POLICY  # what happens to projects already in the ledger

    def remap(self, loaded: LoadedFile, sheet: str, mapping: dict[str, str | None]) -> None:
        """The clerk corrected a sheet's columns: re-read its rows with the new mapping."""
        session.remap(loaded, sheet, mapping)

    def include_sheet(self, loaded: LoadedFile, sheet: str, included: bool) -> None:
        """The clerk leaves a whole sheet out (or takes it back in)."""
        session.include_sheet(loaded, sheet, included)

    def set_sign_date(self, loaded: LoadedFile, sheet: str, text: str) -> str | None:
        """The sign date the clerk gives a sheet without one; TrackerError if unreadable."""
        return session.set_sign_date(loaded, sheet, text)

    def set_policy(self, policy: str) -> None:
        """Decide the rows naming stored projects again under ``policy`` (no reading)."""
        self.policy = policy
        for plan in self.plans:
            plan.set_policy(policy)

    def remember_choices(self) -> None:
        """Keep the clerk's per-project choices with their files, so planning again (a
        new as-of date, going back to the columns) does not lose them."""
        by_path = {f.path: f for f in self.loaded}
        for plan in self.plans:
            if plan.file in by_path:
                by_path[plan.file].choices = plan.choices()

    def set_as_of(self, path: Path, text: str) -> str | None:
        """The clerk's date for one file's figures; TrackerError if it is not a day."""
        loaded = next(f for f in self.loaded if f.path == path)
        return session.set_as_of(loaded, text)

    def problems_text(self) -> str:
        """One line per file that could not be read (encrypted files are asked for)."""
        return "\n".join(
            f"{f.path.name}：{f.error}" for f in self.loaded if f.error and not f.needs_password
        )

    def totals(self) -> dict[str, int]:
        """Rows and actions over every plan: rows, create, update, fill, skip, reject and
        the rows with conflicts."""
        totals = dict.fromkeys(
            ("rows", "create", "update", "fill", "skip", "reject", "conflicts"), 0
        )
        for plan in self.plans:
            for key, value in plan.summary().items():
                totals[key] = totals.get(key, 0) + value
        return totals

    def has_rejects(self) -> bool:
        return any(r.action == "reject" for p in self.plans for r in p.rows)
