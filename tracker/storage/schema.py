"""The database schema, as numbered sqlite-utils migrations.

Each migration runs in its own transaction (sqlite-utils does this) and bumps
``PRAGMA user_version`` so that a file written by a newer version of the app can be
recognised and refused. Never edit a migration that has shipped: add the next one.
"""

from __future__ import annotations

import json
import logging

from sqlite_utils import Database
from sqlite_utils.db import Table
from sqlite_utils.migrations import Migrations

# Written into every tracker file (PRAGMA application_id) so a foreign SQLite file is told
# apart from ours. "QYXM" (签约项目) in ASCII.
APPLICATION_ID = 0x5159584D

migrations = Migrations("tracker")
log = logging.getLogger(__name__)


def _t(db: Database, name: str) -> Table:
    table = db[name]
    assert isinstance(table, Table)
    return table


@migrations(name="0001_initial")
def m0001_initial(db: Database) -> None:
    _t(db, "projects").create(
        {
            "id": int,
            "code": str,
            "name": str,
            "investor": str,
            "investor_origin": str,
            "investor_type": str,
            "project_type": str,
            "industry": str,
            "industry_chain": str,
            "agreement_type": str,
            "sign_date": str,
            "sign_event": str,
            "signed_amount_yuan": int,
            "fixed_asset_yuan": int,
            "foreign_capital_usd": int,
            "land_area_mu": str,  # Decimal text: acres are not money but are still exact
            "content": str,
            "location": str,
            "unit": str,
            "leader": str,
            "contact": str,
            "phone": str,
            "notes": str,
            "status": str,
            "status_date": str,
            "status_reason": str,
            "name_key": str,  # normalised name + investor, for duplicate matching
            "batch_id": int,  # the import batch that created it, if any
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        not_null={"name", "investor", "sign_date", "signed_amount_yuan", "status"},
        defaults={"status": "active"},
    )
    # Filters, duplicate matching and the default sorts (date, amount). Text columns get no
    # sort index: each costs every insert (~15 us a row on a 20,000-row import) and a 50k-row
    # sort by name is still ~60 ms without one.
    for cols in (
        ["sign_date"],
        ["unit"],
        ["status"],
        ["name_key"],
        ["industry"],
        ["batch_id"],
        ["signed_amount_yuan"],
    ):
        _t(db, "projects").create_index(cols)

    # Text + full pinyin + pinyin initials of name / investor / unit / leader. A narrow table
    # of its own: a LIKE scan over it reads a fifth of the bytes a scan of projects would.
    _t(db, "project_search").create(
        {"project_id": int, "text": str},
        pk="project_id",
        foreign_keys=[("project_id", "projects", "id")],
    )
    _t(db, "stage_dates").create(
        {"project_id": int, "stage": str, "rank": int, "planned": str, "actual": str},
        pk=("project_id", "stage"),
        foreign_keys=[("project_id", "projects", "id")],
    )
    _t(db, "progress").create(
        {
            "id": int,
            "project_id": int,
            "as_of": str,
            "funds_arrived_yuan": int,
            "invested_yuan": int,
            "output_yuan": int,
            "tax_yuan": int,
            "note": str,
        },
        pk="id",
        foreign_keys=[("project_id", "projects", "id")],
        not_null={"project_id", "as_of"},
    )
    _t(db, "visits").create(
        {"id": int, "project_id": int, "date": str, "visitor": str, "content": str},
        pk="id",
        foreign_keys=[("project_id", "projects", "id")],
        not_null={"project_id", "date"},
    )
    _t(db, "problems").create(
        {
            "id": int,
            "project_id": int,
            "raised_date": str,
            "category": str,
            "description": str,
            "owner_unit": str,
            "deadline": str,
            "status": str,
            "resolution": str,
            "resolved_date": str,
        },
        pk="id",
        foreign_keys=[("project_id", "projects", "id")],
        not_null={"project_id", "raised_date", "description", "status"},
        defaults={"status": "待办"},
    )
    for table in ("progress", "visits", "problems"):
        _t(db, table).create_index(["project_id"])

    _t(db, "import_batches").create(
        {
            "id": int,
            "at": str,
            "user": str,
            "file_name": str,
            "sha256": str,
            "format": str,
            "mapping": str,  # JSON
            "counts": str,  # JSON
            "undone_at": str,
        },
        pk="id",
    )
    _t(db, "audit").create(
        {
            "id": int,
            "at": str,
            "user": str,
            "project_id": int,  # no foreign key: the history outlives a deleted project
            "entity": str,  # project | stage | progress | visit | problem | settings
            "entity_id": int,
            "action": str,  # create | update | delete | terminate | reopen | pause | ...
            "field": str,
            "old": str,
            "new": str,
            "batch_id": int,
        },
        pk="id",
        not_null={"at", "entity", "action"},
    )
    _t(db, "audit").create_index(["project_id"])
    _t(db, "audit").create_index(["batch_id"])
    _t(db, "settings").create({"key": str, "value": str}, pk="key")
    _t(db, "import_presets").create(
        {"signature": str, "mapping": str, "updated_at": str}, pk="signature"
    )


@migrations(name="0002_history_indexes")
def m0002_history_indexes(db: Database) -> None:
    """The ledger shows the latest progress figure per project and the review reads the last
    visit; both look up (project_id, date) and were scanning a project's whole history."""
    _t(db, "progress").create_index(["project_id", "as_of"])
    _t(db, "visits").create_index(["project_id", "date"])
    _t(db, "stage_dates").create_index(["project_id", "rank", "actual"])


@migrations(name="0003_unique_project_key")
def m0003_unique_project_key(db: Database) -> None:
    """One project per normalised name + investor, enforced by the database.

    Two imports of the same file running at once each planned "create" for rows the other
    was creating, and 5,000 rows became 10,050 projects. Imports now re-check their keys
    inside the write transaction; this unique index is the backstop that makes a second
    row with a key an import already wrote impossible, whatever the code above does.

    Coexisting with duplicates already stored: nothing is deleted or merged here (which
    of two same-named projects is the real one is the clerk's call). A disambiguating
    column ``key_seq`` is added and the index is UNIQUE on ``(name_key, key_seq)``. Every
    existing project gets 0, except that within a group of projects sharing a key the
    later ones (by id) get 1, 2, … — so they all still fit, and the migration logs each
    group it found (the ``check`` command keeps listing them until the clerk resolves
    them). From now on an import always writes ``key_seq = 0``, so it can never add a
    second project with a key already present, while a clerk who types a second
    project with the same name and investor on purpose gets the next number.
    The plain index on ``name_key`` is dropped: the new index starts with it.
    """
    projects = _t(db, "projects")
    projects.add_column("key_seq", int, not_null_default=0)
    groups: dict[str, list[int]] = {}
    for pid, key in db.execute(
        "SELECT id, name_key FROM projects WHERE name_key IN"
        " (SELECT name_key FROM projects GROUP BY name_key HAVING COUNT(*) > 1) ORDER BY id"
    ):
        groups.setdefault(key, []).append(pid)
    for key, ids in groups.items():
        log.warning(
            "migration 0003: projects %s share the name+investor key %r; kept, numbered",
            ids,
            key,
        )
        for seq, pid in enumerate(ids[1:], start=1):
            db.execute("UPDATE projects SET key_seq = ? WHERE id = ?", [seq, pid])
    db.execute("DROP INDEX IF EXISTS idx_projects_name_key")
    db.execute("CREATE UNIQUE INDEX idx_projects_name_key_seq ON projects (name_key, key_seq)")


@migrations(name="0004_investor_may_be_blank")
def m0004_investor_may_be_blank(db: Database) -> None:
    """A ledger without an investor column imports its projects with the investor blank
    (listed as 待补全 until the clerk fills it in), so the column may hold NULL. SQLite
    cannot drop NOT NULL in place: the table is rebuilt with its indexes, in the
    migration's transaction."""
    _t(db, "projects").transform(not_null={"investor": False})


@migrations(name="0006_import_history_and_name_lists")
def m0006_import_history_and_name_lists(db: Database) -> None:
    """What the import history, conflicts and the 名录 need.

    ``import_batches`` learns what a batch was (``kind``: an ``import``, or a ``merge`` of
    two 名录 entries, undone the same way), when its progress figures were true
    (``as_of``) and which sheets it read (``sheets``, JSON). ``import_conflicts`` keeps,
    per batch, each stored value an import left alone because the file said otherwise,
    so the clerk can look at (and export) them long after the wizard closed.

    The settings' lists (units, leaders, towns, industries) start empty, while ledgers
    imported before this version already name them: the names in use are added to the
    lists here, once, so the editor's drop-downs and 设置 → 名录 show them.
    """
    batches = _t(db, "import_batches")
    batches.add_column("kind", str, not_null_default="import")
    batches.add_column("as_of", str)
    batches.add_column("sheets", str)
    _t(db, "import_conflicts").create(
        {
            "id": int,
            "batch_id": int,
            "sheet": str,
            "row": int,
            "project_id": int,
            "name": str,
            "field": str,
            "label": str,
            "stored": str,
            "file": str,
        },
        pk="id",
        not_null={"batch_id", "field"},
    )
    _t(db, "import_conflicts").create_index(["batch_id"])
    for key, column in (
        ("units", "unit"),
        ("leaders", "leader"),
        ("towns", "location"),
        ("industries", "industry"),
    ):
        row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        current = json.loads(row[0]) if row else []
        used = [
            r[0]
            for r in db.execute(
                f"SELECT DISTINCT TRIM({column}) FROM projects"
                f" WHERE {column} IS NOT NULL AND TRIM({column}) != '' ORDER BY 1"
            )
        ]
        added = [name for name in used if name not in current]
        if not added:
            continue
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(current + added, ensure_ascii=False)],
        )
        log.info("migration 0006: %d names in use added to the %s list", len(added), key)


