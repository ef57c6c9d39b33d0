"""A write that dies half way leaves the database as it was."""

import subprocess
import sys
import textwrap
import time

import pytest

from tests.helpers.projects import sample
from tracker.ledger.portfolio import Portfolio


def test_exception_mid_add_rolls_back_everything(portfolio, monkeypatch):
    portfolio.add_project(sample(name="原有项目"))
    before = portfolio.db.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    from tracker.ledger import creation

    def explode(*args, **kwargs):  # runs after the projects row is inserted
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(creation, "build_search_text", explode)
    with pytest.raises(RuntimeError):
        portfolio.add_project(sample(name="新项目", stage_dates={"registered": "2024-04-01"}))
    assert [r["name"] for r in portfolio.list_rows()] == ["原有项目"]
    assert portfolio.db.execute("SELECT COUNT(*) FROM stage_dates").fetchone()[0] == 0
    assert portfolio.db.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == before


def test_exception_inside_outer_transaction_undoes_all_of_it(portfolio):
    with pytest.raises(KeyError), portfolio.transaction():
        portfolio.add_project(sample(name="甲"))
        portfolio.add_project(sample(name="乙"))
        raise KeyError("cancel")
    assert portfolio.project_count() == 0


def test_killed_process_mid_transaction_leaves_file_as_before(tmp_path):
    path = tmp_path / "ledger.db"
    portfolio = Portfolio.open(path)
    portfolio.add_project(sample(name="原有项目"))
    portfolio.close()
    script = textwrap.dedent(f"""
        import sys, time
        from tracker.ledger.portfolio import Portfolio
        p = Portfolio.open({str(path)!r}, auto_backup=False)
        with p.transaction():
            for i in range(100000):
                p.add_project({{"name": f"批量{{i}}", "investor": "某公司",
                               "sign_date": "2024-01-01", "signed_amount_wan": 1}})
                if i == 300:
                    print("writing", flush=True)
        print("finished", flush=True)
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "writing"
    time.sleep(0.2)
    proc.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no cleanup runs
    proc.wait()
    portfolio = Portfolio.open(path, auto_backup=False)
    assert [r["name"] for r in portfolio.list_rows()] == ["原有项目"]
    assert portfolio.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    portfolio.close()
