"""Taking an import back without taking the clerk's later work with it.

Works from the audit rows carrying the batch id (old values are there), newest first, in
one transaction, after a backup; the batch is then marked ``undone_at`` so it cannot be
undone twice. What happened *after* the batch is respected:

- a field the batch changed and someone changed again later keeps the later value (the
  clerk's edit is the newer truth; reverting would lose it);
- a project the batch created that was edited later or got records (progress, visits,
  problems) is not deleted silently: ``review_undo`` lists such projects, and
  ``undo_import`` refuses with ``UndoBlocked`` unless told to keep them
  (``keep_edited``: undo the rest) or to delete them anyway (``force``).

A merge batch (``merging``) is taken back the same way: the merged-away project comes
back, but a record it brought that was edited since the merge does not move back
silently (``UndoBlocked``; ``keep_edited``: it stays with the kept project, ``force``: it
goes back too), and records added to the kept project since stay with it (listed).

The app asks the same question with ``review_undo`` before calling ``undo_import``.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any

from tracker.domain.vocabulary import FIELD_BY_KEY, Stage, Status
from tracker.errors import Cancelled, TrackerError
from tracker.ledger import merging, name_lists
from tracker.ledger.audit import now_iso
from tracker.ledger.batches import KIND_LABELS, record_event
from tracker.ledger.child_records import CHILD_TABLES
from tracker.ledger.portfolio import Portfolio
from tracker.program import cli_command
from tracker.storage import backup
from tracker.work import CancelFn, ProgressFn, never_cancelled, no_progress

log = logging.getLogger(__name__)

STATUS_FIELDS = ("status", "status_date", "status_reason")
LIST_KEYS = tuple(name_lists.LISTS)
_RECORD_LABELS = {"progress": "进度记录", "visit": "走访记录", "problem": "诉求"}


@dataclass
class _Entry:
    id: int
    project_id: int | None
    entity: str
    entity_id: int | None
    action: str
    field: str | None
    old: str | None


@dataclass
class LaterEdits:
    """One project touched after the batch, and what was done to it (Chinese phrases)."""

    project_id: int
    name: str
    changes: list[str] = field(default_factory=list)

    def describe(self) -> str:
        return f"项目 {self.project_id}（{self.name}）：{'、'.join(self.changes)}"

    def to_json(self) -> dict[str, Any]:
        return {"project_id": self.project_id, "name": self.name, "changes": self.changes}


@dataclass
class UndoReview:
    """What undoing a batch would meet: created projects worked on since (not deleted
    without a decision) and fields changed again since (always kept as they are)."""

    batch_id: int
    file_name: str
    edited_projects: list[LaterEdits]
    kept_fields: list[LaterEdits]
    kind: str = "import"  # or merging.KIND: the edited projects keep moved records

    def to_json(self) -> dict[str, Any]:
        return {
            "batch_id": self.batch_id,
            "kind": self.kind,
            "file": self.file_name,
            "edited_projects": [p.to_json() for p in self.edited_projects],
            "kept_fields": [p.to_json() for p in self.kept_fields],
        }


class UndoBlocked(TrackerError):
    """Projects the batch created were worked on since; ``review`` lists them."""

    def __init__(self, review: UndoReview) -> None:
        count = len(review.edited_projects)
        if review.kind == merging.KIND:
            text = (
                f"合并批次 {review.batch_id}（{review.file_name}）之后，{count} 个保留的项目中"
                "有从被并入项目移来的记录又被修改过，撤销会把这些改过的记录移回被并入的项目，"
                "所以没有撤销任何内容。让这些记录留在保留的项目、其余照常撤销请加 --keep-edited；"
                "确要连同移回请加 --force。"
            )
        else:
            text = (
                f"导入批次 {review.batch_id}（{review.file_name}）新增的项目中有 {count} 个在导入后"
                "被修改过或添加了记录，撤销会删掉这些工作，所以没有撤销任何内容。"
                "只撤销其余部分、保留这些项目请加 --keep-edited；确要连同删除请加 --force。"
            )
        super().__init__(text)
        self.review = review


def _label(entity: str, field_name: str | None) -> str:
    if entity == "project":
        if field_name in STATUS_FIELDS:
            return "状态"
        spec = FIELD_BY_KEY.get(field_name or "")
        return spec.label if spec else "项目信息"
    if entity == "stage" and field_name:
        stage, which = field_name.split(".", 1)
        try:
            name = Stage(stage).label
        except ValueError:
            name = stage
        return f"{name}{'计划' if which == 'planned' else '实际'}日期"
    return _RECORD_LABELS.get(entity, entity)


def _field_group(entity: str, field_name: str | None) -> tuple[str, str | None]:
    """Changes to any of status/date/reason count as one (they are set together)."""
    if entity == "project" and field_name in STATUS_FIELDS:
        return entity, "status"
    return entity, field_name


def _batch(portfolio: Portfolio, batch_id: int) -> tuple[str, str]:
    """(file name or label, kind) of a batch that can be undone."""
    row = portfolio.db.execute(
        "SELECT file_name, undone_at, kind FROM import_batches WHERE id = ?", [batch_id]
    ).fetchone()
    if row is None:
        raise TrackerError(
            f"找不到编号为 {batch_id} 的批次。请核对批次号（导入完成时显示，"
            f"也可在“导入记录”或 {cli_command()} imports 中查看）。"
        )
    what = KIND_LABELS.get(row[2] or "import", "导入")
    if row[1]:
        raise TrackerError(f"{what}批次 {batch_id}（{row[0]}）已在 {row[1]} 撤销过，不能重复撤销。")
    return str(row[0]), str(row[2] or "import")


def _entries(portfolio: Portfolio, batch_id: int) -> list[_Entry]:
    """The batch's audit rows (with entity ids, which ``audit_for`` does not carry)."""
    return [
        _Entry(*r)
        for r in portfolio.db.execute(
            "SELECT id, project_id, entity, entity_id, action, field, old FROM audit"
            " WHERE batch_id = ? ORDER BY id",
            [batch_id],
        ).fetchall()
    ]


