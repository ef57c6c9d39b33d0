"""``duplicates``, ``merge``: one deal stored twice (typed otherwise), found and folded."""

from __future__ import annotations

import argparse

from tracker.cli.common import SubParsers, emit_json, open_portfolio, record_id
from tracker.errors import TrackerError
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
    p.add_argument("keep", type=record_id, nargs="?", help="保留的项目编号")
    p.add_argument("other", type=record_id, nargs="?", help="并入后删除的项目编号")
    p.add_argument(
        "--all-sure",
        action="store_true",
        help="一次合并 duplicates 列出的全部“很可能是同一项目”的项目对（“请核对”的不合并；"
        "连成一串的并为一个，保留编号最小的；作为一个批次，可用 undo-import 一次撤销）",
    )
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

    if args.all_sure:
        if args.keep is not None:
            raise TrackerError("--all-sure 不需要项目编号：请只给 --all-sure，或只给两个编号。")
        return _merge_all_sure(args)
    if args.other is None:
        raise TrackerError(
            f"请给出两个项目编号：{cli_command()} merge 保留的编号 并入的编号"
            "（或用 --all-sure 一次合并全部确定的重复项目）。"
        )
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


def _merge_all_sure(args: argparse.Namespace) -> int:
    from tracker.ledger.merging import group_lines, likely_duplicates, merge_groups, sure_groups

    portfolio = open_portfolio(args, auto_backup=False)
    try:
        pairs = likely_duplicates(portfolio)
        groups = sure_groups(pairs)
        batch_id = merge_groups(portfolio, groups) if groups else None
    finally:
        portfolio.close()
    if args.json:
        emit_json(
            {
                "batch_id": batch_id,
                "groups": [{"keep": keep, "merged": others} for keep, others in groups],
                "left_to_check": sum(p.verdict.kind == "review" for p in pairs),
            }
        )
        return 0
    left = sum(p.verdict.kind == "review" for p in pairs)
    if batch_id is None:
        print("没有“很可能是同一项目”的项目对，没有合并任何项目。")
    else:
        merged = sum(len(others) for _, others in groups)
        print(
            f"已把 {merged} 个项目并入 {len(groups)} 个项目（批次 {batch_id}，两者不同的内容以保留的为准）："
        )
        for line in group_lines(pairs, groups):
            print(f"  {line}")
        print(f"如需一次撤销：{cli_command()} undo-import {batch_id}")
    if left:
        print(
            f"另有 {left} 对“可能是同一项目”未合并，请用 {cli_command()} duplicates 核对后逐对合并。"
        )
    return 0
