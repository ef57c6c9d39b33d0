"""Counting each deal once (甄别): a 增资扩股 of a deal already signed is not a new deal.

A project of type 增资扩股 whose investor signed an earlier deal in the ledger (the same
investor once legal form, generic words and a leading province are set aside —
``deal_similarity.investor_core``) is **linked** to that deal: it is not counted again in
签约项目数 or the rates, and only its increment goes into 签约总额 — its own amount when
it is a project of its own name (the amount of an added investment), the difference
when it repeats the earlier deal's name (a re-signed agreement stating the new total).
A 增资扩股 with no earlier deal of its investor is counted as a deal, at its amount.

A review of one year passes the earlier years' deals of the same investors as
``earlier`` (``expansion_cores`` says which investors; ``loader.earlier_deals_of`` finds
them): the rule is the same whatever year is reviewed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from tracker.domain.deal_similarity import investor_core, name_core
from tracker.domain.project import Project
from tracker.review import facts

EXPANSION = "增资扩股"


@dataclass(frozen=True)
class Counted:
    """How one project counts: as a deal of its own or not, and the amount it adds."""

    deal: bool
    amount: Decimal
    linked_to: int | None = None


def expansion_cores(projects: Iterable[Project]) -> set[str]:
    """The investor cores of the 增资扩股 projects (whose earlier deals matter)."""
    return {
        core
        for p in projects
        if p.fields.get("project_type") == EXPANSION and (core := investor_core(p.investor))
    }


def counting(projects: Iterable[Project], earlier: Iterable[Project] = ()) -> dict[int, Counted]:
    """The 增资扩股 projects linked to an earlier deal, by id (every other project counts
    as one deal at its signed amount). ``earlier``: deals outside ``projects`` (signed in
    years not reviewed) that a 增资扩股 may extend; they are never counted themselves."""
    out: dict[int, Counted] = {}
    first: dict[str, Project] = {}
    chosen = list(projects)
    ids = {p.id for p in chosen}
    for p in sorted([*chosen, *earlier], key=lambda p: (p.sign_date or "", p.id)):
        key = investor_core(p.investor)
        prior = first.get(key)
        if p.fields.get("project_type") == EXPANSION and prior is not None and key:
            own = facts.signed_amount(p)
            if name_core(p.name) == name_core(prior.name):
                own = max(own - facts.signed_amount(prior), Decimal(0))
            if p.id in ids:
                out[p.id] = Counted(False, own, prior.id)
        elif key:
            first.setdefault(key, p)
    return out
