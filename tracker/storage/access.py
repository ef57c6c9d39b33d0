"""How a database file may be touched: read-only URIs, write permission, side files.

SQLite keeps ``-wal`` and ``-shm`` files beside a WAL database and creates them even for a
read-only connection. A file we refuse (damaged, newer, foreign) or merely inspect (a
backup chosen for restore) must be left as we found it, so ``no_new_side_files`` removes
the empty side files that looking at it created.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

log = logging.getLogger(__name__)

SIDE_SUFFIXES = ("-wal", "-shm", "-journal")


def ro_uri(path: Path, *, immutable: bool = False) -> str:
    """A ``file:`` URI opening ``path`` read-only; characters such as ``?`` and ``#`` in a
    folder name are escaped (a plain f-string URI would cut the path there)."""
    uri = f"file:{quote(str(Path(path).absolute()))}?mode=ro"
    return uri + "&immutable=1" if immutable else uri


def folder_writable(path: Path) -> bool:
    """Can SQLite create its journal beside ``path``? (os.access: root is always allowed.)"""
    return os.access(Path(path).absolute().parent, os.W_OK)


def file_writable(path: Path) -> bool:
    """Can ``path`` (and its folder, for the journal) be written? A missing file counts
    as writable when its folder is."""
    path = Path(path)
    if path.exists() and not os.access(path, os.W_OK):
        return False
    return folder_writable(path)


def connect_read_only(path: Path, *, timeout: float = 10.0) -> sqlite3.Connection:
    """A read-only connection that writes nothing (``PRAGMA query_only``).

    A WAL database in a folder we cannot write (or on a full disk) has no ``-shm`` and
    cannot get one; SQLite then opens it only as ``immutable``, which is exact when no WAL
    holds newer pages (nobody is writing it: nobody can).
    """
    conn = sqlite3.connect(ro_uri(path), uri=True, timeout=timeout, check_same_thread=False)
    try:
        conn.execute("PRAGMA schema_version").fetchone()  # opens the file for real
    except sqlite3.OperationalError as exc:
        conn.close()
        # No -shm could be made (a read-only folder, a full disk). With no WAL content
        # beside it, the main file is the whole database and can be read as immutable.
        name = str(getattr(exc, "sqlite_errorname", ""))
        if not name.startswith(("SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_FULL")):
            raise
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0:
            raise
        log.info("%s: no -shm possible (%s); opening it immutable", path, name)
        conn = sqlite3.connect(
            ro_uri(path, immutable=True), uri=True, timeout=timeout, check_same_thread=False
        )
    conn.execute("PRAGMA query_only = ON")
    return conn


def side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + s) for s in SIDE_SUFFIXES]


def existing_side_files(path: Path) -> set[Path]:
    return {p for p in side_files(Path(path)) if p.exists()}


def remove_new_side_files(path: Path, before: set[Path]) -> None:
    """Remove side files that were not there ``before`` (connections must be closed).

    A ``-wal`` holding frames (and its ``-shm``) is never removed: it carries commits
    that are not yet in the main file.
    """
    path = Path(path)
    wal = path.with_name(path.name + "-wal")
    wal_empty = not wal.exists() or wal.stat().st_size == 0
    for extra in side_files(path):
        if extra in before or not extra.exists():
            continue
        if extra.name.endswith(("-wal", "-shm")) and not wal_empty:
            continue
        try:
            extra.unlink()
        except OSError as exc:  # read-only folder: nothing was created there anyway
            log.debug("could not remove %s: %s", extra, exc)


@contextmanager
def no_new_side_files(path: Path) -> Iterator[None]:
    """Remove the empty ``-wal``/``-shm`` that connections opened (and closed) inside
    the block created."""
    before = existing_side_files(path)
    try:
        yield
    finally:
        remove_new_side_files(path, before)