def _later(portfolio: Portfolio, batch_id: int, first_id: int) -> dict[int, list[_Entry]]:
    """Audit rows written after the batch began by anything but the batch, per project.

    A batch undone since (its rows and its undo's rows carry its id) changed nothing in
    the end, so its rows do not count as later work."""
    out: dict[int, list[_Entry]] = {}
    for r in portfolio.db.execute(
        "SELECT id, project_id, entity, entity_id, action, field, old FROM audit"
        " WHERE id > ? AND batch_id IS NOT ?"
        " AND (batch_id IS NULL OR batch_id NOT IN"
        "      (SELECT id FROM import_batches WHERE undone_at IS NOT NULL))"
        " AND project_id IN"
        " (SELECT DISTINCT project_id FROM audit WHERE batch_id = ?) ORDER BY id",
        [first_id, batch_id, batch_id],
    ):
        entry = _Entry(*r)
        if entry.project_id is not None:
            out.setdefault(entry.project_id, []).append(entry)
    return out


class _Plan:
    """The batch's entries sorted into: projects to delete, edited projects, entries to
    revert, entries to leave because of a later change."""

    def __init__(self, portfolio: Portfolio, batch_id: int) -> None:
        self.batch_id = batch_id
        self.file_name, self.kind = _batch(portfolio, batch_id)
        self.entries = _entries(portfolio, batch_id)
        existing = {r[0]: r[1] for r in portfolio.db.execute("SELECT id, name FROM projects")}
        self.names = existing
        created = {
            e.project_id
            for e in self.entries
            if e.entity == "project" and e.action == "create" and e.project_id is not None
        }
        self.created = {pid for pid in created if pid in existing}
        first = self.entries[0].id if self.entries else 0
        later = _later(portfolio, batch_id, first)
        own_records = {
            (e.entity, e.entity_id)
            for e in self.entries
            if e.entity in _RECORD_LABELS and e.action == "create"
        }
        self.edited: dict[int, LaterEdits] = {}
        for created_id in sorted(self.created):
            changes = [_label(e.entity, e.field) for e in later.get(created_id, [])]
            changes += _untracked_records(portfolio, created_id, own_records)
            if changes:
                unique = list(dict.fromkeys(changes))
                self.edited[created_id] = LaterEdits(created_id, existing[created_id], unique)
        self.kept: dict[int, LaterEdits] = {}
        self.kept_ids: set[int] = set()
        self.moved_edited: set[tuple[str, int | None]] = set()  # (entity, id) edited since
        if self.kind == merging.KIND:
            self._merge_later(portfolio, later)
        for e in self.entries:
            if e.project_id is None or e.project_id in self.created or e.action == "move":
                continue
            pid = e.project_id
            if pid not in existing:
                continue
            group = _field_group(e.entity, e.field)
            for other in later.get(pid, []):
                if e.entity in _RECORD_LABELS:  # the batch's own record, edited since
                    touched = other.entity == e.entity and other.entity_id == e.entity_id
                else:
                    touched = _field_group(other.entity, other.field) == group
                if other.id > e.id and touched:
                    self.kept_ids.add(e.id)
                    kept = self.kept.setdefault(pid, LaterEdits(pid, existing[pid]))
                    label = _label(e.entity, e.field)
                    if label not in kept.changes:
                        kept.changes.append(label)
                    break

    def _merge_later(self, portfolio: Portfolio, later: dict[int, list[_Entry]]) -> None:
        """A merge batch: the moved records edited since (``edited``: they do not move
        back without a decision) and records added to a kept project since (``kept``:
        they stay with it). A kept project merged away since cannot be undone first."""
        moved = {(e.entity, e.entity_id): e for e in self.entries if e.action == "move"}
        keeps = {e.project_id for e in moved.values()} | {
            int(r[0])
            for r in portfolio.db.execute(
                "SELECT new FROM audit WHERE batch_id = ? AND action = 'merge'", [self.batch_id]
            )
        }
        for pid in sorted(p for p in keeps if p is not None):
            for e in later.get(pid, []):
                if e.entity == "project" and e.action == "merge":
                    raise TrackerError(
                        f"合并批次 {self.batch_id} 保留的项目 {pid} 之后又被并入了其他项目，"
                        "请先在“导入记录”中撤销后来的那次合并，再撤销这一次。"
                    )
                if e.entity not in _RECORD_LABELS:
                    continue
                label = _RECORD_LABELS[e.entity]
                if (e.entity, e.entity_id) in moved and e.action == "update":
                    self.moved_edited.add((e.entity, e.entity_id))
                    what, into = f"合并移来的{label}（合并后改过）", self.edited
                elif e.action == "create":
                    what, into = f"合并后新增的{label}（留在本项目）", self.kept
                else:
                    continue
                entry = into.setdefault(pid, LaterEdits(pid, self.names.get(pid, "")))
                if what not in entry.changes:
                    entry.changes.append(what)

    def review(self, batch_id: int) -> UndoReview:
        return UndoReview(
            batch_id,
            self.file_name,
            list(self.edited.values()),
            list(self.kept.values()),
            self.kind,
        )


