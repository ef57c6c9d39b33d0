"""Ledgers worded as other counties word them (../shared/samples/variants): every file
imports all its projects right — name, investor, sign date, amount, stage, location —
with no hand-made mapping, nothing but the file.

Skipped with a reason when ../shared is absent; the generated ledgers of
``test_content_mapping.py`` cover the same ground in a fresh clone.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from tracker.domain.vocabulary import Stage
from tracker.importing.plan import plan_file

VARIANTS = Path(__file__).resolve().parents[2].parent / "shared" / "samples" / "variants"
pytestmark = pytest.mark.skipif(
    not (VARIANTS / "expected.json").exists(),
    reason=f"variant ledgers not found at {VARIANTS} (only present on the project machine)",
)
EXPECTED: dict = (
    json.loads((VARIANTS / "expected.json").read_text(encoding="utf-8"))
    if (VARIANTS / "expected.json").exists()
    else {}
)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_variant_imports_every_project_right(name: str) -> None:
    spec = EXPECTED[name]
    plan = plan_file(VARIANTS / name)  # no mapping, no preset, no sign date: the file alone
    created = [r for r in plan.rows if r.action == "create"]
    rejected = [(r.row, r.errors) for r in plan.rows if r.action == "reject"]
    assert not rejected
    assert len(created) == spec["projects"]
    for sheet in plan.sheets:
        mapped = {v for v in sheet.columns.values() if v}
        assert {"name", "investor", "sign_date", "signed_amount_wan", "stage"} <= mapped
        assert all(sheet.to_json()["reasons"].get(h) for h, t in sheet.columns.items() if t)
    for check in spec["checks"]:
        (row,) = [
            r
            for r in created
            if r.fields["name"] == check["name"] and r.fields["investor"] == check["investor"]
        ]
        f = row.fields
        assert f["sign_date"] == check["sign_date"]
        assert Decimal(str(f["signed_amount_wan"])) == Decimal(str(check["signed_amount_wan"]))
        assert Stage(f["stage"]).label == check["stage"]
        assert f["location"] == check["location"]
