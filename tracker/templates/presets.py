"""Remembering a template's mapping, so next month's identical template fills itself.

Kept in the importer's ``import_presets`` table (no new table, no migration): the key is
the template's header signature with a ``template:`` prefix (``layout.SIGNATURE_PREFIX``),
which no import signature (a bare hex digest) can take; the value maps column letters to
rule keys. Saved through the importer's ``save_preset``, so it is audited like every write.
"""

from __future__ import annotations

import logging

from tracker.importing.mapping import load_preset, save_preset
from tracker.ledger.portfolio import Portfolio
from tracker.templates.rules import valid_key

log = logging.getLogger(__name__)

PRESET_REASON = "按上次您确认的对应"


def load_mapping(portfolio: Portfolio, sig: str) -> dict[str, str | None] | None:
    """{column letter: rule key or None} saved for this header, or None."""
    return load_preset(portfolio, sig, valid_key)


def save_mapping(portfolio: Portfolio, sig: str, mapping: dict[str, str | None]) -> None:
    save_preset(portfolio, sig, mapping)
    log.info("template mapping saved for %s (%d columns)", sig, len(mapping))
