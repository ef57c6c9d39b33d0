"""The audit trail: one writer for every row of it.

Every write leaves rows saying when, which OS user, which project, which field, the old and
the new value, and the import batch (if any) the write belongs to. The portfolio writes one
row at a time, the bulk create path many at once; both build their rows with ``audit_row``
so the text undo reads back is always the same.
"""

from __future__ import annotations

import getpass
import logging
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlite_utils import Database

from tracker.errors import TrackerError
from tracker.storage.db import db_path_of, is_read_only
from tracker.storage.faults import read_only
from tracker.storage.write_lock import begin_immediate

log = logging.getLogger(__name__)

AUDIT_SQL = (
    "INSERT INTO audit (at, user, project_id, entity, entity_id, action, field, old, new,"
    " batch_id) VALUES (?,?,?,?,?,?,?,?,?,?)"
)

AuditRow = tuple[Any, ...]


def now_iso() -> str:
    """The time stamp written on audit rows and ``updated_at`` (local time, seconds)."""
    return datetime.now().isoformat(timespec="seconds")


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception as exc:  # no login name (service accounts): still audit, anonymously
        log.warning("no OS user name for the audit trail (%r); writing 'unknown'", exc)
        return "unknown"


def audit_text(value: Any) -> str | None:
    """How a value is written in the audit trail (and read back by undo)."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def audit_row(
    at: str,
    user: str,
    project_id: int | None,
    entity: str,
    action: str,
    *,
    field: str | None = None,
    old: Any = None,
    new: Any = None,
    entity_id: int | None = None,
    batch_id: int | None = None,
) -> AuditRow:
    """One audit row, in ``AUDIT_SQL``'s parameter order, values as audit text."""
    return (
        at,
        user,
        project_id,
        entity,
        entity_id,
        action,
        field,
        audit_text(old),
        audit_text(new),
        batch_id,
    )


def write_audit(conn: Any, rows: Iterable[AuditRow]) -> None:
    """Insert audit rows; the caller holds the transaction."""
    conn.executemany(AUDIT_SQL, rows)


class AuditedWriter:
    """What every write needs: the connection, the OS user, a transaction that carries the
    import batch it writes for, and the one audit writer. ``Portfolio`` is one (through the
    child-records mixin); the bulk create path takes any ``AuditedWriter``."""

    def __init__(self, db: Database, user: str | None = None) -> None:
        self.db = db
        self.user = user or os_user()
        self._batch_id: int | None = None
        self.read_only = is_read_only(db)

    @contextmanager
    def transaction(self, batch_id: int | None = None) -> Iterator[None]:
        """One atomic unit; audit rows written inside carry ``batch_id``.

        The outermost one takes the write lock first (``BEGIN IMMEDIATE``, waiting for
        another writer with a message), so whatever it reads before writing is still
        true when it commits; nested ones are savepoints.
        """
        if self.read_only:
            raise read_only(db_path_of(self.db))
        previous = self._batch_id
        if batch_id is not None:
            self._batch_id = batch_id
        try:
            if self.db.conn.in_transaction:
                with self.db.atomic():
                    yield
            else:
                with self._immediate():
                    yield
        finally:
            self._batch_id = previous

    @contextmanager
    def _immediate(self) -> Iterator[None]:
        conn = self.db.conn
        begin_immediate(conn, db_path_of(self.db))
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise
        try:
            conn.commit()
        except BaseException:
            if conn.in_transaction:
                conn.rollback()
            raise

    @property
    def batch_id(self) -> int | None:
        """The import batch the current transaction writes for, if any."""
        return self._batch_id

    def record_audit(
        self,
        project_id: int | None,
        entity: str,
        action: str,
        field: str | None = None,
        old: Any = None,
        new: Any = None,
        entity_id: int | None = None,
    ) -> None:
        """One audit row for a write in the current transaction (and its batch)."""
        write_audit(
            self.db.conn,
            [
                audit_row(
                    now_iso(),
                    self.user,
                    project_id,
                    entity,
                    action,
                    field=field,
                    old=old,
                    new=new,
                    entity_id=entity_id,
                    batch_id=self._batch_id,
                )
            ],
        )

    def require_row(self, project_id: int) -> dict[str, Any]:
        row = self.db.execute("SELECT * FROM projects WHERE id = ?", [project_id]).fetchone()
        if row is None:
            raise TrackerError(f"找不到编号为 {project_id} 的项目。请用 list 命令查看现有项目。")
        names = [d[0] for d in self.db.execute("SELECT * FROM projects LIMIT 0").description]
        return dict(zip(names, row, strict=True))
