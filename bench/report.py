"""Review workbook speed for a 10,000-project county, against openpyxl writing the same
number of plain ledger cells, measured in the same run.

    python bench/report.py [--projects 10000] [--cache DIR] [--repeat 3]

The review workbook (汇总 with its chart, 预警清单, 项目台账, 诉求清单: styles, merged titles,
print setup) is timed in two parts: the review itself (bulk load + rules + rates) and
building + saving the workbook. The baseline appends the same number of cells, taken from
the ledger rows, to a plain openpyxl sheet and saves it. Target: workbook ≤ 1.5× baseline.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook  # noqa: E402

from tracker.domain.fields import json_value
from tracker.ledger.demo import fill_demo
from tracker.ledger.portfolio import Portfolio
from tracker.reports.review_report import build_review_workbook
from tracker.reports.styles import clean_text
from tracker.review import run_review

AS_OF = date(2026, 6, 30)


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def build(path: Path, size: int) -> None:
    if path.exists():
        return
    start = time.perf_counter()
    portfolio = Portfolio.open(path, auto_backup=False)
    fill_demo(portfolio, projects=size, seed=1, today=AS_OF)
    portfolio.close()
    print(f"  built {size:,} demo projects in {time.perf_counter() - start:.1f} s")


def baseline(rows: list[list[object]], cells: int, out: Path) -> None:
    """openpyxl at its plainest: ws.append of ledger values, no styles, then save."""
    wb = Workbook()
    ws = wb.active
    written = 0
    while written < cells:
        for row in rows:
            take = row[: cells - written]
            ws.append(take)
            written += len(take)
            if written >= cells:
                break
    wb.save(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    db = args.cache / f"tracker_bench_report_{args.projects}.db"
    build(db, args.projects)
    portfolio = Portfolio.open(db, auto_backup=False)
    out_dir = Path(tempfile.mkdtemp(prefix="bench_report_"))

    t_review, review = timed(lambda: run_review(portfolio, AS_OF), args.repeat)

    def write() -> int:
        wb = build_review_workbook(review)
        wb.save(out_dir / "review.xlsx")
        return sum(len(ws._cells) for ws in wb.worksheets)

    t_write, cells = timed(write, args.repeat)
    ledger = portfolio.list_rows()
    rows = [
        [clean_text(v) if isinstance(v, str) else json_value(v) for v in r.values()] for r in ledger
    ]
    t_base, _ = timed(lambda: baseline(rows, cells, out_dir / "plain.xlsx"), args.repeat)
    portfolio.close()

    counts = review.counts()
    print(
        f"{args.projects:,} projects ({counts.red_projects:,} red, "
        f"{counts.yellow_projects:,} yellow), {counts.warnings:,} warnings, "
        f"{cells:,} cells written"
    )
    print(f"  review (load + rules + rates)     {t_review:6.2f} s")
    print(f"  review workbook (build + save)    {t_write:6.2f} s")
    print(f"  openpyxl plain, same cell count   {t_base:6.2f} s")
    print(f"  ratio workbook / plain            {t_write / t_base:6.2f}x   (target ≤ 1.5x)")
    print(f"  ratio review + workbook / plain   {(t_review + t_write) / t_base:6.2f}x")


if __name__ == "__main__":
    main()
