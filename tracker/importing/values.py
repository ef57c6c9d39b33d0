"""Parsing the values hand-made ledgers contain: dates, amounts with units, stages, flags.

Every parser either returns a clean value or raises ``ValueError`` with a Chinese message
that quotes the cell, so the plan can say exactly what is wrong with which cell.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from tracker.domain.dates import written_date_parts, written_year
from tracker.domain.money import AMOUNT_TEXT, UNIT_FACTORS, plain_decimal
from tracker.domain.vocabulary import Stage, Status

# -- text ------------------------------------------------------------------------------

_WS = re.compile(r"\s+")


def fold(text: str) -> str:
    """NFKC (full-width digits, letters and brackets become ASCII) without inner spaces."""
    return _WS.sub("", unicodedata.normalize("NFKC", text))


def cell_text(value: object) -> str:
    """A cell as the clerk reads it: whole floats without ``.0``, dates as ISO text."""
    if type(value) is str:  # most cells: skip the isinstance chain (called ~20x per row)
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return (
            value.date().isoformat()
            if value.time() == datetime.min.time()
            else value.isoformat(" ")
        )
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value).strip()


def quote(value: object) -> str:
    text = cell_text(value)
    return text if len(text) <= 40 else text[:40] + "…"


# -- dates -----------------------------------------------------------------------------

EXCEL_EPOCH = date(1899, 12, 30)
_YEAR_RANGE = range(1950, 2101)
_TIME = re.compile(r"[T\s]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")


def _full_date(y: int, m: int, d: int, raw: object) -> str:
    if y not in _YEAR_RANGE:
        raise ValueError(f"年份不合理：“{quote(raw)}”")
    try:
        return date(y, m, d).isoformat()
    except ValueError as exc:
        raise ValueError(f"日期不存在：“{quote(raw)}”") from exc


def _month_date(y: int, m: int, raw: object) -> str:
    if y not in _YEAR_RANGE or not 1 <= m <= 12:
        raise ValueError(f"日期不存在：“{quote(raw)}”")
    return f"{y:04d}-{m:02d}"


def _from_number(number: float, raw: object) -> str:
    if not number.is_integer() and not 20000 <= number < 80000:
        raise ValueError(f"看不懂的日期：“{quote(raw)}”")
    n = int(number)
    if 19000101 <= n <= 21001231:  # 20230512
        return _full_date(n // 10000, n // 100 % 100, n % 100, raw)
    if 190001 <= n <= 210012:  # 202305
        return _month_date(n // 100, n % 100, raw)
    if 20000 <= n < 80000:  # Excel serial day (1954..2118)
        return (EXCEL_EPOCH + timedelta(days=n)).isoformat()
    raise ValueError(f"看不懂的日期：“{quote(raw)}”")


def parse_date(value: object) -> str | None:
    """Any date form an old ledger uses -> ``YYYY-MM-DD`` or ``YYYY-MM`` (month only)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return _full_date(value.year, value.month, value.day, value)
    if isinstance(value, date):
        return _full_date(value.year, value.month, value.day, value)
    if isinstance(value, bool):
        raise ValueError(f"看不懂的日期：“{quote(value)}”")
    if isinstance(value, int | float):
        return _from_number(float(value), value)
    text = fold(_TIME.sub("", unicodedata.normalize("NFKC", str(value)).strip()))
    if not text or text in {"-", "—", "/", "无", "暂无"}:
        return None
    if parts := written_date_parts(text):
        year, month, day = parts
        if day is None:
            return _month_date(year, month, value)
        return _full_date(year, month, day, value)
    only_year = written_year(text)
    if only_year is not None and only_year in _YEAR_RANGE and not text.isdigit():
        return f"{only_year:04d}"  # "2021年": the year alone, kept as an approximate date
    try:
        return _from_number(float(text), value)
    except ValueError:
        pass
    raise ValueError(f"看不懂的日期：“{quote(value)}”，请写成 2023-05-12 这样的日期")


# -- amounts ---------------------------------------------------------------------------

_UNIT_WORD = re.compile(r"(亿元|万元|亿|万|元)")
_UNIT_IN_TEXT = re.compile(r"单位[:：]?\s*(亿元|万元|元|亿|万)")
_NUM_TEXT = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


def unit_in_text(text: str) -> str | None:
    """The unit a title row states: "单位：万元", "金额单位:亿元" -> the unit word."""
    m = _UNIT_IN_TEXT.search(fold(text))
    return m[1] if m else None


def unit_in_header(text: str) -> str | None:
    """The unit a header states in brackets: "总投资（亿元）" -> "亿元"."""
    m = re.search(r"\(([^()]*)\)", fold(text))
    if m and (u := _UNIT_WORD.search(m[1])) and "美元" not in m[1]:
        return u[1]
    return None


