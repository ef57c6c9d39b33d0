"""Generated ledgers for the importer tests (helpers; fixtures are in conftest.py).

Every pattern domain.md lists is made here with openpyxl (or as bytes for CSV/HTML), so a
fresh clone without ../shared tests all of them.
"""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from tracker.cli.main import main

HEADER = ["序号", "项目名称", "投资主体", "签约时间", "签约金额（万元）", "项目进展", "责任单位"]
ROWS = [
    [
        1,
        "绿色生物制剂生产基地项目",
        "广东绿色生物有限公司",
        date(2023, 2, 9),
        6250.5,
        "已开工",
        "县商务局",
    ],
    [
        2,
        "明辉锂电池隔膜生产基地项目",
        "福建明辉锂电有限公司",
        "2023.7.12",
        "120,000",
        "已注册",
        "县经信局",
    ],
    [
        3,
        "精密冷链物流生产基地项目",
        "广东精密冷链有限公司",
        "2023年7月26日",
        12500,
        "已签约",
        "县发改局",
    ],
]


def write_xlsx(
    path: Path,
    sheets: dict[str, Sequence[Sequence[Any]]],
    merges: dict[str, list[str]] | None = None,
) -> Path:
    """Write rows (and merged ranges like "A1:G1") per sheet; text stays text."""
    wb = Workbook()
    assert wb.active is not None
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"  # a name starting with "=" is text, not a formula
        for rng in (merges or {}).get(name, []):
            ws.merge_cells(rng)
    wb.save(path)
    return path


def make_messy(tmp_path: Path) -> Path:
    """Title + unit rows, a two-level merged header, category, 小计/合计, blank, notes and a
    town spanning its projects (vertical merge)."""
    rows = [
        ["青溪县2023年签约项目推进情况表", None, None, None, None, None, None, None],
        ["填报单位：青溪县投资促进中心", None, None, None, None, None, "单位：亿元", None],
        ["序号", "项目名称", "投资主体", "签约情况", None, "项目进展", None, "落地乡镇"],
        [None, None, None, "签约时间", "签约金额", "注册时间", "开工时间", None],
        ["一、", "城关镇（2个）", None, None, None, None, None, None],
        [
            1,
            "天成轴承生产基地项目",
            "浙江天成轴承有限公司",
            "2023/10/1",
            1.25,
            date(2023, 11, 2),
            None,
            "城关镇",
        ],
        [2, "绿色特种纸生产基地项目", "广东绿色特种有限公司", 45097, "0.8", None, None, None],
        [None, "小计", None, None, 2.05, None, None, None],
        [None, None, None, None, None, None, None, None],
        ["二、", "经济开发区（1个）", None, None, None, None, None, None],
        [
            3,
            "康泰冷链物流生产基地项目",
            "福建康泰冷链有限公司",
            "20230417",
            "5000万",
            "2023年5月",
            "2023-6",
            "经济开发区",
        ],
        [None, "合计", None, None, 2.55, None, None, None],
        ["注：1.金额单位为亿元；2.进展以实际发生为准。", None, None, None, None, None, None, None],
        ["填表人：张三", None, None, None, None, None, None, None],
    ]
    merges = ["A1:H1", "D3:E3", "F3:G3", "A3:A4", "B3:B4", "C3:C4", "H3:H4", "H6:H7"]
    return write_xlsx(tmp_path / "messy.xlsx", {"签约项目": rows}, {"签约项目": merges})


def run_cli(db: Path, *args: str) -> tuple[int, Any, str]:
    """`python -m tracker --db db ARGS` in-process: (exit code, parsed JSON or text, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--db", str(db), *args])
    text = out.getvalue()
    try:
        data: Any = json.loads(text)
    except ValueError:
        data = text
    return code, data, err.getvalue()


def db_snapshot(db: Path) -> dict[str, bytes]:
    """Bytes of the database file and of any WAL content (to prove nothing was written).

    A read-only SQLite reader may create an empty ``-wal`` and a ``-shm`` index; neither
    holds data, so an empty WAL counts as no WAL and the SHM is not compared."""
    out = {db.name: db.read_bytes()}
    wal = db.with_name(db.name + "-wal")
    if wal.exists() and wal.stat().st_size:
        out[wal.name] = wal.read_bytes()
    return out
