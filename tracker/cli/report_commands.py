"""CLI: ``review`` (warnings and rates), ``report review`` (the workbook), ``export ledger``.

python -m tracker [--db PATH] review [--as-of YYYY-MM-DD] [--year Y] [--json]
python -m tracker [--db PATH] report review --out FILE.xlsx [--as-of D] [--year Y]
python -m tracker [--db PATH] export ledger --out FILE.xlsx [filters]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tracker.cli.common import SubParsers, int_between
from tracker.domain.money import format_wan
from tracker.review import Review, run_review


def _pct(value: object) -> str:
    return "—" if value is None else f"{value}%"


def print_summary(review: Review) -> None:
    """The readable Chinese summary of ``review`` (without ``--json``)."""
    r = review.rates
    county = review.settings.get("county_name") or ""
    scope = f"{review.year}年" if review.year else ""
    print(f"{county}{scope}签约项目履约情况（统计截至 {review.as_of.isoformat()}）")
    print(
        f"签约项目 {r.signed} 个，签约总投资 {format_wan(r.signed_amount_wan)} 万元，"
        f"到位资金 {format_wan(r.funds_arrived_wan)} 万元，已终止 {r.terminated} 个"
    )
    mean = "—" if r.mean_days_to_start is None else f"{r.mean_days_to_start} 天"
    print(
        f"履约率 {_pct(r.performing_pct)}（{r.performing}/{r.signed}）  "
        f"落地率 {_pct(r.registered_pct)}  开工率 {_pct(r.started_pct)}  "
        f"资金到位率 {_pct(r.funds_pct)}  投产率 {_pct(r.producing_pct)}  平均签约至开工 {mean}"
    )
    if review.by_group.get("unit"):
        print("\n按责任单位：")
        for name, g in review.by_group["unit"]:
            print(
                f"  {name}：签约 {g.signed} 个，履约率 {_pct(g.performing_pct)}，"
                f"开工率 {_pct(g.started_pct)}，资金到位率 {_pct(g.funds_pct)}，"
                f"投产率 {_pct(g.producing_pct)}"
            )
    print(f"\n预警：{review.counts().text()}")
    for entry in review.by_project:
        who = "／".join(x for x in (entry.unit, entry.leader) if x)
        print(
            f"  [{entry.level_label}] {entry.project}（{who or '未填责任单位'}）：{entry.rules_text}"
        )
        for w in entry.warnings:
            print(f"      {w.rule_label}：{w.message}")
    terminated = review.terminated
    if terminated:
        print(f"\n已终止项目 {len(terminated)} 个（不预警）：")
        for p in terminated:
            print(
                f"  {p.fields.get('name')}：{p.status_date or ''} {p.status_reason or '未填原因'}"
            )


def cmd_review(args: argparse.Namespace) -> int:
    from tracker.cli.common import emit_json, open_portfolio

    portfolio = open_portfolio(args, read_only=True)
    try:
        review = run_review(portfolio, args.as_of, args.year)
    finally:
        portfolio.close()
    if args.json:
        emit_json(review.to_json())
    else:
        print_summary(review)
    return 0


def _cli_progress(done: int, total: int, message: str) -> None:
    """Core progress callback for the CLI: silent (the commands are quick)."""


def cmd_report_review(args: argparse.Namespace) -> int:
    from tracker.cli.common import open_portfolio
    from tracker.reports.output import check_target
    from tracker.reports.review_report import write_review_report

    out = check_target(Path(args.out))
    portfolio = open_portfolio(args, read_only=True)
    try:
        review = run_review(portfolio, args.as_of, args.year)
    finally:
        portfolio.close()
    path = write_review_report(review, out, _cli_progress)
    print(f"已生成报表：{path}（项目 {len(review.projects)} 个；{review.counts().text()}）")
    return 0


def cmd_export_ledger(args: argparse.Namespace) -> int:
    from tracker.cli.common import filter_from_args, open_portfolio
    from tracker.reports.ledger_export import write_ledger_export
    from tracker.reports.output import check_target

    out = check_target(Path(args.out))
    portfolio = open_portfolio(args, read_only=True)
    try:
        path, count = write_ledger_export(portfolio, out, filter_from_args(args), _cli_progress)
    finally:
        portfolio.close()
    print(f"已导出台账：{path}（{count} 个项目）")
    return 0


def register(sub: SubParsers) -> None:
    """Add ``review``, ``report review`` and ``export ledger``."""
    from tracker.cli.common import add_filter_args

    p = sub.add_parser("review", help="一签了之预警与履约率（统计截至某日）")
    p.add_argument("--as-of", help="统计截至日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--year", type=int_between(1900, 2200, "年份"), help="只看该年签约的项目")
    p.add_argument("--json", action="store_true", help="输出 JSON")
    p.set_defaults(func=cmd_review)

    report = sub.add_parser("report", help="生成报表（Excel）")
    kinds = report.add_subparsers(dest="report_kind", required=True)
    p = kinds.add_parser("review", help="履约情况评估报表：汇总、预警清单、项目台账、诉求清单")
    p.add_argument("--out", required=True, help="保存为（.xlsx）")
    p.add_argument("--as-of", help="统计截至日期 YYYY-MM-DD（默认今天）")
    p.add_argument("--year", type=int_between(1900, 2200, "年份"), help="只统计该年签约的项目")
    p.set_defaults(func=cmd_report_review)

    export = sub.add_parser("export", help="导出数据（Excel）")
    kinds = export.add_subparsers(dest="export_kind", required=True)
    p = kinds.add_parser("ledger", help="完整台账：每个项目一行，含全部字段和各阶段计划/实际日期")
    p.add_argument("--out", required=True, help="保存为（.xlsx）")
    add_filter_args(p)
    p.set_defaults(func=cmd_export_ledger)
