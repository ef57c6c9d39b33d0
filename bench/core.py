"""Core query speed against raw sqlite3, measured in the same run.

    python bench/core.py [--sizes 10000 50000] [--cache DIR] [--repeat 7]

Builds demo databases (reused from --cache when present), then times what the ledger does
on every filter change: the filtered, sorted id query, and the rows of one screen page.
Each is printed next to a raw-sqlite3 query doing the same filtering and sorting without the
portfolio layer and derived columns; the ratio is what the layer costs.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tracker.ledger.demo import fill_demo
from tracker.ledger.portfolio import Portfolio
from tracker.ledger.queries import ProjectFilter


def best_of(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def build(path: Path, size: int) -> None:
    if path.exists():
        return
    start = time.perf_counter()
    portfolio = Portfolio.open(path, auto_backup=False)
    fill_demo(portfolio, projects=size, seed=1, today=date(2026, 6, 30))
    portfolio.close()
    print(f"  built {size:,} projects in {time.perf_counter() - start:.1f} s")


def bench(path: Path, repeat: int) -> None:
    portfolio = Portfolio.open(path, auto_backup=False)
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA cache_size = -65536")  # same page cache as the tracker's connection
    unit = portfolio.list_rows(ProjectFilter(), "id")[0]["unit"]
    cases = [
        (
            "search 'kt' + year 2025, by amount desc",
            lambda: portfolio.query_ids(
                ProjectFilter(search="kt", year=2025), "signed_amount_wan", True
            ),
            lambda: raw.execute(
                "SELECT p.id FROM projects p JOIN project_search s ON s.project_id = p.id "
                "WHERE s.text LIKE ? AND p.sign_date >= ? AND p.sign_date < ? "
                "ORDER BY p.signed_amount_yuan DESC, p.id DESC",
                ["%kt%", "2025", "2026"],
            ).fetchall(),
        ),
        (
            f"unit '{unit}' + stage started, by sign date",
            lambda: portfolio.query_ids(ProjectFilter(unit=unit, stage="started"), "sign_date"),
            lambda: raw.execute(
                "SELECT p.id FROM projects p WHERE p.unit = ? AND (SELECT MAX(rank) FROM "
                "stage_dates s WHERE s.project_id = p.id AND s.actual IS NOT NULL) = 3 "
                "ORDER BY p.sign_date, p.id",
                [unit],
            ).fetchall(),
        ),
        (
            "all ids, by stage",
            lambda: portfolio.query_ids(ProjectFilter(), "stage"),
            lambda: raw.execute(
                "SELECT p.id FROM projects p ORDER BY (SELECT MAX(rank) FROM stage_dates s "
                "WHERE s.project_id = p.id AND s.actual IS NOT NULL), p.id"
            ).fetchall(),
        ),
    ]
    page = portfolio.query_ids(ProjectFilter(), "sign_date")[:60]
    marks = ",".join("?" * len(page))
    cases.append(
        (
            "one screen page of rows (60)",
            lambda: portfolio.rows_for_ids(page),
            lambda: raw.execute(f"SELECT * FROM projects WHERE id IN ({marks})", page).fetchall(),
        )
    )
    for label, ours, baseline in cases:
        ours()
        baseline()  # warm caches for both
        t_ours, t_base = best_of(ours, repeat), best_of(baseline, repeat)
        print(
            f"  {label:<48} tracker {t_ours * 1000:8.2f} ms   raw sqlite3 {t_base * 1000:8.2f} ms"
            f"   ratio {t_ours / t_base:5.2f}x"
        )
    portfolio.close()
    raw.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--cache", type=Path, help="keep the built databases here")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    folder = args.cache or Path(tempfile.mkdtemp(prefix="tracker-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:
        print(f"{size:,} projects")
        path = folder / f"demo-{size}.db"
        build(path, size)
        bench(path, args.repeat)


if __name__ == "__main__":
    main()
