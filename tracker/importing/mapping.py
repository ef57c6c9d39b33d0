"""Column titles -> fields: the synonym table, a fuzzy fallback, and saved presets.

A preset is the mapping a clerk corrected in the wizard, stored in ``import_presets`` under
the file's header signature, so next year's file of the same shape maps itself.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
from functools import lru_cache

from tracker.importing.synonyms import TARGET_LABELS, build_synonyms
from tracker.importing.values import fold
from tracker.ledger.audit import now_iso
from tracker.ledger.portfolio import Portfolio

_BRACKETS = re.compile(r"[(\[{【]([^()\[\]{}【】]*)[)\]}】]")
_UNIT_HINT = re.compile(r"元|亿|万|亩|美元|%|％|个|平方米|㎡|人|年|月|日期")
_PUNCT = re.compile(r"[:：*＊#、·.．_\-—]+$|^[*＊#\d.、]+(?=\D)")

_RATIO = re.compile(r"率|比例|占比|百分比|%")
MATCH_THRESHOLD = 0.8  # below this a column is left unmapped for the clerk to choose


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


def exact_target(text: str) -> str | None:
    """The target a cell names exactly (cheap: used to scan rows for the header)."""
    return synonym_index().get(header_key(text)) if len(text) <= 30 else None


@lru_cache(maxsize=4096)
def match_key(key: str) -> tuple[str | None, float]:
    """(target, confidence 0..1) for one folded header: exact, contained, then fuzzy."""
    if not key:
        return None, 0.0
    index = synonym_index()
    if key in index:
        return index[key], 1.0
    if _RATIO.search(key):
        return None, 0.0  # "资金到位率", "占比": a percentage is not the amount it names
    contained = [w for w in index if len(w) >= 2 and w in key]
    if contained:
        word = max(contained, key=len)
        return index[word], 0.6 + 0.35 * len(word) / len(key)
    best, score = None, 0.0
    for word, target in index.items():
        if len(word) < 3:
            continue
        ratio = difflib.SequenceMatcher(None, key, word).ratio()
        if ratio > score:
            best, score = target, ratio
    return (best, score * 0.95) if best else (None, 0.0)


def match_header(upper: str, lower: str = "") -> tuple[str | None, float]:
    """Best target for a column titled by one or two header levels.

    Tried in order of how much each says: both levels together ("开工"+"计划"), the lower
    level alone ("签约情况" -> "签约时间"), then the upper level alone.
    """
    candidates = []
    if upper and lower:
        candidates.append(match_key(header_key(upper + lower)))
        if "计划" in fold(upper) and not lower.startswith("计划"):
            candidates.append(match_key(header_key("计划" + lower)))
    if lower:
        candidates.append(match_key(header_key(lower)))
    if upper:
        candidates.append(match_key(header_key(upper)))
    best = max(candidates, key=lambda c: c[1], default=(None, 0.0))
    return best


def assign(scored: list[tuple[str | None, float]]) -> list[str | None]:
    """One column per target: the most confident column wins, the rest stay unmapped."""
    winner: dict[str, tuple[float, int]] = {}
    for i, (target, score) in enumerate(scored):
        if target is None or score < MATCH_THRESHOLD:
            continue
        if target not in winner or score > winner[target][0]:
            winner[target] = (score, i)
    chosen = {i: t for t, (_, i) in winner.items()}
    return [chosen.get(i) for i in range(len(scored))]


def signature(headers: list[str]) -> str:
    """A stable key for a header layout, for presets (order and wording, folded)."""
    text = "|".join(header_key(h) for h in headers)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def load_preset(portfolio: Portfolio, sig: str) -> dict[str, str | None] | None:
    row = portfolio.db.execute(
        "SELECT mapping FROM import_presets WHERE signature = ?", [sig]
    ).fetchone()
    if row is None:
        return None
    try:
        data = json.loads(row[0])
    except (TypeError, ValueError):
        return None
    return (
        {str(k): (v if v in TARGET_LABELS else None) for k, v in data.items()}
        if isinstance(data, dict)
        else None
    )


def save_preset(portfolio: Portfolio, sig: str, mapping: dict[str, str | None]) -> None:
    """Remember a corrected mapping (audited like every other write)."""
    new = json.dumps(mapping, ensure_ascii=False, sort_keys=True)
    old_row = portfolio.db.execute(
        "SELECT mapping FROM import_presets WHERE signature = ?", [sig]
    ).fetchone()
    if old_row is not None and old_row[0] == new:
        return
    with portfolio.transaction():
        portfolio.db.execute(
            "INSERT INTO import_presets (signature, mapping, updated_at) VALUES (?,?,?)"
            " ON CONFLICT(signature) DO UPDATE SET mapping = excluded.mapping,"
            " updated_at = excluded.updated_at",
            [sig, new, now_iso()],
        )
        portfolio.record_audit(
            None, "import_preset", "update", sig, old_row[0] if old_row else None, new
        )
