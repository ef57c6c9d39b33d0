"""The portfolio API: the only way anything writes to the ledger.

Every public write runs in one transaction (``db.atomic()``; nested calls become
savepoints) and leaves audit rows: when, OS user, project, field, old value, new value.
An import passes its ``batch_id`` so the whole batch can be undone from the audit trail.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from . import queries
from . import settings as settings_mod
from .dates import check_date, today_iso
from .db import db_path_of, open_db
from .errors import TrackerError, ValidationError
from .model import (
    DATED_STAGES,
    PROBLEM_STATUSES,
    PROJECT_FIELDS,
    AuditEntry,
    Problem,
    Progress,
    Project,
    Stage,
    StageDate,
    Status,
    Visit,
)
from .money import wan_to_yuan, yuan_to_wan
from .records import (
    PROGRESS_MONEY,
    audit_text,
    clean_field,
    clean_text,
    columns_to_fields,
    fields_to_columns,
)
from .search_keys import build_search_text, name_key

_UNSET: Any = object()
# Keys add_project accepts besides the ledger fields (what an importer row can carry).
EXTRA_KEYS = {
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
CHILD_TABLES = {"progress": "progress", "visit": "visits", "problem": "problems"}


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (service accounts): still audit, anonymously
        return "unknown"


def now_iso() -> str:
    return datetime.now().isoformat(timespec="seconds")


class Portfolio:
    def __init__(self, db: Database, user: str | None = None) -> None:
        self.db = db
        self.user = user or os_user()
        self._batch_id: int | None = None

    @classmethod
    def open(cls, path: Path | str, *, auto_backup: bool = True) -> Portfolio:
        return cls(open_db(Path(path), auto_backup=auto_backup))

    @property
    def path(self) -> Path:
        return db_path_of(self.db)

    def close(self) -> None:
        self.db.close()

    # -- transactions and audit ------------------------------------------------------

    @contextmanager
    def transaction(self, batch_id: int | None = None) -> Iterator[None]:
        """One atomic unit; audit rows written inside carry ``batch_id``."""
        previous = self._batch_id
        if batch_id is not None:
            self._batch_id = batch_id
        try:
            with self.db.atomic():
                yield
        finally:
            self._batch_id = previous

    def _audit(
        self,
        project_id: int | None,
        entity: str,
        action: str,
        field: str | None = None,
        old: Any = None,
        new: Any = None,
        entity_id: int | None = None,
    ) -> None:
        self.db.execute(
            "INSERT INTO audit (at, user, project_id, entity, entity_id, action, field, old, new,"
            " batch_id) VALUES (?,?,?,?,?,?,?,?,?,?)",
            [
                now_iso(),
                self.user,
                project_id,
                entity,
                entity_id,
                action,
                field,
                audit_text(old),
                audit_text(new),
                self._batch_id,
            ],
        )

    # -- projects --------------------------------------------------------------------

    def _require(self, project_id: int) -> dict[str, Any]:
        row = self.db.execute("SELECT * FROM projects WHERE id = ?", [project_id]).fetchone()
        if row is None:
            raise TrackerError(f"找不到编号为 {project_id} 的项目。请用 list 命令查看现有项目。")
        names = [d[0] for d in self.db.execute("SELECT * FROM projects LIMIT 0").description]
        return dict(zip(names, row, strict=True))

    def add_project(self, data: dict[str, Any], *, batch_id: int | None = None) -> int:
        """Create a project from API fields (plus stage dates, status and figures)."""
        unknown = set(data) - {f.key for f in PROJECT_FIELDS} - EXTRA_KEYS
        if unknown:
            raise ValidationError(sorted(unknown)[0], f"未知字段：{', '.join(sorted(unknown))}")
        fields = {f.key: clean_field(f.key, data.get(f.key)) for f in PROJECT_FIELDS}
        status = Status(data.get("status") or Status.ACTIVE)
        stamp = now_iso()
        cols = fields_to_columns(fields) | {
            "status": status.value,
            "status_date": check_date(clean_text(data.get("status_date"))),
            "status_reason": clean_text(data.get("status_reason")),
            "name_key": name_key(fields["name"], fields["investor"]),
            "search_text": build_search_text(fields),
            "batch_id": batch_id,
            "created_at": stamp,
            "updated_at": stamp,
        }
        with self.transaction(batch_id):
            marks = ",".join("?" * len(cols))
            cursor = self.db.execute(
                f"INSERT INTO projects ({','.join(cols)}) VALUES ({marks})", list(cols.values())
            )
            pid = int(cursor.lastrowid or 0)
            snapshot = {k: audit_text(v) for k, v in fields.items() if v is not None}
            self._audit(pid, "project", "create", None, None, json.dumps(snapshot, ensure_ascii=False))
            self._apply_stage_data(pid, data)
            funds, invested = data.get("funds_arrived_wan"), data.get("invested_wan")
            if funds not in (None, "") or invested not in (None, ""):
                self.add_progress(
                    pid,
                    data.get("progress_as_of") or today_iso(),
                    funds_arrived_wan=funds,
                    invested_wan=invested,
                )
        return pid

    def _apply_stage_data(self, pid: int, data: dict[str, Any]) -> None:
        planned = dict(data.get("planned_dates") or {})
        if data.get("planned_start"):
            planned.setdefault(Stage.STARTED.value, data["planned_start"])
        if data.get("planned_production"):
            planned.setdefault(Stage.PRODUCING.value, data["planned_production"])
        actual = dict(data.get("stage_dates") or {})
        actual.pop(Stage.SIGNED.value, None)
        for stage in set(planned) | set(actual):
            if stage == Stage.SIGNED.value:
                continue
            kwargs: dict[str, Any] = {}
            if stage in planned:
                kwargs["planned"] = planned[stage]
            if stage in actual:
                kwargs["actual"] = actual[stage]
            self.set_stage_date(pid, stage, **kwargs)

    def edit_project(
        self, project_id: int, changes: dict[str, Any], *, batch_id: int | None = None
    ) -> list[str]:
        """Change ledger fields; returns the names of fields that really changed."""
        row = self._require(project_id)
        current = columns_to_fields(row)
        cleaned = {k: clean_field(k, v) for k, v in changes.items()}
        changed = {k: v for k, v in cleaned.items() if v != current.get(k)}
        if not changed:
            return []
        merged = current | changed
        cols = fields_to_columns(changed) | {
            "name_key": name_key(merged["name"], merged["investor"]),
            "search_text": build_search_text(merged),
            "updated_at": now_iso(),
        }
        with self.transaction(batch_id):
            sets = ", ".join(f"{c} = ?" for c in cols)
            self.db.execute(
                f"UPDATE projects SET {sets} WHERE id = ?", [*cols.values(), project_id]
            )
            for key, value in changed.items():
                self._audit(project_id, "project", "update", key, current.get(key), value)
        return list(changed)

    def _set_status(
        self, project_id: int, status: Status, date: str | None, reason: str | None, action: str
    ) -> None:
        row = self._require(project_id)
        date = check_date(clean_text(date)) if date else None
        reason = clean_text(reason)
        if status is not Status.ACTIVE and not date:
            raise ValidationError("status_date", "请填写日期（终止或暂缓的日期）。")
        if status is Status.TERMINATED and not reason:
            raise ValidationError("status_reason", "请填写终止原因。")
        with self.transaction():
            self.db.execute(
                "UPDATE projects SET status = ?, status_date = ?, status_reason = ?,"
                " updated_at = ? WHERE id = ?",
                [status.value, date, reason, now_iso(), project_id],
            )
            self._audit(project_id, "project", action, "status", row["status"], status.value)
            if row["status_date"] != date:
                self._audit(project_id, "project", action, "status_date", row["status_date"], date)
            if row["status_reason"] != reason:
                self._audit(
                    project_id, "project", action, "status_reason", row["status_reason"], reason
                )

    def terminate(self, project_id: int, date: str, reason: str) -> None:
        self._set_status(project_id, Status.TERMINATED, date, reason, "terminate")

    def pause(self, project_id: int, date: str, reason: str | None = None) -> None:
        self._set_status(project_id, Status.PAUSED, date, reason, "pause")

    def reopen(self, project_id: int) -> None:
        self._set_status(project_id, Status.ACTIVE, None, None, "reopen")

    def delete_project(self, project_id: int) -> None:
        """Delete a project and its children; the audit keeps a full snapshot of it."""
        project = self.get_project(project_id)
        snapshot = project_to_json(project)
        with self.transaction():
            for table in ("stage_dates", *CHILD_TABLES.values()):
                self.db.execute(f"DELETE FROM {table} WHERE project_id = ?", [project_id])
            self.db.execute("DELETE FROM projects WHERE id = ?", [project_id])
            self._audit(
                project_id, "project", "delete", None, json.dumps(snapshot, ensure_ascii=False)
            )

    # -- stage dates -----------------------------------------------------------------

    def set_stage_date(
        self, project_id: int, stage: str | Stage, *, planned: Any = _UNSET, actual: Any = _UNSET
    ) -> None:
        """Set the planned and/or actual date of a stage after signing (None clears)."""
        try:
            st = Stage(stage)
        except ValueError as exc:
            raise ValidationError("stage", f"未知的阶段：{stage}") from exc
        if st is Stage.SIGNED:
            if actual is not _UNSET:
                self.edit_project(project_id, {"sign_date": actual})
            return
        self._require(project_id)
        old = self.db.execute(
            "SELECT planned, actual FROM stage_dates WHERE project_id = ? AND stage = ?",
            [project_id, st.value],
        ).fetchone() or (None, None)
        new = list(old)
        for i, (name, value) in enumerate((("planned", planned), ("actual", actual))):
            if value is not _UNSET:
                try:
                    new[i] = check_date(clean_text(value))
                except ValueError as exc:
                    raise ValidationError(f"{st.value}.{name}", f"{st.label}日期：{exc}") from exc
        if tuple(new) == tuple(old):
            return
        with self.transaction():
            if new[0] is None and new[1] is None:
                self.db.execute(
                    "DELETE FROM stage_dates WHERE project_id = ? AND stage = ?",
                    [project_id, st.value],
                )
            else:
                self.db.execute(
                    "INSERT INTO stage_dates (project_id, stage, rank, planned, actual)"
                    " VALUES (?,?,?,?,?) ON CONFLICT(project_id, stage)"
                    " DO UPDATE SET planned = excluded.planned, actual = excluded.actual",
                    [project_id, st.value, st.rank, new[0], new[1]],
                )
            self.db.execute(
                "UPDATE projects SET updated_at = ? WHERE id = ?", [now_iso(), project_id]
            )
            for i, name in enumerate(("planned", "actual")):
                if new[i] != old[i]:
                    self._audit(project_id, "stage", "update", f"{st.value}.{name}", old[i], new[i])

    # -- progress, visits, problems --------------------------------------------------

    def _insert_child(self, entity: str, project_id: int, values: dict[str, Any]) -> int:
        self._require(project_id)
        table = CHILD_TABLES[entity]
        cols = {"project_id": project_id, **values}
        with self.transaction():
            cursor = self.db.execute(
                f"INSERT INTO {table} ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})",
                list(cols.values()),
            )
            child_id = int(cursor.lastrowid or 0)
            self.db.execute(
                "UPDATE projects SET updated_at = ? WHERE id = ?", [now_iso(), project_id]
            )
            self._audit(
                project_id, entity, "create", None, None,
                json.dumps({k: audit_text(v) for k, v in values.items()}, ensure_ascii=False),
                entity_id=child_id,
            )
        return child_id

    def add_progress(
        self,
        project_id: int,
        as_of: str,
        *,
        funds_arrived_wan: Any = None,
        invested_wan: Any = None,
        output_wan: Any = None,
        tax_wan: Any = None,
        note: str | None = None,
    ) -> int:
        labels = {"funds_arrived_wan": "累计到位资金", "invested_wan": "累计完成投资",
                  "output_wan": "产值", "tax_wan": "税收"}
        given = {"funds_arrived_wan": funds_arrived_wan, "invested_wan": invested_wan,
                 "output_wan": output_wan, "tax_wan": tax_wan}
        values: dict[str, Any] = {"as_of": _required_date("as_of", as_of, "统计日期")}
        for key, raw in given.items():
            try:
                yuan = wan_to_yuan(raw)
            except ValueError as exc:
                raise ValidationError(key, f"“{labels[key]}”应为数字，现为“{raw}”。") from exc
            if yuan is not None and yuan < 0:
                raise ValidationError(key, f"“{labels[key]}”不能为负数。")
            values[PROGRESS_MONEY[key]] = yuan
        if all(values[c] is None for c in PROGRESS_MONEY.values()):
            raise ValidationError("funds_arrived_wan", "请至少填写一项金额。")
        values["note"] = clean_text(note)
        return self._insert_child("progress", project_id, values)

    def add_visit(
        self, project_id: int, date: str, visitor: str | None = None, content: str | None = None
    ) -> int:
        values = {
            "date": _required_date("date", date, "走访日期"),
            "visitor": clean_text(visitor),
            "content": clean_text(content),
        }
        if not values["content"]:
            raise ValidationError("content", "请填写服务内容。")
        return self._insert_child("visit", project_id, values)

    def add_problem(
        self,
        project_id: int,
        raised_date: str,
        description: str,
        *,
        category: str | None = None,
        owner_unit: str | None = None,
        deadline: str | None = None,
    ) -> int:
        values = {
            "raised_date": _required_date("raised_date", raised_date, "提出日期"),
            "description": clean_text(description),
            "category": clean_text(category),
            "owner_unit": clean_text(owner_unit),
            "deadline": _optional_date("deadline", deadline, "办结时限"),
            "status": PROBLEM_STATUSES[0],
        }
        if not values["description"]:
            raise ValidationError("description", "请填写诉求内容。")
        return self._insert_child("problem", project_id, values)

    def set_problem_status(
        self,
        problem_id: int,
        status: str,
        *,
        resolution: str | None = None,
        resolved_date: str | None = None,
    ) -> None:
        if status not in PROBLEM_STATUSES:
            raise ValidationError("status", f"诉求状态应为：{'、'.join(PROBLEM_STATUSES)}")
        row = self.db.execute(
            "SELECT project_id, status, resolution, resolved_date FROM problems WHERE id = ?",
            [problem_id],
        ).fetchone()
        if row is None:
            raise TrackerError(f"找不到编号为 {problem_id} 的诉求。")
        project_id, old_status, old_resolution, old_date = row
        resolution = clean_text(resolution) or (old_resolution if status == "已解决" else None)
        if status == "已解决":
            if not resolution:
                raise ValidationError("resolution", "请填写办理结果。")
            resolved_date = _required_date(
                "resolved_date", resolved_date or old_date or today_iso(), "解决日期"
            )
        else:
            resolved_date = None
        with self.transaction():
            self.db.execute(
                "UPDATE problems SET status = ?, resolution = ?, resolved_date = ? WHERE id = ?",
                [status, resolution, resolved_date, problem_id],
            )
            for field_name, old, new in (
                ("status", old_status, status),
                ("resolution", old_resolution, resolution),
                ("resolved_date", old_date, resolved_date),
            ):
                if old != new:
                    self._audit(project_id, "problem", "update", field_name, old, new, problem_id)

    def resolve_problem(self, problem_id: int, resolution: str, date: str | None = None) -> None:
        self.set_problem_status(problem_id, "已解决", resolution=resolution, resolved_date=date)

    def delete_child(self, entity: str, child_id: int) -> None:
        """Remove a progress snapshot, visit or problem entered by mistake (audited)."""
        table = CHILD_TABLES[entity]
        cursor = self.db.execute(f"SELECT * FROM {table} WHERE id = ?", [child_id])
        row = cursor.fetchone()
        if row is None:
            raise TrackerError(f"找不到要删除的记录（{entity} {child_id}）。")
        record = dict(zip([d[0] for d in cursor.description], row, strict=True))
        with self.transaction():
            self.db.execute(f"DELETE FROM {table} WHERE id = ?", [child_id])
            self._audit(
                record["project_id"], entity, "delete", None,
                json.dumps(record, ensure_ascii=False), None, entity_id=child_id,
            )

    # -- settings --------------------------------------------------------------------

    def settings(self) -> dict[str, Any]:
        return settings_mod.load(self.db)

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
                self._audit(
                    None, "settings", "update", key,
                    json.dumps(current[key], ensure_ascii=False),
                    json.dumps(value, ensure_ascii=False),
                )

    # -- reading ---------------------------------------------------------------------

    def get_project(self, project_id: int) -> Project:
        row = self._require(project_id)
        project = Project(
            id=row["id"],
            fields=columns_to_fields(row),
            status=Status(row["status"]),
            status_date=row["status_date"],
            status_reason=row["status_reason"],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
            batch_id=row["batch_id"],
        )
        for stage, planned, actual in self.db.execute(
            "SELECT stage, planned, actual FROM stage_dates WHERE project_id = ? ORDER BY rank",
            [project_id],
        ):
            project.stage_dates[Stage(stage)] = StageDate(Stage(stage), planned, actual)
        for r in self.db.execute(
            "SELECT id, as_of, funds_arrived_yuan, invested_yuan, output_yuan, tax_yuan, note"
            " FROM progress WHERE project_id = ? ORDER BY as_of, id", [project_id]
        ):
            project.progress.append(Progress(r[0], r[1], *(yuan_to_wan(v) for v in r[2:6]), r[6]))
        for r in self.db.execute(
            "SELECT id, date, visitor, content FROM visits WHERE project_id = ? ORDER BY date, id",
            [project_id],
        ):
            project.visits.append(Visit(*r))
        for r in self.db.execute(
            "SELECT id, raised_date, description, category, owner_unit, deadline, status,"
            " resolution, resolved_date FROM problems WHERE project_id = ? ORDER BY raised_date, id",
            [project_id],
        ):
            project.problems.append(Problem(*r))
        return project

    def audit_for(self, project_id: int | None = None, batch_id: int | None = None) -> list[AuditEntry]:
        sql = ("SELECT id, at, user, project_id, entity, action, field, old, new, batch_id"
               " FROM audit")
        if project_id is not None:
            rows = self.db.execute(sql + " WHERE project_id = ? ORDER BY id", [project_id])
        elif batch_id is not None:
            rows = self.db.execute(sql + " WHERE batch_id = ? ORDER BY id", [batch_id])
        else:
            rows = self.db.execute(sql + " ORDER BY id")
        return [AuditEntry(*r) for r in rows.fetchall()]

    def query_ids(self, flt: queries.ProjectFilter | None = None, order_by: str = "sign_date",
                  descending: bool = False) -> list[int]:
        return queries.query_ids(self.db, flt, order_by, descending)

    def rows_for_ids(self, ids: list[int]) -> list[dict[str, Any]]:
        return queries.rows_for_ids(self.db, ids)

    def list_rows(self, flt: queries.ProjectFilter | None = None, order_by: str = "sign_date",
                  descending: bool = False) -> list[dict[str, Any]]:
        return queries.list_rows(self.db, flt, order_by, descending)

    def totals(self, flt: queries.ProjectFilter | None = None) -> tuple[int, Any]:
        return queries.totals(self.db, flt)

    def project_count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM projects").fetchone()[0])

    def find_by_name_key(self, name: str, investor: str) -> int | None:
        row = self.db.execute(
            "SELECT id FROM projects WHERE name_key = ? ORDER BY id LIMIT 1",
            [name_key(name, investor)],
        ).fetchone()
        return row[0] if row else None


def _required_date(field: str, value: Any, label: str) -> str:
    result = _optional_date(field, value, label)
    if not result:
        raise ValidationError(field, f"请填写{label}。")
    return result


def _optional_date(field: str, value: Any, label: str) -> str | None:
    try:
        return check_date(clean_text(value))
    except ValueError as exc:
        raise ValidationError(field, f"{label}：{exc}") from exc


def project_to_json(project: Project) -> dict[str, Any]:
    """A project with everything about it, as JSON-ready data (``show --json``)."""
    from .records import json_value

    out: dict[str, Any] = {"id": project.id}
    out |= {k: json_value(v) for k, v in project.fields.items()}
    out |= {
        "stage": project.stage.value,
        "status": project.status.value,
        "status_date": project.status_date,
        "status_reason": project.status_reason,
        "stage_dates": {
            s.value: {"planned": d.planned, "actual": d.actual}
            for s, d in project.stage_dates.items()
        },
        "progress": [{k: json_value(v) for k, v in vars(p).items()} for p in project.progress],
        "visits": [vars(v) for v in project.visits],
        "problems": [vars(p) for p in project.problems],
    }
    return out


__all__ = ["DATED_STAGES", "Portfolio", "project_to_json"]
