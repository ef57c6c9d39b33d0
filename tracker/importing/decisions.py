"""What happens to a row that names a project already in the ledger.

The plan compares each such row with the stored project (``changes.compute_diff``); what is
then written follows the file's policy, or the clerk's choice for that one row:

- ``fill`` (the default): what the ledger lacks is taken from the file (blank fields, a
  stage date not yet known, a figure of a day the ledger has none for); a value the ledger
  holds and the file states otherwise is **kept** and reported as a conflict — nothing
  stored changes without the clerk seeing it;
- ``update``: the file wins, every difference is written (the plan shows old → new);
- ``skip``: the stored project is left as it is.

The decision is a pure function of the row's differences and the choice, so the wizard
can change the policy or one row's choice without reading the file again, and the import
re-decides under the write lock against the ledger as it is then (``plan.recheck_plan``).
A row that only **may** name a stored project (``PlanRow.uncertain``: a ``review`` of the
deal matcher) offers 是同一项目 (``same``: then it is decided as above) or 不是
(``different``: a new project); undecided, the plan's ``on_uncertain`` settles it —
``skip`` (the default: nothing written, reported) or ``create``.
"""

from __future__ import annotations

import logging

from tracker.errors import TrackerError
from tracker.importing.plan_row import PlanRow

log = logging.getLogger(__name__)

POLICIES = ("fill", "update", "skip")
UNCERTAIN = ("skip", "create")  # what an unconfirmed possible match does
# Chinese labels of the choices a matched row offers (the wizard and the CLI's help).
CHOICES: dict[str, str] = {
    "fill": "补全空白，保留库中已有内容",
    "update": "用表中的内容更新",
    "skip": "不动库中的项目",
    "same": "是同一项目",
    "different": "不是同一项目",
}


def check_policy(policy: str) -> str:
    if policy not in POLICIES:
        raise TrackerError(
            f"重复项目的处理方式应为 fill（补全）、update（更新）或 skip（跳过），现为“{policy}”。"
        )
    return policy


def check_uncertain(value: str) -> str:
    if value not in UNCERTAIN:
        raise TrackerError(
            f"可能重复的项目的处理方式应为 skip（跳过）或 create（按新项目导入），现为“{value}”。"
        )
    return value


def choices_for(row: PlanRow) -> list[str]:
    """The choices the clerk has for this row (empty: nothing to decide)."""
    if row.uncertain:
        return ["same", "different"]
    return list(POLICIES) if row.project_id is not None and row.diff else []


def settle(row: PlanRow, policy: str, on_uncertain: str = "skip") -> None:
    """Decide a row naming (or possibly naming) a stored project."""
    if not row.uncertain:
        decide(row, policy)
        return
    pid = row.candidate_id
    maybe = f"可能是库中项目（编号 {pid}，相似度 {row.score:.2f}：{row.match_reasons}）"
    if row.choice == "same":
        row.project_id = pid
        decide(row, policy)
        row.note = f"您确认是库中同一项目；{row.note}"
        return
    row.project_id, row.changes, row.conflicts = None, [], []
    if row.choice == "different":
        row.action, row.note = "create", f"{maybe}，您确认不是同一项目，按新项目导入"
    elif on_uncertain == "create":
        row.action, row.note = "create", f"{maybe}，未确认，按设置作为新项目导入"
    else:
        row.action = "skip"
        row.note = (
            f"{maybe}，需要您确认，暂不导入；请在导入向导中选“是同一项目”或“不是”，"
            "或加 --on-uncertain create 作为新项目导入"
        )


def decide(row: PlanRow, policy: str) -> None:
    """Set the row's action, the changes it writes and the conflicts it reports, from its
    differences and its own choice (or else the plan's policy)."""
    pid = row.project_id
    choice = row.choice or policy
    if not row.diff:
        row.action, row.changes, row.conflicts = "skip", [], []
        row.note = f"库中已有此项目（编号 {pid}），内容相同，跳过"
        return
    if choice == "update":
        applied, kept = list(row.diff), []
    elif choice == "fill":
        applied = [c for c in row.diff if c.kind != "differs"]
        kept = [c for c in row.diff if c.kind == "differs"]
    else:
        applied, kept = [], []
    row.changes, row.conflicts = applied, kept
    if any(c.kind == "differs" for c in applied):
        row.action = "update"
        row.note = f"库中已有此项目（编号 {pid}），按表中内容更新 {len(applied)} 处"
    elif applied:
        row.action = "fill"
        row.note = f"库中已有此项目（编号 {pid}），补全 {len(applied)} 处空白"
    else:
        row.action = "skip"
        row.note = (
            f"库中已有此项目（编号 {pid}），按设置跳过，不更新"
            if choice == "skip"
            else f"库中已有此项目（编号 {pid}），没有可补全的空白"
        )
    if kept:
        row.note += "；" + "、".join(
            f"{c.label}库中为“{c.shown('old')}”、表中为“{c.shown('new')}”" for c in kept
        )
        row.note += "，保留库中的内容（冲突）"


def set_choice(row: PlanRow, choice: str | None, policy: str, on_uncertain: str = "skip") -> None:
    """The clerk's decision for one row (None: follow the plan's policy)."""
    if choice is not None and choice not in choices_for(row):
        raise TrackerError(f"第 {row.row} 行不能选择“{choice}”。")
    row.choice = choice
    settle(row, policy, on_uncertain)
