"""The dry run: what importing a file would do to the ledger, row by row.

Every data row gets an action — create, update (same project already stored), skip (a
repeat within the file, or nothing new), reject (errors) — with its reasons. Applying a
plan writes exactly what it shows; a dry run is the same plan, not written.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from tracker.domain.money import plain_decimal
from tracker.domain.search_keys import name_key
from tracker.domain.vocabulary import FIELD_BY_KEY, Stage, Status
from tracker.errors import Cancelled, TrackerError
from tracker.importing.changes import compute_changes
from tracker.importing.mapping import signature
from tracker.importing.read import read_workbook
from tracker.importing.rows import ParsedRow, RowReader
from tracker.importing.sheets import load_tables, no_ledger_message
from tracker.importing.table import Table
from tracker.importing.workbook import Workbook
from tracker.ledger.creation import EXTRA_KEYS
from tracker.ledger.portfolio import Portfolio
from tracker.work import CancelFn, ProgressFn, bulk_work, never_cancelled, no_progress

__all__ = ["Plan", "PlanRow", "SheetPlan", "build_plan", "load_tables", "no_ledger_message"]
log = logging.getLogger(__name__)
CancelFn = CancelFn
ACTIONS = ("create", "update", "skip", "reject")
DUPLICATE_POLICIES = ("skip", "update")
CHUNK = 1000  # rows read column by column at a time, between progress reports
_DATA_KEYS = frozenset(FIELD_BY_KEY) | (EXTRA_KEYS - {"stage"})  # what add_project takes


@dataclass
class PlanRow:
    sheet: str
    row: int  # 1-based, as the clerk sees it in Excel
    action: str
    fields: dict[str, Any]
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)  # for Portfolio.add_project
    project_id: int | None = None  # the stored project an update/skip refers to
    changes: dict[str, Any] = field(default_factory=dict)
    raw: list[object] = field(default_factory=list)  # the cells, for the errors file

    def to_json(self) -> dict[str, Any]:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "action": self.action,
            "fields": self.fields,
            "errors": self.errors,
            "warnings": self.warnings,
        }


@dataclass
class SheetPlan:
    name: str
    table: Table
    header_rows: list[int]  # 1-based
    unit: str | None
    columns: dict[str, str | None]
    skipped: str | None
    signature: str

    def to_json(self) -> dict[str, Any]:
        t = self.table
        live = not self.skipped
        return {
            "name": self.name,
            "header_rows": self.header_rows,
            "unit": self.unit,
            "columns": self.columns,
            "skipped": self.skipped,
            "reasons": {c.header: c.reason for c in t.columns if c.header and c.reason},
            "low_confidence": [c.header for c in t.columns if c.target and not c.confident],
            "sign_date": (
                {"value": t.sign_date_default, "source": t.sign_date_source}
                if t.sign_date_default and live
                else None
            ),
            "not_projects": [
                {"row": r + 1, "action": "skip", "kind": t.kinds.get(r, ""), "reason": why}
                for r, why in sorted(t.reasons.items())
            ]
            if live
            else [],
        }


@dataclass
class Plan:
    file: Path
    format: str
    sha256: str
    sheets: list[SheetPlan]
    rows: list[PlanRow]
    on_duplicate: str = "update"

    def summary(self) -> dict[str, int]:
        counts = {a: 0 for a in ACTIONS}
        for r in self.rows:
            counts[r.action] += 1
        return {"rows": len(self.rows), **counts}

    def mapping(self) -> dict[str, dict[str, str | None]]:
        return {s.name: s.columns for s in self.sheets if not s.skipped}

    def to_json(self, batch_id: int | None = None) -> dict[str, Any]:
        return {
            "file": str(self.file),
            "format": self.format,
            "sheets": [s.to_json() for s in self.sheets],
            "rows": [r.to_json() for r in self.rows],
            "summary": self.summary(),
            "batch_id": batch_id,
        }


def columns_json(table: Table) -> dict[str, str | None]:
    """{header text: field or null}; a 序号 column is evidence, not a field."""
    out: dict[str, str | None] = {}
    for col in table.columns:
        if not col.header:
            continue
        target = None if col.target == "serial" else col.target
        if col.header not in out or out[col.header] is None:
            out[col.header] = target
    return out


def sheet_unit(table: Table) -> str | None:
    amount = table.column_for("signed_amount_wan")
    if amount is not None and amount.unit:
        return amount.unit
    return table.title_unit or ("万元" if amount is not None else None)


class _Existing:
    """What the database already holds, loaded once so planning 20,000 rows stays fast."""

    def __init__(self, portfolio: Portfolio | None) -> None:
        self.portfolio = portfolio
        self.by_key: dict[str, int] = {}
        self.by_name: dict[str, list[int]] = {}
        if portfolio is None:
            return
        for pid, key in portfolio.db.execute("SELECT id, name_key FROM projects ORDER BY id DESC"):
            key = key or ""
            self.by_key[key] = pid
            self.by_name.setdefault(key.split("|", 1)[0], []).append(pid)

    def blank_investor(self, name: str) -> int | None:
        """The stored project of this name whose investor is still blank (待补全)."""
        return self.by_key.get(f"{name}|")


def _sheet_plan(t: Table) -> SheetPlan:
    return SheetPlan(
        t.sheet,
        t,
        [r + 1 for r in t.header_rows],
        sheet_unit(t) if t.header_rows else None,
        columns_json(t),
        t.skipped,
        signature([c.header for c in t.columns]),
    )


def build_plan(
    workbook: Workbook,
    tables: list[Table],
    portfolio: Portfolio | None = None,
    *,
    on_duplicate: str = "update",
    progress: ProgressFn = no_progress,
    cancelled: CancelFn = never_cancelled,
) -> Plan:
    """Every data row's action and reasons (nothing is written)."""
    with bulk_work():
        return _build_plan(workbook, tables, portfolio, on_duplicate, progress, cancelled)


