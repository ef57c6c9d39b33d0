"""``duplicates``, ``merge``: one deal stored twice (typed otherwise), found and folded."""

from __future__ import annotations

import argparse

from tracker.cli.common import SubParsers, emit_json, open_portfolio, record_id
from tracker.program import cli_command


def register(sub: SubParsers) -> None:
    p = sub.add_parser("duplicates", help="列出库中疑似重复的项目（同一项目的不同写法）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_duplicates)

    p = sub.add_parser(
        "merge",
        help="把项目 OTHER 合并进项目 KEEP（KEEP 的空白由 OTHER 补全，两者不同的内容以 KEEP 为准；"
        "进度、走访、诉求和变更记录都保留；可用 undo-import 撤销）",
    )
    p.add_argument("keep", type=record_id, help="保留的项目编号")
    p.add_argument("other", type=record_id, help="并入后删除的项目编号")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_merge)


def cmd_duplicates(args: argparse.Namespace) -> int:
    from tracker.ledger.merging import likely_duplicates

    portfolio = open_portfolio(args, read_only=True)
    try:
        pairs = likely_duplicates(portfolio)
    finally:
        portfolio.close()
    if args.json:
        emit_json({"pairs": [p.to_json() for p in pairs]})
        return 0
    if not pairs:
        print("没有发现疑似重复的项目。")
        return 0
    for pair in pairs:
        a, b = pair.first, pair.second
        label = "很可能是同一项目" if pair.verdict.kind == "match" else "可能是同一项目，请核对"
        print(
            f"{a['id']}「{a['name']}｜{a['investor']}」 与 {b['id']}「{b['name']}｜{b['investor']}」"
        )
        print(f"    {label}（相似度 {pair.verdict.score:.2f}）：{pair.verdict.why()}")
    print(f"共 {len(pairs)} 对。合并：{cli_command()} merge 保留的编号 并入的编号")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from tracker.ledger.merging import conflicting_fields, merge_projects

    portfolio = open_portfolio(args, auto_backup=False)
    try:
        conflicts = conflicting_fields(portfolio, args.keep, args.other)
        batch_id = merge_projects(portfolio, args.keep, args.other)
    finally:
        portfolio.close()
    if args.json:
        emit_json({"batch_id": batch_id, "keep": args.keep, "other": args.other, "kept": conflicts})
        return 0
    print(f"已把项目 {args.other} 合并进项目 {args.keep}（批次 {batch_id}）。")
    for c in conflicts:
        print(
            f"  {c['label']}：两者不同，保留项目 {args.keep} 的“{c['keep']}”（另一个为“{c['other']}”）"
        )
    print(f"如需撤销：{cli_command()} undo-import {batch_id}")
    return 0
