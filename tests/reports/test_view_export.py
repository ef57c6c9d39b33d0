"""导出当前视图 in the core: the given rows in the given order, the given columns, values as
the window shows them (labels, （约） dates) with money kept as numbers."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from tracker.errors import Cancelled, TrackerError
from tracker.ledger.portfolio import Portfolio
from tracker.reports.view_export import write_ledger_view

COLUMNS = [
    ("sign_date", "签约日期"),
    ("name", "项目名称"),
    ("signed_amount_wan", "金额"),
    ("stage", "阶段"),
]


def _fill(p: Portfolio) -> list[int]:
    return [
        p.add_project(
            {
                "name": "甲",
                "investor": "甲司",
                "sign_date": "2024-05-01",
                "signed_amount_wan": "12.5",
            }
        ),
        p.add_project(
            {
                "name": "乙",
                "investor": "乙司",
                "sign_date": "2023-08",
                "signed_amount_wan": "1000",
                "stage_dates": {"started": "2023-08"},
            }
        ),
        p.add_project(
            {"name": "丙", "investor": "丙司", "sign_date": "2025-01-02", "signed_amount_wan": "3"}
        ),
    ]


def test_rows_and_columns_as_given(portfolio: Portfolio, tmp_path: Path) -> None:
    a, b, c = _fill(portfolio)
    path, n = write_ledger_view(
        portfolio, tmp_path / "视图.xlsx", [c, b], COLUMNS, "台账", "筛选：两行"
    )
    assert n == 2
    ws = load_workbook(path).active
    header = int(ws.print_title_rows.split(":")[1].strip("$"))
    assert [x.value for x in ws[header]] == [h for _k, h in COLUMNS]
    rows = [[x.value for x in row] for row in ws.iter_rows(min_row=header + 1)]
    assert rows == [["2025-01-02", "丙", 3, "签约"], ["2023-08（约）", "乙", 1000, "开工"]]
    assert ws.cell(header + 1, 3).number_format == "#,##0.00"
    assert ws["A1"].value == "台账" and ws["A2"].value == "筛选：两行"


def test_bad_target_and_cancel_leave_no_file(portfolio: Portfolio, tmp_path: Path) -> None:
    ids = _fill(portfolio)
    with pytest.raises(TrackerError, match=".xlsx"):
        write_ledger_view(portfolio, tmp_path / "视图.xls", ids, COLUMNS, "t", "s")
    with pytest.raises(Cancelled):
        write_ledger_view(
            portfolio, tmp_path / "视图.xlsx", ids, COLUMNS, "t", "s", cancelled=lambda: True
        )
    assert list(tmp_path.glob("*.xls*")) == []
