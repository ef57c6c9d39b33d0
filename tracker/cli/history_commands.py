"""``imports``: the import history (each batch, its counts, its as-of date, its conflicts),
the command-line twin of the app's 导入记录 window. Undoing one is ``undo-import N``."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from tracker.cli.common import SubParsers, record_id
from tracker.errors import TrackerError
from tracker.importing.plan_row import ACTION_LABELS, CONFLICTS_LABEL
from tracker.ledger.batches import KIND_LABELS, Batch

log = logging.getLogger(__name__)

COUNT_LABELS = {
    key: ACTION_LABELS.get(key, CONFLICTS_LABEL)
    for key in ("create", "update", "fill", "conflicts", "reject")
}


def register(sub: SubParsers) -> None:
    """Add this module's subcommands."""
    p = sub.add_parser(
        "imports", help="导入记录：每批的文件、时间、工作表、数量、统计日期（撤销用 undo-import）"
    )
    p.add_argument("--batch", type=record_id, help="只看这一批，并列出它的冲突")
    p.add_argument("--conflicts-out", help="把这一批的冲突写入这个 .xlsx 文件（与 --batch 同用）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出")
    p.set_defaults(func=cmd_imports)


def counts_text(batch: Batch) -> str:
    return "，".join(f"{label} {batch.counts.get(key, 0)}" for key, label in COUNT_LABELS.items())


def cmd_imports(args: argparse.Namespace) -> int:
    from tracker.cli.common import emit_json, open_portfolio
    from tracker.importing.errors_out import write_conflicts
    from tracker.ledger.batches import conflicts, get_batch, list_batches
    from tracker.reports.output import check_target

    if args.conflicts_out and args.batch is None:
        raise TrackerError("--conflicts-out 要与 --batch 同用：请指明是哪一批的冲突。")
    out = check_target(Path(args.conflicts_out)) if args.conflicts_out else None
    portfolio = open_portfolio(args, read_only=True)
    try:
        if args.batch is None:
            batches = list_batches(portfolio)
            found = []
        else:
            one = get_batch(portfolio, args.batch)
            if one is None:
                raise TrackerError(f"找不到编号为 {args.batch} 的批次。请运行 imports 查看。")
            batches, found = [one], conflicts(portfolio, args.batch)
    finally:
        portfolio.close()
    if out is not None:
        write_conflicts(found, out)
    if args.json:
        docs = [b.to_json() for b in batches]
        if args.batch is not None:
            emit_json(docs[0] | {"conflicts": [c.to_json() for c in found]})
        else:
            emit_json(docs)
        return 0
    if not batches:
        print("还没有导入过任何文件。")
    for b in batches:
        state = f"已于 {b.undone_at} 撤销" if b.undone_at else "可撤销"
        what = KIND_LABELS.get(b.kind, b.kind)
        sheets = f"，工作表：{'、'.join(b.sheets)}" if b.sheets else ""
        as_of = f"，统计截至 {b.as_of}" if b.as_of else ""
        print(f"批次 {b.id}  {b.at.replace('T', ' ')}  {what}：{b.file_name}{sheets}{as_of}")
        print(f"    {counts_text(b)}；{state}")
    for c in found:
        print(
            f"  冲突 “{c.sheet}”第 {c.row} 行 {c.name}（编号 {c.project_id}）："
            f"{c.label} 库中 {c.stored}（保留），表中 {c.file}"
        )
    if out is not None:
        print(f"冲突已写入：{out}")
    return 0
