"""A date known only to the year ("2021"): stored with that precision, flagged approximate,
read as 1 January (or 31 December), typed and imported in the forms clerks write."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.domain.dates import check_date, is_approximate, precision, to_date
from tracker.domain.typed_input import parse_typed_date
from tracker.importing.values import parse_date


def test_year_only_is_a_stored_precision() -> None:
    assert check_date("2021") == "2021" and is_approximate("2021") and precision("2021") == "year"
    assert precision("2021-06") == "month" and precision("2021-06-30") == "day"
    assert to_date("2021") == date(2021, 1, 1)
    assert to_date("2021", month_end=True) == date(2021, 12, 31)
    with pytest.raises(ValueError):
        check_date("2021", allow_month=False)
    with pytest.raises(ValueError):
        check_date("0042")


@pytest.mark.parametrize("text", ["2021", "2021年", "2021年度", "２０２１"])
def test_typed_year(text: str) -> None:
    assert parse_typed_date(text) == "2021"
    with pytest.raises(ValueError, match="年份"):
        parse_typed_date(text, allow_month=False)


def test_ledger_cells_with_the_year_alone() -> None:
    assert parse_date("2021年") == "2021"
    with pytest.raises(ValueError):
        parse_date("1821年")
