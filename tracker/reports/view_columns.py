"""The cells of what the window shows: ledger rows and warnings, key by key.

One definition for the screen, the printout and the "导出当前视图" workbook, so the three
cannot disagree: the ledger model shows ``view_text(ledger_cell(key, value))``, and the
export writes ``ledger_cell`` itself (money as a number Excel can sum). No Excel here:
the window imports this module at start-up.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from tracker.domain.dates import display_date
from tracker.domain.money import format_wan
from tracker.domain.vocabulary import Stage, Status
from tracker.errors import Cancelled

if TYPE_CHECKING:  # the ledger's cells need no review: the window's start does without it
    from tracker.review import ProjectWarnings, ReviewWarning

# key -> kind ("text" | "money" | "date" | "wrap"), for the keys the ledger view can show
LEDGER_VIEW_KINDS: dict[str, str] = {
    "name": "wrap",
    "investor": "wrap",
    "sign_date": "date",
    "signed_amount_wan": "money",
    "stage": "text",
    "unit": "wrap",
    "leader": "text",
    "location": "wrap",
    "industry": "text",
    "status": "text",
}
WARNING_VIEW_KINDS: dict[str, str] = {
    "level": "text",
    "rule": "text",
    "project": "wrap",
    "unit": "wrap",
    "leader": "text",
    "sign_date": "date",
    "message": "wrap",
    "threshold": "wrap",
    "rules": "wrap",  # a project's row: its rules, its facts
    "facts": "wrap",
}


def ledger_cell(key: str, value: Any) -> Any:
    """A ledger row's value as shown: labels for stage and status, ``2023-08（约）`` for an
    approximate date, money kept as a Decimal (``view_text`` formats it)."""
    if value is None or value == "":
        return None
    if key == "stage":
        return Stage(value).label
    if key == "status":
        return Status(value).label
    if LEDGER_VIEW_KINDS.get(key) == "date":
        return display_date(str(value))
    if isinstance(value, Decimal):
        return value
    return str(value)


def view_cell(key: str, item: ReviewWarning | ProjectWarnings) -> Any:
    """A cell of the 预警 list, in either of its forms: one warning per row, or one project
    per row (its worst light, its rules in one cell, its facts one per line)."""
    from tracker.review.by_project import ProjectWarnings

    if key == "level":
        return item.level_label
    if key == "sign_date":
        return display_date(item.sign_date)
    if isinstance(item, ProjectWarnings):
        if key == "rules":
            return item.rules_text
        if key == "facts":
            return item.facts_text
    elif key == "rule":
        return item.rule_label
    value = getattr(item, key)
    return value if value not in ("", None) else None


def view_text(value: Any) -> str:
    """The text a table cell shows for a value of ``ledger_cell``/``view_cell``."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_wan(value)
    return str(value)


def ledger_view_rows(
    portfolio: Any,
    ids: Sequence[int],
    keys: Sequence[str],
    cancelled: Callable[[], bool] | None = None,
) -> list[list[Any]]:
    """The rows of ``ids`` (in that order) as the ledger view shows them, ``keys`` columns.

    ``portfolio`` is a ``Portfolio``; rows are read a thousand at a time so a cancel is
    honoured on a big ledger."""
    out: list[list[Any]] = []
    for start in range(0, len(ids), 1000):
        if cancelled is not None and cancelled():
            raise Cancelled()
        for row in portfolio.rows_for_ids(list(ids[start : start + 1000])):
            out.append([ledger_cell(key, row.get(key)) for key in keys])
    return out


def warning_view_rows(
    items: Sequence[ReviewWarning | ProjectWarnings], keys: Sequence[str]
) -> list[list[Any]]:
    """The 预警 list as shown: warnings, or projects with their warnings."""
    return [[view_cell(key, item) for key in keys] for item in items]
