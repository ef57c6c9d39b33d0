"""Progress snapshots, visits and problems: the records a project collects over its life.

A base of ``Portfolio`` (kept apart so each file holds one idea), on the connection,
transaction and audit writer of ``AuditedWriter``.
"""

from __future__ import annotations

import json
from typing import Any

from tracker.domain.dates import check_date, today_iso
from tracker.domain.fields import check_length, clean_text, money_value
from tracker.domain.money import yuan_to_wan
from tracker.domain.vocabulary import PROBLEM_STATUSES
from tracker.errors import TrackerError, ValidationError
from tracker.ledger.audit import AuditedWriter, audit_text, now_iso
from tracker.ledger.rows import PROGRESS_MONEY

CHILD_TABLES = {"progress": "progress", "visit": "visits", "problem": "problems"}
_TEXT_LABELS = {
    "note": "备注",
    "visitor": "走访人",
    "content": "服务内容",
    "description": "诉求内容",
    "category": "诉求类别",
    "owner_unit": "责任单位",
}


def required_date(field: str, value: Any, label: str) -> str:
    result = optional_date(field, value, label)
    if not result:
        raise ValidationError(field, f"请填写{label}。")
    return result


def optional_date(field: str, value: Any, label: str) -> str | None:
    try:
        return check_date(clean_text(value))
    except ValueError as exc:
        raise ValidationError(field, f"{label}：{exc}") from exc


class ChildRecordsMixin(AuditedWriter):
    """Progress, visits and problems of a project: the part of ``Portfolio`` that writes
    child records (kept apart so each file holds one idea)."""

    def _insert_child(
        self,
        entity: str,
        project_id: int,
        values: dict[str, Any],
        shown: dict[str, Any] | None = None,
    ) -> int:
        """Insert a progress/visit/problem row; ``shown`` is how the audit displays it."""
        self.require_row(project_id)
        for key, value in values.items():
            if isinstance(value, str):
                check_length(key, value, _TEXT_LABELS.get(key, key))
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
            self.record_audit(
                project_id,
                entity,
                "create",
                None,
                None,
                json.dumps(
                    {k: audit_text(v) for k, v in (shown or values).items() if v is not None},
                    ensure_ascii=False,
                ),
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
        labels = {
            "funds_arrived_wan": "累计到位资金",
            "invested_wan": "累计完成投资",
            "output_wan": "产值",
            "tax_wan": "税收",
        }
        given = {
            "funds_arrived_wan": funds_arrived_wan,
            "invested_wan": invested_wan,
            "output_wan": output_wan,
            "tax_wan": tax_wan,
        }
        values: dict[str, Any] = {"as_of": required_date("as_of", as_of, "统计日期")}
        for key, raw in given.items():
            values[PROGRESS_MONEY[key]] = money_value(key, raw, labels[key])
        if all(values[c] is None for c in PROGRESS_MONEY.values()):
            raise ValidationError("funds_arrived_wan", "请至少填写一项金额。")
        values["note"] = clean_text(note)
        shown = {"as_of": values["as_of"], "note": values["note"]}
        shown |= {k: yuan_to_wan(values[c]) for k, c in PROGRESS_MONEY.items()}
        return self._insert_child("progress", project_id, values, shown)

    def add_visit(
        self, project_id: int, date: str, visitor: str | None = None, content: str | None = None
    ) -> int:
        values = {
            "date": required_date("date", date, "走访日期"),
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
            "raised_date": required_date("raised_date", raised_date, "提出日期"),
            "description": clean_text(description),
            "category": clean_text(category),
            "owner_unit": clean_text(owner_unit),
            "deadline": optional_date("deadline", deadline, "办结时限"),
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
            resolved_date = required_date(
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
                    self.record_audit(
                        project_id, "problem", "update", field_name, old, new, problem_id
                    )

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
            self.record_audit(
                record["project_id"],
                entity,
                "delete",
                None,
                json.dumps(record, ensure_ascii=False),
                None,
                entity_id=child_id,
            )
