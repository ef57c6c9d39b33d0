"""``python -m tracker [--db PATH] COMMAND`` — everything the app does, without a window.

User mistakes end with exit code 2 and one Chinese line on stderr; a traceback means a bug.
Other packages add commands by exposing ``register(subparsers)`` in a module listed in
``COMMAND_MODULES``; each handler is ``handler(args) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import backup
from .errors import TrackerError
from .paths import resolve_db_path
from .portfolio import Portfolio, project_to_json
from .queries import ProjectFilter, row_to_json

# Modules that add subcommands (import, undo-import, review, report, export).
COMMAND_MODULES: tuple[str, ...] = (
    "tracker.importing.commands",
    "tracker.reports.commands",
)

LIST_FIELDS = (
    "id", "name", "investor", "sign_date", "signed_amount_wan", "stage", "unit", "leader",
    "location", "industry", "status",
)


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse that reports usage mistakes as one Chinese line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"参数错误：{message}。运行 python -m tracker --help 查看用法。\n")


def open_portfolio(args: argparse.Namespace, *, auto_backup: bool = True) -> Portfolio:
    return Portfolio.open(resolve_db_path(args.db), auto_backup=auto_backup)


def emit_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1, default=str)
    sys.stdout.write("\n")


# -- core commands -----------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    portfolio = open_portfolio(args)
    print(portfolio.path)
    portfolio.close()
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .demo import fill_demo

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


def filter_from_args(args: argparse.Namespace) -> ProjectFilter:
    return ProjectFilter(
        search=getattr(args, "search", None),
        year=getattr(args, "year", None),
        unit=getattr(args, "unit", None),
        stage=getattr(args, "stage", None),
        industry=getattr(args, "industry", None),
        status=getattr(args, "status", None),
    )


def add_filter_args(parser: argparse.ArgumentParser) -> None:
    from .model import Stage, Status

    parser.add_argument("--search", help="名称/投资方/单位/领导，可用拼音或首字母")
    parser.add_argument("--year", type=int, help="签约年份")
    parser.add_argument("--unit", help="责任单位")
    parser.add_argument("--stage", choices=[s.value for s in Stage], help="当前阶段")
    parser.add_argument("--industry", help="产业类别")
    parser.add_argument("--status", choices=[s.value for s in Status], help="状态")


def cmd_list(args: argparse.Namespace) -> int:
    from .model import STAGE_LABELS, STATUS_LABELS, Stage, Status
    from .money import format_wan

    portfolio = open_portfolio(args, auto_backup=False)
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
            f"{r['name']}（{r['investor']}）{r['unit'] or ''}"
        )
    print(f"共 {len(rows)} 个项目")
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    from .model import STAGE_LABELS

    portfolio = open_portfolio(args, auto_backup=False)
    try:
        project = portfolio.get_project(args.id)
        audit = portfolio.audit_for(args.id)
    finally:
        portfolio.close()
    data = project_to_json(project)
    data["audit"] = [vars(a) for a in audit]
    if args.json:
        emit_json(data)
        return 0
    from .model import PROJECT_FIELDS

    for spec in PROJECT_FIELDS:
        if data.get(spec.key) is not None:
            print(f"{spec.label}：{data[spec.key]}")
    print(f"当前阶段：{STAGE_LABELS[project.stage]}    状态：{project.status.label}")
    for stage, d in project.stage_dates.items():
        print(f"  {stage.label}  计划 {d.planned or '—'}  实际 {d.actual or '—'}")
    for p in project.progress:
        print(f"  进度 {p.as_of}：到位 {p.funds_arrived_wan or '—'} 万元，完成投资 {p.invested_wan or '—'} 万元")
    for v in project.visits:
        print(f"  走访 {v.date} {v.visitor or ''}：{v.content}")
    for p in project.problems:
        print(f"  诉求 {p.raised_date} [{p.status}] {p.description}")
    print(f"变更记录 {len(audit)} 条")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .consistency import check_database

    portfolio = open_portfolio(args, auto_backup=False)
    try:
        problems = check_database(portfolio.db)
    finally:
        portfolio.close()
    for line in problems:
        print(line)
    if problems:
        print(f"发现 {len(problems)} 处问题。", file=sys.stderr)
        return 1
    print("检查通过：数据库完整，数据一致。")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    portfolio = open_portfolio(args, auto_backup=False)
    try:
        out = Path(args.out) if args.out else None
        if out is not None:
            path = backup.backup_connection(portfolio.db.conn, out)
        else:
            path = backup.backup_file(portfolio.path, "manual")
    finally:
        portfolio.close()
    print(path)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    path = resolve_db_path(args.db)
    safety = backup.restore(path, Path(args.file))
    print(f"已从“{args.file}”恢复；恢复前的数据已备份到“{safety}”。")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="python -m tracker", description="签约项目跟踪：台账、预警与报表（命令行）"
    )
    parser.add_argument("--db", help="数据库文件（默认：用户数据文件夹中的 tracker.db，或 TRACKER_DB）")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=ChineseArgumentParser)

    sub.add_parser("init", help="创建或升级数据库，并显示其路径").set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help="写入演示项目")
    p.add_argument("--projects", type=int, default=300)
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
    p.add_argument("id", type=int)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)

    sub.add_parser("check", help="检查数据库完整性与一致性").set_defaults(func=cmd_check)

    p = sub.add_parser("backup", help="立即备份")
    p.add_argument("--out", help="备份到指定文件")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="从备份恢复（先备份当前文件）")
    p.add_argument("file")
    p.set_defaults(func=cmd_restore)

    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except TrackerError as exc:
        if getattr(args, "json", False):
            emit_json({"error": exc.message})
        print(exc.message, file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into head and the like
        return 0
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
