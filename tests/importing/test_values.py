"""Value parsing: every date and amount form old ledgers use, exactly."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from tracker.domain.vocabulary import Stage, Status
from tracker.importing.values import (
    parse_amount,
    parse_date,
    parse_flag,
    parse_stage_word,
    parse_status,
    unit_in_header,
    unit_in_text,
)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (date(2023, 5, 12), "2023-05-12"),
        (datetime(2023, 5, 12, 0, 0), "2023-05-12"),
        (45058, "2023-05-12"),  # Excel serial
        (45058.0, "2023-05-12"),
        (20230512, "2023-05-12"),
        ("20230512", "2023-05-12"),
        ("2023.5.12", "2023-05-12"),
        ("2023年5月12日", "2023-05-12"),
        ("2023/5/12", "2023-05-12"),
        ("2023-05-12 00:00:00", "2023-05-12"),
        ("２０２３年５月１２日", "2023-05-12"),  # full-width digits
        (" 2023 年 5 月 12 日 ", "2023-05-12"),
        ("202305", "2023-05"),  # month only: kept as YYYY-MM
        (202305, "2023-05"),
        ("2023年5月", "2023-05"),
        ("2023-5", "2023-05"),
        ("2023.5", "2023-05"),
        ("", None),
        (None, None),
        ("—", None),
    ],
)
def test_dates(raw: object, expected: str | None) -> None:
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    "raw", ["2023.13.45", "2023-02-30", "明年", "12345678901", "1800-01-01", True, 3.5]
)
def test_bad_dates_say_what(raw: object) -> None:
    with pytest.raises(ValueError) as info:
        parse_date(raw)
    assert "日期" in str(info.value) or "年份" in str(info.value)


@pytest.mark.parametrize(
    ("raw", "unit", "expected"),
    [
        (6250.5, None, "6250.5"),
        ("1,200", None, "1200"),
        ("５０００", None, "5000"),
        ("3000万", None, "3000"),
        ("3000万元", "亿元", "3000"),  # the cell's unit wins over the column's
        ("1.2亿", None, "12000"),
        ("1.2亿元", None, "12000"),
        (0.62505, "亿元", "6250.5"),  # exact: no float drift
        (12.05, "亿", "120500"),
        ("5000000元", None, "500"),
        (1234567, "元", "123.4567"),
        ("12,500.25", "万元", "12500.25"),
        (0.1, None, "0.1"),
        ("", None, None),
        (None, None, None),
    ],
)
def test_amounts_exact(raw: object, unit: str | None, expected: str | None) -> None:
    result = parse_amount(raw, unit)
    assert result == (Decimal(expected) if expected is not None else None)
    if expected is not None:
        assert isinstance(result, Decimal)


@pytest.mark.parametrize("raw", ["约五千万", "-500", -1, "1.2.3", "abc万", float("nan")])
def test_bad_amounts(raw: object) -> None:
    with pytest.raises(ValueError) as info:
        parse_amount(raw)
    assert "金额" in str(info.value)


def test_units_in_titles_and_headers() -> None:
    assert unit_in_text("单位：万元") == "万元"
    assert unit_in_text("金额单位:亿元") == "亿元"
    assert unit_in_text("青溪县2023年签约项目") is None
    assert unit_in_header("总投资（亿元）") == "亿元"
    assert unit_in_header("签约金额(万元)") == "万元"
    assert unit_in_header("合同外资（万美元）") is None
    assert unit_in_header("项目名称") is None


@pytest.mark.parametrize(
    ("word", "stage"),
    [
        ("已签约", Stage.SIGNED),
        ("前期", Stage.SIGNED),
        ("已注册", Stage.REGISTERED),
        ("已落地", Stage.REGISTERED),
        ("已开工", Stage.STARTED),
        ("在建", Stage.STARTED),
        ("已竣工", Stage.COMPLETED),
        ("已投产", Stage.PRODUCING),
        ("已达产", Stage.TARGET),
        ("未开工", Stage.SIGNED),
        ("开工", Stage.STARTED),
        ("", None),
        ("已签约未落地", Stage.SIGNED),
        ("已注册，尚未开工", Stage.REGISTERED),
        ("已开工，主体封顶", Stage.STARTED),
    ],
)
def test_stage_words(word: str, stage: Stage | None) -> None:
    assert parse_stage_word(word) == stage


def test_unknown_stage_word() -> None:
    with pytest.raises(ValueError, match="项目进展"):
        parse_stage_word("看情况")


def test_status_words() -> None:
    assert parse_status("已终止") is Status.TERMINATED
    assert parse_status("解约") is Status.TERMINATED
    assert parse_status("暂缓实施") is Status.PAUSED
    assert parse_status("正常") is Status.ACTIVE
    assert parse_status("已开工") is None


@pytest.mark.parametrize(
    ("raw", "flag"),
    [
        ("是", True),
        ("否", False),
        ("√", True),
        ("", None),
        ("已开工", True),
        ("未开工", False),
        (1, True),
        (0, False),
    ],
)
def test_flags(raw: object, flag: bool | None) -> None:
    assert parse_flag(raw) is flag


def test_bad_flag() -> None:
    with pytest.raises(ValueError, match="是"):
        parse_flag("也许")


@pytest.mark.parametrize(
    ("word", "stage"),
    [
        ("已签协议", Stage.SIGNED),
        ("签订合同", Stage.SIGNED),
        ("主体完工", Stage.COMPLETED),
        ("设备安装调试", Stage.STARTED),
        ("土建施工中", Stage.STARTED),
        ("试产", Stage.PRODUCING),
        ("尚未完工", Stage.SIGNED),
    ],
)
def test_more_progress_words(word: str, stage: Stage) -> None:
    assert parse_stage_word(word) is stage


def test_an_unknown_progress_phrase_warns_and_keeps_the_project(tmp_path) -> None:
    from tests.helpers.ledgers import HEADER, ROWS, write_xlsx
    from tracker.importing.plan import plan_file

    row = list(ROWS[0])
    row[HEADER.index("项目进展")] = "正在办理环评手续"
    (planned,) = plan_file(write_xlsx(tmp_path / "u.xlsx", {"S": [HEADER, row]})).rows
    assert planned.action == "create" and planned.fields["stage"] == "signed"
    assert any("正在办理环评手续" in w and "请核实" in w for w in planned.warnings)
