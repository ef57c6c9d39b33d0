"""Import speed: the whole import (read, find tables, plan, write into a fresh database)
against python-calamine merely reading the same file, measured in the same run.

    python bench/import.py            # 1,500 rows on six sheets, 20,000 rows on one, and
                                      # a 100,000-column CSV (header matching)

Target: the whole import of the 20,000-row ledger takes at most 5x the bare read. The same
file imported again (every row names a stored project: each is compared field by field and
dated figure by figure, and nothing is written) is printed too, against the same read. Both
wall-clock and CPU time are printed (on a shared machine the CPU ratio is the steadier
one), with the read / plan / write split and the time to serialise the ``--json`` plan.
Files are generated (deterministic) in a temporary folder, shaped like real ledgers: a
title, a unit row, a header, 序号, mixed date and amount forms, a 小计 row per sheet.
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import python_calamine
from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tracker.cli.common import json_text
from tracker.errors import TrackerError
from tracker.importing.apply import apply_plan
from tracker.importing.limits import MAX_COLUMNS
from tracker.importing.plan import build_plan, load_tables
from tracker.importing.read import read_workbook
from tracker.ledger.portfolio import Portfolio

HEADERS = [
    "序号",
    "项目名称",
    "投资主体",
    "投资方来源地",
    "产业类别",
    "签约时间",
    "签约金额",
    "注册时间",
    "开工时间",
    "投产时间",
    "累计到位资金",
    "责任单位",
    "包抓领导",
    "备注",
]
TOWNS = ["城关镇", "青山镇", "溪口镇", "经济开发区", "高新园区", "临港工业园"]
WORDS = ["绿色", "精密", "新能", "华信", "康泰", "瑞丰", "明辉", "博远", "永盛", "天成"]
GOODS = ["锂电池隔膜", "生物制剂", "机器人", "特种纸", "冷链物流", "轴承", "光伏组件"]


def _row(rng: random.Random, n: int) -> list[object]:
    signed = date(2023, 1, 1) + timedelta(days=rng.randrange(365))
    sign_forms = [
        signed,
        signed.strftime("%Y.%-m.%-d"),
        f"{signed.year}年{signed.month}月{signed.day}日",
        signed.strftime("%Y/%-m/%-d"),
    ]
    amount = rng.choice([3000, 8500, 12500.5, 50000, 120000])
    stages = [signed + timedelta(days=40 * k + rng.randrange(30)) for k in (1, 3, 8)]
    reached = rng.randrange(4)
    word = rng.choice(WORDS)
    return [
        n,
        f"{word}{rng.choice(GOODS)}生产基地项目{n}号",
        f"{rng.choice(['浙江', '广东', '上海'])}{word}有限公司{n}",
        rng.choice(["江苏苏州", "浙江杭州", "上海"]),
        rng.choice(["新能源", "数字经济", "生物医药"]),
        rng.choice(sign_forms),
        rng.choice([amount, f"{amount:,}"]),
        *[stages[k] if k < reached else None for k in range(3)],
        round(amount * rng.random(), 2),
        rng.choice(["县商务局", "县经信局", "县发改局"]),
        rng.choice(["王建国", "陈志强", "刘晓燕"]),
        "",
    ]


def make_workbook(path: Path, sheets: int, rows_per_sheet: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    wb = Workbook(write_only=True)
    n = 0
    for s in range(sheets):
        ws = wb.create_sheet(TOWNS[s % len(TOWNS)] if sheets > 1 else "签约项目")
        ws.append([f"青溪县2023年签约项目推进情况表（{TOWNS[s % len(TOWNS)]}）"])
        ws.append(["填报单位：青溪县投资促进中心", *[""] * 11, "单位：万元"])
        ws.append(HEADERS)
        for _ in range(rows_per_sheet):
            n += 1
            ws.append(_row(rng, n))
        ws.append(["", "小计", "", "", "", "", 0])
    wb.save(path)


def bare_read(path: Path) -> tuple[float, float]:
    """(wall, CPU) seconds for python-calamine to read every sheet."""
    start, cpu = time.perf_counter(), time.process_time()
    wb = python_calamine.CalamineWorkbook.from_path(str(path))
    for name in wb.sheet_names:
        wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
    return time.perf_counter() - start, time.process_time() - cpu


def whole_import(path: Path, db: Path) -> tuple[float, float, dict[str, float], int]:
    """Wall and CPU seconds for the whole import, the wall split (read / find+plan / write,
    and serialising the plan as --json prints it), projects stored."""
    portfolio = Portfolio.open(db, auto_backup=False)
    try:
        cpu = time.process_time()
        t0 = time.perf_counter()
        workbook = read_workbook(path)
        t1 = time.perf_counter()
        tables = load_tables(workbook, portfolio=portfolio)
        plan = build_plan(workbook, tables, portfolio)
        t2 = time.perf_counter()
        apply_plan(portfolio, plan)
        t3 = time.perf_counter()
        cpu = time.process_time() - cpu
        text = json_text(plan.to_json())  # what ``import --json`` prints
        t4 = time.perf_counter()
        assert text
        split = {"read": t1 - t0, "plan": t2 - t1, "write": t3 - t2, "json": t4 - t3}
        return t3 - t0, cpu, split, portfolio.project_count()
    finally:
        portfolio.close()


def _wide_csv(folder: Path, width: int) -> tuple[Path, list[str]]:
    header = ["项目名称", "投资主体", "签约时间", "签约金额", *[f"指标{i}" for i in range(width)]]
    row = ["甲项目", "甲公司", "2023-01-01", "100", *[str(i % 7) for i in range(width)]]
    path = folder / f"wide-{width}.csv"
    path.write_text(",".join(header) + "\n" + ",".join(row) + "\n", encoding="utf-8")
    return path, header


def wide_header(folder: Path) -> None:
    """Header matching at the column cap: linear, a few microseconds a column; a file past the
    cap (100,000 columns) is refused while reading, before any matching."""
    path, header = _wide_csv(folder, MAX_COLUMNS - 4)
    workbook = read_workbook(path)
    start = time.perf_counter()
    (table,) = load_tables(workbook)
    took = time.perf_counter() - start
    assert [c.target for c in table.columns[:4]] == [
        "name",
        "investor",
        "sign_date",
        "signed_amount_wan",
    ]
    print(
        f"{len(header):,} columns (the cap): finding the header and mapping {took:6.3f} s "
        f"({took / len(header) * 1e6:.0f} us a column)"
    )
    path, header = _wide_csv(folder, 100_000)
    start = time.perf_counter()
    try:
        read_workbook(path)
    except TrackerError:
        took = time.perf_counter() - start
    else:
        raise AssertionError("a 100,000-column CSV was read")
    size = path.stat().st_size / 1e6
    print(f"{len(header):,} columns ({size:.1f} MB CSV): refused while reading in {took:6.3f} s")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for label, sheets, per_sheet in (
            ("1,500 rows, 6 sheets", 6, 250),
            ("20,000 rows, 1 sheet", 1, 20000),
        ):
            path = folder / f"bench-{sheets}x{per_sheet}.xlsx"
            make_workbook(path, sheets, per_sheet)
            reads = [bare_read(path) for _ in range(3)]
            read, read_cpu = min(r[0] for r in reads), min(r[1] for r in reads)
            total, cpu, split, count = whole_import(path, folder / f"bench-{sheets}.db")
            assert count == sheets * per_sheet, count
            parts = "  ".join(f"{k} {v:.2f}" for k, v in split.items())
            print(
                f"{label:<22} calamine read {read:5.2f} s   whole import {total:6.2f} s "
                f"({parts})   ratio {total / read:4.1f}x wall, {cpu / read_cpu:4.1f}x CPU"
                f"   ({count} projects)"
            )
            total, cpu, split, again = whole_import(path, folder / f"bench-{sheets}.db")
            assert again == count, again
            parts = "  ".join(f"{k} {v:.2f}" for k, v in split.items())
            print(
                f"{'  the same, again':<22} calamine read {read:5.2f} s   re-import    "
                f"{total:6.2f} s ({parts})   ratio {total / read:4.1f}x wall, "
                f"{cpu / read_cpu:4.1f}x CPU   (nothing new)"
            )
        wide_header(folder)


if __name__ == "__main__":
    main()
