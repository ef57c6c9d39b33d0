"""Title evidence: what a column's header says it holds, as a score per field.

Three kinds of evidence, strongest first: the header *is* a known title (the synonym table),
the header *contains* one ("招商引资项目名称" ⊃ "项目名称"), or the header is worded the way
Chinese ledgers word that kind of column — a qualifier and a head word ("协议" + "日期",
"签订" + "日", "责任" + "单位"). The rules below are about the language of ledgers in
general, not about any one county's file: a new county's titles are recognised because they
are built from the same words, and the values below the header (``profile``) settle the rest.

Everything here is cached by header text and never compares a header with every synonym:
the work per distinct header is bounded by its length, so a sheet with 100,000 columns is
read in linear time.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from tracker.domain.vocabulary import STAGE_LABELS, Stage
from tracker.importing.synonyms import STAGE_ALIASES, TARGET_LABELS, build_synonyms
from tracker.importing.values import fold

log = logging.getLogger(__name__)

_BRACKETS = re.compile(r"[(\[{【]([^()\[\]{}【】]*)[)\]}】]")
_UNIT_HINT = re.compile(r"元|亿|万|亩|美元|%|％|个|平方米|㎡|人|年|月|日期")
_PUNCT = re.compile(r"[:：*＊#、·.．_\-—]+$|^[*＊#\d.、]+(?=\D)")
_RATIO = re.compile(r"率|比例|占比|百分比|%")
MAX_KEY = 40  # longer "headers" are sentences; only their start is compared
EXACT = 1.0


@dataclass(frozen=True)
class TitleHint:
    """One field a header points to, how strongly (0..1) and why (short Chinese text)."""

    target: str
    score: float
    reason: str


def header_key(text: str) -> str:
    """Header text as compared: NFKC, no spaces, lower-case, unit brackets dropped,
    other brackets opened ("注册（计划）" -> "注册计划")."""
    key = fold(text).lower()

    def bracket(m: re.Match[str]) -> str:
        inner = m[1]
        return "" if _UNIT_HINT.search(inner) and not re.search("计划|实际", inner) else inner

    key = _BRACKETS.sub(bracket, key)
    return _PUNCT.sub("", key)


@lru_cache(maxsize=1)
def synonym_index() -> dict[str, str]:
    """Folded synonym -> target; the first target listing a synonym keeps it."""
    index: dict[str, str] = {}
    for target, words in build_synonyms().items():
        for word in words:
            index.setdefault(header_key(word), target)
    return index


@lru_cache(maxsize=1)
def _longest_synonym() -> int:
    return max(len(w) for w in synonym_index())


@lru_cache(maxsize=1)
def _synonym_starts() -> frozenset[str]:
    """The first two characters of every synonym: a substring can only be a synonym if it
    starts with one of these."""
    return frozenset(w[:2] for w in synonym_index() if len(w) >= 2)


@lru_cache(maxsize=1)
def _bigram_index() -> dict[str, tuple[str, ...]]:
    """Bigram -> synonyms (3+ characters) containing it, for the near-miss comparison."""
    index: dict[str, list[str]] = {}
    for word in synonym_index():
        if len(word) >= 3:
            for gram in {word[i : i + 2] for i in range(len(word) - 1)}:
                index.setdefault(gram, []).append(word)
    return {k: tuple(v) for k, v in index.items()}


# -- how ledgers word their columns ------------------------------------------------------
# (target, words the header must contain, words that rule it out, score). Each group is a
# regex alternative; all "must" groups have to be found. Scores stay below an exact title.

_STAGE_WORDS = {
    stage: "|".join(sorted({STAGE_LABELS[stage], *STAGE_ALIASES[stage]}, key=len, reverse=True))
    for stage in STAGE_ALIASES
}
_PLAN = "计划|预计|拟|预期|目标"
_RULES: list[tuple[str, tuple[str, ...], str, float]] = [
    (
        "sign_date",
        ("签约|签订|签署|协议|合同|签", "时间|日期|日$|年月|年份"),
        _PLAN + "|到期|终止",
        0.85,
    ),
    ("sign_date", ("^(日期|时间|年月)$",), "", 0.6),
    ("name", ("项目", "名称|名$|全称|简称"), "编号|代码|单位|业主|企业", 0.85),
    ("name", ("(签约|引进|招商|投资|入驻|落地|招商引资|合作)项目$",), "", 0.8),
    (
        "investor",
        (
            "企业|客商|投资方|投资人|投资商|投资者|合作方|签约方|业主|甲方|乙方|出资方|公司|"
            "投资主体|签约主体|法人单位|引进方|合作单位|合作伙伴|签约单位",
        ),
        "类型|性质|类别|来源|所在地|籍贯|联系|电话|手机|诉求|地址|负责人|代表|规模|数$|个数|"
        "注册|资金|金额|投资额|总投资",
        0.8,
    ),
    (
        "signed_amount_wan",
        ("投资|金额|资金|引资|规模|总额|额$",),
        "到位|完成|固定|外资|美元|累计|实际|已|方|主体|企业|人$|商$|类型|性质|来源|面积|产值|税",
        0.7,
    ),
    (
        "signed_amount_wan",
        ("总|签约|协议|合同|计划", "投资|金额|资金|引资|规模|额$"),
        "到位|完成|固定|外资|美元|累计|实际|已|方|主体|企业|人$|商$|类型|性质|来源|面积|产值|税",
        0.8,
    ),
    (
        "stage",
        ("进展|进度|现状|阶段|推进|动态|状态",),
        "终止|解约|暂缓|是否|日期|时间|资金|投资|签约",
        0.75,
    ),
    ("status", ("状态|终止|解约|暂缓",), "日期|时间|原因", 0.6),
    (
        "location",
        ("乡镇|园区|落户|落地|地点|选址|地址|所在地|属地|区域|位置|街道|片区|开发区|镇$|县区",),
        "来源|投资方|客商|企业|联系|电话|面积|单位|部门|领导|计划|时间|日期",
        0.8,
    ),
    (
        "unit",
        ("单位$|部门$|科室$|责任单位|承办|牵头|主办|服务单位|招商单位|主管|责任部门|责任主体",),
        "业主|建设单位|投资单位|签约单位|项目单位|填报|实施主体|企业|合作|引进|投资",
        0.75,
    ),
    ("leader", ("领导|县长|书记|县级|包抓|包联|挂钩|分管",), "单位|部门|电话", 0.85),
    ("contact", ("联系人|负责人|经办人|对接人|法人代表|法定代表人|联络人",), "电话|手机", 0.85),
    ("phone", ("电话|手机|联系方式|号码|tel",), "", 0.85),
    ("notes", ("备注|说明|附注",), "", 0.8),
    ("content", ("建设内容|内容|简介|概况|建设规模",), "投资", 0.75),
    ("industry", ("产业|行业|类别|领域|门类",), "链|园|项目名|企业|投资方", 0.7),
    ("industry_chain", ("产业链|链条",), "", 0.85),
    ("investor_origin", ("来源|籍贯|国别|省份|所属地区|来自",), "资金", 0.75),
    ("investor_type", ("企业|投资方|投资主体|客商|主体", "类型|性质|类别"), "", 0.85),
    ("project_type", ("项目", "类型|性质"), "", 0.75),
    ("project_type", ("新引进|增资|新建|续建",), "", 0.75),
    ("agreement_type", ("签约|协议|合同", "形式|类型|性质|方式|种类"), "", 0.85),
    ("sign_event", ("活动|平台|会议|场合|展会|推介会|洽谈会",), "", 0.7),
    ("land_area_mu", ("用地|占地|面积|亩",), "性质|类型|时间|日期|计划|是否", 0.8),
    ("fixed_asset_wan", ("固定资产|固投",), "率|比例", 0.85),
    ("foreign_capital_wan_usd", ("外资|美元",), "率|比例|类型", 0.85),
    ("funds_arrived_wan", ("到位",), "率|比例|时间|日期", 0.85),
    ("invested_wan", ("完成投资|已投资|累计投资|实际投资|完成额|累计完成",), "率|比例", 0.85),
    ("credit_code", ("信用代码|机构代码",), "", 0.9),
    ("code", ("编号|代码|编码",), "序|信用|机构", 0.8),
    ("planned_start", ("^(" + _PLAN + ")", "开工"), "", 0.85),
    ("planned_production", ("^(" + _PLAN + ")", "投产|投运|运营|达产"), "达产|达效", 0.85),
    ("status_date", ("终止|解约|暂缓|中止", "时间|日期"), "", 0.85),
    ("status_reason", ("终止|解约|暂缓|中止", "原因|理由"), "", 0.85),
    ("progress_as_of", ("统计|截至|截止|填报|更新", "时间|日期"), "", 0.8),
]
for _stage, _words in _STAGE_WORDS.items():
    _RULES.append((f"stage_flags.{_stage.value}", ("是否|有无", _words), "", 0.9))
    _RULES.append(
        (f"stage_dates.{_stage.value}", (_words, "时间|日期|年月|实际"), _PLAN + "|是否", 0.8)
    )
    _planned = (
        "planned_start"
        if _stage is Stage.STARTED
        else "planned_production"
        if _stage is Stage.PRODUCING
        else f"planned_dates.{_stage.value}"
    )
    if _planned.startswith("planned_dates."):
        _RULES.append((_planned, (_PLAN, _words), "是否", 0.85))

_COMPILED = [
    (target, tuple(re.compile(w) for w in must), re.compile(never) if never else None, score)
    for target, must, never, score in _RULES
]
# A header none of the rules' first words appear in skips the rules: most columns of a very
# wide sheet ("指标1" … "指标99999") are decided by one search, not a hundred.
_TRIGGER = re.compile("|".join(f"(?:{must[0]})" for _t, must, _n, _s in _RULES))
_PLANNED = re.compile(_PLAN)
_PLANNED_TARGETS = {"planned_start", "planned_production"} | {
    f"planned_dates.{s.value}" for s in STAGE_ALIASES
}
_MONEY_TARGETS = {
    "signed_amount_wan",
    "fixed_asset_wan",
    "foreign_capital_wan_usd",
    "funds_arrived_wan",
    "invested_wan",
}


def _contained(key: str) -> dict[str, tuple[float, str]]:
    """Synonyms found inside the header, the longest per target, by looking up the
    header's substrings (bounded by the longest synonym) instead of scanning the table."""
    index, longest, starts = synonym_index(), _longest_synonym(), _synonym_starts()
    found: dict[str, str] = {}
    for i in range(len(key) - 1):
        if key[i : i + 2] not in starts:
            continue
        for j in range(i + 2, min(len(key), i + longest) + 1):
            target = index.get(key[i:j])
            if target is not None and len(key[i:j]) > len(found.get(target, "")):
                found[target] = key[i:j]
    return {t: (0.6 + 0.35 * len(w) / len(key), f"表头含“{w}”") for t, w in found.items()}


