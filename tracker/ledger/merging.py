"""Duplicates already in the ledger: find likely pairs, fold one project into another.

``likely_duplicates`` compares every stored project with the few that share a block key
(``deal_similarity``) and lists the pairs that are, or may be, one deal, with score and
reasons. ``merge_projects(keep, other)`` folds ``other`` into ``keep`` in one batch
(kind ``deal_merge``): what ``keep`` leaves blank (fields, stage dates) is taken from
``other``; where both hold a value ``keep`` wins (the GUI asks the clerk first and
passes the answer as ``choices``); ``other``'s progress figures, visits and problems move
to ``keep``; ``other`` is then deleted, its full rows kept in the batch's audit so
``undo_merge`` (called by ``undo-import``) puts it back as it was, with the same id.
Audit rows of ``other`` stay in the history under its id.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from tracker.domain.deal_similarity import Verdict, compare
from tracker.domain.vocabulary import DATED_STAGES, FIELD_BY_KEY, Stage
from tracker.errors import TrackerError
from tracker.importing.deal_candidates import DealIndex
from tracker.ledger.audit import now_iso
from tracker.ledger.batches import insert_batch, record_event
from tracker.ledger.child_records import CHILD_TABLES
from tracker.ledger.creation import next_key_seq
from tracker.ledger.portfolio import Portfolio
from tracker.ledger.rows import columns_to_fields
from tracker.storage import backup

log = logging.getLogger(__name__)

KIND = "deal_merge"
_OWN_TABLES = ("stage_dates", "project_search")  # rows that go and come back with other


@dataclass
class Pair:
    """Two stored projects that are (``match``) or may be (``review``) one deal."""

    first: dict[str, Any]
    second: dict[str, Any]
    verdict: Verdict

    def to_json(self) -> dict[str, Any]:
        keys = ("id", "name", "investor", "sign_date", "signed_amount_wan", "location")
        return {
            "first": {k: _plain(self.first.get(k)) for k in keys},
            "second": {k: _plain(self.second.get(k)) for k in keys},
            "kind": self.verdict.kind,
            "score": self.verdict.score,
            "reasons": self.verdict.why(),
        }


def _plain(value: Any) -> Any:
    return value if value is None or isinstance(value, int | str) else format(value, "f")


def likely_duplicates(portfolio: Portfolio) -> list[Pair]:
    """Pairs of stored projects that are or may be one deal, the likeliest first."""
    index = DealIndex(portfolio.db)
    projects = {f["id"]: f for fields in index.by_key.values() for f in fields}
    pairs: list[Pair] = []
    for pid in sorted(projects):
        later = projects[pid]
        for earlier in index.candidates(later):
            if earlier["id"] >= pid:
                continue
            verdict = compare(later, earlier)
            if verdict.kind != "different":
                pairs.append(Pair(earlier, later, verdict))
    pairs.sort(key=lambda p: (-p.verdict.score, p.first["id"], p.second["id"]))
    return pairs


def _stage_dates(portfolio: Portfolio, pid: int) -> dict[str, str]:
    """{"started.actual": "2022-03-01", …} of one project."""
    return {
        f"{r['stage']}.{which}": r[which]
        for r in _rows(portfolio, "stage_dates", "project_id", pid)
        for which in ("planned", "actual")
        if r[which]
    }


def _stage_label(key: str) -> str:
    stage, which = key.split(".", 1)
    return f"{Stage(stage).label}{'计划' if which == 'planned' else '实际'}日期"


def conflicting_fields(portfolio: Portfolio, keep: int, other: int) -> list[dict[str, Any]]:
    """The fields and stage dates both projects hold, differently (what the clerk
    resolves in the GUI; ``keep``'s stay unless chosen otherwise)."""
    a = columns_to_fields(portfolio.require_row(keep))
    b = columns_to_fields(portfolio.require_row(other))
    out = [
        {"field": k, "label": FIELD_BY_KEY[k].label, "keep": a[k], "other": b[k]}
        for k in FIELD_BY_KEY
        if a.get(k) not in (None, "") and b.get(k) not in (None, "") and a[k] != b[k]
    ]
    da, db = _stage_dates(portfolio, keep), _stage_dates(portfolio, other)
    return out + [
        {"field": k, "label": _stage_label(k), "keep": da[k], "other": db[k]}
        for k in sorted(da.keys() & db.keys(), key=lambda k: (Stage(k.split(".")[0]).rank, k))
        if da[k] != db[k]
    ]


def _rows(portfolio: Portfolio, table: str, column: str, pid: int) -> list[dict[str, Any]]:
    cursor = portfolio.db.execute(f"SELECT * FROM {table} WHERE {column} = ?", [pid])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def merge_projects(
    portfolio: Portfolio,
    keep: int,
    other: int,
    *,
    choices: dict[str, str] | None = None,
    make_backup: bool = True,
) -> int:
    """Fold ``other`` into ``keep``; returns the batch id (undo with ``undo-import``).

    ``choices`` maps a conflicting field or stage date ("started.actual") to ``"other"``
    where the clerk took ``other``'s value; every other conflict keeps ``keep``'s."""
    if keep == other:
        raise TrackerError("要合并的两个项目编号相同，请给出两个不同的项目。")
    kept_row, other_row = portfolio.require_row(keep), portfolio.require_row(other)
    label = f"{kept_row['name']}（{keep}）← {other_row['name']}（{other}）"
    return _merge_batch(portfolio, label, [(keep, [other])], choices or {}, make_backup)


def sure_groups(pairs: list[Pair]) -> list[tuple[int, list[int]]]:
    """The sure pairs (``match``, never ``review``) joined into deals: [(kept id, [ids
    merged into it])]. Pairs that share a project (A~B, B~C) make one group, kept under
    its lowest id, so every project merges straight into the one kept, never into one
    merged away."""
    parent: dict[int, int] = {}

    def root(pid: int) -> int:
        while parent.setdefault(pid, pid) != pid:
            parent[pid] = parent[parent[pid]]
            pid = parent[pid]
        return pid

    for pair in pairs:
        if pair.verdict.kind == "match":
            a, b = root(pair.first["id"]), root(pair.second["id"])
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for pid in sorted(parent):
        if root(pid) != pid:
            groups.setdefault(root(pid), []).append(pid)
    return sorted(groups.items())


def group_lines(pairs: list[Pair], groups: list[tuple[int, list[int]]]) -> list[str]:
    """One Chinese line per group of ``sure_groups``: the project kept ← those merged."""
    deals = {f["id"]: f for pair in pairs for f in (pair.first, pair.second)}

    def named(pid: int) -> str:
        fields = deals.get(pid, {})
        return f"{pid}「{fields.get('name', '')}｜{fields.get('investor') or ''}」"

    return [
        f"保留 {named(keep)} ← 并入 {'、'.join(named(o) for o in others)}"
        for keep, others in groups
    ]


def merge_groups(
    portfolio: Portfolio, groups: list[tuple[int, list[int]]], *, make_backup: bool = True
) -> int:
    """Merge every group of ``sure_groups`` in one batch (one undo takes it all back);
    where two projects differ the kept one's value stays. Returns the batch id."""
    if not groups:
        raise TrackerError("没有可以合并的确定重复项目。")
    count = sum(len(others) for _, others in groups)
    label = f"一次合并 {count} 个确定重复的项目（{len(groups)} 个项目保留）"
    return _merge_batch(portfolio, label, groups, {}, make_backup)


def _merge_batch(
    portfolio: Portfolio,
    label: str,
    groups: list[tuple[int, list[int]]],
    choices: dict[str, str],
    make_backup: bool,
) -> int:
    for keep, others in groups:
        for pid in (keep, *others):
            portfolio.require_row(pid)
    if make_backup and portfolio.path.exists():
        backup.backup_file(portfolio.path, "merge")
    counts = {"update": 0, "moved": 0, "merged": 0}
    with portfolio.transaction():
        batch_id = insert_batch(portfolio, KIND, label)
        with portfolio.transaction(batch_id):
            for keep, others in groups:
                for other in others:
                    changed, moved = _fold(portfolio, keep, other, choices)
                    counts["update"] += changed
                    counts["moved"] += moved
                    counts["merged"] += 1
        portfolio.db.execute(
            "UPDATE import_batches SET counts = ? WHERE id = ?", [json.dumps(counts), batch_id]
        )
    log.info("merge batch %s: %s", batch_id, counts)
    return batch_id


def _fold(portfolio: Portfolio, keep: int, other: int, choices: dict[str, str]) -> tuple[int, int]:
    """Fold ``other`` into ``keep`` inside the batch's transaction: (fields changed,
    records moved)."""
    kept_row, other_row = portfolio.require_row(keep), portfolio.require_row(other)
    mine, theirs = columns_to_fields(kept_row), columns_to_fields(other_row)
    changes = {
        k: theirs[k]
        for k in FIELD_BY_KEY
        if theirs.get(k) not in (None, "")
        and (mine.get(k) in (None, "") or choices.get(k) == "other")
        and theirs[k] != mine.get(k)
    }
    snapshot: dict[str, Any] = {
        "project": other_row,
        **{t: _rows(portfolio, t, "project_id", other) for t in _OWN_TABLES},
    }
    record_event(portfolio, "create", {"keep": keep, "other": other, "at": now_iso()})
    if changes:
        portfolio.edit_project(keep, changes)
    stages = {r["stage"]: r for r in snapshot["stage_dates"]}
    mine_stages = {r["stage"]: r for r in _rows(portfolio, "stage_dates", "project_id", keep)}
    for stage in DATED_STAGES:
        theirs_row, mine_row = stages.get(stage.value), mine_stages.get(stage.value) or {}
        if theirs_row is None:
            continue
        fill = {
            which: theirs_row[which]
            for which in ("planned", "actual")
            if theirs_row[which]
            and theirs_row[which] != mine_row.get(which)
            and (not mine_row.get(which) or choices.get(f"{stage.value}.{which}") == "other")
        }
        if fill:
            portfolio.set_stage_date(keep, stage, **fill)
    moved = 0
    for entity, table in CHILD_TABLES.items():
        for (child,) in portfolio.db.execute(
            f"SELECT id FROM {table} WHERE project_id = ?", [other]
        ).fetchall():
            portfolio.db.execute(f"UPDATE {table} SET project_id = ? WHERE id = ?", [keep, child])
            portfolio.record_audit(keep, entity, "move", "project_id", other, keep, entity_id=child)
            moved += 1
    for table in _OWN_TABLES:
        portfolio.db.execute(f"DELETE FROM {table} WHERE project_id = ?", [other])
    portfolio.db.execute("DELETE FROM projects WHERE id = ?", [other])
    portfolio.record_audit(
        other,
        "project",
        "merge",
        None,
        json.dumps(snapshot, ensure_ascii=False, default=str),
        str(keep),
    )
    log.info("merged project %s into %s: %s fields", other, keep, len(changes))
    return len(changes), moved


def undo_merge(
    portfolio: Portfolio, batch_id: int, stay: set[tuple[str, int | None]] | None = None
) -> int:
    """Put the merged-away projects back (same id, fields, stage dates) and move their
    records back to them, but those in ``stay`` ((entity, id): edited since, the clerk
    chose to leave them with the kept project); the caller (``undo_import``) reverts the
    kept projects' fields and stage dates from the audit like any batch's and holds the
    transaction. Returns the count."""
    restored = 0
    ids: dict[int, int] = {}  # the merged-away id -> the id it comes back under
    for (old,) in portfolio.db.execute(
        "SELECT old FROM audit WHERE batch_id = ? AND action = 'merge'", [batch_id]
    ).fetchall():
        snapshot = json.loads(old)
        project = dict(snapshot["project"])
        conn = portfolio.db.conn
        if conn.execute("SELECT 1 FROM projects WHERE id = ?", [project["id"]]).fetchone():
            # its number was given to a project created since: it comes back under a new one
            new_id = conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM projects").fetchone()[0]
            log.warning("merged project %s comes back as %s", project["id"], new_id)
            ids[project["id"]], project["id"] = new_id, new_id
        ids.setdefault(project["id"], project["id"])
        project["key_seq"] = next_key_seq(conn, project["name_key"], project["id"])
        _insert(portfolio, "projects", project)
        for table in _OWN_TABLES:
            for row in snapshot[table]:
                _insert(portfolio, table, {**row, "project_id": project["id"]})
        restored += 1
    for old, entity, child in portfolio.db.execute(
        "SELECT old, entity, entity_id FROM audit WHERE batch_id = ? AND action = 'move'"
        " ORDER BY id DESC",
        [batch_id],
    ).fetchall():
        if (entity, child) in (stay or set()):
            continue
        table = CHILD_TABLES[entity]
        back = ids.get(int(old), int(old))
        portfolio.db.execute(f"UPDATE {table} SET project_id = ? WHERE id = ?", [back, child])
        restored += 1
    return restored


def _insert(portfolio: Portfolio, table: str, row: dict[str, Any]) -> None:
    columns = list(row)
    marks = ",".join("?" * len(columns))
    portfolio.db.execute(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", [row[c] for c in columns]
    )
