"""Restore checks the chosen file fully before anything is replaced."""

import pytest

from tests.helpers.damage import damaged, ledger_with, newer, no_tables, siblings
from tests.helpers.ledgers import run_cli
from tracker.errors import TrackerError
from tracker.ledger.portfolio import Portfolio
from tracker.storage.backup import list_backups
from tracker.storage.restore import EmptyRestore, inspect_backup, restore


def count(db):
    p = Portfolio.open(db, read_only=True)
    try:
        return p.project_count()
    finally:
        p.close()


@pytest.fixture
def ledger(tmp_path):
    return ledger_with(tmp_path / "ledger.db", 50)


@pytest.mark.parametrize(
    ("make", "needle"),
    [
        (lambda p: p.write_bytes(b"") or p, "空文件"),
        (no_tables, "没有任何台账数据"),
        (damaged, "损坏"),
        (newer, "更新版本"),
        (lambda p: p.write_text("项目名称,投资方\n") or p, "不是"),
    ],
    ids=["0-byte", "no-tables", "damaged", "newer", "not-sqlite"],
)
def test_a_bad_backup_is_refused_and_the_ledger_is_untouched(tmp_path, ledger, make, needle):
    source = tmp_path / "chosen" / "backup.db"
    source.parent.mkdir()
    make(source)
    around = siblings(source)
    before = ledger.read_bytes()
    code, _, err = run_cli(ledger, "restore", str(source))
    assert code == 2 and needle in err, err
    assert len(err.strip().splitlines()) == 1
    assert ledger.read_bytes() == before and count(ledger) == 50
    assert siblings(source) == around  # no -wal/-shm left beside the refused file
    assert not any("before-restore" in p.name for p in list_backups(ledger))


def test_an_empty_ledger_over_a_full_one_needs_force(tmp_path, ledger):
    empty = ledger_with(tmp_path / "empty.db", 0)
    with pytest.raises(EmptyRestore):
        restore(ledger, empty)
    assert count(ledger) == 50
    code, out, err = run_cli(ledger, "restore", str(empty))
    assert code == 2 and "--force" in err and "0 个项目" in out and "50 个项目" in out
    code, out, err = run_cli(ledger, "restore", str(empty), "--force")
    assert code == 0, err
    assert count(ledger) == 0
    (safety,) = [p for p in list_backups(ledger) if "before-restore" in p.name]
    assert count(safety) == 50  # the ledger as it was is kept


def test_inspect_says_what_a_backup_holds(tmp_path):
    source = ledger_with(tmp_path / "b.db", 7)
    contents = inspect_backup(source)
    assert contents.projects == 7 and contents.last_change
    assert "7 个项目" in contents.describe() and "最后修改于" in contents.describe()


def test_restoring_the_ledger_onto_itself_is_refused(ledger):
    with pytest.raises(TrackerError, match="本身"):
        restore(ledger, ledger)
