"""``demo``, ``list``, ``show``: the projects in the ledger."""

from __future__ import annotations

import argparse

from tracker.cli.common import (
    SubParsers,
    add_filter_args,
    emit_json,
    filter_from_args,
    int_between,
    open_portfolio,
    record_id,
)
from tracker.domain.money import format_wan
from tracker.domain.vocabulary import PROJECT_FIELDS, STAGE_LABELS, STATUS_LABELS, Stage, Status
from tracker.errors import TrackerError
from tracker.ledger.batches import source_labels
from tracker.ledger.rows import project_to_json, row_to_json


def register(sub: SubParsers) -> None:
    p = sub.add_parser("demo", help="写入演示项目")
    p.add_argument("--projects", type=int_between(1, 100_000, "演示项目数"), default=300)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--force", action="store_true", help="库中已有项目时仍然写入")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("list", help="列出项目")
    add_filter_args(p)
    p.add_argument("--sort", default="sign_date", help="排序字段，如 sign_date、signed_amount_wan")
    p.add_argument("--desc", action="store_true", help="倒序")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("show", help="显示一个项目的全部信息")
    p.add_argument("id", type=record_id)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)


def cmd_demo(args: argparse.Namespace) -> int:
    from tracker.ledger.demo import fill_demo

    portfolio = open_portfolio(args)
    try:
        if portfolio.project_count() and not args.force:
            raise TrackerError(
                f"数据库“{portfolio.path}”中已有 {portfolio.project_count()} 个项目；"
                "演示数据只写入空库。确需追加请加 --force。"
            )
        count = fill_demo(portfolio, projects=args.projects, seed=args.seed)
    finally:
        portfolio.close()
    print(f"已写入 {count} 个演示项目。")
    return 0


def cmd_list(args: argparse.Namespace) -> int:
    portfolio = open_portfolio(args, read_only=True)
    try:
        rows = portfolio.list_rows(filter_from_args(args), args.sort, args.desc)
    finally:
        portfolio.close()
    if args.json:
        emit_json([row_to_json(r) for r in rows])
        return 0
    for r in rows:
        print(
            f"{r['id']:>6}  {r['sign_date']:<10}  {format_wan(r['signed_amount_wan']):>14} 万元  "
            f"{STAGE_LABELS[Stage(r['stage'])]:<3} {STATUS_LABELS[Status(r['status'])]:<3} "
            f"{r['name']}（{r['investor'] or '投资主体待补全'}）{r['unit'] or ''}"
        )
    print(f"共 {len(rows)} 个项目")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    portfolio = open_portfolio(args, read_only=True)
    try:
        project = portfolio.get_project(args.id)
        audit = portfolio.audit_for(args.id)
        sources = source_labels(portfolio, audit)  # "导入：文件（批次 N）"; None: by hand
    finally:
        portfolio.close()
    data = project_to_json(project)
    data["audit"] = [vars(a) | {"source": sources.get(a.id)} for a in audit]
    if args.json:
        emit_json(data)
        return 0
    for spec in PROJECT_FIELDS:
        if data.get(spec.key) is not None:
            print(f"{spec.label}：{data[spec.key]}")
    print(f"当前阶段：{STAGE_LABELS[project.stage]}    状态：{project.status.label}")
    for stage, d in project.stage_dates.items():
        print(f"  {stage.label}  计划 {d.planned or '—'}  实际 {d.actual or '—'}")
    for p in project.progress:
        print(
            f"  进度 {p.as_of}：到位 {p.funds_arrived_wan or '—'} 万元，完成投资 {p.invested_wan or '—'} 万元"
        )
    for v in project.visits:
        print(f"  走访 {v.date} {v.visitor or ''}：{v.content}")
    for problem in project.problems:
        print(f"  诉求 {problem.raised_date} [{problem.status}] {problem.description}")
    print(f"变更记录 {len(audit)} 条，其中导入所做 {len(sources)} 条")
    return 0
