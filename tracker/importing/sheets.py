"""Which sheets of a workbook are read, how, and with what defaults.

The clerk may leave whole sheets out (a 说明 sheet, last year's copy), correct a sheet's
columns, or give the sign date of a sheet that has no sign-date column ("these projects
were signed in 2021"). When the ledger's title names a year ("2021年招商引资签约项目台账")
that year is the default the wizard offers and the CLI uses, with a warning on every row.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date

from tracker.domain.typed_input import parse_typed_date
from tracker.errors import TrackerError
from tracker.importing.mapping import load_preset, signature
from tracker.importing.profile import NOTHING_KNOWN, Known
from tracker.importing.table import Table, apply_mapping, find_table
from tracker.importing.workbook import Workbook
from tracker.ledger import settings as ledger_settings
from tracker.ledger.portfolio import Portfolio
from tracker.work import bulk_work

log = logging.getLogger(__name__)

Mappings = dict[str, dict[str, str | None]]  # sheet name -> {header text: target or None}
EXCLUDED = "已选择不导入此工作表"
PRESET_REASON = "按上次导入时您确认的对应"
CLERK_REASON = "由您指定"


def parse_sign_date(text: str) -> str:
    """A sign date the clerk gives for a whole sheet: "2021", "2021-06", "2021-06-30" (and
    every form a ledger writes) -> stored text with its precision; TrackerError otherwise."""
    try:
        value = parse_typed_date(text)
    except ValueError as exc:
        raise TrackerError(
            f"签约时间“{text}”看不懂：{exc}（可写 2021、2021-06 或 2021-06-30）。"
        ) from exc
    if value is None:
        raise TrackerError("签约时间是空的：请写年份、年月或日期，如 2021、2021-06、2021-06-30。")
    return value


def parse_as_of(text: str) -> str:
    """The date the clerk gives a file's figures (统计截至): a whole day, not after today;
    TrackerError otherwise."""
    try:
        value = parse_typed_date(text)
    except ValueError as exc:
        raise TrackerError(f"统计日期：{exc}") from exc
    if value is None or len(value) != 10:
        raise TrackerError(
            f"统计日期“{text}”应精确到日（如 2025-06-30）：进度数字是截至某一天的累计数。"
        )
    if value > date.today().isoformat():
        raise TrackerError(f"统计日期 {value} 晚于今天：进度数字只能截至今天或以前。")
    return value


def known_words(portfolio: Portfolio | None) -> Known:
    """The settings' towns, units and leaders: values the mapper can recognise for sure."""
    if portfolio is None:
        return NOTHING_KNOWN
    try:
        values = ledger_settings.load(portfolio.db)
    except Exception as exc:  # settings are a help here, never a reason to refuse a file
        log.warning("settings not readable for import hints (%r)", exc)
        return NOTHING_KNOWN
    return Known(
        towns=frozenset(values.get("towns") or ()),
        units=frozenset(values.get("units") or ()),
        leaders=frozenset(values.get("leaders") or ()),
    )


def set_sign_date(table: Table, clerk: str | None) -> None:
    """The sheet's default sign date: the clerk's, else the year its title names (only when
    the sheet has no sign-date column)."""
    if clerk:
        table.sign_date_default, table.sign_date_source = clerk, "clerk"
    elif table.column_for("sign_date") is None and table.title_year:
        table.sign_date_default, table.sign_date_source = str(table.title_year), "title"
        log.info(
            "sheet %r has no sign-date column: %s from its title", table.sheet, table.title_year
        )
    else:
        table.sign_date_default, table.sign_date_source = None, ""


def exclude(table: Table, excluded: bool) -> None:
    """Leave a sheet out (or take it back in)."""
    table.excluded = excluded
    if excluded:
        table.skipped = EXCLUDED
    elif table.skipped == EXCLUDED:
        table.skipped = None if table.data_rows() else "表头下面没有项目数据行"


def _select(workbook: Workbook, names: Iterable[str] | None) -> list[str] | None:
    if names is None:
        return None
    wanted = list(dict.fromkeys(names))
    present = {s.name for s in workbook.sheets}
    missing = [n for n in wanted if n not in present]
    if missing:
        have = "、".join(s.name for s in workbook.sheets)
        raise TrackerError(f"文件中没有名为“{'、'.join(missing)}”的工作表；现有工作表：{have}。")
    return wanted


def load_tables(
    workbook: Workbook,
    *,
    sheet: str | Iterable[str] | None = None,
    portfolio: Portfolio | None = None,
    mappings: Mappings | None = None,
    sign_date: str | None = None,
) -> list[Table]:
    """Find the table on each chosen sheet (all when ``sheet`` is None), then apply a saved
    preset, the clerk's mapping and the sign-date default."""
    with bulk_work():
        return _load_tables(workbook, sheet, portfolio, mappings, sign_date)


def _load_tables(
    workbook: Workbook,
    sheet: str | Iterable[str] | None,
    portfolio: Portfolio | None,
    mappings: Mappings | None,
    sign_date: str | None,
) -> list[Table]:
    names = _select(workbook, [sheet] if isinstance(sheet, str) else sheet)
    sheets = workbook.sheets if names is None else [s for s in workbook.sheets if s.name in names]
    known = known_words(portfolio)
    tables = []
    for s in sheets:
        table = find_table(s, known)
        if table.header_rows and portfolio is not None:
            preset = load_preset(portfolio, signature([c.header for c in table.columns]))
            if preset:
                apply_mapping(table, preset, PRESET_REASON)
        if mappings and s.name in mappings and table.header_rows:
            apply_mapping(table, mappings[s.name], CLERK_REASON)
            table.corrected = True
            table.skipped = None if table.data_rows() else table.skipped
        set_sign_date(table, sign_date)
        tables.append(table)
    return tables


def remap(table: Table, mapping: dict[str, str | None]) -> None:
    """The clerk changed a sheet's columns: classify its rows again with them."""
    apply_mapping(table, mapping, CLERK_REASON)
    table.corrected = True
    if not table.excluded:
        table.skipped = None if table.data_rows() else "表头下面没有项目数据行"
    set_sign_date(table, table.sign_date_default if table.sign_date_source == "clerk" else None)


def no_ledger_message(workbook: Workbook, tables: list[Table]) -> str:
    reasons = "；".join(f"工作表“{t.sheet}”：{t.skipped}" for t in tables) or "文件里没有工作表"
    return (
        f"文件“{workbook.path.name}”中没有找到项目台账（{reasons}）。"
        "台账需要有表头行，例如“项目名称、投资主体、签约时间、签约金额”。"
    )
