"""The deal matcher on generated cases: every kind of retyping is the same deal, every
look-alike another one, with the reasons in Chinese."""

from __future__ import annotations

import random

import pytest

from tests.helpers.deal_cases import RETYPES, deal, look_alikes
from tracker.domain.deal_similarity import compare, investor_core, name_core, phase_of

SEEDS = range(40)


@pytest.mark.parametrize("retype", sorted(RETYPES))
def test_each_retyping_is_the_same_deal(retype: str) -> None:
    for seed in SEEDS:
        row = deal(random.Random(seed))
        verdict = compare(RETYPES[retype](row), row)
        assert verdict.kind == "match", (retype, row, verdict)
        assert verdict.score >= 0.85


def test_two_retypings_at_once_still_match() -> None:
    rng = random.Random(3)
    for seed in SEEDS:
        row = deal(random.Random(seed))
        first, second = rng.sample(sorted(RETYPES), 2)
        assert compare(RETYPES[second](RETYPES[first](row)), row).kind in ("match", "review")


@pytest.mark.parametrize("kind", ["二期", "（三期）", "另一家公司", "同名另一省公司"])
def test_look_alikes_stay_apart(kind: str) -> None:
    for seed in SEEDS:
        rng = random.Random(seed)
        row = deal(rng)
        other = look_alikes(rng, row)[kind]
        verdict = compare(other, row)
        assert verdict.kind == "different", (kind, row, other, verdict)


def test_reasons_name_what_differs() -> None:
    row = {"name": "绿色数据中心生产基地项目", "investor": "上海绿色数据有限公司",
           "sign_date": "2021-04-26", "signed_amount_wan": "35000", "location": "青山镇"}  # fmt: skip
    verdict = compare({**row, "name": row["name"] + "（一期）"}, row)
    assert verdict.why().startswith("签约日期、金额、落地乡镇相同；名称仅差“（一期）”")
    verdict = compare({**row, "investor": "绿色数据科技股份有限公司"}, row)
    assert "投资主体仅差" in verdict.why() and verdict.kind == "match"


def test_project_code_decides_when_the_same() -> None:
    a = {"name": "甲项目", "investor": "甲公司", "code": "XM-001"}
    b = {"name": "完全另一个名字的项目", "investor": "乙公司", "code": "xm-001"}
    assert compare(a, b).kind == "match"
    renumbered = compare(RETYPES["空格"](deal(random.Random(4))) | {"code": "2022-7"},
                         deal(random.Random(4)) | {"code": "2021-3"})  # fmt: skip
    assert renumbered.kind == "match"  # a ledger numbered afresh each year


def test_credit_code_decides_the_company() -> None:
    row = deal(random.Random(6))
    renamed = {**row, "investor": "完全改名的新公司", "credit_code": "91330100MA2XXXX01"}
    assert compare(renamed, {**row, "credit_code": "91330100MA2XXXX01"}).kind == "match"
    other = look_alikes(random.Random(6), row)["同名另一省公司"]
    assert compare({**other, "credit_code": "A"}, {**row, "credit_code": "B"}).kind == "different"
    assert (
        "统一社会信用代码相同"
        in compare(renamed, {**row, "credit_code": "91330100MA2XXXX01"}).why()
    )


def test_a_short_form_of_the_investor_counts() -> None:
    row = {"name": "年产10万件精密轴承项目", "investor": "浙江天成轴承有限公司",
           "sign_date": "2021-05-01", "signed_amount_wan": "20000"}  # fmt: skip
    verdict = compare({**row, "investor": "天成轴承"}, row)
    assert verdict.kind == "match"


def test_same_investor_other_date_and_amount_needs_review() -> None:
    row = deal(random.Random(1))
    other = {**row, "sign_date": "2024-01-05", "signed_amount_wan": "777"}
    assert compare(other, row).kind == "review"


def test_normal_forms() -> None:
    assert name_core("宏达光伏组件生产基地项目（一期）") == name_core("宏达光伏组件基地项目")
    assert phase_of("宏达二期项目") == 2 and phase_of("宏达项目（第十二期）") == 12
    assert investor_core("江苏瑞丰新能源科技股份有限公司") == investor_core("瑞丰新能源有限公司")


def test_an_upgraded_agreement_is_the_same_deal() -> None:
    row = deal(random.Random(8)) | {"agreement_type": "意向协议"}
    signed = row | {"agreement_type": "正式合同", "sign_date": "2022-09-01",
                    "signed_amount_wan": "88000"}  # fmt: skip
    verdict = compare(signed, row)
    assert verdict.kind == "match" and "升格为“正式合同”" in verdict.why()
    assert compare(signed | {"agreement_type": "意向协议"}, row).kind == "review"


def test_a_date_known_only_to_the_year_does_not_count_against() -> None:
    row = deal(random.Random(12))
    verdict = compare({**row, "sign_date": row["sign_date"][:4]}, row)
    assert verdict.kind == "match" and "签约年份" in verdict.why()


def test_a_number_in_the_name_is_not_retyped_away() -> None:
    row = {"name": "年产10万件精密轴承项目", "investor": "浙江天成轴承有限公司",
           "sign_date": "2021-05-01", "signed_amount_wan": "20000", "location": "城关镇"}  # fmt: skip
    typo = compare({**row, "name": "年产100万件精密轴承项目"}, row)
    assert typo.kind == "review" and "名称中的数字不同（10/100）" in typo.why()
    other = {**row, "name": "年产20万件精密轴承项目", "investor": "江苏博远轴承有限公司"}
    assert compare(other, row).kind == "different"