def _near(key: str) -> tuple[str, float] | None:
    """The synonym sharing the most character pairs with the header (Dice), if close."""
    grams = {key[i : i + 2] for i in range(len(key) - 1)}
    if not grams:
        return None
    shared: dict[str, int] = {}
    index = _bigram_index()
    for gram in grams:
        for word in index.get(gram, ()):
            shared[word] = shared.get(word, 0) + 1
    best, best_dice = None, 0.0
    for word, n in shared.items():
        dice = 2 * n / (len(grams) + len(word) - 1)
        if dice > best_dice:
            best, best_dice = word, dice
    return (best, best_dice) if best is not None and best_dice >= 0.6 else None


@lru_cache(maxsize=1 << 18)
def title_hints(key: str) -> tuple[TitleHint, ...]:
    """Every field a folded header points to, best first (cached per header text)."""
    if not key:
        return ()
    key = key[:MAX_KEY]
    index = synonym_index()
    best: dict[str, tuple[float, str]] = {}

    def offer(target: str, score: float, reason: str) -> None:
        if score > best.get(target, (0.0, ""))[0]:
            best[target] = (score, reason)

    if key in index:
        label = _label(index[key])
        offer(
            index[key],
            EXACT,
            f"表头即“{label}”" if key == header_key(label) else f"表头“{key}”即“{label}”",
        )
    for target, (score, reason) in _contained(key).items():
        offer(target, score, reason)
    for target, must, never, score in _COMPILED if _TRIGGER.search(key) else ():
        if never is not None and never.search(key):
            continue
        hits = [m[0] for p in must if (m := p.search(key))]
        if len(hits) == len(must):
            offer(target, score, "表头含" + "".join(f"“{h}”" for h in hits if h))
    if not best and (near := _near(key)):
        word, dice = near
        offer(index[word], 0.9 * dice, f"表头近似“{word}”")
    if _RATIO.search(key):  # "资金到位率", "占比": a percentage is not the amount it names
        best = {t: v for t, v in best.items() if t not in _MONEY_TARGETS}
    if _PLANNED.search(key):  # "拟开工时间" is a plan, whatever synonym it contains
        best = {t: v for t, v in best.items() if not t.startswith("stage_dates.")}
    elif "实际" in key:
        best = {t: v for t, v in best.items() if t not in _PLANNED_TARGETS}
    hints = [TitleHint(t, round(s, 3), r) for t, (s, r) in best.items()]
    return tuple(sorted(hints, key=lambda h: -h.score))


