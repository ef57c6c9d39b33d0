"""CLI: ``fill`` — fill a report template the city sent with the ledger's projects.

python -m tracker [--db PATH] fill TEMPLATE --out FILE.xlsx [--as-of D] [--year Y]
    [--unit U] [--town T] [--stage S] [--status S] [--sheet NAME] [--set C=RULE …] [--json]

``--set D=content`` corrects a column (``--set K=`` leaves it blank); a corrected mapping
is remembered for the next template with the same header, so next month's one needs none.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import Any

from tracker.cli.common import SubParsers, emit_json, int_between, open_portfolio
from tracker.domain.vocabulary import Stage, Status
from tracker.errors import TrackerError
from tracker.review import parse_as_of

log = logging.getLogger(__name__)


def _corrections(pairs: list[str]) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for pair in pairs:
        letter, sep, key = pair.partition("=")
        if not sep or not letter.strip().isalpha():
            raise TrackerError(
                f"--set 的写法是“列=规则”，如 D=content 或 K=（留空），现为“{pair}”。"
            )
        out[letter.strip().upper()] = key.strip() or None
    return out


def cmd_fill(args: argparse.Namespace) -> int:
    from tracker.reports.output import check_target
    from tracker.templates.fill import (
        FillOptions,
        fill_template,
        inspect_template,
        remember,
        select_projects,
        set_rule,
    )
    from tracker.templates.rules import rule_label

    out = check_target(Path(args.out))
    corrections = _corrections(args.set or [])
    options = FillOptions(
        as_of=parse_as_of(args.as_of),
        year=args.year,
        unit=args.unit,
        town=args.town,
        stage=args.stage,
        status=args.status,
        sheet=args.sheet,
    )
    portfolio = open_portfolio(args, read_only=not corrections)
    try:
        plan = inspect_template(args.template, portfolio, args.sheet)
        for letter, key in corrections.items():
            set_rule(plan, letter, key)
        projects = select_projects(portfolio, options)
        result = fill_template(plan, projects, out, options, portfolio.settings())
        saved = remember(portfolio, plan)  # once the corrected mapping has filled a file
    finally:
        portfolio.close()
    if args.json:
        data: dict[str, Any] = {
            "template": str(plan.path),
            "sheet": plan.layout.sheet,
            "output": str(result.path),
            "as_of": options.as_of.isoformat(),
            "rows": result.rows,
            "mapping": plan.mapping(),
            "columns": plan.to_json(options.as_of),
            "unknown": [r.column.letter for r in plan.unknown()],
            "preset_used": plan.preset_used,
            "mapping_saved": saved,
        }
        emit_json(data)
        return 0
    print(f"已填报：{result.path}（{result.rows} 个项目，统计截至 {options.as_of.isoformat()}）")
    for r in plan.rules:
        print(f"  {r.column.letter} {r.column.header} ← {rule_label(r.key)}")
    unknown = plan.unknown()
    if unknown:
        listed = "、".join(f"{r.column.letter} {r.column.header}" for r in unknown)
        print(f"留空（台账中没有对应内容，请手工填写）：{listed}")
    if saved:
        print("已记住这次的列对应，下次同样表头的模板会自动使用。")
    return 0


def register(sub: SubParsers) -> None:
    """Add ``fill``."""
    p = sub.add_parser("fill", help="按上级下发的报表模板填报（保留模板格式）")
    p.add_argument("template", help="上级下发的空白模板（.xlsx / .xls / .et）")
    p.add_argument("--out", required=True, help="保存为（.xlsx）")
    p.add_argument("--as-of", help="统计截至日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--year", type=int_between(1900, 2200, "年份"), help="签约年份")
    p.add_argument("--unit", help="责任单位")
    p.add_argument("--town", help="落地乡镇/园区")
    p.add_argument("--stage", choices=[s.value for s in Stage], help="截至当日所处阶段")
    p.add_argument("--status", choices=[s.value for s in Status], help="截至当日的状态")
    p.add_argument("--sheet", help="模板中要填的工作表（默认：第一个有表头的）")
    p.add_argument(
        "--set",
        action="append",
        metavar="列=规则",
        help="改正某列的填写规则，如 D=content、I=contact+phone、K=（留空）；会被记住",
    )
    p.add_argument("--json", action="store_true", help="输出列对应和写入的行数（JSON）")
    p.set_defaults(func=cmd_fill)
