"""Is an incoming ledger row the same deal as a stored project, retyped?

Next year's ledger repeats last year's deals typed again by hand: a space lost, full-width
brackets, ``（一期）`` added, 生产基地 shortened to 基地, the investor's legal form or its
province prefix changed, the date written another way. A candidate pair is scored from:

- the **name** once normalised (``name_core``): width folded, spaces and punctuation
  dropped, a first-phase marker (一期) and a trailing 项目 set aside, 生产基地 read as 基地;
  a different phase number (二期 vs none/一期) is a different deal outright;
- the **investor** once normalised (``investor_core``): legal forms (股份有限公司, 有限责任
  公司, 有限公司 …), the words 科技/实业/集团/股份 and a leading province, city or country
  set aside; a 简称 contained in the full name counts; two different explicit provinces
  (浙江… vs 湖南…) do not;
- agreement of **sign date** (same day; same month counts half), **signed amount** and
  **town**;
- an agreement upgraded from 意向/框架协议 to 正式合同/投资协议 is the same deal (甄别):
  its new date and amount do not count against it;
- a 项目代码 (``code``) the same on both sides decides outright (a different one does not:
  a county may number its ledger afresh each year); a 统一社会信用代码 (``credit_code``)
  on both sides decides whether the investor is the same company.

A different investor with a different date and amount is a different deal whatever the
name says (the same product made by another company). Names that differ in a number
(年产10万件 / 年产20万件) are never a sure match: another deal unless the investor is the
same, then one for the clerk to confirm. The result is ``match`` (score ≥
``MATCH``), ``review`` (≥ ``REVIEW``: the clerk confirms) or ``different``, with the
reasons in Chinese. Pure functions, no storage: the importer and the ``duplicates``
command both use them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

MATCH = 0.85
REVIEW = 0.6
NAME_FLOOR = 0.75  # names less alike than this are other deals whatever else agrees
_WEIGHTS = {"name": 0.35, "investor": 0.25, "date": 0.15, "amount": 0.15, "town": 0.10}

_NOISE = re.compile(r"[\s\-—_·•,，.。、:：;；\"'“”‘’()（）\[\]【】]")
_NUMERALS = "一二三四五六七八九十"
_PHASE = re.compile(rf"[(（]?(?:第)?([{_NUMERALS}\d]+)期(?:工程)?[)）]?")
_LEGAL_FORMS = (
    "股份有限公司",
    "有限责任公司",
    "集团有限公司",
    "有限公司",
    "股份公司",
    "集团公司",
    "公司",
)
_WORDS = ("科技", "实业", "集团", "股份", "控股", "发展", "国际")
PLACES = (
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江",
    "安徽", "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州",
    "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港",
    "澳门", "中国", "德国", "美国", "日本", "韩国", "英国", "法国", "新加坡", "深圳", "苏州",
    "杭州", "宁波", "广州", "厦门", "青岛", "南京", "武汉", "成都", "西安", "长沙", "合肥",
)  # fmt: skip
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_INTENT = ("意向协议", "框架协议")
_BINDING = ("正式合同", "投资协议")
_PLACE = re.compile(r"^(" + "|".join(sorted(PLACES, key=len, reverse=True)) + r")[省市]?")


def _fold(text: Any) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", str(text or ""))).lower()


def phase_of(name: Any) -> int:
    """The phase number a name states (一期 or none: 1)."""
    return _phase(str(name or ""))


@lru_cache(maxsize=65536)
def _phase(name: str) -> int:
    """``phase_of`` remembered: ``compare`` asks it of both names of every candidate pair,
    and a file's names come back pair after pair."""
    m = _PHASE.search(unicodedata.normalize("NFKC", name))
    if not m:
        return 1
    num = m.group(1)
    if num.isdigit():
        return int(num)
    tens, _, ones = num.rpartition("十")
    value = lambda t: _NUMERALS.index(t) + 1 if t else 0  # noqa: E731
    return (value(tens) or 1) * 10 + value(ones) if "十" in num else value(num)


