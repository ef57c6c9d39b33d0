"""The columns of a collection workbook: written by ``send``, found again by ``receive``.

Columns are found back by their header text (not their position), so a unit that deletes
the hidden columns or inserts one still returns a readable file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tracker.domain.vocabulary import DATED_STAGES, Stage

SHEET_NAME = "项目进度"
HELP_SHEET = "填报说明"
NEW_SECTION = "新签约项目"  # the marker row above the blank area for new projects
NEW_ROWS = 10
TOKEN_LABEL = "回执编号"
TOKEN_RE = re.compile(TOKEN_LABEL + r"\s*[:：]\s*(\d+)-([0-9a-f]{8})")
UNIT_RE = re.compile(r"填报(?:单位|乡镇)\s*[:：]\s*([^\s，,；;]+)")

FIGURES: tuple[tuple[str, str], ...] = (
    ("funds_arrived_wan", "累计到位资金"),
    ("invested_wan", "累计完成投资"),
    ("output_wan", "产值"),
    ("tax_wan", "税收"),
)
CUMULATIVE = ("funds_arrived_wan", "invested_wan")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str  # id | round | text | date | money | stage | figure | prev | long
    fill: bool = False  # the unit fills it (unlocked)
    width: float = 10


def _columns() -> tuple[Column, ...]:
    cols = [
        Column("project_id", "系统编号（勿改）", "id", width=6),
        Column("round_id", "收集轮次（勿改）", "round", width=6),
        Column("seq", "序号", "text", width=5),
        Column("name", "项目名称", "text", width=24),
        Column("investor", "投资主体", "text", width=20),
        Column("sign_date", "签约日期", "date", width=11),
        Column("signed_amount_wan", "签约金额\n（万元）", "money", width=11),
        Column("stage", "目前阶段", "text", width=7),
    ]
    for st in DATED_STAGES:
        cols.append(Column(f"{st.value}.actual", f"{st.label}日期", "stage", True, 11))
    for key, label in FIGURES:
        cols.append(Column(f"prev.{key}", f"{label}\n上期数", "prev", width=10))
        cols.append(Column(key, f"{label}\n本期填报", "figure", True, 10))
    cols.append(Column("prev_as_of", "上期数\n截至", "date", width=11))
    cols.append(Column("note", "本期进展情况", "long", True, 26))
    cols.append(Column("problem", "存在问题及\n需协调事项", "long", True, 26))
    return tuple(cols)


COLUMNS = _columns()
KEYS = [c.key for c in COLUMNS]
# The identity columns a new project's row fills too (locked for the listed projects).
NEW_PROJECT_KEYS = ("name", "investor", "sign_date", "signed_amount_wan")
STAGE_KEYS = {f"{st.value}.actual": st for st in DATED_STAGES}


def header_key(text: object) -> str | None:
    """The column key a header cell names (whitespace and line breaks ignored)."""
    folded = re.sub(r"\s+", "", str(text or ""))
    return _BY_HEADER.get(folded)


_BY_HEADER = {re.sub(r"\s+", "", c.header): c.key for c in COLUMNS}
_BY_HEADER.update({"系统编号": "project_id", "收集轮次": "round_id"})


def stage_of(key: str) -> Stage:
    return STAGE_KEYS[key]