def _label(target: str) -> str:
    return TARGET_LABELS.get(target, target)


GENERIC_LOWER = {"名称", "时间", "日期", "金额", "姓名", "电话", "数量", "计划", "实际", "情况"}


def column_hints(upper: str, lower: str = "") -> dict[str, TitleHint]:
    """Best hint per field for a column titled by one or two header levels.

    Both levels together say the most ("开工"+"计划", "项目业主单位"+"电话"); the lower level
    alone names most columns; the upper level alone is a group title over several columns,
    so it counts for less ("项目业主单位" over 负责人 / 联系人 / 电话).
    """
    out: dict[str, TitleHint] = {}

    def take(hints: tuple[TitleHint, ...], factor: float, levels: str) -> None:
        for h in hints:
            score = round(h.score * factor, 3)
            if score > (out[h.target].score if h.target in out else 0.0):
                out[h.target] = TitleHint(h.target, score, levels + h.reason)

    upper_key, lower_key = header_key(upper), header_key(lower)
    if upper_key and lower_key:
        take(title_hints(upper_key + lower_key), 1.0, "两级表头：")
        if "计划" in upper_key and not lower_key.startswith("计划"):
            take(title_hints("计划" + lower_key), 1.0, "两级表头：")
        take(title_hints(lower_key), 0.9 if lower_key in GENERIC_LOWER else 1.0, "")
        take(title_hints(upper_key), 0.8, "上级表头")
    else:
        take(title_hints(upper_key or lower_key), 1.0, "")
    return out


def best_hint(text: str) -> TitleHint | None:
    """The strongest field a single header cell names (used to find the header row)."""
    if not text or len(text) > MAX_KEY:
        return None
    hints = title_hints(header_key(text))
    return hints[0] if hints else None
