"""Search keys so a clerk can type 'jygy' or 'jingyi' and find 精益光源.

Each searchable text is stored with its full pinyin and its pinyin initials, lower-case,
in one ``search_text`` column that SQL ``LIKE`` scans; a key, not a second copy of data.
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache

SEARCH_SOURCES: tuple[str, ...] = ("name", "investor", "unit", "leader")
_SPACES = re.compile(r"\s+")
_NAME_NOISE = re.compile(r"[\s\-—_·•,，.。()（）\[\]【】“”\"'‘’]")


@lru_cache(maxsize=16384)
def _char_keys(char: str) -> tuple[str, str]:
    # Imported on first use: loading pypinyin's dictionaries costs ~0.4 s, which the app's
    # start-up (reading and searching only) does not need to pay. Its phrase dictionary
    # (another ~0.5 s of JSON) is skipped: we read one character at a time (documented
    # pypinyin switches; setdefault leaves a caller's own choice alone).
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "1")
    os.environ.setdefault("PYPINYIN_NO_DICT_COPY", "1")
    from pypinyin import Style, lazy_pinyin

    full = lazy_pinyin(char, errors=lambda s: s)[0] if char.strip() else ""
    initial = lazy_pinyin(char, style=Style.FIRST_LETTER, errors=lambda s: s)[0] if full else ""
    return full.lower(), initial.lower()


class _CharTable(dict[int, str]):
    """Character -> its pinyin (or initial), filled on first sight; ``str.translate`` then
    turns a whole text in one call instead of a Python step per character."""

    def __init__(self, part: int) -> None:
        super().__init__()
        self.part = part

    def __missing__(self, code: int) -> str:
        key = _char_keys(chr(code))[self.part]
        self[code] = key
        return key


_FULL, _INITIALS = _CharTable(0), _CharTable(1)


@lru_cache(maxsize=4096)
def pinyin_keys(text: str) -> tuple[str, str]:
    """(full pinyin, initials) of text, lower-case, no spaces; non-Chinese kept as is.

    Character by character with a cache: an import of 20,000 rows cannot afford
    pypinyin's phrase segmentation per cell (~1 ms). The price is the odd polyphone read
    in its most common reading, which search tolerates. Whole strings are cached too: a
    ledger names the same few units and leaders on every row.
    """
    return text.translate(_FULL), text.translate(_INITIALS)


def build_search_text(values: dict[str, object]) -> str:
    parts: list[str] = []
    for key in SEARCH_SOURCES:
        text = values.get(key)
        if not text:
            continue
        text = str(text)
        full, initials = pinyin_keys(text)
        parts.extend((text.lower(), full, initials))
    return "|".join(parts)


def normalise_name(text: str | None) -> str:
    """Name as compared for duplicates: full-width folded, spaces and punctuation dropped."""
    if not text:
        return ""
    return _NAME_NOISE.sub("", unicodedata.normalize("NFKC", str(text))).lower()


def name_key(name: str | None, investor: str | None) -> str:
    return f"{normalise_name(name)}|{normalise_name(investor)}"


def search_needle(query: str) -> str:
    """The text a search looks for inside the stored keys: lower-case, spaces removed."""
    return _SPACES.sub("", query.strip().lower())


def like_pattern(query: str) -> str:
    """A LIKE pattern matching query anywhere, with % and _ taken literally (ESCAPE '\\')."""
    q = search_needle(query).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{q}%"
