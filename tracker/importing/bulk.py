"""Creating many projects at once, inside the import's transaction.

``Portfolio.add_project`` costs ~0.8 ms a project (a dozen statements each, with re-reads
for its checks); an import of 20,000 rows must stay within 2x of just reading the file.
This writes the same rows and the same audit entries as ``add_project`` — cleaned by the
same ``records.clean_field`` — with one prepared statement per table and ``executemany``
for the audit and stage rows. It must only run inside ``Portfolio.transaction``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from ..dates import check_date, today_iso
from ..errors import Cancelled
from ..model import PROJECT_FIELDS, Status
from ..money import wan_to_yuan
from ..portfolio import Portfolio, now_iso
from ..records import audit_text, clean_field, clean_text, fields_to_columns
from ..search_keys import build_search_text, name_key

# Kept in step with Portfolio._index_search / _audit / _write_stage (same rows, same text).
SEARCH_SQL = "INSERT INTO project_search (project_id, text) VALUES (?, ?)"
AUDIT_SQL = (
    "INSERT INTO audit (at, user, project_id, entity, entity_id, action, field, old, new,"
    " batch_id) VALUES (?,?,?,?,?,?,?,?,?,?)"
)


def create_projects(
    portfolio: Portfolio,
    rows: list[dict[str, Any]],
    batch_id: int,
    progress: Callable[[int, int, str], None],
    cancelled: Callable[[], bool],
) -> list[int]:
    """Insert projects (with stage dates and first figures); returns their ids in order."""
    conn = portfolio.db.conn
    stamp, user, today = now_iso(), portfolio.user, today_iso()
    columns: list[str] | None = None
    sql = ""
    audits: list[tuple[Any, ...]] = []
    stages: list[tuple[Any, ...]] = []
    search: list[tuple[int, str]] = []
    ids: list[int] = []
    for i, data in enumerate(rows):
        if i % 500 == 0:
            if cancelled():
                raise Cancelled()
            progress(i, len(rows), f"写入第 {i + 1}/{len(rows)} 个项目")
        # Plan rows were cleaned by the same clean_field already; re-check only what is there.
        fields = {f.key: clean_field(f.key, data[f.key]) if data.get(f.key) is not None else None
                  for f in PROJECT_FIELDS}
        cols = fields_to_columns(fields) | {
            "status": Status(data.get("status") or Status.ACTIVE).value,
            "status_date": check_date(clean_text(data.get("status_date"))),
            "status_reason": clean_text(data.get("status_reason")),
            "name_key": name_key(fields["name"], fields["investor"]),
            "batch_id": batch_id,
            "created_at": stamp,
            "updated_at": stamp,
        }
        if columns is None:
            columns = list(cols)
            sql = f"INSERT INTO projects ({','.join(columns)}) VALUES ({','.join('?' * len(columns))})"
        pid = int(conn.execute(sql, [cols[c] for c in columns]).lastrowid or 0)
        ids.append(pid)
        search.append((pid, build_search_text(fields)))
        snapshot = {k: audit_text(v) for k, v in fields.items() if v is not None}
        audits.append((stamp, user, pid, "project", None, "create", None, None,
                       json.dumps(snapshot, ensure_ascii=False), batch_id))
        for st, (planned, actual) in Portfolio._stage_rows(data):
            stages.append((pid, st.value, st.rank, planned, actual))
            for name, value in (("planned", planned), ("actual", actual)):
                if value:
                    audits.append((stamp, user, pid, "stage", None, "update",
                                   f"{st.value}.{name}", None, value, batch_id))
        _first_figures(conn, data, pid, today, stamp, user, batch_id, audits)
    conn.executemany(
        "INSERT INTO stage_dates (project_id, stage, rank, planned, actual) VALUES (?,?,?,?,?)",
        stages,
    )
    conn.executemany(SEARCH_SQL, search)
    conn.executemany(AUDIT_SQL, audits)
    progress(len(rows), len(rows), "写入完成")
    return ids


def _first_figures(conn: Any, data: dict[str, Any], pid: int, today: str, stamp: str,
                   user: str, batch_id: int, audits: list[tuple[Any, ...]]) -> None:
    funds, invested = data.get("funds_arrived_wan"), data.get("invested_wan")
    if funds is None and invested is None:
        return
    values = {
        "as_of": check_date(clean_text(data.get("progress_as_of"))) or today,
        "funds_arrived_yuan": wan_to_yuan(funds),
        "invested_yuan": wan_to_yuan(invested),
        "output_yuan": None,
        "tax_yuan": None,
        "note": None,
    }
    cols = {"project_id": pid, **values}
    child = conn.execute(
        f"INSERT INTO progress ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})",
        list(cols.values()),
    ).lastrowid
    audits.append((stamp, user, pid, "progress", child, "create", None, None,
                   json.dumps({k: audit_text(v) for k, v in values.items()}, ensure_ascii=False),
                   batch_id))
