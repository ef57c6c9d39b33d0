"""Creating projects: the one code path behind ``add_project`` and an import's creates.

An import of 20,000 rows cannot afford a dozen statements per project with re-reads for
checks, so everything is checked first, then written with one prepared statement per table
and ``executemany`` for search keys, stage dates and audit rows. A single ``add_project`` is
the same code with one row, so the two can never write different rows or audit text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from tracker.domain.dates import check_date, today_iso
from tracker.domain.fields import clean_field, clean_text, money_value
from tracker.domain.money import yuan_to_wan
from tracker.domain.search_keys import build_search_text, name_key
from tracker.domain.vocabulary import PROJECT_FIELDS, Stage, Status
from tracker.errors import Cancelled, ValidationError
from tracker.ledger.audit import (
    AuditedWriter,
    AuditRow,
    audit_row,
    audit_text,
    now_iso,
    write_audit,
)
from tracker.ledger.child_records import optional_date
from tracker.ledger.rows import PROGRESS_MONEY, fields_to_columns
from tracker.work import CancelFn, ProgressFn, bulk_work

# Keys a new project accepts besides the ledger fields (what an importer row can carry).
EXTRA_KEYS = frozenset(
    {
        "stage_dates",
        "planned_dates",
        "planned_start",
        "planned_production",
        "status",
        "status_date",
        "status_reason",
        "funds_arrived_wan",
        "invested_wan",
        "progress_as_of",
        "stage",
    }
)
FIELD_KEYS = frozenset(f.key for f in PROJECT_FIELDS)
_FIELDS = tuple((f.key, f.required, f.kind in ("text", "choice")) for f in PROJECT_FIELDS)
# One encoder for every audit snapshot: json.dumps with options builds a new one per call.
_ENCODE = json.JSONEncoder(ensure_ascii=False).encode
# Required fields an import may leave blank, to be completed later (待补全): a ledger without
# an investor column still brings its projects in. A clerk typing a project gives them all.
COMPLETABLE = frozenset({"investor"})


@dataclass
class NewProject:
    """A project checked and converted, ready to insert: nothing here can fail any more."""

    fields: dict[str, Any]
    columns: dict[str, Any]
    stages: list[tuple[Stage, tuple[str | None, str | None]]]
    figures: dict[str, Any] | None  # first progress snapshot (money in 元), if any


# Per stage: the names and labels its date checks report (built once, not per row).
_STAGE_CHECK = {
    st.value: (
        st,
        f"{st.value}.planned",
        f"{st.label}计划日期",
        f"{st.value}.actual",
        f"{st.label}实际日期",
    )
    for st in Stage
}


class Memo(dict[tuple[Any, ...], Any]):
    """Results of pure checks for values already seen in this batch: an import's dates and
    amounts repeat down the ledger, so each distinct one is checked once."""

    def call(self, check: Callable[..., Any], key: str, value: Any, *more: Any) -> Any:
        memo_key = (check, key, type(value), value)
        try:
            return self[memo_key]
        except KeyError:
            result = self[memo_key] = check(key, value, *more)
            return result
        except TypeError:  # an unhashable value: checked, not remembered
            return check(key, value, *more)


def stage_rows(
    data: dict[str, Any], memo: Memo | None = None
) -> list[tuple[Stage, tuple[str | None, str | None]]]:
    """Checked (planned, actual) dates per stage after signing, before any write."""
    check = (
        (lambda f, v, label: memo.call(optional_date, f, v, label))
        if memo is not None
        else optional_date
    )
    planned = dict(data.get("planned_dates") or {})
    if data.get("planned_start"):
        planned.setdefault(Stage.STARTED.value, data["planned_start"])
    if data.get("planned_production"):
        planned.setdefault(Stage.PRODUCING.value, data["planned_production"])
    actual = data.get("stage_dates") or {}
    rows: list[tuple[Stage, tuple[str | None, str | None]]] = []
    if not planned and not actual:
        return rows
    for key in sorted(set(planned) | set(actual), key=str):
        spec = _STAGE_CHECK.get(key)
        if spec is None:
            raise ValidationError("stage", f"未知的阶段：{key}")
        st, planned_field, planned_label, actual_field, actual_label = spec
        if st is Stage.SIGNED:
            continue
        new = (
            check(planned_field, planned.get(key), planned_label),
            check(actual_field, actual.get(key), actual_label),
        )
        if new != (None, None):
            rows.append((st, new))
    return rows


def prepare(
    data: dict[str, Any],
    batch_id: int | None,
    stamp: str,
    completable: frozenset[str] = frozenset(),
    memo: Memo | None = None,
) -> NewProject:
    """Check and convert one project's data; raises ValidationError naming the field.
    Fields in ``completable`` may be blank (an import's 待补全); ``memo`` remembers the
    checks of values seen before in the same batch."""
    unknown = set(data) - FIELD_KEYS - EXTRA_KEYS
    if unknown:
        raise ValidationError(sorted(unknown)[0], f"未知字段：{', '.join(sorted(unknown))}")
    fields: dict[str, Any] = {}
    for key, required, plain_text in _FIELDS:
        value = data.get(key)
        if value is None and not required:  # most fields of an imported row: nothing to check
            fields[key] = None
        elif plain_text and not required and type(value) is str:  # clean_field's text rule
            fields[key] = value.strip() or None
        elif key in completable and clean_text(value) is None:
            fields[key] = None
        else:
            fields[key] = (
                memo.call(clean_field, key, value) if memo is not None else clean_field(key, value)
            )
    try:
        status = Status(data.get("status") or Status.ACTIVE)
    except ValueError as exc:
        raise ValidationError("status", f"未知的状态：{data.get('status')}") from exc
    columns = fields_to_columns(fields) | {
        "status": status.value,
        "status_date": optional_date("status_date", data.get("status_date"), "状态日期"),
        "status_reason": clean_text(data.get("status_reason")),
        "name_key": name_key(fields["name"], fields["investor"]),
        "key_seq": 0,
        "batch_id": batch_id,
        "created_at": stamp,
        "updated_at": stamp,
    }
    figures = None
    funds, invested = data.get("funds_arrived_wan"), data.get("invested_wan")
    if funds not in (None, "") or invested not in (None, ""):
        figures = {
            "as_of": check_date(clean_text(data.get("progress_as_of"))) or today_iso(),
            "funds_arrived_yuan": money_value("funds_arrived_wan", funds, "累计到位资金"),
            "invested_yuan": money_value("invested_wan", invested, "累计完成投资"),
        }
    return NewProject(fields, columns, stage_rows(data, memo), figures)


def insert_projects(
    portfolio: AuditedWriter,
    rows: Iterable[dict[str, Any]],
    *,
    batch_id: int | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
    completable: frozenset[str] = frozenset(),
) -> list[int]:
    """Check every row, then write them all in one transaction; returns ids in order."""
    with bulk_work():
        return _insert(portfolio, list(rows), batch_id, progress, cancelled, completable)


def _insert(
    portfolio: AuditedWriter,
    rows: list[dict[str, Any]],
    batch_id: int | None,
    progress: ProgressFn | None,
    cancelled: CancelFn | None,
    completable: frozenset[str],
) -> list[int]:
    stamp, user = now_iso(), portfolio.user
    memo = Memo()
    prepared = [prepare(data, batch_id, stamp, completable, memo) for data in rows]  # no write yet
    ids: list[int] = []
    audits: list[AuditRow] = []
    stages: list[tuple[Any, ...]] = []
    search: list[tuple[int, str]] = []
    with portfolio.transaction(batch_id):
        conn = portfolio.db.conn
        batch = portfolio.batch_id
        if batch is None:  # a clerk's own duplicate is kept, numbered (see migration 0003)
            seqs: dict[str, int] = {}
            for new in prepared:
                key = new.columns["name_key"]
                seqs[key] = seqs[key] + 1 if key in seqs else next_key_seq(conn, key)
                new.columns["key_seq"] = seqs[key]
        # Ids are given, not read back row by row: inside this transaction nothing else
        # writes, so the next ids are known, and every table is written with executemany.
        next_id = conn.execute("SELECT COALESCE(MAX(id), 0) FROM projects").fetchone()[0] + 1
        next_figure = conn.execute("SELECT COALESCE(MAX(id), 0) FROM progress").fetchone()[0] + 1
        projects: list[list[Any]] = []
        figures: list[list[Any]] = []
        names: list[str] = []
        figure_names: list[str] = []
        for i, new in enumerate(prepared):
            if i % 500 == 0:
                if cancelled and cancelled():
                    raise Cancelled()
                if progress:
                    progress(i, len(prepared), f"写入第 {i + 1}/{len(prepared)} 个项目")
            pid = next_id + i
            if not names:
                names = ["id", *new.columns]
            projects.append([pid, *new.columns.values()])
            ids.append(pid)
            search.append((pid, build_search_text(new.fields)))
            snapshot = {
                k: v if type(v) is str else audit_text(v)
                for k, v in new.fields.items()
                if v is not None
            }
            audits.append(
                audit_row(
                    stamp, user, pid, "project", "create", batch_id=batch, new=_ENCODE(snapshot)
                )
            )
            for st, (planned, actual) in new.stages:
                stages.append((pid, st.value, st.rank, planned, actual))
                for name, value in (("planned", planned), ("actual", actual)):
                    if value:
                        audits.append(
                            audit_row(
                                stamp,
                                user,
                                pid,
                                "stage",
                                "update",
                                field=f"{st.value}.{name}",
                                new=value,
                                batch_id=batch,
                            )
                        )
            if new.figures:
                if not figure_names:
                    figure_names = ["id", "project_id", *new.figures]
                figures.append([next_figure, pid, *new.figures.values()])
                audits.append(_figures_audit(pid, next_figure, new.figures, stamp, user, batch))
                next_figure += 1
        if projects:
            conn.executemany(_insert_sql("projects", names), projects)
        if figures:
            conn.executemany(_insert_sql("progress", figure_names), figures)
        conn.executemany(
            "INSERT INTO stage_dates (project_id, stage, rank, planned, actual) VALUES (?,?,?,?,?)",
            stages,
        )
        conn.executemany("INSERT INTO project_search (project_id, text) VALUES (?, ?)", search)
        write_audit(conn, audits)
    if progress:
        progress(len(prepared), len(prepared), "写入完成")
    return ids


def next_key_seq(conn: Any, key: str, project_id: int | None = None) -> int:
    """The ``key_seq`` a project with ``key`` gets: 0 when no other project has the key,
    else the next number. An import never asks (it writes 0: a second project with a key
    already stored is refused by the unique index, which is the point)."""
    row = conn.execute(
        "SELECT MAX(key_seq) FROM projects WHERE name_key = ? AND id IS NOT ?", [key, project_id]
    ).fetchone()
    return 0 if row[0] is None else int(row[0]) + 1


def _insert_sql(table: str, columns: list[str]) -> str:
    return f"INSERT INTO {table} ({','.join(columns)}) VALUES ({','.join('?' * len(columns))})"


def _figures_audit(
    pid: int, figure_id: int, figures: dict[str, Any], stamp: str, user: str, batch: int | None
) -> AuditRow:
    """The audit row of a new project's first progress snapshot."""
    shown = {"as_of": figures["as_of"]} | {
        key: audit_text(yuan_to_wan(figures[col]))
        for key, col in PROGRESS_MONEY.items()
        if figures.get(col) is not None
    }
    return audit_row(
        stamp,
        user,
        pid,
        "progress",
        "create",
        entity_id=figure_id,
        batch_id=batch,
        new=_ENCODE(shown),
    )
