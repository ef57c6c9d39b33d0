"""Columns -> fields: title evidence and content evidence combined, and saved presets.

Each (column, field) pair gets one score from what the header says (``titles``) and what
the values look like (``profile``): 1 - (1 - 0.95·title)(1 - k·content), where k says how
much content alone can identify the field (company names say 投资主体; a date says little
about *which* date). A header whose values contradict it is halved. Pairs are taken best
first, one column per field and one field per column; each choice carries its reason and
whether it is sure enough to need no look from the clerk.

A preset is the mapping a clerk corrected in the wizard, stored in ``import_presets`` under
the file's header signature, so next year's file of the same shape maps itself.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass

from tracker.importing.profile import (
    DISTINCT,
    ColumnProfile,
    content_fit,
    content_targets,
    contradicts,
)
from tracker.importing.synonyms import TARGET_LABELS
from tracker.importing.titles import (
    TitleHint,
    column_hints,
    header_key,
    synonym_index,
    title_hints,
)
from tracker.ledger.audit import now_iso
from tracker.ledger.portfolio import Portfolio

log = logging.getLogger(__name__)

__all__ = ["header_key", "synonym_index", "Choice", "Evidence", "choose", "match_header"]

MATCH_THRESHOLD = 0.5  # below this a column is left unmapped for the clerk to choose
TITLE_WEIGHT = 0.95  # an exact title alone scores 0.95; values that fit raise it further
CONTENT_ONLY_MAX_TITLE = 0.6  # a header naming a field clearly is not re-read from content
DEFAULT_DISTINCT = 0.15  # content alone barely identifies the remaining fields


@dataclass
class Evidence:
    """What is known about one column: its title hints and its values' profile."""

    hints: dict[str, TitleHint]
    profile: ColumnProfile


@dataclass
class Choice:
    """The field chosen for a column, how sure, and why (short Chinese text)."""

    target: str | None
    score: float = 0.0
    confident: bool = False
    reason: str = ""


def match_header(upper: str, lower: str = "") -> tuple[str | None, float]:
    """Best target for a header from its title alone (one or two levels)."""
    hints = column_hints(upper, lower)
    if not hints:
        return None, 0.0
    best = max(hints.values(), key=lambda h: h.score)
    return best.target, best.score


def _candidates(i: int, ev: Evidence) -> list[tuple[float, float, int, str, Choice]]:
    """(score, title score, column, target, choice) for every field this column might be."""
    p = ev.profile
    titled = {
        t
        for t, h in ev.hints.items()
        if h.score >= CONTENT_ONLY_MAX_TITLE and not contradicts(p, t)
    }
    targets = set(ev.hints)
    if not titled:
        targets |= content_targets(p) & set(DISTINCT)
    out = []
    for target in targets:
        hint = ev.hints.get(target)
        title = hint.score if hint else 0.0
        fit, why = content_fit(p, target)
        k = DISTINCT.get(target, DEFAULT_DISTINCT)
        score = 1 - (1 - TITLE_WEIGHT * title) * (1 - k * fit)
        against = contradicts(p, target)
        if against:
            score *= 0.5
        if score < MATCH_THRESHOLD:
            continue
        confident = not against and (title >= 0.95 or (title >= 0.6 and fit >= 0.6))
        parts = [hint.reason] if hint else []
        if why and fit >= 0.3:
            parts.append(why)
        if not hint:
            parts.append("表头没有说明，按内容推断")
        elif not p.n:
            parts.append("列中没有值")
        elif against:
            parts.append(f"但{against}")
        choice = Choice(target, round(score, 3), confident, "；".join(parts))
        out.append((score, title, i, target, choice))
    return out


def choose(columns: list[Evidence]) -> list[Choice]:
    """One column per field: the (column, field) pairs with the best total score win,
    best first, each column and each field used once; the rest stay unmapped."""
    pairs = [c for i, ev in enumerate(columns) for c in _candidates(i, ev)]
    pairs.sort(key=lambda c: (-c[0], -c[1], c[2]))
    chosen: list[Choice] = [Choice(None) for _ in columns]
    used: set[str] = set()
    for _score, _title, i, target, choice in pairs:
        if chosen[i].target is not None or target in used:
            continue
        chosen[i] = choice
        used.add(target)
        log.debug(
            "column %d -> %s (%.2f%s): %s",
            i,
            target,
            choice.score,
            "" if choice.confident else ", unsure",
            choice.reason,
        )
    for i, ev in enumerate(columns):  # say why a titled column was left out
        if chosen[i].target is None and ev.hints:
            best = max(ev.hints.values(), key=lambda h: h.score)
            if best.score >= CONTENT_ONLY_MAX_TITLE:
                label = TARGET_LABELS.get(best.target, best.target)
                taken = best.target in used
                chosen[i].reason = (
                    f"未导入：像“{label}”，但该字段已由另一列承担"
                    if taken
                    else f"未导入：像“{label}”，但列中的值不符"
                )
    return chosen


def hints_for(text: str) -> tuple[TitleHint, ...]:
    """Title hints of one header cell (cached by text)."""
    return title_hints(header_key(text))


def signature(headers: list[str]) -> str:
    """A stable key for a header layout, for presets (order and wording, folded)."""
    text = "|".join(header_key(h) for h in headers)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def load_preset(
    portfolio: Portfolio, sig: str, allowed: Callable[[str], bool] | None = None
) -> dict[str, str | None] | None:
    """A remembered mapping; values ``allowed`` refuses (by default: not an import field)
    read as None. Filled report templates keep theirs here too, under their own prefix."""
    ok = allowed or TARGET_LABELS.__contains__
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
        {str(k): (v if isinstance(v, str) and ok(v) else None) for k, v in data.items()}
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
