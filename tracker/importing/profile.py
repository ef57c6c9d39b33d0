"""Content evidence: what the values under a header say the column holds.

Each cell is sorted into one kind (a date, an amount, a stage word, a company, a person, a
place, a unit, a project name, a phone number, a serial number …) by how such values are
written in Chinese ledgers — companies end in 有限公司 / 集团 / 合作社, units in 局 / 委 /
管委会 / 人民政府, places in 镇 / 乡 / 街道 / 园区, project names in 项目 / 工程 / 基地 —
and the settings' own lists (towns, units, leaders) when a database is open. A column's
profile is the share of each kind among its values; ``content_fit`` turns it into how well
the column suits each field, with the reason in words ("92% 的值是日期").

Kinds are cached per cell text: units, leaders, towns, stage words and dates repeat down a
ledger, so a 20,000-row sheet classifies a few thousand distinct texts.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

from tracker.domain.dates import written_date_parts
from tracker.domain.money import AMOUNT_TEXT
from tracker.domain.vocabulary import AGREEMENT_TYPES, INVESTOR_TYPES, PROJECT_TYPES
from tracker.importing.values import fold, parse_stage_word, parse_status

log = logging.getLogger(__name__)

SAMPLE_ROWS = 400  # values looked at per column: enough to judge, cheap on 20,000 rows

_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰"
    "焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲"
    "房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟"
    "应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)
_COMPOUND_SURNAMES = (
    "欧阳",
    "司马",
    "上官",
    "诸葛",
    "东方",
    "皇甫",
    "尉迟",
    "公孙",
    "慕容",
    "令狐",
)
_ORIGINS = (
    "北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|"
    "湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|台湾|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|"
    "美国|德国|日本|韩国|新加坡|英国|法国|意大利|荷兰|瑞士|加拿大|澳大利亚|以色列|泰国|马来西亚|"
    "印度|俄罗斯|中国|本地|本县|县内|县外|省内|省外|境外|国外"
)
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
_PHONE = re.compile(r"^(\+?86-?)?(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})([/、,;；]\S+)?$")
_CODE = re.compile(r"^(?=.*\d)(?=.*[A-Za-z\-_/])[A-Za-z0-9\-_/]{3,30}$")
_COMPANY = re.compile(
    r"(公司|集团|股份|有限|合作社|商行|工作室|事务所|实业|控股|合伙|厂|企业|研究院|医院|学校|酒店|银行)"
    r"[)）]?$|有限公司|有限责任|股份有限|集团"
)
_UNIT = re.compile(r"(局|委|办|管委会|委员会|人民政府|政府|办公室|办事处|指挥部|专班|中心)$")
_MINOR_UNIT = re.compile(r"..(站|所|院|处|科|队)$")
_PLACE = re.compile(
    r"(镇|乡|街道|园区|开发区|工业园|工业区|新区|高新区|示范区|片区|社区|村|县|市|区|集中区|"
    r"经开区|保税区|港区|物流园)$"
)
_PROJECT = re.compile(
    r"(项目|工程|基地|产业园|综合体|生产线|[一二三四五]期|扩建|技改|改造|建设)"
    r"([(（][^()（）]*[)）])?$|^年产|年产\d"
)
_PERCENT = re.compile(r"^[+-]?\d+(\.\d+)?[%％]$")
_EMPTY = {"", "-", "—", "/", "\\", "无", "暂无", "——", "--", "0000-00-00"}
_YES_NO = {"是", "否", "√", "×", "✓", "✗", "有", "无", "y", "n", "yes", "no"}
_YEAR = re.compile(r"^(19[5-9]\d|20\d\d)年?度?$")
_CHOICES = {
    "investor_type": set(INVESTOR_TYPES) | {"国企", "民营", "民营企业", "私营", "外商独资", "合资"},
    "project_type": set(PROJECT_TYPES) | {"新建", "扩建", "续建", "增资", "新引进项目"},
    "agreement_type": set(AGREEMENT_TYPES) | {"合同", "协议", "意向书", "框架合同"},
}


@dataclass(frozen=True)
class Known:
    """Words the database already knows: the settings' towns, units and leaders."""

    towns: frozenset[str] = frozenset()
    units: frozenset[str] = frozenset()
    leaders: frozenset[str] = frozenset()


