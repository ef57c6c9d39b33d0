"""Spellings of one name: 县经信局 / 县经济和信息化局 / 经信局, 城关镇 / 城关镇人民政府.

Ledgers typed by different hands name the same unit, town, leader or industry several
ways; each spelling then splits the unit filter and the per-unit statistics. These rules
find pairs that are probably one name, for the clerk to confirm — never merged without
asking, so a rule may err towards proposing:

- the same once the county's own name, a leading 县/市/区 and an administrative suffix
  (人民政府, 政府, 办事处; a leader's title such as 副县长; an industry's 产业/行业/业) are
  set aside, brackets and punctuation too;
- or, for units, towns and industries, one is the other's short form: its characters
  appear in the long one in order, with the same first and last character (经信局 in
  经济和信息化局, 发改局 in 发展和改革局, 城关 in 城关镇). People's names are only ever
  the same name (王建 is not 王建国).
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass

log = logging.getLogger(__name__)

_NOISE = re.compile(r"[\s\-—_·•,，.。、:：;；\"'“”‘’]")
_BRACKETED = re.compile(r"[(（\[【][^)）\]】]*[)）\]】]")
_PREFIXES = ("县", "市", "区")
_SUFFIXES: dict[str, tuple[str, ...]] = {
    "units": ("人民政府", "政府", "办事处"),
    "towns": ("人民政府", "政府", "办事处"),
    "industries": ("产业", "行业", "业"),
    "leaders": (
        "常务副县长",
        "副县长",
        "县长",
        "副书记",
        "书记",
        "副主任",
        "主任",
        "副局长",
        "局长",
        "部长",
        "常委",
        "同志",
    ),
}
SHORT_FORMS = ("units", "towns", "industries")  # lists whose entries have short forms


@dataclass(frozen=True)
class Variant:
    """Two entries of one list that are probably one name, with why (Chinese)."""

    first: str
    second: str
    why: str


def comparable(name: str, kind: str, county: str = "") -> str:
    """The core of a name: what is left once the wrappings every spelling varies in are
    set aside (see the module text)."""
    text = _BRACKETED.sub("", unicodedata.normalize("NFKC", name))
    text = _NOISE.sub("", text)
    core = text
    county = _NOISE.sub("", unicodedata.normalize("NFKC", county or ""))
    for prefix in (county, county[:-1] if len(county) > 2 else ""):
        if prefix and core.startswith(prefix) and len(core) > len(prefix) + 1:
            core = core[len(prefix) :]
            break
    if core[:1] in _PREFIXES and len(core) > 2:
        core = core[1:]
    for suffix in _SUFFIXES.get(kind, ()):
        if core.endswith(suffix) and len(core) - len(suffix) >= 2:
            core = core[: -len(suffix)]
            break
    return core or text


def _short_form(short: str, long: str) -> bool:
    """Is ``short`` an abbreviation of ``long`` (its characters in order, same ends)?"""
    if len(short) < 2 or len(short) >= len(long):
        return False
    if short[0] != long[0] or short[-1] != long[-1]:
        return False
    rest = iter(long)
    return all(ch in rest for ch in short)


def near_duplicates(names: list[str], kind: str, county: str = "") -> list[Variant]:
    """Pairs of ``names`` that are probably one name, each pair once, in list order."""
    cores = [(name, comparable(name, kind, county)) for name in dict.fromkeys(names) if name]
    out: list[Variant] = []
    by_core: dict[str, str] = {}
    by_end: dict[str, list[tuple[str, str]]] = {}
    for name, core in cores:
        if core in by_core:
            other = by_core[core]
            out.append(Variant(other, name, f"去掉县名、机构后缀等写法差别后都是“{core}”"))
            continue
        if kind in SHORT_FORMS:
            for other, other_core in by_end.get(core[-1:], []):
                short, long = sorted((core, other_core), key=len)
                if _short_form(short, long):
                    out.append(Variant(other, name, f"“{short}”像是“{long}”的简称"))
        by_core[core] = name
        by_end.setdefault(core[-1:], []).append((name, core))
    return out
