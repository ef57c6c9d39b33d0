"""Export the ledger, import it into a fresh database with ``python -m tracker import``, and
get the same projects back: every field, stage date, status and latest figure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from tracker.domain.vocabulary import Stage
from tracker.ledger.loader import load_projects
from tracker.ledger.portfolio import Portfolio
from tracker.reports.ledger_columns import LEDGER_COLUMNS
from tracker.reports.ledger_export import write_ledger_export

EVIL = '=HYPERLINK("http://x","y")'


def fill(p: Portfolio) -> None:
    p.add_project(
        {
            "code": "2024-001",
            "name": EVIL,
            "investor": "浙江精益电子有限公司",
            "investor_origin": "浙江杭州",
            "investor_type": "民企",
            "project_type": "新引进",
            "industry": "电子信息",
            "industry_chain": "电子信息产业链",
            "agreement_type": "正式合同",
            "sign_date": "2024-03-15",
            "sign_event": "春季招商推介会",
            "signed_amount_wan": "12345.6789",
            "fixed_asset_wan": "10000.5",
            "foreign_capital_wan_usd": "120.25",
            "land_area_mu": "85.5",
            "content": "年产 100 万件智能终端\n及配套设施",
            "location": "经济开发区",
            "unit": "县经信局",
            "leader": "王建国",
            "contact": "张主任",
            "phone": "0571-88886666",
            "notes": "#N/A",
            "stage_dates": {"registered": "2024-04-01", "land": "2024-05", "started": "2024-06-18"},
            "planned_dates": {"registered": "2024-03-31", "completed": "2025-06"},
            "planned_start": "2024-06-01",
            "planned_production": "2025-09-30",
            "funds_arrived_wan": "3000.25",
            "invested_wan": "2800",
            "progress_as_of": "2024-12-31",
        }
    )
    pid = p.add_project(
        {
            "name": "青山冷链物流园",
            "investor": "山东海川物流有限公司",
            "sign_date": "2023-11",
            "signed_amount_wan": "5000",
            "agreement_type": "框架协议",
            "unit": "县商务局",
        }
    )
    p.terminate(pid, "2024-08-01", "投资方战略调整")
    pid = p.add_project(
        {
            "name": "康养综合体",
            "investor": "上海康泰健康有限公司",
            "sign_date": "2024-07-01",
            "signed_amount_wan": "800",
            "stage_dates": {"registered": "2024-08-01"},
        }
    )
    p.pause(pid, "2024-10-01", "等待规划调整")


def snapshot(p: Portfolio) -> dict[str, dict[str, Any]]:
    out = {}
    for project in load_projects(p.db):
        funds = project.latest_progress
        out[project.fields["name"]] = {
            "fields": project.fields,
            "stages": {s.value: (d.planned, d.actual) for s, d in project.stage_dates.items()},
            "stage": project.stage,
            "status": (project.status, project.status_date, project.status_reason),
            "funds": (funds.funds_arrived_wan, funds.invested_wan) if funds else None,
        }
    return out


def test_export_reads_back_as_the_same_projects(tmp_path: Path) -> None:
    source = Portfolio.open(tmp_path / "source.db", auto_backup=False)
    fill(source)
    path, count = write_ledger_export(source, tmp_path / "台账.xlsx")
    assert count == 3
    ws = load_workbook(path)["项目台账"]
    assert [c.value for c in ws[2]] == [c.header for c in LEDGER_COLUMNS]
    by_name = {ws.cell(r, 2).value: r for r in range(3, 6)}
    row = {c.header: ws.cell(by_name[EVIL], i + 1) for i, c in enumerate(LEDGER_COLUMNS)}
    assert row["项目名称"].value == EVIL and row["项目名称"].data_type == "s"
    assert row["供地（实际）"].value == "2024-05（约）"  # month-only, marked, reads back as such
    assert row["开工（计划）"].value == "2024-06-01"
    assert f"{Stage.STARTED.label}（实际）" in row
    expected = snapshot(source)
    source.close()

    target = tmp_path / "target.db"
    result = subprocess.run(
        [sys.executable, "-m", "tracker", "--db", str(target), "import", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)["summary"]
    assert (summary["create"], summary["reject"]) == (3, 0), result.stdout[:2000]
    imported = Portfolio.open(target, auto_backup=False)
    try:
        assert snapshot(imported) == expected
    finally:
        imported.close()
