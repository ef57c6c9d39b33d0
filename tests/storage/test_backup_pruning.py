"""Backups are named and pruned per database, by an exact pattern; half-written ones go."""

import os
import sqlite3
import time

import pytest

from tests.helpers.damage import ledger_with
from tracker.errors import TrackerError
from tracker.storage import backup


def test_pruning_one_database_never_touches_another_in_the_same_folder(tmp_path):
    ledger = ledger_with(tmp_path / "ledger.db", 2)
    other = ledger_with(tmp_path / "ledger-2024.db", 3)
    kept = [backup.backup_file(other, "manual") for _ in range(3)]
    for _ in range(backup.KEEP_BACKUPS + 5):
        backup.backup_file(ledger, "manual")
    assert len(backup.list_backups(ledger)) == backup.KEEP_BACKUPS
    assert sorted(backup.list_backups(other)) == sorted(kept)
    assert all(p.exists() for p in kept)
    assert not set(backup.list_backups(ledger)) & set(kept)


def test_a_failed_backup_leaves_no_part_file(tmp_path, monkeypatch):
    ledger = ledger_with(tmp_path / "ledger.db", 2)

    class FullDisk:
        def __init__(self, conn):
            self.conn = conn

        def backup(self, target):
            raise sqlite3.OperationalError("database or disk is full")

    src = sqlite3.connect(ledger)
    with pytest.raises(TrackerError, match="磁盘空间不足"):
        backup.backup_connection(FullDisk(src), tmp_path / "out" / "copy.db")  # type: ignore[arg-type]
    src.close()
    assert list((tmp_path / "out").iterdir()) == []


def test_leftover_part_files_of_this_database_are_removed(tmp_path):
    ledger = ledger_with(tmp_path / "ledger.db", 1)
    folder = backup.backup_dir(ledger)
    folder.mkdir()
    stale = folder / "ledger-20240101-000000-000000-manual.db.part"
    fresh = folder / "ledger-20240102-000000-000000-manual.db.part"  # a backup in progress
    foreign = folder / "ledger-2024-20240101-000000-000000-manual.db.part"
    for p in (stale, fresh, foreign):
        p.write_bytes(b"half")
    old = time.time() - 2 * backup.STALE_PART_S
    os.utime(stale, (old, old))
    os.utime(foreign, (old, old))
    backup.backup_file(ledger, "manual")
    assert not stale.exists()
    assert fresh.exists() and foreign.exists()
