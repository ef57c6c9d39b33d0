"""A full disk: "磁盘空间不足…", nothing half-written, temp files removed, no traceback.

On a real tmpfs filled to the last byte when the machine allows mounts (root here);
otherwise the writes are monkeypatched to raise ENOSPC, and the test says so.
"""

import errno

import pytest

from tests.helpers.damage import ledger_with
from tests.helpers.ledgers import run_cli
from tests.helpers.mounts import fill, tiny_disk
from tracker.ledger.portfolio import Portfolio
from tracker.storage.access import connect_read_only
from tracker.storage.backup import list_backups


def integrity(db):
    conn = connect_read_only(db)  # a plain connection cannot make its -shm on a full disk
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()


@pytest.fixture
def full_disk(tmp_path):
    folder = tmp_path / "disk"
    with tiny_disk(folder, 2048) as mounted:
        if not mounted:
            pytest.skip("mounts not permitted here; see the monkeypatched test below")
        yield folder


def test_outputs_to_a_full_disk_leave_nothing_behind(tmp_path, full_disk):
    db = ledger_with(tmp_path / "ledger.db", 300)
    fill(full_disk)
    before = sorted(p.name for p in full_disk.iterdir())
    for args in (
        ["backup", "--out", str(full_disk / "copy.db")],
        ["report", "review", "--out", str(full_disk / "报表.xlsx")],
        ["export", "ledger", "--out", str(full_disk / "台账.xlsx")],
    ):
        code, _, err = run_cli(db, *args)
        assert code == 2 and "磁盘空间不足" in err, (args, err)
        assert "Traceback" not in err and len(err.strip().splitlines()) == 1
        assert sorted(p.name for p in full_disk.iterdir()) == before  # no .part, no temp


def test_a_ledger_on_a_full_disk_is_read_and_not_half_written(full_disk):
    db = ledger_with(full_disk / "ledger.db", 20)
    fill(full_disk)
    code, out, err = run_cli(db, "list", "--json")
    assert code == 0 and len(out) == 20, err
    code, _, err = run_cli(db, "demo", "--projects", "2000", "--force")
    assert code == 2 and "磁盘空间不足" in err and "Traceback" not in err, err
    assert integrity(db) == "ok"
    p = Portfolio.open(db, read_only=True)
    assert p.project_count() == 20
    p.close()
    assert not list(full_disk.rglob("*.part"))


def test_enospc_from_the_writes_is_said_in_chinese(tmp_path, monkeypatch):
    """Without mount rights: the same messages from monkeypatched writes."""
    db = ledger_with(tmp_path / "ledger.db", 5)
    from openpyxl.workbook import Workbook

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Workbook, "save", full)
    code, _, err = run_cli(db, "export", "ledger", "--out", str(tmp_path / "台账.xlsx"))
    assert code == 2 and "磁盘空间不足" in err
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".xlsx"] == []


def test_a_disk_that_fills_during_a_write_rolls_it_all_back(full_disk):
    db = ledger_with(full_disk / "ledger.db", 20)
    fill(full_disk)
    filler = full_disk / "filler.bin"
    with open(filler, "r+b") as fh:  # leave room to open and start, not to finish
        fh.truncate(filler.stat().st_size - 400 * 1024)
    code, _, err = run_cli(db, "demo", "--projects", "700", "--force")
    assert code == 2 and "磁盘空间不足" in err and "Traceback" not in err, err
    assert list_backups(db)  # the open and its daily backup went through: the write failed
    assert integrity(db) == "ok"
    p = Portfolio.open(db, read_only=True)
    assert p.project_count() == 20
    p.close()
    assert not list(full_disk.rglob("*.part"))
