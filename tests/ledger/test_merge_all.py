"""Every sure pair merged at once (``merge --all-sure``): chains end as one project, the
pairs to check are left alone, and one undo takes the whole batch back."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from tests.helpers.deal_cases import RETYPES, deal, look_alikes
from tests.helpers.ledgers import run_cli
from tracker.domain.deal_similarity import Verdict
from tracker.ledger.merging import Pair, sure_groups
from tracker.ledger.portfolio import Portfolio

MAYBE = [  # the same name and a shortened investor, another year and amount: to check
    dict(name="恒通轴承生产基地项目", investor="浙江恒通轴承有限公司", sign_date="2022-08-05",
         signed_amount_wan="50000", location="高新园区"),
    dict(name="恒通轴承生产基地项目", investor="恒通轴承有限公司", sign_date="2023-03-01",
         signed_amount_wan="9000", location="高新园区"),
]  # fmt: skip


def _pair(a: int, b: int, kind: str = "match") -> Pair:
    return Pair({"id": a}, {"id": b}, Verdict(kind, 0.9))


def test_chains_join_under_the_lowest_id_and_review_pairs_stay() -> None:
    pairs = [_pair(5, 9), _pair(2, 5), _pair(9, 12), _pair(3, 4, "review"), _pair(7, 8)]
    assert sure_groups(pairs) == [(2, [5, 9, 12]), (7, [8])]
    assert sure_groups([_pair(1, 3), _pair(2, 3)]) == [(1, [2, 3])]  # never into one merged
    assert sure_groups([_pair(3, 4, "review")]) == []


def ledger_with_duplicates(p: Portfolio) -> dict[str, Any]:
    """A deal typed three ways (one chain), another typed twice, a pair to check and a
    look-alike that is another deal; the middle spelling has a visit."""
    row = deal(random.Random(5))
    a = p.add_project(row)
    b = p.add_project(RETYPES["（一期）"](RETYPES["股份有限公司"](row)))
    c = p.add_project(RETYPES["去省份"](RETYPES["空格"](RETYPES["日期只到月"](row))))
    other = deal(random.Random(8), year=2022)
    d = p.add_project(other)
    e = p.add_project(RETYPES["生产基地→基地"](RETYPES["加科技"](other)) | {"unit": "县发改委"})
    apart = p.add_project(look_alikes(random.Random(2), row)["二期"])
    maybe = [p.add_project(r) for r in MAYBE]
    p.add_visit(b, date="2022-04-01", visitor="王建国", content="走访企业")
    return dict(a=a, b=b, c=c, d=d, e=e, apart=apart, maybe=maybe)


def test_cli_merges_every_sure_pair_in_one_batch_and_undoes_it(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    p = Portfolio.open(db, auto_backup=False)
    ids = ledger_with_duplicates(p)
    p.close()
    code, out, err = run_cli(db, "merge", "--all-sure", "--json")
    assert code == 0, err
    assert out["groups"] == [
        {"keep": ids["a"], "merged": [ids["b"], ids["c"]]},
        {"keep": ids["d"], "merged": [ids["e"]]},
    ]
    assert out["left_to_check"] == 1
    p = Portfolio.open(db, auto_backup=False)
    assert p.project_count() == 5  # a, d, apart and the pair to check
    kept = p.get_project(ids["a"])
    assert len(kept.visits) == 1 and p.get_project(ids["d"]).unit == "县发改委"
    p.close()
    assert [x["kind"] for x in run_cli(db, "duplicates", "--json")[1]["pairs"]] == ["review"]
    code, text, err = run_cli(db, "undo-import", str(out["batch_id"]))
    assert code == 0 and "已撤销合并批次" in text, err
    p = Portfolio.open(db, auto_backup=False)
    assert p.project_count() == 8 and len(p.get_project(ids["b"]).visits) == 1
    assert p.get_project(ids["d"]).unit is None and not p.get_project(ids["a"]).visits
    p.close()


def test_cli_all_sure_text_and_nothing_left(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    p = Portfolio.open(db, auto_backup=False)
    ids = ledger_with_duplicates(p)
    p.close()
    code, text, err = run_cli(db, "merge", "--all-sure")
    assert code == 0 and "已把 3 个项目并入 2 个项目" in text, err
    assert f"保留 {ids['a']}「" in text and "undo-import" in text and "另有 1 对" in text
    code, text, _ = run_cli(db, "merge", "--all-sure")
    assert code == 0 and "没有合并任何项目" in text
    code, _, err = run_cli(db, "merge", "1")
    assert code != 0 and "两个项目编号" in err
