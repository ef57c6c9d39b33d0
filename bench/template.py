"""Filling a city template with a whole county, against openpyxl writing the same number of
plain cells, measured in the same run.

    python bench/template.py [--projects 10000] [--cache DIR] [--repeat 3]

The fill (read the template, choose the projects with their children, compute each
column as of the date, replace the empty rows, restyle, 合计, save) is timed against
``ws.append`` of the same values into a plain sheet and a save. Target: fill ≤ 2× baseline
(it reads the template twice and loads every project's progress records besides).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from openpyxl import Workbook  # noqa: E402
from report import timed  # noqa: E402  (bench/report.py: median of repeated runs)

from tests.helpers.templates import one_row_xlsx
from tracker.ledger.demo import fill_demo
from tracker.ledger.portfolio import Portfolio
from tracker.templates.fill import (
    FillOptions,
    fill_template,
    inspect_template,
    select_projects,
    table_values,
)

AS_OF = date(2026, 6, 30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()))
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    db = args.cache / f"tracker_bench_template_{args.projects}.db"
    if not db.exists():
        portfolio = Portfolio.open(db, auto_backup=False)
        fill_demo(portfolio, projects=args.projects, seed=1, today=AS_OF)
        portfolio.close()
    portfolio = Portfolio.open(db, auto_backup=False)
    out = Path(tempfile.mkdtemp(prefix="bench_template_"))
    template = one_row_xlsx(out / "template.xlsx")
    options = FillOptions(as_of=AS_OF)
    settings = portfolio.settings()

    def fill() -> int:
        plan = inspect_template(template, portfolio)
        projects = select_projects(portfolio, options)
        return fill_template(plan, projects, out / "filled.xlsx", options, settings).rows

    t_fill, rows = timed(fill, args.repeat)
    plan = inspect_template(template, portfolio)
    values = table_values(plan, select_projects(portfolio, options), AS_OF)
    portfolio.close()

    def plain() -> None:
        wb = Workbook()
        ws = wb.active
        for row in values:
            ws.append([str(v) if v is not None and not isinstance(v, int) else v for v in row])
        wb.save(out / "plain.xlsx")

    t_base, _ = timed(plain, args.repeat)
    print(f"{rows:,} projects × {len(plan.rules)} columns")
    print(f"  template fill (read + load + compute + write + save)  {t_fill:6.2f} s")
    print(f"  openpyxl plain, same values                            {t_base:6.2f} s")
    print(
        f"  ratio fill / plain                                     {t_fill / t_base:6.2f}x"
        "   (target ≤ 2x)"
    )


if __name__ == "__main__":
    main()