# What the review reads of a project (``tracker.ledger.loader``): the project row and its
# children. A write to any of them marks the project for review again.
REVIEWED_TABLES = {
    "projects": "id",
    "stage_dates": "project_id",
    "progress": "project_id",
    "visits": "project_id",
    "problems": "project_id",
}


@migrations(name="0007_review_level_cache")
def m0007_review_level_cache(db: Database) -> None:
    """The worst warning light of each project, kept so an unchanged ledger opens tinted
    without reviewing every project again (``tracker.review.level_cache``).

    ``review_levels`` holds each project's light (red / yellow / none) as of the day and
    thresholds named in ``review_level_state``, and the day it may next change by itself
    (``until``; none: never); ``review_dirty`` gets one row per write to a project or its
    children (triggers, so no writer can forget): those projects are reviewed again before
    the cached lights are used. ``seq`` only grows (AUTOINCREMENT), so a review clears
    exactly the marks it saw.
    """
    db.execute(
        "CREATE TABLE review_levels (project_id INTEGER PRIMARY KEY, level TEXT, until TEXT)"
    )
    db.execute("CREATE TABLE review_level_state (key TEXT PRIMARY KEY, value TEXT)")
    db.execute(
        "CREATE TABLE review_dirty"
        " (seq INTEGER PRIMARY KEY AUTOINCREMENT, project_id INTEGER NOT NULL)"
    )
    mark = "INSERT INTO review_dirty (project_id) VALUES"
    for table, column in REVIEWED_TABLES.items():
        for event, marks in (
            ("INSERT", f"{mark} (NEW.{column});"),
            ("DELETE", f"{mark} (OLD.{column});"),
            ("UPDATE", f"{mark} (OLD.{column}); {mark} (NEW.{column});"),
        ):
            db.execute(
                f"CREATE TRIGGER review_dirty_{table}_{event.lower()} AFTER {event} ON {table}"
                f" BEGIN {marks} END"
            )