def _build_plan(
    workbook: Workbook,
    tables: list[Table],
    portfolio: Portfolio | None,
    on_duplicate: str,
    progress: ProgressFn,
    cancelled: CancelFn,
) -> Plan:
    if on_duplicate not in DUPLICATE_POLICIES:
        raise TrackerError(f"重复项目的处理方式应为 skip 或 update，现为“{on_duplicate}”。")
    if not any(t.data_rows() and not t.skipped for t in tables):
        raise TrackerError(no_ledger_message(workbook, tables))
    existing = _Existing(portfolio)
    plan = Plan(workbook.path, workbook.format, workbook.sha256, [], [], on_duplicate)
    plan.sheets = [_sheet_plan(t) for t in tables]
    live = [t for t in tables if not t.skipped]
    total = sum(len(t.data_rows()) for t in live)
    dedupe = _Dedupe(existing)
    done = 0
    for table in live:
        reader = RowReader(table)
        rows = table.data_rows()
        for start in range(0, len(rows), CHUNK):
            if cancelled():
                raise Cancelled()
            progress(done, total, f"检查第 {done + 1}/{total} 行")
            chunk = rows[start : start + CHUNK]
            for r, parsed in zip(chunk, reader.parse_all(chunk), strict=True):
                row = _plan_row(table, r, parsed)
                plan.rows.append(row)
                if row.action != "reject":
                    dedupe.check(row)
            done += len(chunk)
    _decide_matches(dedupe.matched, portfolio, on_duplicate)
    progress(total, total, "检查完成")
    return plan


class _Dedupe:
    """Repeats within the file and projects already stored: name + investor identify a
    project; with the investor blank, the name alone does (and says so)."""

    def __init__(self, existing: _Existing) -> None:
        self.existing = existing
        self.seen: dict[str, PlanRow] = {}
        self.seen_names: dict[str, PlanRow] = {}
        self.matched: list[PlanRow] = []

    def check(self, row: PlanRow) -> None:
        name, investor = row.data["name"], row.data.get("investor")
        key = name_key(name, investor)
        name_only = key.split("|", 1)[0]
        first = self.seen.get(key) or (None if investor else self.seen_names.get(name_only))
        if first is not None:
            row.action = "skip"
            why = "名称和投资主体相同" if investor else "本行没有投资主体，名称相同即视为同一项目"
            row.warnings.append(f"与“{first.sheet}”第 {first.row} 行重复（{why}），跳过")
            return
        self.seen[key] = row
        if name_only in self.seen_names:
            other = self.seen_names[name_only]
            row.warnings.append(
                f"与“{other.sheet}”第 {other.row} 行名称相同但投资主体不同，请核对是否同一项目"
            )
        else:
            self.seen_names[name_only] = row
        self._match_stored(row, key, name_only, bool(investor))

    def _match_stored(self, row: PlanRow, key: str, name_only: str, has_investor: bool) -> None:
        existing = self.existing
        same_name = existing.by_name.get(name_only, [])
        if key in existing.by_key:
            row.project_id = existing.by_key[key]
        elif has_investor and (pid := existing.blank_investor(name_only)) is not None:
            row.project_id = pid  # the stored one lacks its investor: this row completes it
            row.warnings.append(f"库中同名项目（编号 {pid}）没有投资主体，按同一项目补全")
        elif not has_investor and len(same_name) == 1:
            row.project_id = same_name[0]
            row.warnings.append(
                f"本行没有投资主体，按名称认定为库中已有项目（编号 {same_name[0]}）"
            )
        elif not has_investor and same_name:
            row.action = "skip"
            ids = "、".join(str(p) for p in same_name)
            row.warnings.append(
                f"库中有 {len(same_name)} 个同名项目（编号 {ids}），本行没有投资主体，"
                "无法确定是哪一个，跳过；请补上投资主体后再导入"
            )
            return
        elif same_name:
            row.warnings.append(f"库中已有同名项目（编号 {same_name[0]}），但投资主体不同，请核对")
        if row.project_id is not None:
            self.matched.append(row)


