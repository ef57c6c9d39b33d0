"""The importer as the wizard drives it: several files, passwords, corrected mappings,
one batch per file, and undoing a whole run. Plain functions, no Qt, so the wizard only
turns clicks into these calls (and tests can make the same calls).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tracker.errors import TrackerError
from tracker.importing.apply import apply_plan
from tracker.importing.plan import DEFAULT_POLICY, Choices, Plan, build_plan, load_tables
from tracker.importing.read import PasswordRequired, WrongPassword, read_workbook
from tracker.importing.sheets import exclude, parse_as_of, parse_sign_date
from tracker.importing.sheets import remap as remap_table
from tracker.importing.sheets import set_sign_date as set_sign_date_default
from tracker.importing.synonyms import TARGET_LABELS
from tracker.importing.table import Table
from tracker.importing.undo import UndoReview, review_undo, undo_import
from tracker.importing.workbook import Workbook
from tracker.ledger.portfolio import Portfolio
from tracker.work import CancelFn, ProgressFn, never_cancelled, no_progress

Mappings = dict[str, dict[str, str | None]]  # sheet name -> {header text: target or None}


@dataclass
class LoadedFile:
    path: Path
    workbook: Workbook | None = None
    tables: list[Table] = field(default_factory=list)
    needs_password: bool = False
    wrong_password: bool = False
    error: str | None = None  # why the file cannot be imported (shown, file left out)
    mappings: Mappings = field(default_factory=dict)  # what the clerk corrected
    as_of: str | None = None  # the clerk's date for the file's figures (else decided)
    choices: Choices = field(default_factory=dict)  # the clerk's per-row decisions


def load_file(path: Path, portfolio: Portfolio | None, password: str | None = None) -> LoadedFile:
    """Read a file and find its tables; problems are recorded, not raised."""
    loaded = LoadedFile(Path(path))
    try:
        loaded.workbook = read_workbook(path, password)
        loaded.tables = load_tables(loaded.workbook, portfolio=portfolio)
    except WrongPassword as exc:
        loaded.needs_password = loaded.wrong_password = True
        loaded.error = exc.message
    except PasswordRequired as exc:
        loaded.needs_password = True
        loaded.error = exc.message
    except TrackerError as exc:
        loaded.error = exc.message
    return loaded


def load_files(
    paths: list[Path],
    portfolio: Portfolio | None,
    passwords: dict[Path, str] | None = None,
    *,
    progress: ProgressFn = no_progress,
    cancelled: CancelFn = never_cancelled,
) -> list[LoadedFile]:
    out = []
    for i, path in enumerate(paths):
        if cancelled():
            from tracker.errors import Cancelled

            raise Cancelled()
        progress(i, len(paths), f"读取 {Path(path).name}")
        out.append(load_file(Path(path), portfolio, (passwords or {}).get(Path(path))))
    progress(len(paths), len(paths), "读取完成")
    return out


def remap(loaded: LoadedFile, sheet: str, mapping: dict[str, str | None]) -> Table | None:
    """The clerk changed a sheet's column mapping: classify its rows again with it (fast:
    the grid is in memory), and remember to save it as a preset when applied."""
    loaded.mappings[sheet] = mapping
    table = _table(loaded, sheet)
    if table is not None and table.header_rows:
        remap_table(table, mapping)
        return table
    return None


def _table(loaded: LoadedFile, sheet: str) -> Table | None:
    return next((t for t in loaded.tables if t.sheet == sheet), None)


def include_sheet(loaded: LoadedFile, sheet: str, included: bool) -> None:
    """The clerk leaves a whole sheet out of the import (or takes it back in)."""
    table = _table(loaded, sheet)
    if table is not None and table.header_rows:
        exclude(table, not included)


def set_sign_date(loaded: LoadedFile, sheet: str, text: str) -> str | None:
    """The clerk's answer to "这些项目的签约时间" for a sheet without a sign-date column:
    stored with its precision (2021 / 2021-06 / 2021-06-30); empty text takes the answer
    back (the title's year applies again, if it names one). TrackerError when unreadable."""
    table = _table(loaded, sheet)
    if table is None:
        return None
    value = parse_sign_date(text) if text.strip() else None
    set_sign_date_default(table, value)
    return table.sign_date_default


def sign_date_needed(table: Table) -> bool:
    """Does the sheet need the clerk's sign date (no sign-date column mapped)?"""
    return bool(table.header_rows) and table.column_for("sign_date") is None


def missing_sign_dates(files: list[LoadedFile]) -> list[str]:
    """Sheets to import that have no sign-date column and no default for it."""
    return [
        f"{f.path.name}—{t.sheet}"
        for f in files
        for t in f.tables
        if not t.skipped and sign_date_needed(t) and not t.sign_date_default
    ]


def set_as_of(loaded: LoadedFile, text: str) -> str | None:
    """The clerk's date for a file's figures (empty: decide it from the file again);
    TrackerError when it is not a day."""
    loaded.as_of = parse_as_of(text) if text.strip() else None
    return loaded.as_of


def plan_files(
    files: list[LoadedFile],
    portfolio: Portfolio | None,
    on_duplicate: str = DEFAULT_POLICY,
    *,
    progress: ProgressFn = no_progress,
    cancelled: CancelFn = never_cancelled,
) -> list[Plan]:
    """One plan per readable file that holds a ledger; the others are left out."""
    plans = []
    for f in files:
        if f.workbook is None or not any(t.data_rows() and not t.skipped for t in f.tables):
            continue
        plans.append(
            build_plan(
                f.workbook,
                f.tables,
                portfolio,
                on_duplicate=on_duplicate,
                as_of=f.as_of,
                choices=f.choices,
                progress=progress,
                cancelled=cancelled,
            )
        )
    return plans


def apply_plans(
    portfolio: Portfolio,
    plans: list[Plan],
    *,
    progress: ProgressFn = no_progress,
    cancelled: CancelFn = never_cancelled,
) -> list[int]:
    """Apply each file as its own batch (each undoable on its own)."""
    return [apply_plan(portfolio, p, progress=progress, cancelled=cancelled) for p in plans]


def undo_batches(
    portfolio: Portfolio,
    batch_ids: list[int],
    *,
    keep_edited: bool = False,
    progress: ProgressFn = no_progress,
    cancelled: CancelFn = never_cancelled,
) -> dict[str, int]:
    """Undo several batches, the newest first (``keep_edited``: projects worked on since
    stay, see ``undo_import``)."""
    total = {"deleted": 0, "reverted": 0, "kept": 0}
    for batch_id in reversed(batch_ids):
        result = undo_import(
            portfolio, batch_id, keep_edited=keep_edited, progress=progress, cancelled=cancelled
        )
        total["deleted"] += result["deleted"]
        total["reverted"] += result["reverted"]
        total["kept"] += len(result["kept_projects"]) + len(result["kept_fields"])
    return total


def review_batches(portfolio: Portfolio, batch_ids: list[int]) -> list[UndoReview]:
    """What undoing these batches would meet: the projects worked on since, per batch."""
    return [review_undo(portfolio, b) for b in batch_ids]


def target_choices() -> list[tuple[str, str]]:
    """(target, Chinese label) for the mapping drop-downs, ledger order first."""
    return list(TARGET_LABELS.items())
