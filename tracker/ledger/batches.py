"""Batches: an import, or a merge of two 名录 entries — writes taken back as one.

Every audit row a batch writes carries its id, so ``undo-import`` can take the batch back
and the change history can say where a change came from ("导入：2024台账.xlsx（批次 3）"
rather than only the OS user). Undoing a batch writes an ``import_batch``/``undo`` audit
row first: the batch's rows after it are the undo's.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any

from tracker.domain.project import AuditEntry
from tracker.ledger.audit import AuditedWriter, now_iso

log = logging.getLogger(__name__)

KIND_LABELS = {
    "import": "导入",
    "merge": "合并名录",
    "collect": "进度收集",
    "deal_merge": "合并项目",
}
COUNT_KEYS = ("create", "update", "fill", "conflicts", "reject", "skip")


@dataclass
class Batch:
    """One row of the import history."""

    id: int
    kind: str
    at: str
    user: str
    file_name: str
    sheets: list[str]
    counts: dict[str, int]
    as_of: str | None
    undone_at: str | None
    undo_marker: int | None = None  # the audit id from which the batch's rows are its undo
    extra: dict[str, Any] = field(default_factory=dict)

    def source_label(self, undo: bool = False) -> str:
        """How the change history names a change this batch (or its undo) made."""
        text = f"{KIND_LABELS.get(self.kind, self.kind)}：{self.file_name}（批次 {self.id}）"
        return f"撤销{text}" if undo else text

    def to_json(self) -> dict[str, Any]:
        return {
            "batch_id": self.id,
            "kind": self.kind,
            "at": self.at,
            "user": self.user,
            "file": self.file_name,
            "sheets": self.sheets,
            "counts": self.counts,
            "as_of": self.as_of,
            "undone_at": self.undone_at,
        }


def insert_batch(
    portfolio: AuditedWriter,
    kind: str,
    file_name: str,
    *,
    sha256: str | None = None,
    format: str | None = None,
    mapping: dict[str, Any] | None = None,
    counts: dict[str, int] | None = None,
    as_of: str | None = None,
    sheets: list[str] | None = None,
) -> int:
    """A new batch row (the caller holds the transaction); its id."""
    cursor = portfolio.db.execute(
        "INSERT INTO import_batches (at, user, file_name, sha256, format, mapping, counts,"
        " kind, as_of, sheets) VALUES (?,?,?,?,?,?,?,?,?,?)",
        [
            now_iso(),
            portfolio.user,
            file_name,
            sha256,
            format,
            json.dumps(mapping or {}, ensure_ascii=False),
            json.dumps(counts or {}, ensure_ascii=False),
            kind,
            as_of,
            json.dumps(sheets or [], ensure_ascii=False),
        ],
    )
    return int(cursor.lastrowid or 0)


def record_event(
    portfolio: AuditedWriter, action: str, details: dict[str, Any] | None = None
) -> None:
    """The batch's own audit row ("create" with what it is, "undo" where its undo starts),
    in the current transaction, which carries the batch id."""
    text = json.dumps(details, ensure_ascii=False) if details is not None else None
    portfolio.record_audit(None, "import_batch", action, None, None, text)


def set_counts(portfolio: AuditedWriter, batch_id: int, counts: dict[str, int]) -> None:
    portfolio.db.execute(
        "UPDATE import_batches SET counts = ? WHERE id = ?",
        [json.dumps(counts, ensure_ascii=False), batch_id],
    )


_SELECT = (
    "SELECT b.id, b.kind, b.at, b.user, b.file_name, b.sheets, b.counts, b.as_of, b.undone_at,"
    " (SELECT MIN(a.id) FROM audit a WHERE a.batch_id = b.id AND a.entity = 'import_batch'"
    "  AND a.action = 'undo') FROM import_batches b"
)


def _batch(row: tuple[Any, ...]) -> Batch:
    bid, kind, at, user, file_name, sheets, counts, as_of, undone_at, marker = row
    raw_counts = json.loads(counts or "{}")
    shown = {k: int(raw_counts.get(k, 0)) for k in COUNT_KEYS}
    return Batch(
        bid,
        kind or "import",
        at,
        user or "",
        file_name or "",
        json.loads(sheets or "[]"),
        shown,
        as_of,
        undone_at,
        marker,
    )


def list_batches(portfolio: AuditedWriter, kind: str | None = None) -> list[Batch]:
    """Every batch, newest first (``kind`` narrows to imports or merges)."""
    if kind is None:
        rows = portfolio.db.execute(_SELECT + " ORDER BY b.id DESC").fetchall()
    else:
        rows = portfolio.db.execute(
            _SELECT + " WHERE b.kind = ? ORDER BY b.id DESC", [kind]
        ).fetchall()
    return [_batch(r) for r in rows]


def get_batch(portfolio: AuditedWriter, batch_id: int) -> Batch | None:
    row = portfolio.db.execute(_SELECT + " WHERE b.id = ?", [batch_id]).fetchone()
    return _batch(row) if row else None


def source_labels(portfolio: AuditedWriter, entries: list[AuditEntry]) -> dict[int, str]:
    """Audit id -> "导入：文件名（批次 N）" (or its undo) for the entries a batch wrote."""
    ids = sorted({e.batch_id for e in entries if e.batch_id is not None})
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    batches = {
        b.id: b
        for b in (
            _batch(r)
            for r in portfolio.db.execute(_SELECT + f" WHERE b.id IN ({marks})", ids).fetchall()
        )
    }
    out: dict[int, str] = {}
    for e in entries:
        batch = batches.get(e.batch_id) if e.batch_id is not None else None
        if batch is not None:
            undo = batch.undo_marker is not None and e.id >= batch.undo_marker
            out[e.id] = batch.source_label(undo)
    return out


@dataclass
class Conflict:
    """A stored value an import left alone because the file stated another."""

    sheet: str
    row: int
    project_id: int | None
    name: str
    field: str
    label: str
    stored: str
    file: str

    def to_json(self) -> dict[str, Any]:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "project_id": self.project_id,
            "name": self.name,
            "field": self.field,
            "label": self.label,
            "stored": self.stored,
            "file": self.file,
        }


def conflicts(portfolio: AuditedWriter, batch_id: int) -> list[Conflict]:
    """The conflicts a batch reported, in file order."""
    return [
        Conflict(*r)
        for r in portfolio.db.execute(
            "SELECT sheet, row, project_id, name, field, label, stored, file"
            " FROM import_conflicts WHERE batch_id = ? ORDER BY id",
            [batch_id],
        )
    ]
