"""``init``, ``check``, ``backup``, ``restore``: the database file itself."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tracker.cli.common import SubParsers, open_portfolio
from tracker.storage import backup
from tracker.storage.integrity import check_database
from tracker.storage.paths import resolve_db_path


def register(sub: SubParsers) -> None:
    sub.add_parser("init", help="创建或升级数据库，并显示其路径").set_defaults(func=cmd_init)
    sub.add_parser("check", help="检查数据库完整性与一致性").set_defaults(func=cmd_check)

    p = sub.add_parser("backup", help="立即备份")
    p.add_argument("--out", help="备份到指定文件")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="从备份恢复（先备份当前文件）")
    p.add_argument("file")
    p.set_defaults(func=cmd_restore)


def cmd_init(args: argparse.Namespace) -> int:
    portfolio = open_portfolio(args)
    print(portfolio.path)
    portfolio.close()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
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
