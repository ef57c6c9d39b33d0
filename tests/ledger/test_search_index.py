"""tracker.ledger.search_index: a search narrows the sorted base ledger exactly as the core would."""

from __future__ import annotations

from tracker.ledger.portfolio import Portfolio
from tracker.ledger.queries import ProjectFilter
from tracker.ledger.search_index import LedgerIndex


def test_narrow_equals_the_core_query(sample_db):
    pf = Portfolio.open(sample_db, auto_backup=False)
    for order_by, descending in (("signed_amount_wan", False), ("sign_date", True)):
        for base in (ProjectFilter(), ProjectFilter(year=2024)):
            index = LedgerIndex(pf.db, base, order_by, descending)
            for search in (
                None,
                "",
                "j",
                "jy",
                "jygy",
                "j",
                "王",
                "王建国",
                "wjg",
                " W J G ",
                "无此项目",
                "%",
                "_",
                "光源",
                "有限公司",
            ):
                flt = ProjectFilter(search=search, year=base.year)
                found = index.narrow(search)
                assert found.ids == pf.query_ids(flt, order_by, descending)
                assert (found.count, found.total_wan) == pf.totals(flt)
            assert index.matches(ProjectFilter(search="x", year=base.year), order_by, descending)
            assert not index.matches(ProjectFilter(unit="县发改局"), order_by, descending)
    pf.close()
