"""``python -m tracker [--db PATH] COMMAND`` — everything the app does, without a window.

User mistakes end with exit code 2 and one Chinese line on stderr; a traceback means a bug.
Each ``*_commands`` module adds its subcommands with ``register(subparsers)``; each handler
is ``handler(args) -> int``. They are imported here by name, so a packager sees them all.
"""

from __future__ import annotations

import argparse
import logging
import sqlite3
import sys
from collections.abc import Callable, Sequence

from tracker.cli import (
    collect_commands,
    database_commands,
    history_commands,
    import_commands,
    ledger_commands,
    merge_commands,
    name_commands,
    report_commands,
    template_commands,
)
from tracker.cli.common import ChineseArgumentParser, emit_json
from tracker.errors import TrackerError
from tracker.logs import setup_logging
from tracker.program import cli_command
from tracker.storage.faults import explain
from tracker.storage.write_lock import print_wait, set_wait_notifier

log = logging.getLogger(__name__)

COMMAND_GROUPS = (
    database_commands,
    ledger_commands,
    import_commands,
    history_commands,
    merge_commands,
    name_commands,
    report_commands,
    template_commands,
    collect_commands,
)


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog=cli_command(), description="签约项目跟踪：台账、预警与报表（命令行）"
    )
    parser.add_argument(
        "--db", help="数据库文件（默认：用户数据文件夹中的 tracker.db，或 TRACKER_DB）"
    )
    sub = parser.add_subparsers(dest="command", required=True, parser_class=ChineseArgumentParser)
    for group in COMMAND_GROUPS:
        group.register(sub)
    return parser


def _refuse(args: argparse.Namespace, exc: TrackerError) -> int:
    log.info("%s refused: %s", args.command, exc.message)
    if getattr(args, "json", False):
        emit_json({"error": exc.message})
    print(exc.message, file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Callable[[argparse.Namespace], int] = args.func
    setup_logging()
    set_wait_notifier(print_wait)
    try:
        return func(args)
    except TrackerError as exc:
        return _refuse(args, exc)
    except (sqlite3.Error, OSError) as exc:
        # A full disk, a read-only file, a database another program holds: the
        # environment, not a bug. Said in Chinese; anything unrecognised stays a bug.
        explained = explain(exc, args.db)
        if explained is None or isinstance(exc, BrokenPipeError):
            if isinstance(exc, BrokenPipeError):  # output piped into head and the like
                return 0
            log.exception("%s failed", args.command)
            raise
        log.warning("%s failed: %r", args.command, exc)
        return _refuse(args, explained)
    except KeyboardInterrupt:
        print("已取消。", file=sys.stderr)
        return 130
    except Exception:
        log.exception("%s failed", args.command)
        raise
