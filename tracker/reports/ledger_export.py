"""Export the full ledger: one row per project, every field and every stage date.

Written so the importer reads it straight back (headers from ``ledger_columns``, dates as
ISO text — a month-only date as "2023-05（约）", which reads back as month-only — money
as exact numbers in 万元).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from tracker.domain.dates import display_date
from tracker.domain.project import Project
from tracker.domain.vocabulary import Stage
from tracker.errors import Cancelled
from tracker.ledger.loader import load_projects
from tracker.ledger.queries import ProjectFilter
from tracker.reports.layout import ReportColumn, set_widths, table
from tracker.reports.ledger_columns import LEDGER_COLUMNS
from tracker.reports.output import save_workbook
from tracker.reports.styles import SheetWriter, filter_range, print_setup
from tracker.work import CancelFn, ProgressFn

STYLE_OF_KIND = {"money": "money", "number": "text", "date": "center", "text": "text"}
WIDE = {"name": 26, "investor": 22, "content": 30, "notes": 20, "status_reason": 20}


def _latest(project: Project, attr: str) -> tuple[Any, str | None]:
    best = None
    for p in project.progress:
        if getattr(p, attr) is not None and (
            best is None or (p.as_of, p.id) > (best.as_of, best.id)
        ):
            best = p
    return (getattr(best, attr), best.as_of) if best else (None, None)


def export_row(project: Project) -> list[Any]:
    funds, funds_day = _latest(project, "funds_arrived_wan")
    invested, invested_day = _latest(project, "invested_wan")
    values: list[Any] = []
    for column in LEDGER_COLUMNS:
        key = column.key
        if key.startswith(("planned.", "actual.")):
            which, stage = key.split(".")
            d = project.stage_dates.get(Stage(stage))
            values.append(getattr(d, which) if d else None)
        elif key == "stage":
            values.append(project.stage.label)
        elif key == "funds_arrived_wan":
            values.append(funds)
        elif key == "invested_wan":
            values.append(invested)
        elif key == "progress_as_of":
            values.append(max(filter(None, (funds_day, invested_day)), default=None))
        elif key == "status":
            values.append(project.status.label)
        elif key in ("status_date", "status_reason"):
            values.append(getattr(project, key))
        else:
            value = project.fields.get(key)
            values.append(
                format(value, "f") if column.kind == "number" and value is not None else value
            )
    return [
        display_date(v) if c.kind == "date" else v
        for c, v in zip(LEDGER_COLUMNS, values, strict=True)
    ]


def write_ledger_export(
    portfolio: Any,
    path: Path,
    flt: ProjectFilter | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> tuple[Path, int]:
    """Write the ledger of ``portfolio`` (a ``Portfolio``) to ``path``; returns (path, rows)."""
    projects = load_projects(portfolio.db, flt)
    if cancelled is not None and cancelled():
        raise Cancelled()
    settings = portfolio.settings()
    wb = Workbook()
    ws = wb.active
    ws.title = "项目台账"
    columns = [
        ReportColumn(c.header, STYLE_OF_KIND[c.kind], WIDE.get(c.key)) for c in LEDGER_COLUMNS
    ]
    w = SheetWriter(ws)
    title = f"{settings.get('county_name') or ''}签约项目台账（导出于 {date.today().isoformat()}）"
    w.merged(1, 1, 6, title, "title")  # within the first printed page
    ws.row_dimensions[1].height = 30
    total = len(projects)

    def rows():
        for i, project in enumerate(projects):
            if progress is not None and i % 500 == 0:
                progress(i, total, "正在写入台账")
            yield export_row(project)

    header, last = table(w, 2, columns, rows())
    set_widths(w, columns, header, last)
    print_setup(
        ws,
        title_rows=(header, header),
        freeze=f"C{header + 1}",
        filter_ref=filter_range(header, last, len(columns)),
    )
    # Forty-odd columns cannot be read on one page width: print at full size across pages,
    # repeating 项目编号 and 项目名称 on each.
    ws.sheet_properties.pageSetUpPr.fitToPage = False
    ws.print_title_cols = "A:B"
    if cancelled is not None and cancelled():
        raise Cancelled()
    if progress is not None:
        progress(total, total, "正在保存文件")
    return save_workbook(wb, path), total


__all__ = ["LEDGER_COLUMNS", "export_row", "write_ledger_export"]
