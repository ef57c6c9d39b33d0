"""A ledger on a network share or in a sync folder is recognised (by its path, by the
environment the sync client sets, by the mount's file-system type), warned about, and
kept out of WAL mode; a local ledger keeps WAL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tracker.ledger.portfolio import Portfolio
from tracker.storage import location
from tracker.storage.location import Location, risky_location

MOUNTS = (
    "/dev/sda1 / ext4 rw 0 0\n"
    "fileserver:/export/county /mnt/县局共享 nfs4 rw 0 0\n"
    "//nas/台账 /media/my\\040share cifs rw 0 0\n"
    "tmpfs /tmp tmpfs rw 0 0\n"
)


@pytest.mark.parametrize(
    ("path", "kind", "what"),
    [
        (r"\\fileserver\投资促进\台账.db", "network", "网络共享文件夹"),
        (r"C:\Users\张明\OneDrive - 青溪县人民政府\台账.db", "sync", "OneDrive"),
        (r"C:\Users\张明\OneDrive\文档\台账.db", "sync", "OneDrive"),
        (r"D:\WPS云盘\台账\tracker.db", "sync", "WPS 云盘"),
        (r"D:\我的坚果云\tracker.db", "sync", "坚果云"),
        (r"C:\Users\a\Nutstore Files\tracker.db", "sync", "坚果云"),
        (r"C:\Users\a\Dropbox\tracker.db", "sync", "Dropbox"),
        (r"D:\BaiduSyncdisk\tracker.db", "sync", "百度网盘"),
    ],
)
def test_windows_paths(path: str, kind: str, what: str) -> None:
    found = risky_location(path, windows=True, env={})
    assert found is not None and found.kind == kind and what in found.what


def test_the_folder_windows_names_for_onedrive() -> None:
    """OneDrive may sync 文档 itself (Known Folder Move): found through %OneDrive%."""
    env = {"OneDrive": r"C:\Users\张明\Documents"}
    found = risky_location(r"C:\Users\张明\Documents\台账\tracker.db", windows=True, env=env)
    assert found == Location("sync", "OneDrive 同步文件夹")
    assert risky_location(r"C:\Users\张明\Desktop\tracker.db", windows=True, env=env) is None


def test_local_paths_are_not_flagged() -> None:
    for path in (
        r"C:\Users\张明\AppData\Local\SignedDealTracker\tracker.db",
        r"D:\台账\2025\onedrive备份说明\tracker.db",  # a word inside a name is not the folder
    ):
        assert risky_location(path, windows=True, env={}) is None, path
    assert risky_location("/home/zm/台账/tracker.db", windows=False, env={}, mounts=MOUNTS) is None
    assert risky_location("/tmp/x/tracker.db", windows=False, env={}, mounts=MOUNTS) is None


def test_network_mounts_by_file_system_type() -> None:
    nfs = risky_location("/mnt/县局共享/台账/tracker.db", windows=False, env={}, mounts=MOUNTS)
    assert nfs == Location("network", "网络驱动器（nfs4）")
    cifs = risky_location("/media/my share/tracker.db", windows=False, env={}, mounts=MOUNTS)
    assert cifs is not None and "cifs" in cifs.what


def test_the_warning_says_where_and_what_to_do() -> None:
    text = Location("sync", "WPS 云盘 同步文件夹").warning(Path("D:/WPS云盘/tracker.db"))
    assert "WPS 云盘" in text and "tracker.db" in text and "备份" in text


def journal_mode(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return str(conn.execute("PRAGMA journal_mode").fetchone()[0])
    finally:
        conn.close()


def test_a_shared_ledger_leaves_wal_mode(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "tracker.db"
    Portfolio.open(db, auto_backup=False).close()
    assert journal_mode(db) == "wal"
    monkeypatch.setattr(location, "risky_location", lambda path: Location("sync", "OneDrive"))
    p = Portfolio.open(db, auto_backup=False)
    p.update_settings({"county_name": "青溪县"})
    p.close()
    assert journal_mode(db) == "delete"
    assert not (tmp_path / "tracker.db-wal").exists()
    monkeypatch.undo()
    Portfolio.open(db, auto_backup=False).close()
    assert journal_mode(db) == "wal", "moved back to a local disk: WAL again"
