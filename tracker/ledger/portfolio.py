"""The portfolio API: the only way anything writes to the ledger.

Every public write runs in one transaction (``db.atomic()``; nested calls become
savepoints) and leaves audit rows: when, OS user, project, field, old value, new value.
An import passes its ``batch_id`` so the whole batch can be undone from the audit trail.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from tracker.domain.dates import check_date
from tracker.domain.fields import clean_field, clean_text
from tracker.domain.project import AuditEntry, Project
from tracker.domain.search_keys import build_search_text, name_key
from tracker.domain.vocabulary import DATED_STAGES, Stage, Status
from tracker.errors import ValidationError
from tracker.ledger import queries
from tracker.ledger import settings as settings_mod
from tracker.ledger.audit import now_iso
from tracker.ledger.child_records import CHILD_TABLES, ChildRecordsMixin, optional_date
from tracker.ledger.creation import COMPLETABLE, insert_projects, next_key_seq
from tracker.ledger.loader import load_projects
from tracker.ledger.rows import columns_to_fields, fields_to_columns, project_to_json
from tracker.storage.db import db_path_of, open_db
from tracker.work import CancelFn, ProgressFn

log = logging.getLogger(__name__)

_UNSET: Any = object()


class Portfolio(ChildRecordsMixin):
    """The ledger of one database file. Reads return ``Project``s and rows in 万元; every
    write is one transaction with its audit rows (``AuditedWriter``)."""

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        auto_backup: bool = True,
        read_only: bool = False,
        create: bool = False,
        verify: bool = True,
        check_later: bool = False,
    ) -> Portfolio:
        """Open the ledger at ``path`` (see ``open_db``); a read-only one refuses writes
        with ``faults.ReadOnlyDatabase``."""
        return cls(
            open_db(
                Path(path),
                auto_backup=auto_backup,
                read_only=read_only,
                create=create,
                verify=verify,
                check_later=check_later,
            )
        )

    @property
    def path(self) -> Path:
        return db_path_of(self.db)

    def close(self) -> None:
        self.db.close()

    def add_project(self, data: dict[str, Any], *, batch_id: int | None = None) -> int:
        """Create a project from API fields (plus stage dates, status and first figures)."""
        return insert_projects(self, [data], batch_id=batch_id)[0]

    def add_projects(
        self,
        rows: list[dict[str, Any]],
        *,
        batch_id: int | None = None,
        progress: ProgressFn | None = None,
        cancelled: CancelFn | None = None,
        blank_investor_ok: bool = False,
    ) -> list[int]:
        """Create many projects in one transaction: all are checked before any is written.
        An import passes ``blank_investor_ok``: its projects may lack the investor (待补全)."""
        return insert_projects(
            self,
            rows,
            batch_id=batch_id,
            progress=progress,
            cancelled=cancelled,
            completable=COMPLETABLE if blank_investor_ok else frozenset(),
        )

    def _index_search(self, project_id: int, fields: dict[str, Any]) -> None:
        self.db.execute(
            "INSERT INTO project_search (project_id, text) VALUES (?, ?)"
            " ON CONFLICT(project_id) DO UPDATE SET text = excluded.text",
            [project_id, build_search_text(fields)],
        )

    def edit_project(
        self, project_id: int, changes: dict[str, Any], *, batch_id: int | None = None
    ) -> list[str]:
        """Change ledger fields; returns the names of fields that really changed."""
        row = self.require_row(project_id)
        current = columns_to_fields(row)
        cleaned = {k: clean_field(k, v) for k, v in changes.items()}
        changed = {k: v for k, v in cleaned.items() if v != current.get(k)}
        if not changed:
            return []
        merged = current | changed
        key = name_key(merged["name"], merged["investor"])
        cols = fields_to_columns(changed) | {"name_key": key, "updated_at": now_iso()}
        with self.transaction(batch_id):
            if key != row["name_key"]:
                cols["key_seq"] = next_key_seq(self.db.conn, key, project_id)
            self._index_search(project_id, merged)
            sets = ", ".join(f"{c} = ?" for c in cols)
            self.db.execute(
                f"UPDATE projects SET {sets} WHERE id = ?", [*cols.values(), project_id]
            )
            for key, value in changed.items():
                self.record_audit(project_id, "project", "update", key, current.get(key), value)
        return list(changed)

    def set_status(
        self,
        project_id: int,
        status: Status | str,
        date: str | None = None,
        reason: str | None = None,
    ) -> bool:
        """Terminate, pause or reopen a project; returns False when nothing changed.

        The one place that knows a termination needs a date and a reason and a pause a
        date; the editor, the importer and undo all come here.
        """
        status = Status(status)
        row = self.require_row(project_id)
        date = check_date(clean_text(date)) if date and status is not Status.ACTIVE else None
        reason = clean_text(reason) if status is not Status.ACTIVE else None
        if (row["status"], row["status_date"], row["status_reason"]) == (
            status.value,
            date,
            reason,
        ):
            return False
        if status is not Status.ACTIVE and not date:
            raise ValidationError("status_date", "请填写日期（终止或暂缓的日期）。")
        if status is Status.TERMINATED and not reason:
            raise ValidationError("status_reason", "请填写终止原因。")
        action = {Status.TERMINATED: "terminate", Status.PAUSED: "pause", Status.ACTIVE: "reopen"}[
            status
        ]
        with self.transaction():
            self.db.execute(
                "UPDATE projects SET status = ?, status_date = ?, status_reason = ?,"
                " updated_at = ? WHERE id = ?",
                [status.value, date, reason, now_iso(), project_id],
            )
            self.record_audit(project_id, "project", action, "status", row["status"], status.value)
            if row["status_date"] != date:
                self.record_audit(
                    project_id, "project", action, "status_date", row["status_date"], date
                )
            if row["status_reason"] != reason:
                self.record_audit(
                    project_id, "project", action, "status_reason", row["status_reason"], reason
                )
        return True

    def terminate(self, project_id: int, date: str, reason: str) -> None:
        self.set_status(project_id, Status.TERMINATED, date, reason)

    def pause(self, project_id: int, date: str, reason: str | None = None) -> None:
        self.set_status(project_id, Status.PAUSED, date, reason)

    def reopen(self, project_id: int) -> None:
        self.set_status(project_id, Status.ACTIVE)

    def delete_project(self, project_id: int) -> None:
        """Delete a project and its children; the audit keeps a full snapshot of it."""
        project = self.get_project(project_id)
        snapshot = project_to_json(project)
        with self.transaction():
            for table in ("stage_dates", "project_search", *CHILD_TABLES.values()):
                self.db.execute(f"DELETE FROM {table} WHERE project_id = ?", [project_id])
            self.db.execute("DELETE FROM projects WHERE id = ?", [project_id])
            self.record_audit(
                project_id, "project", "delete", None, json.dumps(snapshot, ensure_ascii=False)
            )
        log.info("deleted project %s", project_id)

    # -- stage dates -----------------------------------------------------------------

    def set_stage_date(
        self, project_id: int, stage: str | Stage, *, planned: Any = _UNSET, actual: Any = _UNSET
    ) -> None:
        """Set the planned and/or actual date of a stage after signing (None clears)."""
        st = _stage(stage)
        if st is Stage.SIGNED:
            if actual is not _UNSET:
                self.edit_project(project_id, {"sign_date": actual})
            return
        self.require_row(project_id)
        old = self.db.execute(
            "SELECT planned, actual FROM stage_dates WHERE project_id = ? AND stage = ?",
            [project_id, st.value],
        ).fetchone() or (None, None)
        new = list(old)
        for i, (name, value) in enumerate((("planned", planned), ("actual", actual))):
            if value is not _UNSET:
                label = f"{st.label}{'计划' if name == 'planned' else '实际'}日期"
                new[i] = optional_date(f"{st.value}.{name}", value, label)
        with self.transaction():
            self._write_stage(project_id, st, (new[0], new[1]), (old[0], old[1]))

    def _write_stage(
        self,
        project_id: int,
        st: Stage,
        new: tuple[str | None, str | None],
        old: tuple[str | None, str | None],
    ) -> None:
        """Write one stage row and its audit; the caller holds the transaction."""
        if new == old:
            return
        if new == (None, None):
            self.db.execute(
                "DELETE FROM stage_dates WHERE project_id = ? AND stage = ?",
                [project_id, st.value],
            )
        else:
            self.db.execute(
                "INSERT INTO stage_dates (project_id, stage, rank, planned, actual)"
                " VALUES (?,?,?,?,?) ON CONFLICT(project_id, stage)"
                " DO UPDATE SET planned = excluded.planned, actual = excluded.actual",
                [project_id, st.value, st.rank, *new],
            )
        self.db.execute("UPDATE projects SET updated_at = ? WHERE id = ?", [now_iso(), project_id])
        for i, name in enumerate(("planned", "actual")):
            if new[i] != old[i]:
                self.record_audit(
                    project_id, "stage", "update", f"{st.value}.{name}", old[i], new[i]
                )

    # -- settings --------------------------------------------------------------------

    def settings(self) -> dict[str, Any]:
        return settings_mod.load(self.db)

    def is_set_up(self) -> bool:
        """The county has been named (the app's first-run set-up asks until it is)."""
        return settings_mod.is_set_up(self.db)

    def update_settings(self, changes: dict[str, Any]) -> None:
        current = self.settings()
        cleaned = {k: settings_mod.coerce(k, v) for k, v in changes.items()}
        settings_mod.check_consistent(current | cleaned)
        with self.transaction():
            for key, value in cleaned.items():
                if value == current[key]:
                    continue
                self.db.execute(
                    "INSERT INTO settings (key, value) VALUES (?, ?)"
                    " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    [key, json.dumps(value, ensure_ascii=False)],
                )
                self.record_audit(
                    None,
                    "settings",
                    "update",
                    key,
                    json.dumps(current[key], ensure_ascii=False),
                    json.dumps(value, ensure_ascii=False),
                )

    # -- reading ---------------------------------------------------------------------

    def get_project(self, project_id: int) -> Project:
        self.require_row(project_id)
        return load_projects(self.db, ids=[project_id])[0]

    def audit_for(
        self, project_id: int | None = None, batch_id: int | None = None
    ) -> list[AuditEntry]:
        sql = (
            "SELECT id, at, user, project_id, entity, action, field, old, new, batch_id FROM audit"
        )
        if project_id is not None:  # with the history of projects merged into it
            rows = self.db.execute(
                sql + " WHERE project_id = ? OR project_id IN (SELECT project_id FROM audit"
                " WHERE action = 'merge' AND entity = 'project' AND new = ?"
                " AND project_id NOT IN (SELECT id FROM projects)) ORDER BY id",
                [project_id, str(project_id)],
            )
        elif batch_id is not None:
            rows = self.db.execute(sql + " WHERE batch_id = ? ORDER BY id", [batch_id])
        else:
            rows = self.db.execute(sql + " ORDER BY id")
        return [AuditEntry(*r) for r in rows.fetchall()]

    def query_ids(
        self,
        flt: queries.ProjectFilter | None = None,
        order_by: str = "sign_date",
        descending: bool = False,
    ) -> list[int]:
        return queries.query_ids(self.db, flt, order_by, descending)

    def rows_for_ids(self, ids: list[int]) -> list[dict[str, Any]]:
        return queries.rows_for_ids(self.db, ids)

    def list_rows(
        self,
        flt: queries.ProjectFilter | None = None,
        order_by: str = "sign_date",
        descending: bool = False,
    ) -> list[dict[str, Any]]:
        return queries.list_rows(self.db, flt, order_by, descending)

    def totals(self, flt: queries.ProjectFilter | None = None) -> tuple[int, Any]:
        return queries.totals(self.db, flt)

    def project_count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM projects").fetchone()[0])


def _stage(key: str | Stage) -> Stage:
    try:
        return Stage(key)
    except ValueError as exc:
        raise ValidationError("stage", f"未知的阶段：{key}") from exc


__all__ = ["DATED_STAGES", "Portfolio", "project_to_json"]
