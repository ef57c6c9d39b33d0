"""Another program holding the write lock: reads go on, writes wait with a message and
give up in Chinese, never with a ``database is locked`` traceback."""

import sqlite3

from tests.helpers.damage import ledger_with
from tests.helpers.ledgers import run_cli


def test_writes_wait_then_give_up_while_reads_go_on(tmp_path, monkeypatch):
    db = ledger_with(tmp_path / "ledger.db", 3)
    monkeypatch.setenv("TRACKER_BUSY_TIMEOUT", "0.6")
    holder = sqlite3.connect(db)
    holder.execute("BEGIN IMMEDIATE")  # e.g. a long demo or import in another window
    holder.execute("UPDATE projects SET notes = 'x' WHERE id = 1")
    try:
        code, out, err = run_cli(db, "list", "--json")
        assert code == 0 and len(out) == 3, err  # readers are not blocked
        code, _, err = run_cli(db, "demo", "--projects", "5", "--force")
        assert code == 2 and "Traceback" not in err
        lines = err.strip().splitlines()
        assert "正在等待" in lines[0]
        assert "正被另一个程序写入" in lines[-1] and "没有执行" in lines[-1]
    finally:
        holder.rollback()
        holder.close()
    code, _, err = run_cli(db, "demo", "--projects", "5", "--force")
    assert code == 0, err
