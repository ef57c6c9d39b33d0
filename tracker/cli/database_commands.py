"""``init``, ``check``, ``backup``, ``restore``: the database file itself.

Only ``init`` and ``restore`` write the ledger; ``check`` and ``backup`` read it
(``backup`` writes the copy elsewhere), so both work on a read-only ledger.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tracker.cli.common import SubParsers, open_portfolio
from tracker.errors import TrackerError
from tracker.storage import backup
from tracker.storage.access import connect_read_only
from tracker.storage.file_check import check_tracker_file
from tracker.storage.integrity import check_database
from tracker.storage.paths import resolve_db_path
from tracker.storage.restore import current_contents, inspect_backup, restore


def register(sub: SubParsers) -> None:
    sub.add_parser("init", help="创建或升级数据库，并显示其路径").set_defaults(func=cmd_init)
    p = sub.add_parser("check", help="检查数据库完整性与一致性（只读）")
    p.add_argument("--quick", action="store_true", help="快速检查（跳过索引内容的交叉核对）")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("backup", help="立即备份")
    p.add_argument("--out", help="备份到指定文件")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="从备份恢复（先检查备份、先备份当前文件）")
    p.add_argument("file")
    p.add_argument(
        "--force", action="store_true", help="备份中没有项目而当前台账有项目时，仍然恢复"
    )
    p.set_defaults(func=cmd_restore)


def cmd_init(args: argparse.Namespace) -> int:
    portfolio = open_portfolio(args, create=True)
    print(portfolio.path)
    portfolio.close()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from tracker.ledger.portfolio import Portfolio

    # Opened without the quick_check of other reads: damage is what check reports.
    portfolio = Portfolio.open(resolve_db_path(args.db), read_only=True, verify=False)
    try:
        problems = check_database(portfolio.db, quick=args.quick)
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
    path = resolve_db_path(args.db)
    if check_tracker_file(path) != "ours":
        raise TrackerError(f"找不到台账数据库“{path}”（文件不存在或是空的），没有可备份的内容。")
    if args.out:
        conn = connect_read_only(path)
        try:
            out = backup.backup_connection(conn, Path(args.out))
        finally:
            conn.close()
    else:
        out = backup.backup_file(path, "manual")
    print(out)
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    path = resolve_db_path(args.db)
    contents = inspect_backup(Path(args.file))
    current = current_contents(path)
    print(f"备份{contents.describe()}。")
    if current is not None:
        print(f"当前台账{current.describe()}。")
    safety = restore(path, Path(args.file), force=args.force)
    note = f"恢复前的数据已备份到“{safety}”。" if safety else ""
    print(f"已从“{args.file}”恢复。{note}")
    return 0
