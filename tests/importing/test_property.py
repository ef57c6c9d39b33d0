"""Random and broken cells and files: never a crash, never a half-written import.

Whatever the file holds, importing it either refuses it with a TrackerError (a Chinese
message, no traceback) or plans it; applying the plan stores every create/update or,
on failure, nothing at all.
"""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers.ledgers import HEADER, write_xlsx
from tracker.errors import TrackerError
from tracker.importing.apply import apply_plan
from tracker.importing.plan import plan_file
from tracker.ledger.portfolio import Portfolio

WORDS = [
    "合计",
    "小计",
    "一、",
    "（二）",
    "注：",
    "=SUM(A1:A3)",
    "+1",
    "已开工",
    "终止",
    "是",
    "否",
    "1.2亿",
    "3000万",
    "５０００",
    "2023.5.12",
    "2023年5月",
    "202305",
    "单位：万元",
    "项目名称",
    "投资主体",
    "签约时间",
    "签约金额",
    "\n",
    " ",
    "",
    "—",
    "约五千万",
    "-500",
    "1e400",
]
cells = st.one_of(
    st.none(),
    st.sampled_from(WORDS),
    st.text(max_size=12),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1)),
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1)),
    st.booleans(),
)
rows = st.lists(st.lists(cells, min_size=0, max_size=8), min_size=0, max_size=8)
SETTINGS = settings(
    max_examples=int(__import__("os").environ.get("IMPORT_EXAMPLES", "30")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _clean_for_xlsx(value: object) -> object:
    # openpyxl refuses control characters and infinities; Excel cannot hold them either
    if isinstance(value, str):
        return "".join(ch for ch in value if ch >= " " or ch in "\n\t")
    if isinstance(value, float) and (value != value or value in (float("inf"), float("-inf"))):
        return None
    return value


_DB_DIR = tempfile.TemporaryDirectory()  # one database for all examples: opening is costly
DB = Path(_DB_DIR.name) / "t.db"


def _import_all_or_nothing(path: Path, db: Path = DB) -> None:
    p = Portfolio.open(db, auto_backup=False)
    try:
        before = p.project_count()
        try:
            plan = plan_file(path, p)
        except TrackerError as exc:
            assert exc.message and isinstance(exc.message, str)
            assert p.project_count() == before
            return
        wanted = sum(1 for r in plan.rows if r.action == "create")
        try:
            apply_plan(p, plan, make_backup=False)
        except TrackerError:
            assert p.project_count() == before  # refused whole
            return
        assert p.project_count() == before + wanted
    finally:
        p.close()


@SETTINGS
@given(
    header=st.lists(
        st.sampled_from(HEADER + ["备注", "是否开工", "开工时间", "单位：亿元"]),
        min_size=0,
        max_size=8,
    ),
    body=rows,
)
def test_random_cells(header: list[str], body: list[list[object]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        grid = [header, *[[_clean_for_xlsx(v) for v in row] for row in body]]
        path = write_xlsx(Path(tmp) / "r.xlsx", {"S": grid})
        _import_all_or_nothing(path)


@SETTINGS
@given(
    prefix=st.sampled_from(
        [
            b"",
            b"PK\x03\x04",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
            b"<html><table><tr><td>",
            b"\xef\xbb\xbf",
            b"\xff\xfe",
        ]
    ),
    body=st.binary(max_size=400),
    suffix=st.sampled_from([".xlsx", ".xls", ".csv", ".ods", ".txt"]),
)
def test_random_bytes(prefix: bytes, body: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"f{suffix}"
        path.write_bytes(prefix + body)
        _import_all_or_nothing(path)


@SETTINGS
@given(
    lines=st.lists(
        st.lists(st.sampled_from(WORDS + ["甲项目", "甲公司", "2023-01-01", "100"]), max_size=6),
        max_size=6,
    ),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["gbk", "utf-8-sig"]),
)
def test_random_csv(lines: list[list[str]], delimiter: str, encoding: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        text = "\n".join(
            delimiter.join(["项目名称", "投资主体", "签约时间", "签约金额"]) for _ in [0]
        )
        text += "\n" + "\n".join(delimiter.join(line) for line in lines)
        path = Path(tmp) / "r.csv"
        path.write_bytes(text.encode(encoding, errors="replace"))
        _import_all_or_nothing(path)