def parse_amount(value: object, unit: str | None = None) -> Decimal | None:
    """An amount in any common form -> exact 万元 Decimal (``unit`` from header or title).

    A unit written in the cell ("1.2亿", "3000万") wins over the column's unit.
    """
    if value is None or value == "":
        return None
    factor = UNIT_FACTORS.get(unit or "万元", Decimal(1))
    if isinstance(value, bool):
        raise ValueError(f"金额应为数字：“{quote(value)}”")
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"金额应为数字：“{quote(value)}”")
        amount = Decimal(repr(value))
    else:
        text = fold(str(value)).replace(",", "").replace("，", "")
        if text in {"", "-", "—", "/"}:
            return None
        m = AMOUNT_TEXT.match(text)
        if not m:
            raise ValueError(f"金额应为数字：“{quote(value)}”，请写成 3000 或 1.2亿 这样的数")
        try:
            amount = Decimal(m[1])
        except InvalidOperation as exc:
            raise ValueError(f"金额应为数字：“{quote(value)}”") from exc
        if m[2]:
            factor = UNIT_FACTORS[m[2]]
    if not amount.is_finite():
        raise ValueError(f"金额应为数字：“{quote(value)}”")
    if amount < 0:
        raise ValueError(f"金额不能为负数：“{quote(value)}”")
    if abs(amount) > Decimal("1e12"):
        raise ValueError(f"金额大得不合理：“{quote(value)}”")
    result = amount * factor
    return plain_decimal(result)


def parse_number(value: object) -> Decimal | None:
    """A plain non-negative number (用地面积 in 亩)."""
    if value is None or value == "":
        return None
    text = fold(cell_text(value)).replace(",", "").rstrip("亩")
    if not _NUM_TEXT.match(text):
        raise ValueError(f"应为数字：“{quote(value)}”")
    number = Decimal(text)
    if number < 0:
        raise ValueError(f"不能为负数：“{quote(value)}”")
    return plain_decimal(number)


# -- stages, flags, status -------------------------------------------------------------

STAGE_WORDS: tuple[tuple[str, Stage], ...] = (
    ("达产", Stage.TARGET),
    ("达效", Stage.TARGET),
    ("投产", Stage.PRODUCING),
    ("试生产", Stage.PRODUCING),
    ("试运营", Stage.PRODUCING),
    ("运营", Stage.PRODUCING),
    ("营业", Stage.PRODUCING),
    ("生产", Stage.PRODUCING),
    ("试产", Stage.PRODUCING),
    ("量产", Stage.PRODUCING),
    ("竣工", Stage.COMPLETED),
    ("建成", Stage.COMPLETED),
    ("完工", Stage.COMPLETED),
    ("验收", Stage.COMPLETED),
    ("开工", Stage.STARTED),
    ("在建", Stage.STARTED),
    ("建设中", Stage.STARTED),
    ("施工", Stage.STARTED),
    ("动工", Stage.STARTED),
    ("土建", Stage.STARTED),
    ("安装", Stage.STARTED),
    ("调试", Stage.STARTED),
    ("建设", Stage.STARTED),
    ("供地", Stage.LAND),
    ("摘牌", Stage.LAND),
    ("拿地", Stage.LAND),
    ("注册", Stage.REGISTERED),
    ("落地", Stage.REGISTERED),
    ("审批", Stage.REGISTERED),
    ("签约", Stage.SIGNED),
    ("签协议", Stage.SIGNED),
    ("签订", Stage.SIGNED),
    ("签署", Stage.SIGNED),
    ("已签", Stage.SIGNED),
    ("前期", Stage.SIGNED),
    ("洽谈", Stage.SIGNED),
    ("未开工", Stage.SIGNED),
    ("筹建", Stage.SIGNED),
)
STATUS_WORDS: tuple[tuple[str, Status], ...] = (
    ("终止", Status.TERMINATED),
    ("解约", Status.TERMINATED),
    ("取消", Status.TERMINATED),
    ("退出", Status.TERMINATED),
    ("暂缓", Status.PAUSED),
    ("暂停", Status.PAUSED),
    ("停滞", Status.PAUSED),
    ("搁置", Status.PAUSED),
    ("正常", Status.ACTIVE),
    ("推进中", Status.ACTIVE),
)
_NEGATED = re.compile(
    r"(尚未|暂未|没有|未)(签约|注册|落地|供地|开工|动工|竣工|建成|完工|验收|投产|试产|达产|达效|生产|运营|建设|安装)"
)


def parse_status(value: object) -> Status | None:
    text = fold(cell_text(value))
    if not text:
        return None
    for word, status in STATUS_WORDS:
        if word in text:
            return status
    return None


def parse_stage_word(value: object) -> Stage | None:
    """ "已开工" / "在建" / "开工" -> Stage; None for an empty cell; ValueError if unknown.

    "未开工" and similar negations say the stage was NOT reached, so they mean 签约.
    """
    text = fold(cell_text(value))
    if not text:
        return None
    text = _NEGATED.sub("", text)  # "已签约未落地": what was NOT reached says nothing
    if not text:
        return Stage.SIGNED
    for word, stage in STAGE_WORDS:
        if word in text:
            return stage
    if parse_status(text) is not None:
        return None
    raise ValueError(f"看不懂的项目进展：“{quote(value)}”")


_YES = {"是", "已", "√", "✓", "✔", "y", "yes", "true", "1", "有", "已完成", "完成"}
_NO = {"否", "未", "×", "✗", "n", "no", "false", "0", "无", "-", "—", "/", "没有"}


def parse_flag(value: object) -> bool | None:
    """是/否 columns (是否开工): True, False, or None when blank; ValueError otherwise."""
    if isinstance(value, bool):
        return value
    text = fold(cell_text(value)).lower()
    if not text:
        return None
    if text in _YES or text.startswith("已"):
        return True
    if text in _NO or text.startswith(("未", "否")):
        return False
    raise ValueError(f"应填“是”或“否”：“{quote(value)}”")
