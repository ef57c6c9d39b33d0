from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.helpers.projects import sample
from tracker.domain.money import format_wan, wan_to_yuan, yuan_to_wan
from tracker.errors import ValidationError


def test_point_one_plus_point_two_wan_sums_exactly(portfolio):
    portfolio.add_project(sample(name="甲", signed_amount_wan="0.1"))
    portfolio.add_project(sample(name="乙", signed_amount_wan=0.2))  # a float from a cell
    count, total = portfolio.totals()
    assert count == 2
    assert total == Decimal("0.3")
    assert (
        portfolio.db.execute("SELECT SUM(signed_amount_yuan) FROM projects").fetchone()[0] == 3000
    )


def test_four_decimals_round_trip_and_stored_as_integer_yuan(portfolio):
    pid = portfolio.add_project(sample(signed_amount_wan="1234.5678", fixed_asset_wan="6250.5"))
    row = portfolio.db.execute(
        "SELECT signed_amount_yuan, typeof(signed_amount_yuan) FROM projects WHERE id=?", [pid]
    ).fetchone()
    assert row == (12345678, "integer")
    fields = portfolio.get_project(pid).fields
    assert fields["signed_amount_wan"] == Decimal("1234.5678")
    assert fields["fixed_asset_wan"] == Decimal("6250.5")


@given(st.decimals(min_value=0, max_value=10**8, places=4, allow_nan=False))
def test_wan_yuan_round_trip_is_exact(value):
    assert yuan_to_wan(wan_to_yuan(value)) == value


def test_format_wan_uses_separators():
    assert format_wan(Decimal("120500.5")) == "120,500.50"


@pytest.mark.parametrize("bad", ["abc", "-5", "0", "", None])
def test_signed_amount_must_be_positive_number(portfolio, bad):
    with pytest.raises(ValidationError) as exc:
        portfolio.add_project(sample(signed_amount_wan=bad))
    assert exc.value.field == "signed_amount_wan"
    assert "签约总投资" in exc.value.message
    assert portfolio.project_count() == 0