NOTHING_KNOWN = Known()


_DATA_TEXT = re.compile(
    r"^[+-]?[\d,，.]+(亿元|万元|亿|万|元|%|％)?$|^\d{4}[-/.年]\d{1,2}([-/.月]\d{1,2}日?)?$"
)


def looks_like_data(text: str) -> bool:
    """A number, an amount or a date written out: a cell no header is made of (cheap: the
    header search asks this of every cell near the top of a sheet)."""
    return bool(_DATA_TEXT.match(text.strip()))


def _is_person(text: str) -> bool:
    if not 2 <= len(text) <= 4 or not _HAN.match(text):
        return False
    return text[0] in _SURNAMES or text.startswith(_COMPOUND_SURNAMES)


@lru_cache(maxsize=65536)
def text_kind(text: str) -> str:
    """The kind of one (stripped) cell text; see the module docstring."""
    t = fold(text)
    if t in _EMPTY:
        return "empty"
    low = t.lower()
    if low in _YES_NO:
        return "flag"
    for kind, words in _CHOICES.items():
        if t in words:
            return kind
    if _PERCENT.match(t):
        return "percent"
    if _PHONE.match(t):
        return "phone"
    if t.isdigit():  # 20230512 is a date; 202305 is as likely an amount as a month
        return "date" if len(t) == 8 and _date_parts(t) else "number"
    if parts := _date_parts(t):
        return "date" if parts[2] is not None else "month"
    if AMOUNT_TEXT.match(t.replace(",", "")):
        return "number"
    if _YEAR.match(t):
        return "year"
    if _CODE.match(t):
        return "code"
    if len(t) > 30:
        return "long_text"
    if len(t) >= 3 and _PROJECT.search(t) and not _COMPANY.search(t):
        return "project"
    if _COMPANY.search(t):
        return "company"
    if len(t) <= 12 and _is_stage(t) and (not _is_person(t) or t[:2] in _STAGE_STARTS):
        return "stage"
    if (len(t) >= 2 and _UNIT.search(t)) or _MINOR_UNIT.search(t):
        return "unit"
    if len(t) >= 2 and _PLACE.search(t) and len(t) <= 15:
        return "place"
    if len(t) <= 10 and re.match(_ORIGINS, t):
        return "origin"
    if _is_person(t):
        return "person"
    if len(t) > 20:
        return "long_text"
    return "text"


def _date_parts(text: str) -> tuple[int, int, int | None] | None:
    """Written date parts when they make a real date (3000.5 is an amount, not a month)."""
    parts = written_date_parts(text)
    if parts is None or not 1950 <= parts[0] <= 2100 or not 1 <= parts[1] <= 12:
        return None
    if parts[2] is not None and not 1 <= parts[2] <= 31:
        return None
    return parts


def _stage_starts() -> frozenset[str]:
    from tracker.importing.values import STAGE_WORDS, STATUS_WORDS

    return frozenset(w[:2] for w, _ in (*STAGE_WORDS, *STATUS_WORDS))


_STAGE_STARTS = _stage_starts()  # "解约", "施工": stage words that also read as names


def _is_stage(text: str) -> bool:
    if parse_status(text) is not None:
        return True
    try:
        return parse_stage_word(text) is not None
    except ValueError:
        return False


def value_kind(value: object, known: Known = NOTHING_KNOWN) -> str:
    """The kind of one raw cell (numbers and dates as read from the file, or text)."""
    if value is None:
        return "empty"
    if type(value) is str:
        text = value.strip()
        if known is not NOTHING_KNOWN:
            if text in known.towns:
                return "place"
            if text in known.units:
                return "unit"
            if text in known.leaders:
                return "person"
        return text_kind(text) if text else "empty"
    if isinstance(value, bool):
        return "flag"
    if isinstance(value, datetime | date):
        return "date"
    if isinstance(value, int | float):
        if value != value:
            return "empty"
        if float(value).is_integer() and 1e10 <= value < 2e10:
            return "phone"
        if float(value).is_integer() and 19000101 <= value <= 21001231:
            return "date" if _date_parts(str(int(value))) else "number"
        return "number"
    return text_kind(str(value).strip())


