"""tracker.domain.typed_input: what a clerk types into the form (no Qt needed)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.domain.typed_input import date_order_problems, parse_typed_date, parse_typed_money


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("2024-05-01", "2024-05-01"),
        ("2024.5.1", "2024-05-01"),
        ("2024/5/1", "2024-05-01"),
        ("2024年5月1日", "2024-05-01"),
        ("20240501", "2024-05-01"),
        ("２０２４．５．１", "2024-05-01"),
        (" 2024-5-1 ", "2024-05-01"),
        ("2024.5", "2024-05"),
        ("2024年5月", "2024-05"),
        ("202405", "2024-05"),
        ("", None),
        ("   ", None),
    ],
)
def test_dates(typed, stored):
    assert parse_typed_date(typed) == stored


@pytest.mark.parametrize("typed", ["2024.13.1", "2023-02-29", "5/1/2024", "明天", "24.5.1"])
def test_bad_dates_say_why_in_chinese(typed):
    with pytest.raises(ValueError, match="日期"):
        parse_typed_date(typed)


def test_month_only_can_be_refused():
    with pytest.raises(ValueError, match="缺少日"):
        parse_typed_date("2024.5", allow_month=False)


@pytest.mark.parametrize(
    ("typed", "wan"),
    [
        ("1200", Decimal(1200)),
        ("1,200.5", Decimal("1200.5")),
        ("１２００", Decimal(1200)),
        ("1.2亿", Decimal(12000)),
        ("3000万", Decimal(3000)),
        ("3000万元", Decimal(3000)),
        ("50000元", Decimal(5)),
        ("0.0001", Decimal("0.0001")),
        ("", None),
    ],
)
def test_money(typed, wan):
    assert parse_typed_money(typed) == wan


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("abc", "不是金额"),
        ("-5", "负数"),
        ("1.00001", "4 位小数"),
    ],
)
def test_bad_money(typed, message):
    with pytest.raises(ValueError, match=message):
        parse_typed_money(typed)


@settings(max_examples=60)
@given(st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False))
def test_money_round_trips_through_its_display(value):
    from tracker.domain.money import format_wan

    assert parse_typed_money(format_wan(value, 4)) == value


def test_date_order():
    assert date_order_problems([("签约", "2024-05-01"), ("注册", "2024-04-01")]) == [
        "注册日期（2024-04-01）早于签约日期（2024-05-01）。"
    ]
    assert (
        date_order_problems(
            [("签约", "2024-05"), ("注册", "2024-05-20"), ("开工", None), ("投产", "2025-01-01")]
        )
        == []
    )
