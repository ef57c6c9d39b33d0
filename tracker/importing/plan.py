"""The dry run: what importing a file would do to the ledger, row by row.

Every data row gets an action — create, update (a stored project changed: the file wins),
fill (a stored project's blanks filled in), skip (a repeat within the file, nothing new,
or left alone by choice), reject (errors) — with its reasons; a row naming a stored project
lists its changes old → new and the conflicts kept as stored (``decisions``). The plan also
decides when the file's figures were true (``as_of``). Applying a plan writes exactly what
it shows; a dry run is the same plan, not written.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from tracker.domain.search_keys import name_key
from tracker.domain.vocabulary import FIELD_BY_KEY, Stage
from tracker.errors import Cancelled, TrackerError
from tracker.importing import decisions
from tracker.importing.as_of import AsOf, cap, date_in_titles, latest_stated
from tracker.importing.changes import compute_diff
from tracker.importing.mapping import signature
from tracker.importing.matching import Dedupe, Existing, current_state
from tracker.importing.plan_row import ACTIONS, PlanRow
from tracker.importing.read import read_workbook
from tracker.importing.rows import ParsedRow, RowReader
from tracker.importing.sheets import load_tables, no_ledger_message
from tracker.importing.table import Table
from tracker.importing.values import cell_text
from tracker.importing.workbook import Workbook
from tracker.ledger.creation import EXTRA_KEYS
from tracker.ledger.portfolio import Portfolio
from tracker.work import CancelFn, ProgressFn, bulk_work, never_cancelled, no_progress

__all__ = [
    "Plan",
    "PlanRow",
    "SheetPlan",
    "build_plan",
    "load_tables",
    "no_ledger_message",
]
log = logging.getLogger(__name__)
CancelFn = CancelFn
DUPLICATE_POLICIES = decisions.POLICIES
DEFAULT_POLICY = "fill"
DEFAULT_UNCERTAIN = "skip"
CHUNK = 1000  # rows read column by column at a time, between progress reports
_DATA_KEYS = frozenset(FIELD_BY_KEY) | (EXTRA_KEYS - {"stage"})  # what add_project takes
FIGURE_KEYS = ("funds_arrived_wan", "invested_wan")
RETYPED = ("name", "investor")  # fields a retyped deal spells otherwise, not news
Choices = dict[tuple[str, int], str]  # (sheet, row) -> the clerk's choice for that row


@dataclass
class SheetPlan:
    name: str
    table: Table
    header_rows: list[int]  # 1-based
    unit: str | None
    columns: dict[str, str | None]
    skipped: str | None
    signature: str
    as_of: AsOf | None = None

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
            "as_of": self.as_of.to_json() if self.as_of and live else None,
        }


@dataclass
class Plan:
    file: Path
    format: str
    sha256: str
    sheets: list[SheetPlan]
    rows: list[PlanRow]
    on_duplicate: str = DEFAULT_POLICY
    as_of: AsOf | None = None  # when the figures were true (the latest of the sheets')
    on_uncertain: str = DEFAULT_UNCERTAIN

    def summary(self) -> dict[str, int]:
        counts = {a: 0 for a in ACTIONS}
        conflicts = review = 0
        for r in self.rows:
            counts[r.action] += 1
            conflicts += bool(r.conflicts)
            review += r.decision == "review"
        return {"rows": len(self.rows), **counts, "conflicts": conflicts, "review": review}

    def mapping(self) -> dict[str, dict[str, str | None]]:
        return {s.name: s.columns for s in self.sheets if not s.skipped}

    def live_sheets(self) -> list[str]:
        return [s.name for s in self.sheets if not s.skipped]

    def matched_rows(self) -> list[PlanRow]:
        """Rows naming a project already stored, in file order (the duplicates page)."""
        return [r for r in self.rows if r.matched]

    def review_rows(self) -> list[PlanRow]:
        """Rows that may name a stored project, for the clerk to confirm."""
        return [r for r in self.rows if r.uncertain]

    def duplicate_rows(self) -> list[PlanRow]:
        """What the duplicates page lists: rows naming stored projects and possible ones."""
        return [r for r in self.rows if r.matched or r.uncertain]

    def conflict_rows(self) -> list[PlanRow]:
        return [r for r in self.rows if r.conflicts]

    def set_policy(self, policy: str) -> None:
        """Decide every matched row again under another policy (rows the clerk decided
        one by one keep their choice)."""
        self.on_duplicate = decisions.check_policy(policy)
        for row in self.matched_rows():
            decisions.settle(row, policy, self.on_uncertain)

    def set_choice(self, row: PlanRow, choice: str | None) -> None:
        decisions.set_choice(row, choice, self.on_duplicate, self.on_uncertain)

    def choices(self) -> Choices:
        return {(r.sheet, r.row): r.choice for r in self.rows if r.choice}

    def to_json(self, batch_id: int | None = None) -> dict[str, Any]:
        """The plan as ``--json`` prints it (the collector paused: a dict or more per row,
        while the plan and its grids are alive, made full collections cost ~0.2 s)."""
        with bulk_work():
            return {
                "file": str(self.file),
                "format": self.format,
                "sheets": [s.to_json() for s in self.sheets],
                "rows": [r.to_json() for r in self.rows],
                "summary": self.summary(),
                "batch_id": batch_id,
                "on_duplicate": self.on_duplicate,
                "on_uncertain": self.on_uncertain,
                "as_of": self.as_of.to_json() if self.as_of else None,
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
    on_duplicate: str = DEFAULT_POLICY,
    as_of: str | None = None,
    choices: Choices | None = None,
    on_uncertain: str = DEFAULT_UNCERTAIN,
    today: date | None = None,
    progress: ProgressFn = no_progress,
    cancelled: CancelFn = never_cancelled,
) -> Plan:
    """Every data row's action and reasons (nothing is written). ``as_of`` is the clerk's
    date for the figures (else decided from the file); ``choices`` the clerk's decisions
    for single rows that name stored projects."""
    with bulk_work():
        decisions.check_policy(on_duplicate)
        if not any(t.data_rows() and not t.skipped for t in tables):
            raise TrackerError(no_ledger_message(workbook, tables))
        plan = Plan(workbook.path, workbook.format, workbook.sha256, [], [], on_duplicate)
        plan.on_uncertain = decisions.check_uncertain(on_uncertain)
        plan.sheets = [_sheet_plan(t) for t in tables]
        dedupe = Dedupe(Existing(portfolio))
        _read_rows(plan, tables, dedupe, progress, cancelled)
        _date_figures(plan, workbook, [t for t in tables if not t.skipped], as_of, today)
        for row in [*dedupe.matched, *dedupe.uncertain]:
            row.choice = (choices or {}).get((row.sheet, row.row))
        _decide_matches([*dedupe.matched, *dedupe.uncertain], portfolio, plan)
        return plan


def _read_rows(
    plan: Plan, tables: list[Table], dedupe: Dedupe, progress: ProgressFn, cancelled: CancelFn
) -> None:
    live = [t for t in tables if not t.skipped]
    total = sum(len(t.data_rows()) for t in live)
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
    progress(total, total, "检查完成")


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


# -- when the figures were true ---------------------------------------------------------


def _title_texts(table: Table) -> list[str]:
    return [cell_text(v) for r in table.title_rows for v in table.rows[r] if cell_text(v)]


def _latest_stated(plan: Plan, tables: dict[str, Table]) -> tuple[str, str] | None:
    """The latest actual date the rows state, with where it was read (planned dates are
    intentions, a sheet's default sign date is not read from the rows, and a stage month
    the importer guessed from a word states nothing). ISO text compares as dates do (a
    month-only date sorts before its days), so one pass over the strings finds it."""
    best: tuple[str, PlanRow, str] | None = None
    for row in plan.rows:
        if row.action == "reject":
            continue
        data = row.data
        sign = data.get("sign_date") or ""
        found = [("签约日期", sign)] if sign != tables[row.sheet].sign_date_default else []
        found += [
            (f"{Stage(stage).label}日期", day)
            for stage, day in (data.get("stage_dates") or {}).items()
            if day != sign[:7]
        ]
        found += [("状态日期", data.get("status_date")), ("统计日期", data.get("progress_as_of"))]
        for label, day in found:
            if day and len(day) > 4 and (best is None or day > best[0]):
                best = (day, row, label)
    if best is None:
        return None
    day, row, label = best
    return day, f"“{row.sheet}”第 {row.row} 行{label}"


def _date_figures(
    plan: Plan, workbook: Workbook, tables: list[Table], clerk: str | None, today: date | None
) -> None:
    """Decide the as-of date of each sheet and of the plan, and date every row's figures
    with it (a row's own date in a dating column stays)."""
    today = today or date.today()
    per_sheet: dict[str, AsOf] = {}
    if clerk:
        clerk_as_of = AsOf(clerk, "clerk", "由您指定")
        per_sheet = {t.sheet: clerk_as_of for t in tables}
    else:
        for t in tables:
            titles = [("标题", text) for text in _title_texts(t)]
            titles += [("工作表名", t.sheet), ("文件名", workbook.path.stem)]
            if found := date_in_titles(titles):
                day, why = cap(found[0], today, found[1])
                per_sheet[t.sheet] = AsOf(day.isoformat(), "title", why)
    if per_sheet:
        fallback = max(per_sheet.values(), key=lambda a: a.value)
    elif latest := latest_stated(_latest_stated(plan, {t.sheet: t for t in tables}), today):
        fallback = AsOf(latest[0].isoformat(), "rows", latest[1])
    else:
        fallback = AsOf(today.isoformat(), "today", "表中没有可用的日期，按导入当天")
    for t in tables:
        per_sheet.setdefault(t.sheet, fallback)
    own_dates: list[str] = []
    undated = 0
    for row in plan.rows:
        if all(row.data.get(k) is None for k in FIGURE_KEYS):
            continue
        if row.data.get("progress_as_of"):
            own_dates.append(row.data["progress_as_of"])
        else:
            row.data["progress_as_of"] = per_sheet[row.sheet].value
            undated += 1
    plan.as_of = fallback
    for sheet in plan.sheets:
        sheet.as_of = per_sheet.get(sheet.name)
    dating = [c.header for t in tables if (c := t.column_for("progress_as_of")) is not None]
    if dating and own_dates and not undated:
        plan.as_of = AsOf(max(own_dates), "column", f"按“{dating[0]}”列中各行的日期")
    elif dating and own_dates:
        fallback.detail += f"；“{dating[0]}”列填了日期的行按该列"
    log.info("figures of %s dated %s (%s)", plan.file.name, plan.as_of.value, plan.as_of.source)


# -- rows naming stored projects -------------------------------------------------------


def _decide_matches(rows: list[PlanRow], portfolio: Portfolio | None, plan: Plan) -> None:
    """Compare each row with the stored project it names (or may name) and decide it."""
    if not rows or portfolio is None:
        return
    ids = [pid for r in rows if (pid := r.candidate_id or r.project_id)]
    current = current_state(portfolio, ids)
    for row in rows:
        pid = row.candidate_id or row.project_id
        assert pid is not None
        row.diff = compute_diff(row.data, current[pid])
        if row.retyped:  # the stored spelling stays; the matcher's reasons show the other
            row.diff = [c for c in row.diff if c.field not in RETYPED or c.kind != "differs"]
        decisions.settle(row, plan.on_duplicate, plan.on_uncertain)


def plan_file(
    path: Path | str,
    portfolio: Portfolio | None = None,
    *,
    password: str | None = None,
    sheet: str | list[str] | None = None,
    on_duplicate: str = DEFAULT_POLICY,
    on_uncertain: str = DEFAULT_UNCERTAIN,
    as_of: str | None = None,
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
        on_uncertain=on_uncertain,
        as_of=as_of,
        progress=progress,
        cancelled=cancelled,
    )


def recheck_plan(plan: Plan, portfolio: Portfolio) -> None:
    """Decide the plan's rows again against the ledger as it is now.

    Called inside the import's write transaction (``BEGIN IMMEDIATE``): another import
    that committed since the plan was made may have created the same projects or
    changed them, or the clerk may have edited one. A create whose key is now stored
    becomes a match like any other; every match is compared again (its changes may
    already be there, or a blank may have been filled by hand: then it is a conflict, not
    an overwrite). So two imports of one file at once create each project once.
    The collector is paused as while planning (the stored deals are filed anew).
    """
    with bulk_work():
        _recheck(plan, portfolio)


def _recheck(plan: Plan, portfolio: Portfolio) -> None:
    existing = Existing(portfolio)
    stored = set(existing.by_key.values())
    matched: list[PlanRow] = []
    for row in plan.rows:
        if row.action == "reject" or row.duplicate_in_file:
            continue
        if row.action == "create":
            row.project_id = None  # (an earlier attempt that rolled back may have set it)
            key = name_key(row.data.get("name"), row.data.get("investor"))
            pid = existing.by_key.get(key)
            if pid is None and row.data.get("investor") and row.choice != "different":
                found = existing.deals.best(row.data)  # the same deal, typed otherwise
                if found is not None and found.verdict.kind == "match":
                    pid, row.retyped, row.stored = found.project_id, True, found.stored
                    row.score, row.match_reasons = found.verdict.score, found.verdict.why()
            if pid is not None:
                row.project_id = pid
                row.warnings.append(
                    f"导入期间库中已出现同一项目（编号 {pid}，可能是同时进行的另一次导入），不再新增"
                )
                matched.append(row)
        elif row.project_id is None:
            continue  # left alone (several stored projects of this name, no investor)
        elif row.project_id not in stored:
            row.action, row.project_id = "create", None
            row.diff, row.changes, row.conflicts, row.note = [], [], [], ""
            row.warnings.append("库中原有的同一项目已被删除，按新项目导入")
        elif row.diff:
            matched.append(row)
        # else: the plan showed it the same as stored, so it writes nothing whatever
        # changed since (a blank the clerk made meanwhile is not filled back unseen)
    _decide_matches(matched, portfolio, plan)
