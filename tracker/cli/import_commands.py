"""``import`` and ``undo-import``: the importer on the command line.

With ``--json`` the output is one JSON object checked by machine (see issue 4); without
it, a short Chinese report. Nothing is written on a dry run or when the file is refused.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from tracker.cli.common import SubParsers, record_id
from tracker.errors import TrackerError
from tracker.importing.plan_row import ACTION_LABELS
from tracker.importing.rows import SOURCE_WORDS
from tracker.importing.synonyms import TARGET_LABELS
from tracker.importing.table_model import Table
from tracker.ledger.portfolio import Portfolio
from tracker.program import cli_command
from tracker.storage.paths import resolve_db_path

log = logging.getLogger(__name__)

SHOWN_CHANGES = 200  # rows listed with their changes in the text report; JSON has all


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
        choices=["fill", "update", "skip"],
        default="fill",
        help="库中已有同一项目时：fill 只补全库中空白、与库中不同的内容保留并列为冲突（默认）；"
        "update 用表中内容更新；skip 跳过",
    )
    p.add_argument(
        "--on-uncertain",
        choices=["skip", "create"],
        default="skip",
        help="表中一行可能是库中已有项目、但不能确定时（列为“待确认”）：skip 暂不导入、"
        "列出待确认（默认）；create 按新项目导入",
    )
    p.add_argument(
        "--as-of",
        help="表中进度数字（累计到位资金等）的统计日期 YYYY-MM-DD；不给则依次取统计日期列、"
        "标题或表名中的日期、表中最晚的日期",
    )
    p.add_argument("--errors-out", help="把被拒绝的行写入这个 .xlsx 文件，改好后可再导入")
    p.add_argument("--conflicts-out", help="把冲突（库中保留、表中不同的内容）写入这个 .xlsx 文件")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("undo-import", help="撤销一次导入（删除其新增的项目，还原其修改）")
    p.add_argument("batch_id", type=record_id, help="导入批次号")
    p.add_argument(
        "--keep-edited",
        action="store_true",
        help="导入后被修改过或添加了记录的新增项目保留不删，其余照常撤销",
    )
    p.add_argument(
        "--force", action="store_true", help="导入后被修改过的新增项目也一并删除（先自动备份）"
    )
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_undo_import)


def _read_only_portfolio(path: Path) -> Portfolio | None:
    """The database for a dry run, opened read-only so not one byte changes; None if the
    file does not exist yet (nothing is stored, so every row would be new)."""
    from tracker.storage.file_check import check_tracker_file

    if check_tracker_file(path) != "ours":
        return None
    return Portfolio.open(path, read_only=True)


def cmd_import(args: argparse.Namespace) -> int:
    from tracker.cli.common import emit_json, open_portfolio
    from tracker.importing.apply import apply_plan
    from tracker.importing.plan import build_plan, load_tables, no_ledger_message
    from tracker.importing.read import read_workbook
    from tracker.importing.sheets import parse_as_of, parse_sign_date
    from tracker.reports.output import check_target

    errors_out = check_target(Path(args.errors_out)) if args.errors_out else None
    conflicts_out = check_target(Path(args.conflicts_out)) if args.conflicts_out else None
    sign_date = parse_sign_date(args.sign_date) if args.sign_date is not None else None
    as_of = parse_as_of(args.as_of) if args.as_of is not None else None
    workbook = read_workbook(Path(args.file), args.password)
    db_path = resolve_db_path(args.db)
    if args.dry_run:
        portfolio = _read_only_portfolio(db_path)
    else:
        tables = load_tables(workbook, sheet=args.sheet, sign_date=sign_date)
        if not any(t.data_rows() and not t.skipped for t in tables):
            raise TrackerError(no_ledger_message(workbook, tables))
        portfolio = open_portfolio(args, auto_backup=False)
    try:
        tables = load_tables(workbook, sheet=args.sheet, portfolio=portfolio, sign_date=sign_date)
        plan = build_plan(
            workbook,
            tables,
            portfolio,
            on_duplicate=args.on_duplicate,
            on_uncertain=args.on_uncertain,
            as_of=as_of,
        )
        summary = plan.summary()
        nothing_valid = summary["reject"] == summary["rows"]
        batch_id = None
        if not args.dry_run and portfolio is not None and not nothing_valid:
            batch_id = apply_plan(portfolio, plan)
    finally:
        if portfolio is not None:
            portfolio.close()
    errors_failed = _write_errors(plan, errors_out, conflicts_out)
    refusal = None
    if nothing_valid:
        refusal = (
            f"文件“{workbook.path.name}”中的 {summary['rows']} 行全部被拒绝，没有写入任何内容"
            "（原因见上）。请改正后再导入"
            + ("，被拒绝的行已写入错误行文件。" if errors_out and not errors_failed else "。")
        )
    if args.json:  # one JSON document, the refusal inside it
        emit_json(plan.to_json(batch_id) | ({"error": refusal} if refusal else {}))
    else:
        _print_report(plan, batch_id, args)
    if refusal:
        log.info("import refused: %s", refusal)
        print(refusal, file=sys.stderr)
        return 2
    if errors_failed:
        done = f"导入已完成（批次 {batch_id}），" if batch_id is not None else ""
        print(f"{done}但被拒绝的行没能写入错误行文件：{errors_failed}", file=sys.stderr)
        return 1
    return 0


def _write_errors(plan, out: Path | None, conflicts_out: Path | None) -> str | None:  # type: ignore[no-untyped-def]
    """Write the rejected rows and the conflicts; the reason it failed, or None. After a
    committed import a failure here must not read as "nothing was imported"."""
    from tracker.importing.errors_out import plan_conflicts, write_conflicts, write_rejected

    try:
        if out is not None:
            write_rejected(plan, out)
        if conflicts_out is not None:
            write_conflicts(plan_conflicts(plan), conflicts_out)
    except TrackerError as exc:
        return exc.message
    return None


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
    if plan.as_of is not None:
        print(f"进度数字统计截至 {plan.as_of.value}（{plan.as_of.detail}）；可用 --as-of 更改。")
    for r in plan.rows:
        if r.action == "reject":
            print(f"  拒绝 “{r.sheet}”第 {r.row} 行：{'；'.join(r.errors)}")
    shown = 0
    for r in plan.matched_rows():
        if not (r.changes or r.conflicts) or shown >= SHOWN_CHANGES:
            continue
        shown += 1
        print(
            f"  {ACTION_LABELS[r.action]} “{r.sheet}”第 {r.row} 行 {r.data.get('name')}（编号 {r.project_id}）："
        )
        for c in r.changes:
            print(f"      {c.label}：{c.shown('old')} → {c.shown('new')}")
        for c in r.conflicts:
            print(f"      冲突，保留库中：{c.label} 库中 {c.shown('old')}，表中 {c.shown('new')}")
    for r in plan.review_rows():
        print(f"  待确认 “{r.sheet}”第 {r.row} 行 {r.data.get('name')}：{r.note}")
    summary = plan.summary()
    counts = "，".join(f"{ACTION_LABELS[a]} {summary[a]}" for a in ACTION_LABELS)
    print(f"共 {summary['rows']} 行项目数据：{counts}；有冲突的项目 {summary['conflicts']} 个。")
    if summary["review"]:
        how = "已按新项目导入" if plan.on_uncertain == "create" else "暂未导入"
        print(f"其中 {summary['review']} 行可能是库中已有项目、需要确认，{how}（--on-uncertain）。")
    if summary["conflicts"] and plan.on_duplicate == "fill":
        print("有冲突的内容保留了库中的值；要用表中的值，请核对后加 --on-duplicate update 再导入。")
    if args.dry_run:
        print("这是试运行（--dry-run），没有写入数据库。")
    elif batch_id is not None:
        print(f"已导入，批次号 {batch_id}。如需撤销：{cli_command()} undo-import {batch_id}")
    if args.errors_out and summary["reject"]:
        print(f"被拒绝的行已写入：{args.errors_out}")
    if args.conflicts_out and summary["conflicts"]:
        print(f"冲突已写入：{args.conflicts_out}")


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
    from tracker.importing.undo import UndoBlocked, undo_import

    portfolio = open_portfolio(args)
    try:
        result = undo_import(
            portfolio, args.batch_id, force=args.force, keep_edited=args.keep_edited
        )
    except UndoBlocked as blocked:
        if args.json:
            emit_json({"error": blocked.message, **blocked.review.to_json()})
        else:
            merge = blocked.review.kind == "deal_merge"
            what = "合并" if merge else "导入"
            print(f"以下项目在{what}批次 {args.batch_id} 之后被修改过或添加了记录：")
            for project in (*blocked.review.edited_projects, *blocked.review.kept_fields):
                print(f"  {project.describe()}")
        print(blocked.message, file=sys.stderr)
        return 2
    finally:
        portfolio.close()
    if args.json:
        emit_json({"batch_id": args.batch_id, **result})
        return 0
    if result["kind"] == "deal_merge":
        print(
            f"已撤销合并批次 {args.batch_id}：被并入的项目及其记录已恢复，"
            f"共还原 {result['reverted']} 处（撤销前已自动备份）。"
        )
    else:
        print(
            f"已撤销导入批次 {args.batch_id}：删除新增项目 {result['deleted']} 个，"
            f"还原修改 {result['reverted']} 处（撤销前已自动备份）。"
        )
    what = "合并" if result["kind"] == "deal_merge" else "导入"
    for kept in result["kept_projects"]:
        print(
            f"  保留（{what}后有修改）：项目 {kept['project_id']}（{kept['name']}）："
            f"{'、'.join(kept['changes'])}"
        )
    for kept in result["kept_fields"]:
        print(
            f"  保留{what}后手工改过的内容：项目 {kept['project_id']}（{kept['name']}）："
            f"{'、'.join(kept['changes'])}"
        )
    return 0
