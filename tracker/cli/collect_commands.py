"""``collect``: 进度收集 — a round of workbooks out to the units, the filled files back in.

``collect make`` stores a round and writes one workbook per unit (or town); ``collect read``
shows what each returned file would change (``--dry-run``) or writes it as one undoable
batch per file; ``collect status`` says who has returned and who has not (催报).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tracker.cli.common import SubParsers, emit_json, open_portfolio, record_id
from tracker.errors import TrackerError
from tracker.program import cli_command


def register(sub: SubParsers) -> None:
    """Add this module's subcommands."""
    p = sub.add_parser("collect", help="进度收集：向各单位发填报表、读回报表、查看报送情况")
    inner = p.add_subparsers(dest="collect_command", required=True, parser_class=type(p))
    make = inner.add_parser("make", help="新建一轮收集，为每个单位（或乡镇）生成一个填报表")
    make.add_argument("--as-of", required=True, help="统计截至日期，如 2026-06-30")
    make.add_argument("--deadline", help="报送截止日期，如 2026-07-10")
    make.add_argument("--by", choices=["unit", "town"], default="unit", help="按责任单位或乡镇分发")
    make.add_argument("--only", action="append", help="只发给这个单位/乡镇（可重复）")
    make.add_argument("--out", required=True, help="保存填报表的文件夹")
    make.add_argument("--json", action="store_true", help="以 JSON 输出")
    make.set_defaults(func=cmd_make)
    read = inner.add_parser("read", help="读回各单位报回的填报表（.xlsx/.xls/.et）")
    read.add_argument("files", nargs="+", help="报回的文件")
    read.add_argument(
        "--round", type=record_id, help="这些文件属于第几轮（默认按文件中的回执编号）"
    )
    read.add_argument("--dry-run", action="store_true", help="只显示将做的改动，不写入")
    read.add_argument(
        "--accept-flagged", action="store_true", help="有疑点（数字减少、日期颠倒等）的项目也写入"
    )
    read.add_argument("--json", action="store_true", help="以 JSON 输出")
    read.set_defaults(func=cmd_read)
    status = inner.add_parser("status", help="某一轮谁已报回、谁未报回（催报名单）")
    status.add_argument("--round", type=record_id, help="第几轮（默认最新一轮）")
    status.add_argument("--json", action="store_true", help="以 JSON 输出")
    status.set_defaults(func=cmd_status)


def cmd_make(args: argparse.Namespace) -> int:
    from tracker.collection.rounds import by_field, create_round
    from tracker.collection.send import make_files

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise TrackerError(f"“{out}”是一个文件，不是文件夹。请给出保存填报表的文件夹。")
    portfolio = open_portfolio(args)
    try:
        rnd = create_round(
            portfolio, args.as_of, args.deadline, by_field(args.by), args.only, str(out.resolve())
        )
        sent = make_files(portfolio, rnd, out)
    finally:
        portfolio.close()
    if args.json:
        emit_json(
            rnd.to_json()
            | {
                "files": [
                    {"target": s.target, "file": str(s.path), "projects": s.projects} for s in sent
                ]
            }
        )
        return 0
    print(f"{rnd.label}：统计截至 {rnd.as_of}，共 {len(sent)} 个{rnd.by_label}，填报表保存在 {out}")
    for s in sent:
        print(f"  {s.target}：{s.projects} 个项目  {s.path.name}")
    print(f"报回后运行 {cli_command()} collect read 文件… 读入；collect status 查看报送情况。")
    return 0


def cmd_read(args: argparse.Namespace) -> int:
    from tracker.collection.apply import apply_plan
    from tracker.collection.plan import plan_files

    paths = [Path(f) for f in args.files]
    portfolio = open_portfolio(args, read_only=args.dry_run)
    docs = []
    try:
        plans = plan_files(portfolio, paths, args.round)
        for plan in plans:
            if args.accept_flagged:
                for p in plan.projects:
                    p.accepted = True
            doc = plan.to_json()
            if not args.dry_run and not plan.blocked:
                doc["batch_id"] = apply_plan(portfolio, plan)
            docs.append(doc)
            if not args.json:
                _print_plan(plan, doc.get("batch_id"), args.dry_run)
    finally:
        portfolio.close()
    if args.json:
        emit_json(docs)
    return 2 if any(p.blocked for p in plans) else 0


def _print_plan(plan: object, batch_id: int | None, dry_run: bool) -> None:
    from tracker.collection.plan import CollectPlan

    assert isinstance(plan, CollectPlan)
    rnd = plan.round
    head = f"{plan.path.name}：{plan.target or '单位不明'}"
    print(head + (f"，{rnd.label}（截至 {rnd.as_of}）" if rnd else ""))
    if plan.blocked:
        print(f"  未读入：{plan.blocked}")
        return
    for flag in plan.flags:
        print(f"  注意：{flag}")
    for p in plan.projects:
        mark = "" if p.accepted else "（有疑点，未写入；核对后加 --accept-flagged）"
        print(f"  第 {p.row} 行 {p.name}{'（新项目）' if p.is_new else ''}{mark}")
        for c in p.changes:
            if c.key == "create":
                continue
            old = "空" if c.old is None else c.to_json()["old"]
            print(f"      {c.label}：{old} → {c.to_json()['new']}")
        for flag in p.flags:
            print(f"      疑点：{flag}")
        for note in p.notes:
            print(f"      说明：{note}")
    for error in plan.errors:
        print(f"  未读入：{error}")
    s = plan.summary()
    print(
        f"  更新 {s['update']} 个项目，新项目 {s['create']} 个，新诉求 {s['problems']} 条，"
        f"无变化 {s['unchanged']} 个，有疑点未写入 {s['left_out']} 个"
    )
    if batch_id is not None:
        print(f"  已写入，批次 {batch_id}（撤销：{cli_command()} undo-import {batch_id}）")
    elif dry_run:
        print("  （试读，未写入）")


def cmd_status(args: argparse.Namespace) -> int:
    from tracker.collection.rounds import require_round
    from tracker.collection.status import round_status

    portfolio = open_portfolio(args, read_only=True)
    try:
        status = round_status(portfolio, require_round(portfolio, args.round))
    finally:
        portfolio.close()
    if args.json:
        emit_json(status.to_json())
        return 0
    rnd = status.round
    deadline = f"，报送截止 {rnd.deadline}" if rnd.deadline else ""
    print(f"{rnd.label}：统计截至 {rnd.as_of}{deadline}")
    for t in status.targets:
        if t.returned:
            print(
                f"  已报回  {t.target}（{t.projects} 个项目）{(t.returned_at or '').replace('T', ' ')}"
                f"  更新 {t.updated}，新项目 {t.created}，新诉求 {t.problems}（批次 {t.batch_id}）"
            )
        else:
            print(f"  未报回  {t.target}（{t.projects} 个项目）")
    print()
    print(status.reminder())
    return 0
