"""The review workbook the clerk prints for the 一签了之 meeting (汇总, 预警清单, 项目台账, 诉求清单)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook

from tracker.errors import Cancelled
from tracker.reports.output import save_workbook
from tracker.reports.review_sheets import write_ledger, write_problems
from tracker.reports.review_summary import write_summary
from tracker.reports.review_warnings_sheet import write_warning_details, write_warnings
from tracker.review import Review, facts
from tracker.work import CancelFn, ProgressFn


def year_text(review: Review) -> str:
    """ "2025年" for a year's review; "2021—2025年" spanning the projects otherwise."""
    if review.year:
        return f"{review.year}年"
    years = sorted({facts.sign_day(p).year for p in review.projects})
    if not years:
        return ""
    return f"{years[0]}年" if years[0] == years[-1] else f"{years[0]}—{years[-1]}年"


def build_review_workbook(
    review: Review,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> Workbook:
    county = review.settings.get("county_name") or ""
    unit = review.settings.get("reporting_unit") or ""
    head = f"{county}{year_text(review)}签约项目"
    left = f"统计截至：{review.as_of.isoformat()}    单位：万元"
    right = f"填报单位：{unit}"
    wb = Workbook()
    wb.properties.title = f"{head}履约情况"
    wb.properties.creator = "签约项目跟踪"
    steps: list[tuple[str, str, Callable[..., None]]] = [
        ("汇总", f"{head}履约情况汇总表", write_summary),
        ("预警清单", f"{head}“一签了之”预警清单", write_warnings),
        ("预警明细", f"{head}“一签了之”预警明细（每条预警一行）", write_warning_details),
        ("项目台账", f"{head}推进情况台账", write_ledger),
        ("诉求清单", f"{head}企业诉求办理清单", write_problems),
    ]
    for i, (sheet, title, write) in enumerate(steps):
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(i, len(steps) + 1, f"正在生成“{sheet}”")
        ws = wb.active if i == 0 else wb.create_sheet()
        ws.title = sheet
        write(ws, review, title, left, right)
    return wb


def write_review_report(
    review: Review,
    path: Path,
    progress: ProgressFn | None = None,
    cancelled: CancelFn | None = None,
) -> Path:
    """Build and save the workbook; a target open in Excel raises ``OutputLockedError``."""
    wb = build_review_workbook(review, progress, cancelled)
    if progress is not None:
        progress(len(wb.worksheets), len(wb.worksheets) + 1, "正在保存文件")
    out = save_workbook(wb, path)
    if progress is not None:
        progress(len(wb.worksheets) + 1, len(wb.worksheets) + 1, "完成")
    return out


def default_file_name(settings: dict[str, object], kind: str, as_of: str, year: int | None) -> str:
    """The name a clerk would give the file: 青溪县2025年签约项目履约情况（截至2025-12-31）.xlsx."""
    county = str(settings.get("county_name") or "")
    scope = f"{year}年" if year else ""
    if kind == "ledger":
        return f"{county}{scope}签约项目台账（导出于{as_of}）.xlsx"
    if kind == "ledger_view":
        return f"{county}签约项目台账（当前视图，{as_of}）.xlsx"
    if kind == "warning_view":
        return f"{county}预警清单（当前视图，{as_of}）.xlsx"
    return f"{county}{scope}签约项目履约情况（截至{as_of}）.xlsx"