@lru_cache(maxsize=65536)
def name_core(name: str) -> str:
    """The name as compared: no phase marker, no 项目 at the end, 生产基地 read as 基地."""
    text = _PHASE.sub("", unicodedata.normalize("NFKC", name or ""))
    text = _fold(text).replace("生产基地", "基地").replace("产业园", "园")
    for suffix in ("建设项目", "项目"):
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            text = text[: -len(suffix)]
            break
    return text


@lru_cache(maxsize=65536)
def investor_parts(investor: str) -> tuple[str, str]:
    """(leading place or "", core without place, legal form and generic words)."""
    text = _fold(investor)
    place = ""
    if m := _PLACE.match(text):
        if len(text) - len(m.group(0)) >= 2:
            place, text = m.group(1), text[len(m.group(0)) :]
    for form in _LEGAL_FORMS:
        if text.endswith(form) and len(text) > len(form) + 1:
            text = text[: -len(form)]
            break
    for word in _WORDS:
        if len(text) - len(word) >= 2:
            text = text.replace(word, "")
    return place, text


def investor_core(investor: str) -> str:
    return investor_parts(investor)[1]


def _amount(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


@dataclass
class Verdict:
    """How alike two deals are: ``match`` / ``review`` / ``different``, score 0–1, why."""

    kind: str
    score: float
    reasons: list[str] = field(default_factory=list)

    def why(self) -> str:
        return "；".join(self.reasons)


def _diff_text(a: str, b: str) -> str:
    """What separates two spellings, shown as the parts one has and the other lacks."""
    a_n, b_n = (re.sub(r"\s", "", x) for x in (a, b))
    if a_n == b_n:
        return "空格"
    if unicodedata.normalize("NFKC", a_n) == unicodedata.normalize("NFKC", b_n):
        return "全角半角"
    parts: list[str] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a_n, b_n, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        old, new = a_n[i1:i2].strip(), b_n[j1:j2].strip()
        parts.append(f"“{old}”/“{new}”" if old and new else f"“{old or new}”")
    return "、".join(parts) or "写法"


# phase, core, its length, distinct characters, repeats, the numbers it states
NameInfo = tuple[int, str, int, frozenset[str], int, tuple[str, ...]]


@lru_cache(maxsize=65536)
def _name_info(name: str) -> NameInfo:
    """What ``compare`` needs of a name, worked out once per name: its phase, its core, the
    core's length, distinct characters, repeats and numbers. The same-day-and-amount
    candidates of a 20,000-row file make ~110,000 pairs, nearly all plainly other names,
    so a pair costs two lookups here rather than a call per part."""
    core = name_core(name)
    distinct = frozenset(core)
    numbers = tuple(_NUMBER.findall(core))
    return _phase(name), core, len(core), distinct, len(core) - len(distinct), numbers


def name_info(name: Any) -> NameInfo:
    """A name's ``NameInfo`` (remembered), for a caller that meets it in many pairs."""
    return _name_info(str(name or ""))


def plainly_different(
    incoming: dict[str, Any], stored: dict[str, Any], a: NameInfo, b: NameInfo
) -> bool:
    """True when ``compare(incoming, stored)`` is sure to say ``different``, told cheaply
    (``a``, ``b`` are the names' ``NameInfo``), so a candidate search can pass over the
    pair: another phase; names plainly less alike than ``NAME_FLOOR`` by the quick bounds;
    or, where only difflib could tell how alike the names are, names stating other numbers
    with investors not alike enough (< 0.8) — another deal however alike the names. Never
    when both sides have a 项目代码 (the same one decides outright)."""
    if incoming.get("code") and stored.get("code"):
        return False
    if a[0] != b[0]:
        return True
    quick = _quick_name_score(a, b)
    if quick is not None:
        return quick < NAME_FLOOR
    return a[5] != b[5] and _investor_part(incoming, stored)[0] < 0.8


def _name_score(a: NameInfo, b: NameInfo) -> float:
    quick = _quick_name_score(a, b)
    return SequenceMatcher(None, a[1], b[1], autojunk=False).ratio() if quick is None else quick


def _quick_name_score(a: NameInfo, b: NameInfo) -> float | None:
    """The name score when cheap bounds settle it, else None (difflib must)."""
    _, ca, la, sa, ra, _ = a
    _, cb, lb, sb, rb, _ = b
    if ca == cb:
        return 1.0
    # Upper bounds first: most candidates (same day and amount) are plainly other names.
    # (Conditional expressions, not min(): this runs for every candidate pair.)
    if 2 * (la if la < lb else lb) < NAME_FLOOR * (la + lb) or not (la or lb):
        return 0.0
    # At least the characters two names have in common, counted with repeats: an upper
    # bound on their matching blocks from a set intersection (difflib's quick_ratio;
    # building a SequenceMatcher, or counting, for each of the many same-day candidates
    # cost more than the comparisons it then rejected). A name's repeated characters are
    # added back, so the bound never cuts a pair difflib would keep.
    bound = (len(sa & sb) + (ra if ra < rb else rb)) * 2 / (la + lb)
    return bound / 2 if bound < NAME_FLOOR else None


def _investor_score(a: str, b: str) -> tuple[float, str]:
    """(0–1, reason) for two investors."""
    if _fold(a) == _fold(b):
        return 1.0, ""
    (pa, ca), (pb, cb) = investor_parts(a), investor_parts(b)
    if pa and pb and pa != pb:
        return 0.2, f"投资主体所在地不同（{pa}/{pb}）"
    if ca == cb:
        return 1.0, f"投资主体仅差{_diff_text(a, b)}"
    short, long = sorted((ca, cb), key=len)
    if len(short) >= 2 and short in long:
        return 0.8, f"投资主体“{short}”像是“{long}”的简称"
    ratio = SequenceMatcher(None, ca, cb, autojunk=False).ratio()
    return (ratio * 0.6, "投资主体不同") if ratio < 0.85 else (0.7, "投资主体相近")


Part = tuple[float, str | None, str | None]  # (0–1, said when alike, said when not)


def _date_part(incoming: dict[str, Any], stored: dict[str, Any]) -> Part:
    a, b = str(incoming.get("sign_date") or ""), str(stored.get("sign_date") or "")
    if not (a and b):
        return 0.5, None, None
    if a == b:
        return 1.0, "签约日期", None
    if a[:7] == b[:7] or a.startswith(b) or b.startswith(a):  # same month, or less precise
        return 0.6, "签约年月" if len(min(a, b, key=len)) > 4 else "签约年份", None
    return 0.0, None, f"签约日期（库中 {b}，表中 {a}）"


def _amount_part(incoming: dict[str, Any], stored: dict[str, Any]) -> Part:
    a, b = _amount(incoming.get("signed_amount_wan")), _amount(stored.get("signed_amount_wan"))
    if a is None or b is None:
        return 0.5, None, None
    if a == b:
        return 1.0, "金额", None
    return 0.0, None, f"金额（库中 {b}，表中 {a}）"


def _town_part(incoming: dict[str, Any], stored: dict[str, Any]) -> Part:
    a, b = _fold(incoming.get("location")), _fold(stored.get("location"))
    if not (a and b):
        return 0.5, None, None
    if a == b or a in b or b in a:
        return 1.0, "落地乡镇", None
    return 0.0, None, "落地乡镇"


def _investor_part(incoming: dict[str, Any], stored: dict[str, Any]) -> tuple[float, str]:
    """(0–1, reason or "") for the investors: by 统一社会信用代码 when both have one, else
    by their names, 0.5 when either is blank."""
    credit_a, credit_b = _fold(incoming.get("credit_code")), _fold(stored.get("credit_code"))
    if credit_a and credit_b:  # the company itself, whatever its name is typed as
        same_company = credit_a == credit_b
        return (1.0, "统一社会信用代码相同") if same_company else (0.0, "统一社会信用代码不同")
    inv_a, inv_b = str(incoming.get("investor") or ""), str(stored.get("investor") or "")
    if inv_a and inv_b:
        return _investor_score(inv_a, inv_b)
    return 0.5, ""


def compare(incoming: dict[str, Any], stored: dict[str, Any]) -> Verdict:
    """Score ``incoming`` (a parsed row's data) against ``stored`` (a project's fields).

    Both use the field keys of ``vocabulary`` (name, investor, sign_date,
    signed_amount_wan, location, code)."""
    # Codes are folded only when both sides have one (most ledgers have none).
    code_a, code_b = incoming.get("code"), stored.get("code")
    if code_a and code_b and (folded := _fold(code_a)) and folded == _fold(code_b):
        return Verdict("match", 1.0, [f"项目代码相同（{code_a}）"])
    name_a, name_b = str(incoming.get("name") or ""), str(stored.get("name") or "")
    info_a, info_b = _name_info(name_a), _name_info(name_b)
    phase_a, phase_b = info_a[0], info_b[0]
    if phase_a != phase_b:
        return Verdict("different", 0.0, [f"期次不同（第{phase_a}期/第{phase_b}期）"])
    same: list[str] = []
    differ: list[str] = []
    parts: dict[str, float] = {}
    parts["name"] = _name_score(info_a, info_b)
    if parts["name"] < NAME_FLOOR:
        return Verdict("different", round(_WEIGHTS["name"] * parts["name"], 3), ["名称不同"])
    if name_a.strip() == name_b.strip():
        same.append("名称")
    parts["investor"], inv_reason = _investor_part(incoming, stored)
    for key, part in (("date", _date_part), ("amount", _amount_part), ("town", _town_part)):
        parts[key], agree, disagree = part(incoming, stored)
        same += [agree] if agree else []
        differ += [disagree] if disagree else []
    before, after = stored.get("agreement_type"), incoming.get("agreement_type")
    if before in _INTENT and after in _BINDING:  # 甄别: an upgraded agreement is one deal
        parts["date"], parts["amount"] = max(parts["date"], 0.5), max(parts["amount"], 0.5)
        same.append(f"协议由“{before}”升格为“{after}”")
    score = round(sum(_WEIGHTS[k] * v for k, v in parts.items()), 3)
    reasons: list[str] = []
    upgrade = [t for t in same if t.startswith("协议")]
    same = [t for t in same if not t.startswith("协议")]
    if same:
        reasons.append("、".join(same) + "相同")
    reasons += upgrade
    if name_a.strip() != name_b.strip():
        if parts["name"] == 1.0:
            reasons.append(f"名称仅差{_diff_text(name_a, name_b)}")
        else:
            reasons.append(f"名称相近（库中“{name_b}”，表中“{name_a}”）")
    if inv_reason:
        reasons.append(inv_reason)
    if differ:
        reasons.append("、".join(differ) + "不同")
    other_investor = parts["investor"] < 0.5
    if other_investor and parts["date"] == 0.0 and parts["amount"] == 0.0:
        return Verdict(
            "different", score, [*reasons, "投资主体、签约日期和金额都不同，是另一个项目"]
        )
    numbers = [info_b[5], info_a[5]]
    if numbers[0] != numbers[1]:  # 年产10万件 / 年产20万件: another product, or a typo
        said = (
            f"名称中的数字不同（{'、'.join(numbers[0]) or '无'}/{'、'.join(numbers[1]) or '无'}）"
        )
        if parts["investor"] < 0.8:
            return Verdict("different", score, [*reasons, said])
        return Verdict("review" if score >= REVIEW else "different", score, [*reasons, said])
    kind = "match" if score >= MATCH else "review" if score >= REVIEW else "different"
    return Verdict(kind, score, reasons)


def block_keys(data: dict[str, Any]) -> list[str]:
    """Keys under which a deal is filed so candidates are found without comparing every
    pair: its 项目代码, its name and investor cores together, each alone, its date with its
    amount — the most telling first, so a lookup can stop at a sure match."""
    keys = [f"c:{_fold(data['code'])}"] if data.get("code") else []
    name = name_core(str(data.get("name") or ""))
    if data.get("credit_code"):
        keys.append(f"nc:{name}|{_fold(data['credit_code'])}")
    investor = investor_core(str(data["investor"])) if data.get("investor") else None
    if investor is not None:
        keys.append(f"ni:{name}|{investor}")
    keys.append(f"n:{name}")
    if investor is not None:
        keys.append(f"i:{investor}")
    if data.get("sign_date") and data.get("signed_amount_wan") not in (None, ""):
        keys.append(f"d:{data['sign_date']}:{_amount(data['signed_amount_wan'])}")
    return keys
