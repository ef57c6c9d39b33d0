"""The importer as the wizard drives it: several files, passwords, corrected mappings,
one batch per file, and undoing a whole run. Plain functions, no Qt, so the wizard only
turns clicks into these calls (and tests can make the same calls).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tracker.errors import TrackerError
from tracker.importing.apply import apply_plan
from tracker.importing.plan import Plan, build_plan, load_tables
from tracker.importing.read import PasswordRequired, WrongPassword, read_workbook
from tracker.importing.synonyms import TARGET_LABELS
from tracker.importing.table import Table, apply_mapping
from tracker.importing.undo import undo_import
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
    for table in loaded.tables:
        if table.sheet == sheet and table.header_rows:
            apply_mapping(table, mapping)
            table.corrected = True
            table.skipped = None if table.data_rows() else "表头下面没有项目数据行"
            return table
    return None


def plan_files(
    files: list[LoadedFile],
    portfolio: Portfolio | None,
    on_duplicate: str = "update",
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
    progress: ProgressFn = no_progress,
    cancelled: CancelFn = never_cancelled,
) -> dict[str, int]:
    total = {"deleted": 0, "reverted": 0}
    for batch_id in reversed(batch_ids):
        result = undo_import(portfolio, batch_id, progress=progress, cancelled=cancelled)
        for key in total:
            total[key] += result[key]
    return total


def target_choices() -> list[tuple[str, str]]:
    """(target, Chinese label) for the mapping drop-downs, ledger order first."""
    return list(TARGET_LABELS.items())