def _plan_row(table: Table, r: int, parsed: ParsedRow) -> PlanRow:
    action = "reject" if parsed.errors else "create"
    data = {k: v for k, v in parsed.data.items() if k in _DATA_KEYS}
    if parsed.stage_without_date is not None and data.get("sign_date"):
        # Only the month the deal was signed is known for sure; the row says the stage was
        # reached, so record it as an approximate month (flagged in the warnings).
        dates = dict(data.get("stage_dates") or {})
        dates[parsed.stage_without_date.value] = data["sign_date"][:7]
        data["stage_dates"] = dates
    # The cells as read (never changed after): the errors file copies the rejected ones.
    return PlanRow(
        table.sheet,
        r + 1,
        action,
        parsed.fields,
        parsed.errors,
        parsed.warnings,
        data,
        raw=table.rows[r],
    )


def _decide_matches(rows: list[PlanRow], portfolio: Portfolio | None, on_duplicate: str) -> None:
    if not rows or portfolio is None:
        return
    current = _current_state(portfolio, [r.project_id for r in rows if r.project_id])
    for row in rows:
        assert row.project_id is not None
        changes = compute_changes(row.data, current[row.project_id])
        if not changes:
            row.action = "skip"
            row.warnings.append(f"库中已有此项目（编号 {row.project_id}），内容相同，跳过")
        elif on_duplicate == "skip":
            row.action = "skip"
            row.warnings.append(f"库中已有此项目（编号 {row.project_id}），按设置跳过，不更新")
        else:
            row.action = "update"
            row.changes = changes


def _current_state(portfolio: Portfolio, ids: list[int]) -> dict[int, dict[str, Any]]:
    """Fields, stage dates, status and latest figures of the matched projects, in bulk."""
    state: dict[int, dict[str, Any]] = {}
    for chunk_start in range(0, len(ids), 500):
        chunk = ids[chunk_start : chunk_start + 500]
        for row in portfolio.rows_for_ids(chunk):
            state[row["id"]] = {
                "fields": {k: row.get(k) for k in FIELD_BY_KEY},
                "status": Status(row["status"]),
                "stage": Stage(row["stage"]),
                "funds_arrived_wan": row.get("funds_arrived_wan"),
                "invested_wan": row.get("invested_wan"),
                "actual": {},
                "planned": {},
            }
        marks = ",".join("?" * len(chunk))
        for pid, stage, planned, actual in portfolio.db.execute(
            f"SELECT project_id, stage, planned, actual FROM stage_dates WHERE project_id IN ({marks})",
            chunk,
        ):
            if pid in state:
                state[pid]["actual"][stage] = actual
                state[pid]["planned"][stage] = planned
    for s in state.values():
        for key, value in list(s["fields"].items()):
            if key == "land_area_mu" and value not in (None, ""):
                s["fields"][key] = plain_decimal(Decimal(str(value)))
    return state


def plan_file(
    path: Path | str,
    portfolio: Portfolio | None = None,
    *,
    password: str | None = None,
    sheet: str | list[str] | None = None,
    on_duplicate: str = "update",
    mappings: dict[str, dict[str, str | None]] | None = None,
    sign_date: str | None = None,
    progress: ProgressFn = no_progress,
    cancelled: CancelFn = never_cancelled,
) -> Plan:
    """Read, find tables, map and plan in one call (the CLI's dry run)."""
    progress(0, 1, "读取文件")
    workbook = read_workbook(path, password)
    if cancelled():
        raise Cancelled()
    tables = load_tables(
        workbook, sheet=sheet, portfolio=portfolio, mappings=mappings, sign_date=sign_date
    )
    return build_plan(
        workbook,
        tables,
        portfolio,
        on_duplicate=on_duplicate,
        progress=progress,
        cancelled=cancelled,
    )


def recheck_plan(plan: Plan, portfolio: Portfolio) -> None:
    """Decide the plan's creates and updates again against the ledger as it is now.

    Called inside the import's write transaction (``BEGIN IMMEDIATE``): another import
    that committed since the plan was made may have created the same projects or
    changed them. A create whose key is now stored becomes an update or a skip like any
    match; an update is re-compared (its changes may already be there). So two imports
    of one file at once create each project once.
    """
    existing = _Existing(portfolio)
    stored = set(existing.by_key.values())
    matched: list[PlanRow] = []
    for row in plan.rows:
        if row.action not in ("create", "update"):
            continue
        key = name_key(row.data.get("name"), row.data.get("investor"))
        pid = existing.by_key.get(key)
        if row.action == "create" and pid is not None:
            row.project_id = pid
            row.warnings.append(
                f"导入期间库中已出现同一项目（编号 {pid}，可能是同时进行的另一次导入），不再新增"
            )
            matched.append(row)
        elif row.action == "update":
            if row.project_id not in stored:
                row.action, row.project_id, row.changes = "create", None, {}
                row.warnings.append("库中原有的同一项目已被删除，按新项目导入")
            else:
                matched.append(row)
    _decide_matches(matched, portfolio, plan.on_duplicate)
