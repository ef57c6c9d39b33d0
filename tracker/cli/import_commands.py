"""``import`` and ``undo-import``: the importer on the command line.

With ``--json`` the output is one JSON object checked by machine (see issue 4); without
it, a short Chinese report. Nothing is written on a dry run or when the file is refused.
"""

from __future__ import annotations

import argparse
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from tracker.cli.common import SubParsers
from tracker.errors import TrackerError
from tracker.importing.rows import SOURCE_WORDS
from tracker.importing.synonyms import TARGET_LABELS
from tracker.importing.table_model import Table
from tracker.ledger.portfolio import Portfolio
from tracker.storage.paths import resolve_db_path

ACTION_LABELS = {"create": "新增", "update": "更新", "skip": "跳过", "reject": "拒绝"}


def register(sub: SubParsers) -> None:
    """Add this package's subcommands."""
    p = sub.add_parser("import", help="导入往年台账（xlsx/xls/ods/csv/网页表格）")
    p.add_argument("file", help="要导入的表格文件")
    p.add_argument(
        "--sheet",
        action="append",
        help="只导入这个工作表（可重复：--sheet 城关镇 --sheet 溪口镇）",
    )
    p.add_argument(
        "--sign-date",
        help="表中没有签约日期列时，这些项目的签约时间：2021、2021-06 或 2021-06-30",
    )
    p.add_argument("--password", help="加密工作簿的打开密码")
    p.add_argument("--dry-run", action="store_true", help="只检查，不写入数据库")
    p.add_argument("--json", action="store_true", help="以 JSON 输出检查结果")
    p.add_argument(
        "--on-duplicate",
        choices=["skip", "update"],
        default="update",
        help="库中已有同一项目时：update 更新（默认）或 skip 跳过",
    )
    p.add_argument("--errors-out", help="把被拒绝的行写入这个 .xlsx 文件，改好后可再导入")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("undo-import", help="撤销一次导入（删除其新增的项目，还原其修改）")
    p.add_argument("batch_id", type=int, help="导入批次号")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_undo_import)


def _read_only_portfolio(path: Path) -> Portfolio | None:
    """The database for a dry run, opened read-only so not one byte changes; None if the
    file does not exist yet (nothing is stored, so every row would be new)."""
    from tracker.storage.file_check import check_tracker_file

    if check_tracker_file(path) == "new":
        return None
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    return Portfolio(Database(conn))


def cmd_import(args: argparse.Namespace) -> int:
    from tracker.cli.common import emit_json
    from tracker.importing.apply import apply_plan
    from tracker.importing.errors_out import write_rejected
    from tracker.importing.plan import build_plan, load_tables
    from tracker.importing.read import read_workbook
    from tracker.importing.sheets import parse_sign_date

    sign_date = parse_sign_date(args.sign_date) if args.sign_date is not None else None
    workbook = read_workbook(Path(args.file), args.password)
    db_path = resolve_db_path(args.db)
    if args.dry_run:
        portfolio = _read_only_portfolio(db_path)
    else:
        from tracker.cli.common import open_portfolio

        tables = load_tables(workbook, sheet=args.sheet, sign_date=sign_date)
        if not any(t.data_rows() and not t.skipped for t in tables):
            from tracker.importing.plan import no_ledger_message

            raise TrackerError(no_ledger_message(workbook, tables))
        portfolio = open_portfolio(args, auto_backup=False)
    try:
        tables = load_tables(workbook, sheet=args.sheet, portfolio=portfolio, sign_date=sign_date)
        plan = build_plan(workbook, tables, portfolio, on_duplicate=args.on_duplicate)
        batch_id = None
        if not args.dry_run and portfolio is not None:
            batch_id = apply_plan(portfolio, plan)
    finally:
        if portfolio is not None:
            portfolio.close()
    if args.errors_out:
        write_rejected(plan, Path(args.errors_out))
    if args.json:
        emit_json(plan.to_json(batch_id))
    else:
        _print_report(plan, batch_id, args)
    return 0


def _print_report(plan, batch_id: int | None, args: argparse.Namespace) -> None:  # type: ignore[no-untyped-def]
    print(f"文件：{plan.file}（{plan.format}）")
    for s in plan.sheets:
        if s.skipped:
            print(f"  工作表“{s.name}”：跳过（{s.skipped}）")
        else:
            rows = "、".join(str(r) for r in s.header_rows)
            print(f"  工作表“{s.name}”：表头在第 {rows} 行，金额单位 {s.unit or '万元'}")
            for line in _sheet_notes(s.table):
                print(f"    {line}")
    for r in plan.rows:
        if r.action == "reject":
            print(f"  拒绝 “{r.sheet}”第 {r.row} 行：{'；'.join(r.errors)}")
    summary = plan.summary()
    counts = "，".join(f"{ACTION_LABELS[a]} {summary[a]}" for a in ACTION_LABELS)
    print(f"共 {summary['rows']} 行项目数据：{counts}。")
    if args.dry_run:
        print("这是试运行（--dry-run），没有写入数据库。")
    elif batch_id is not None:
        print(f"已导入，批次号 {batch_id}。如需撤销：python -m tracker undo-import {batch_id}")
    if args.errors_out:
        print(f"被拒绝的行已写入：{args.errors_out}")


def _sheet_notes(table: Table) -> list[str]:
    """What the clerk should look at: columns chosen without certainty, a default sign date,
    rows left out as totals or categories."""
    notes = [
        f"请确认：“{c.header}”列按“{TARGET_LABELS.get(c.target, c.target)}”导入（{c.reason}）"
        for c in table.columns
        if c.target and not c.confident
    ]
    if table.sign_date_default:
        source = SOURCE_WORDS.get(table.sign_date_source, table.sign_date_source)
        notes.append(f"没有签约日期列：签约日期按 {table.sign_date_default}（{source}）")
    if table.reasons:
        notes.append(f"跳过 {len(table.reasons)} 行非项目行（合计、分类、重复表头等）")
    return notes


def cmd_undo_import(args: argparse.Namespace) -> int:
    from tracker.cli.common import emit_json, open_portfolio
    from tracker.importing.undo import undo_import

    portfolio = open_portfolio(args)
    try:
        result = undo_import(portfolio, args.batch_id)
    finally:
        portfolio.close()
    if args.json:
        emit_json({"batch_id": args.batch_id, **result})
    else:
        print(
            f"已撤销导入批次 {args.batch_id}：删除新增项目 {result['deleted']} 个，"
            f"还原修改 {result['reverted']} 处。"
        )
    return 0