def _untracked_records(
    portfolio: Portfolio, pid: int, own: set[tuple[str, int | None]]
) -> list[str]:
    """Child records of a created project that the batch did not write."""
    found = []
    for entity, table in (("progress", "progress"), ("visit", "visits"), ("problem", "problems")):
        ids = [
            r[0]
            for r in portfolio.db.execute(f"SELECT id FROM {table} WHERE project_id = ?", [pid])
            if (entity, r[0]) not in own
        ]
        if ids:
            found.append(_RECORD_LABELS[entity])
    return found


def review_undo(portfolio: Portfolio, batch_id: int) -> UndoReview:
    """What undoing ``batch_id`` would meet, without changing anything (for a question)."""
    return _Plan(portfolio, batch_id).review(batch_id)


def undo_import(
    portfolio: Portfolio,
    batch_id: int,
    *,
    force: bool = False,
    keep_edited: bool = False,
    make_backup: bool = True,
    progress: ProgressFn = no_progress,
    cancelled: CancelFn = never_cancelled,
) -> dict[str, Any]:
    """Undo a batch; returns counts and what was kept. Raises ``UndoBlocked`` (nothing
    changed) when created projects were worked on since, unless ``keep_edited`` (they
    stay) or ``force`` (they are deleted too). Fields changed since always stay."""
    plan = _Plan(portfolio, batch_id)
    if plan.edited and not (force or keep_edited):
        raise UndoBlocked(plan.review(batch_id))
    if make_backup and portfolio.path.exists():
        progress(0, 1, "撤销前备份数据库")
        backup.backup_file(portfolio.path, "before-undo")
    to_delete = set(plan.created) if force else plan.created - set(plan.edited)
    stay = set() if force else plan.moved_edited  # moved records edited since stay put
    status_old: dict[int, dict[str, Any]] = {}
    reverted = 0
    entries = plan.entries
    # The undo's own audit rows carry the batch id: they belong to the batch's story, and
    # undoing an earlier batch later does not mistake them for a clerk's edits. The first
    # of them marks where the undo begins (the change history tells the two apart).
    kind = plan.kind
    with portfolio.transaction(batch_id):
        record_event(portfolio, "undo")
        if kind == merging.KIND:  # the merged-away project comes back first
            reverted += merging.undo_merge(portfolio, batch_id, stay)
        for i, e in enumerate(reversed(entries)):
            if i % 200 == 0:
                if cancelled():
                    raise Cancelled()
                progress(i, len(entries), "撤销导入")
            pid = e.project_id
            if pid is None or pid in plan.created or pid not in plan.names:
                continue
            if e.id in plan.kept_ids:
                continue
            if e.entity == "project" and e.action == "update" and e.field:
                portfolio.edit_project(pid, {e.field: e.old})
                reverted += 1
            elif e.entity == "stage" and e.field:
                stage, which = e.field.split(".", 1)
                portfolio.set_stage_date(pid, stage, **{which: e.old})
                reverted += 1
            elif e.entity in _RECORD_LABELS and e.action == "create" and e.entity_id:
                table = CHILD_TABLES[e.entity]
                if portfolio.db.execute(
                    f"SELECT 1 FROM {table} WHERE id = ?", [e.entity_id]
                ).fetchone():
                    portfolio.delete_child(e.entity, e.entity_id)
                    reverted += 1
            elif e.entity == "project" and e.field in STATUS_FIELDS:
                # reversed order: the last one seen holds the value before the batch
                status_old.setdefault(pid, {})[e.field] = e.old
        for pid, old in status_old.items():
            _restore_status(portfolio, pid, old)
            reverted += 1
        for pid in sorted(to_delete):
            portfolio.delete_project(pid)
        reverted += _restore_lists(portfolio, entries)
        portfolio.db.execute(
            "UPDATE import_batches SET undone_at = ? WHERE id = ?", [now_iso(), batch_id]
        )
    progress(len(entries), len(entries), "撤销完成")
    kept_projects = [p for pid, p in plan.edited.items() if pid not in to_delete and not force]
    log.info(
        "undid import batch %s: %s deleted, %s reverted, %s projects and %s fields kept",
        batch_id,
        len(to_delete),
        reverted,
        len(kept_projects),
        len(plan.kept),
    )
    return {
        "kind": kind,
        "deleted": len(to_delete),
        "reverted": reverted,
        "kept_projects": [p.to_json() for p in kept_projects],
        "kept_fields": [p.to_json() for p in plan.kept.values()],
    }