@migrations(name="0008_collection_rounds")
def m0008_collection_rounds(db: Database) -> None:
    """进度收集: a round (as-of date, deadline, by unit or by town, the units asked, a
    token the files carry so a file of another database is told apart) and each file read
    back for it (the unit, its batch, what it changed)."""
    _t(db, "collection_rounds").create(
        {
            "id": int,
            "created_at": str,
            "user": str,
            "as_of": str,
            "deadline": str,
            "by_field": str,  # unit | location
            "targets": str,  # JSON list of unit (or town) names asked
            "token": str,
            "folder": str,
        },
        pk="id",
        not_null={"as_of", "by_field", "targets", "token"},
    )
    _t(db, "collection_returns").create(
        {
            "id": int,
            "round_id": int,
            "target": str,
            "batch_id": int,
            "file_name": str,
            "at": str,
            "counts": str,  # JSON
        },
        pk="id",
        not_null={"round_id", "target", "batch_id"},
    )
    _t(db, "collection_returns").create_index(["round_id"])


@migrations(name="0009_investor_credit_code")
def m0009_investor_credit_code(db: Database) -> None:
    """The investor's 统一社会信用代码, when a ledger has the column: one company under
    every spelling of its name, so a retyped deal is recognised by it (``deal_similarity``)."""
    if "credit_code" not in _t(db, "projects").columns_dict:
        _t(db, "projects").add_column("credit_code", str)


SCHEMA_VERSION = len(migrations._migrations)


def known_migration_names() -> set[str]:
    return {m.name for m in migrations._migrations}
