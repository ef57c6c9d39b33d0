"""The audit trail: one writer for every row of it.

Every write leaves rows saying when, which OS user, which project, which field, the old and
the new value, and the import batch (if any) the write belongs to. The portfolio writes one
row at a time, the bulk create path many at once; both build their rows with ``audit_row``
so the text undo reads back is always the same.
"""

from __future__ import annotations

import getpass
import logging
from collections.abc import Iterable
from contextlib import AbstractContextManager
from datetime import datetime
from decimal import Decimal
from typing import Any, Protocol

from sqlite_utils import Database

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


class LedgerWriter(Protocol):
    """What code that writes for the portfolio needs of it: the connection, the user, the
    transaction (with the batch it writes for) and the audit writer. ``Portfolio`` is one;
    the bulk create path and the child-records mixin are written against this, not it."""

    db: Database
    user: str

    @property
    def batch_id(self) -> int | None: ...

    def transaction(self, batch_id: int | None = None) -> AbstractContextManager[None]: ...

    def record_audit(
        self,
        project_id: int | None,
        entity: str,
        action: str,
        field: str | None = None,
        old: Any = None,
        new: Any = None,
        entity_id: int | None = None,
    ) -> None: ...

    def require_row(self, project_id: int) -> dict[str, Any]: ...
