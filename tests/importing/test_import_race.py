"""Two imports of the same file at once: each project is created once.

Both imports run as real processes, released together by a gate file, so both plan
(and find nothing stored) before either writes: only the re-check inside the write
transaction (and the unique key index behind it) keeps the second from duplicating.
"""

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from tests.helpers.ledgers import write_xlsx
from tracker.ledger.portfolio import Portfolio

ROOT = Path(__file__).resolve().parents[2]
ROWS = 600

# Each process plans, says so, and waits until the other has planned too before it
# writes: the worst interleaving, every time (a plain race would depend on timing).
GATED_IMPORT = textwrap.dedent("""
    import os, sys, time
    import tracker.importing.apply as apply_module
    from tracker.cli.main import main
    gate, me, other = sys.argv[1:4]
    real_apply = apply_module.apply_plan

    def wait_for(path):
        deadline = time.monotonic() + 60
        while not os.path.exists(path) and time.monotonic() < deadline:
            time.sleep(0.005)

    def apply_after_both_planned(*args, **kwargs):
        open(me, "w").close()
        wait_for(other)
        return real_apply(*args, **kwargs)

    apply_module.apply_plan = apply_after_both_planned
    wait_for(gate)
    sys.exit(main(sys.argv[4:]))
""")


def ledger(path: Path) -> Path:
    header = ["项目名称", "投资主体", "签约时间", "签约金额（万元）", "责任单位"]
    rows = [
        [
            f"并发测试项目{i}号",
            f"测试投资{i % 97}有限公司",
            date(2024, 1 + i % 12, 1),
            100 + i,
            "县商务局",
        ]
        for i in range(ROWS)
    ]
    return write_xlsx(path, {"台账": [header, *rows]})


def start(gate: Path, me: Path, other: Path, db: Path, xlsx: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            GATED_IMPORT,
            *(str(p) for p in (gate, me, other)),
            *("--db", str(db), "import", str(xlsx), "--json"),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env={**os.environ, "TRACKER_BUSY_TIMEOUT": "60"},
    )


def test_two_concurrent_imports_of_one_file_create_each_project_once(tmp_path):
    db = tmp_path / "ledger.db"
    Portfolio.open(db).close()
    xlsx = ledger(tmp_path / "台账.xlsx")
    gate, first, second = tmp_path / "go", tmp_path / "planned-1", tmp_path / "planned-2"
    procs = [start(gate, first, second, db, xlsx), start(gate, second, first, db, xlsx)]
    gate.touch()
    results = [p.communicate(timeout=120) for p in procs]
    for proc, (_out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert "Traceback" not in err
    summaries = [json.loads(out)["summary"] for out, _ in results]
    assert sum(s["create"] for s in summaries) == ROWS  # the rows were split, not doubled
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM projects").fetchone()[0] == ROWS
    assert conn.execute(
        "SELECT COUNT(*) FROM (SELECT name_key FROM projects GROUP BY name_key HAVING COUNT(*) > 1)"
    ).fetchone() == (0,)
    conn.close()


def test_the_unique_key_index_refuses_a_second_import_created_row(portfolio):
    """The backstop: even code that skipped the re-check cannot store a key twice."""
    portfolio.add_project(
        {"name": "甲项目", "investor": "乙公司", "sign_date": "2024-01-01", "signed_amount_wan": 1},
        batch_id=None,
    )
    with pytest.raises(sqlite3.IntegrityError):
        portfolio.add_project(
            {
                "name": "甲 项目",
                "investor": "乙公司",
                "sign_date": "2024-01-01",
                "signed_amount_wan": 1,
            },
            batch_id=7,  # an import writes key_seq 0
        )
    assert portfolio.project_count() == 1
