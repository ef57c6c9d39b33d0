"""``names`` and ``merge-names``: the 名录 (units, leaders, towns/parks, industries) and
merging two spellings of one name, as the app's 设置 → 名录 does."""

from __future__ import annotations

import argparse
import logging

from tracker.cli.common import SubParsers
from tracker.ledger.name_lists import LISTS
from tracker.ledger.settings import OPTION_BY_KEY
from tracker.program import cli_command

log = logging.getLogger(__name__)


def register(sub: SubParsers) -> None:
    """Add this module's subcommands."""
    p = sub.add_parser(
        "names", help="名录：责任单位、包抓领导、乡镇/园区、产业类别及可能重复的写法"
    )
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_names)

    p = sub.add_parser(
        "merge-names", help="把名录中的一个写法并入另一个：项目改用保留的写法（可撤销）"
    )
    p.add_argument(
        "list", choices=list(LISTS), help="哪个名录：units / leaders / towns / industries"
    )
    p.add_argument("drop", help="并入后不再使用的写法")
    p.add_argument("keep", help="保留的写法")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_merge_names)


def cmd_names(args: argparse.Namespace) -> int:
    from tracker.cli.common import emit_json, open_portfolio
    from tracker.ledger.name_lists import entries, proposals, usage

    portfolio = open_portfolio(args, read_only=True)
    try:
        lists, used, proposed = entries(portfolio), usage(portfolio), proposals(portfolio)
    finally:
        portfolio.close()
    if args.json:
        emit_json(
            {
                "lists": {
                    key: [{"name": n, "projects": used[key].get(n, 0)} for n in names]
                    for key, names in lists.items()
                },
                "proposals": [p.to_json() for p in proposed],
            }
        )
        return 0
    for key, names in lists.items():
        shown = "、".join(f"{n}（{used[key].get(n, 0)}）" for n in names) or "（空）"
        print(f"{OPTION_BY_KEY[key].label}：{shown}")
    for p in proposed:
        print(
            f"可能重复（{OPTION_BY_KEY[p.list_key].label}）：“{p.drop}”与“{p.keep}”，{p.why}；"
            f"合并：{cli_command()} merge-names {p.list_key} {p.drop} {p.keep}"
        )
    return 0


def cmd_merge_names(args: argparse.Namespace) -> int:
    from tracker.cli.common import emit_json, open_portfolio
    from tracker.ledger.name_lists import merge

    portfolio = open_portfolio(args)
    try:
        result = merge(portfolio, args.list, args.drop, args.keep)
    finally:
        portfolio.close()
    if args.json:
        emit_json(result)
        return 0
    print(
        f"已把“{args.drop}”并入“{args.keep}”：{result['moved']} 个项目改用“{args.keep}”"
        f"（批次 {result['batch_id']}；撤销：{cli_command()} undo-import {result['batch_id']}）。"
    )
    return 0