def _restore_lists(portfolio: Portfolio, entries: list[_Entry]) -> int:
    """Take back what the batch did to the 名录: entries it added leave their list unless
    a project still names them; entries it removed (a merge) come back. Worked out
    against the lists as they are now, so the clerk's own list edits since stay."""
    changes = [e for e in entries if e.entity == "settings" and e.field in LIST_KEYS]
    if not changes:
        return 0
    current = portfolio.settings()
    in_use = name_lists.usage(portfolio)
    restored: dict[str, list[str]] = {}
    for e in changes:
        key = str(e.field)
        old = json.loads(e.old or "[]")
        new = json.loads(_new_value(portfolio, e.id) or "[]")
        items = restored.get(key, list(current[key]))
        added = [n for n in new if n not in old and not in_use[key].get(n)]
        items = [n for n in items if n not in added]
        items += [n for n in old if n not in new and n not in items]
        restored[key] = items
    changed = {k: v for k, v in restored.items() if v != current[k]}
    if changed:
        portfolio.update_settings(changed)
    return len(changed)


def _new_value(portfolio: Portfolio, audit_id: int) -> str | None:
    row = portfolio.db.execute("SELECT new FROM audit WHERE id = ?", [audit_id]).fetchone()
    return row[0] if row else None


def _restore_status(portfolio: Portfolio, pid: int, old: dict[str, Any]) -> None:
    current = portfolio.get_project(pid)
    status = Status(old.get("status") or current.status.value)
    date = old.get("status_date", current.status_date)
    reason = old.get("status_reason", current.status_reason)
    portfolio.set_status(pid, status, date or current.status_date, reason)