@dataclass
class ColumnProfile:
    """What one column's values look like."""

    n: int = 0  # non-empty values looked at
    kinds: Counter[str] = field(default_factory=Counter)
    distinct: int = 0
    sequence: bool = False  # 1, 2, 3 … down the rows: a 序号
    serial_days: int = 0  # numbers that read as Excel date serials within a few years
    numbers: list[float] = field(default_factory=list)

    def share(self, *kinds: str) -> float:
        return sum(self.kinds[k] for k in kinds) / self.n if self.n else 0.0

    @property
    def dominant(self) -> tuple[str, float]:
        if not self.n:
            return "empty", 0.0
        kind, count = self.kinds.most_common(1)[0]
        return kind, count / self.n


def profile_column(values: Iterable[object], known: Known = NOTHING_KNOWN) -> ColumnProfile:
    p = ColumnProfile()
    seen: set[object] = set()
    for value in values:
        kind = value_kind(value, known)
        if kind == "empty":
            continue
        p.n += 1
        p.kinds[kind] += 1
        seen.add(value if not isinstance(value, float) else repr(value))
        if kind == "number":
            number = _as_number(value)
            if number is not None:
                p.numbers.append(number)
    p.distinct = len(seen)
    p.sequence = _is_sequence(p.numbers) and p.kinds["number"] >= 0.8 * p.n
    days = [x for x in p.numbers if 18264 <= x <= 73051]  # 1950..2099 as Excel serials
    if days and max(days) - min(days) <= 366 * 15:
        p.serial_days = len(days)
    return p


def _as_number(value: object) -> float | None:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    m = AMOUNT_TEXT.match(fold(str(value)).replace(",", ""))
    return float(m[1]) if m and not m[2] else None


def _is_sequence(numbers: Sequence[float]) -> bool:
    """Serial numbers: whole, small, and mostly one more than the previous."""
    if len(numbers) < 2 or any(not x.is_integer() or x < 0 or x > 100000 for x in numbers):
        return False
    steps = sum(1 for a, b in zip(numbers, numbers[1:], strict=False) if b == a + 1 or b == 1)
    return steps >= 0.7 * (len(numbers) - 1) and numbers[0] <= 10


# -- fit: how well a column's values suit a field ------------------------------------------

DATE_TARGETS_PREFIX = ("stage_dates.", "planned_dates.")
_DATE_FIELDS = {
    "sign_date",
    "planned_start",
    "planned_production",
    "status_date",
    "progress_as_of",
}
_MONEY_FIELDS = {
    "signed_amount_wan",
    "fixed_asset_wan",
    "foreign_capital_wan_usd",
    "funds_arrived_wan",
    "invested_wan",
    "land_area_mu",
}
KIND_WORDS = {
    "date": "日期",
    "month": "年月",
    "year": "年份",
    "number": "数字",
    "stage": "进展词（已开工、在建…）",
    "company": "企业名称",
    "person": "人名",
    "place": "乡镇/园区名",
    "unit": "单位名称",
    "project": "项目名称",
    "phone": "电话号码",
    "long_text": "长段文字",
    "origin": "省市/国别",
    "flag": "是/否",
    "code": "编号",
    "investor_type": "投资方类型",
    "project_type": "项目类型",
    "agreement_type": "签约形式",
    "text": "文字",
}
# How much content alone says a column is this field (0: only a title can say so).
DISTINCT = {
    "name": 0.75,
    "investor": 0.8,
    "sign_date": 0.6,
    "signed_amount_wan": 0.6,
    "stage": 0.8,
    "location": 0.65,
    "unit": 0.7,
    "leader": 0.6,
    "contact": 0.3,
    "phone": 0.8,
    "serial": 0.85,
    "investor_type": 0.8,
    "agreement_type": 0.8,
    "project_type": 0.8,
    "investor_origin": 0.5,
    "content": 0.3,
    "code": 0.4,
}
# The kinds a field's values may be; a column mostly of another kind contradicts a title.
COMPATIBLE: dict[str, set[str]] = {
    "name": {"project", "text", "long_text", "place", "code"},
    "investor": {"company", "text", "person", "long_text", "origin"},
    "stage": {"stage", "text", "flag", "long_text"},
    "location": {"place", "text", "unit", "origin"},
    "unit": {"unit", "text", "place", "person"},
    "leader": {"person", "text"},
    "contact": {"person", "text", "phone"},
    "phone": {"phone", "number", "text"},
    "serial": {"number"},
}
for _f in _DATE_FIELDS:
    COMPATIBLE[_f] = {"date", "month", "year", "number", "text"}
