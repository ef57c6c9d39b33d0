"""The candidate search passes over pairs ``plainly_different`` calls other deals without
comparing them: that may only ever skip a pair ``compare`` would call ``different``."""

from __future__ import annotations

import random

from tests.helpers.deal_cases import RETYPES, deal, look_alikes
from tracker.domain.deal_similarity import compare, name_info, plainly_different


def _pairs() -> list[tuple[dict, dict]]:
    rng = random.Random(11)
    pairs = []
    for seed in range(60):
        row = deal(random.Random(seed))
        others = [*look_alikes(rng, row).values(), *(f(row) for f in RETYPES.values())]
        # numbered names (年产10万件 / 年产20万件), phases, codes and credit codes
        numbered = {**row, "name": f"{row['name']}{rng.randrange(9)}号"}
        others += [
            numbered,
            {**numbered, "investor": row["investor"]},
            {**numbered, "investor": "湖南" + str(row["investor"])},
            {**row, "name": f"{row['name']}二期"},
            {**row, "code": "XM-1"},
            {**row, "credit_code": "91330000MA2B"},
        ]
        pairs += [(other, row) for other in others] + [(row, other) for other in others]
        pairs.append(({**row, "code": "XM-1"}, {**row, "name": "完全不同的名字", "code": "XM-1"}))
    return pairs


def test_a_skipped_pair_is_always_one_compare_calls_different() -> None:
    skipped = 0
    for incoming, stored in _pairs():
        a, b = name_info(incoming.get("name")), name_info(stored.get("name"))
        if plainly_different(incoming, stored, a, b):
            skipped += 1
            assert compare(incoming, stored).kind == "different", (incoming, stored)
    assert skipped > 100  # the test sees the shortcut taken, not only declined


def test_the_same_project_code_is_never_skipped() -> None:
    row = deal(random.Random(1))
    other = {**row, "name": "另一个名字", "code": "XM-1"}
    mine = {**row, "code": "XM-1"}
    a, b = name_info(mine["name"]), name_info(other["name"])
    assert not plainly_different(mine, other, a, b)
    assert compare(mine, other).kind == "match"
