"""What every command shares: the Chinese argument parser, opening the ledger, JSON out,
argument types that refuse nonsense (a negative count, an id SQLite cannot hold), and the
ledger filters (``--year``, ``--unit`` …) that list, review, report and export take."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any

from tracker.domain.vocabulary import Stage, Status
from tracker.ledger.portfolio import Portfolio
from tracker.ledger.queries import ProjectFilter
from tracker.program import cli_command
from tracker.storage.paths import resolve_db_path

SubParsers = argparse._SubParsersAction  # type of ``add_subparsers()``'s result
MAX_SQLITE_INT = 2**63 - 1


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse that reports usage mistakes as one Chinese line and exit code 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"参数错误：{message}。运行 {cli_command()} --help 查看用法。\n")


def int_between(low: int, high: int, what: str) -> Callable[[str], int]:
    """An argparse type: an integer in [low, high], refused in Chinese otherwise."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(f"{what}应为整数，现为“{text}”") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{what}应在 {low} 到 {high} 之间，现为 {text}")
        return value

    parse.__name__ = what  # argparse names the type in its messages
    return parse


record_id = int_between(1, MAX_SQLITE_INT, "编号")


def open_portfolio(
    args: argparse.Namespace,
    *,
    auto_backup: bool = True,
    read_only: bool = False,
    create: bool = False,
) -> Portfolio:
    """The ledger ``--db`` names; ``read_only`` for commands that only read (they then
    work on a read-only file and never migrate or back up)."""
    return Portfolio.open(
        resolve_db_path(args.db), auto_backup=auto_backup, read_only=read_only, create=create
    )


def emit_json(data: Any) -> None:
    """One ``write`` of the whole document: ``json.dump`` to a stream writes every token
    separately (1.5 million calls for a 20,000-row import plan)."""
    sys.stdout.write(json_text(data) + "\n")


# json's C encoder serves only documents without ``indent``: an indented 20,000-row plan
# went through the pure-Python encoder (1.8 million calls, longer than the plan's write).
_LINE = json.JSONEncoder(ensure_ascii=False, default=str, separators=(", ", ": ")).encode


def json_text(data: Any) -> str:
    """``data`` as JSON, one line per item of a list (a plan row, a project) and per
    member of the outer object: as readable as an indented document and as many times
    shorter as an item has fields, encoded at C speed a line at a time."""
    if isinstance(data, list) and data:
        return _lines(data, "")
    if not isinstance(data, dict) or not data:
        return _LINE(data)
    members = []
    for key, value in data.items():
        if isinstance(value, list) and value:
            members.append(f" {_LINE({key: 0})[1:-2]}{_lines(value, ' ')}")
        else:
            members.append(f" {_LINE({key: value})[1:-1]}")
    return "{\n" + ",\n".join(members) + "\n}"


def _lines(items: list[Any], indent: str) -> str:
    inner = indent + " "
    return "[\n" + ",\n".join(inner + _LINE(item) for item in items) + f"\n{indent}]"


def filter_from_args(args: argparse.Namespace) -> ProjectFilter:
    return ProjectFilter(
        search=getattr(args, "search", None),
        year=getattr(args, "year", None),
        unit=getattr(args, "unit", None),
        stage=getattr(args, "stage", None),
        industry=getattr(args, "industry", None),
        status=getattr(args, "status", None),
        incomplete=getattr(args, "incomplete", None) or None,
    )


def add_filter_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--search", help="名称/投资方/单位/领导，可用拼音或首字母")
    parser.add_argument("--year", type=int_between(1900, 2200, "年份"), help="签约年份")
    parser.add_argument("--unit", help="责任单位")
    parser.add_argument("--stage", choices=[s.value for s in Stage], help="当前阶段")
    parser.add_argument("--industry", help="产业类别")
    parser.add_argument("--status", choices=[s.value for s in Status], help="状态")
    parser.add_argument(
        "--incomplete",
        action="store_true",
        help="只列待补全的项目（投资主体为空、签约日期只有年份）",
    )