for _f in _MONEY_FIELDS:
    COMPATIBLE[_f] = {"number", "text"}


# Which fields a kind of value can point to on its own (content-only candidates).
KIND_TARGETS: dict[str, tuple[str, ...]] = {
    "date": ("sign_date",),
    "month": ("sign_date",),
    "year": ("sign_date",),
    "number": ("signed_amount_wan", "serial", "sign_date", "phone"),
    "stage": ("stage",),
    "flag": ("stage",),
    "company": ("investor",),
    "person": ("leader", "contact", "investor"),
    "place": ("location", "name"),
    "unit": ("unit",),
    "project": ("name",),
    "phone": ("phone",),
    "long_text": ("content", "name"),
    "origin": ("investor_origin",),
    "code": ("code",),
    "investor_type": ("investor_type",),
    "project_type": ("project_type",),
    "agreement_type": ("agreement_type",),
    "text": ("name",),
}


def content_targets(p: ColumnProfile) -> set[str]:
    """The fields the column's values could identify without a title."""
    return {t for kind in p.kinds for t in KIND_TARGETS.get(kind, ())}


def _kind_reason(share: float, kind: str) -> str:
    return f"{round(share * 100)}% 的值是{KIND_WORDS.get(kind, kind)}"


def content_fit(p: ColumnProfile, target: str) -> tuple[float, str]:
    """(0..1, reason): how well the column's values suit ``target``."""
    if not p.n:
        return 0.0, ""
    if target in _DATE_FIELDS or target.startswith(DATE_TARGETS_PREFIX):
        exact = p.share("date", "month")
        fit = exact + 0.7 * p.share("year") + 0.5 * p.serial_days / p.n
        if fit >= exact + 0.1 and p.serial_days:
            return min(fit, 1.0), f"{round(min(fit, 1.0) * 100)}% 的值可读作日期"
        return min(fit, 1.0), _kind_reason(exact, "date") if exact else ""
    if target in _MONEY_FIELDS:
        if p.sequence:
            return 0.1, "值是连续的序号"
        share = p.share("number")
        return share, _kind_reason(share, "number") if share else ""
    if target == "serial":
        return (1.0, "值是连续的序号") if p.sequence else (0.0, "")
    single = {
        "investor": "company",
        "stage": "stage",
        "location": "place",
        "unit": "unit",
        "phone": "phone",
        "investor_type": "investor_type",
        "project_type": "project_type",
        "agreement_type": "agreement_type",
        "investor_origin": "origin",
        "code": "code",
    }
    if target in single:
        kind = single[target]
        share = p.share(kind)
        if target == "stage":
            share = min(1.0, share + 0.5 * p.share("flag"))
        return share, _kind_reason(share, kind) if share else ""
    if target == "name":
        return _name_fit(p)
    if target in ("leader", "contact"):
        share = p.share("person")
        if target == "leader" and p.n >= 15 and p.distinct > 0.8 * p.n:
            share *= 0.8  # a 包抓领导 column repeats a few leaders down the ledger
        return share, _kind_reason(share, "person") if share else ""
    if target in ("content", "notes"):
        share = p.share("long_text") + 0.3 * p.share("text")
        return min(share, 1.0), _kind_reason(p.share("long_text"), "long_text") if share else ""
    return 0.0, ""


def _name_fit(p: ColumnProfile) -> tuple[float, str]:
    project = p.share("project")
    other = p.share("text", "long_text")
    distinct = min(1.0, p.distinct / (0.8 * p.n))
    fit = min(1.0, (project + 0.45 * other) * distinct)
    if project >= 0.3:
        return fit, _kind_reason(project, "project")
    return fit, "值多为互不相同的文字" if fit >= 0.3 else ""


def contradicts(p: ColumnProfile, target: str) -> str | None:
    """Why the values rule the field out (mostly another kind), or None."""
    allowed = COMPATIBLE.get(target)
    if allowed is None or p.n < 3:
        return None
    kind, share = p.dominant
    if share >= 0.6 and kind not in allowed:
        return _kind_reason(share, kind)
    return None
