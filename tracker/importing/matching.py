"""Which rows of a file name projects already in the ledger (or earlier in the same file),
and what those stored projects hold now.

Name + investor identify a project (``name_key``); with the investor blank the name alone
does, and says so. Everything stored is loaded once, in bulk, so planning 20,000 rows
stays fast.
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

from tracker.domain.deal_similarity import block_keys
from tracker.domain.money import plain_decimal, yuan_to_wan
from tracker.domain.search_keys import name_key
from tracker.domain.vocabulary import FIELD_BY_KEY, Stage, Status
from tracker.importing.deal_candidates import Candidate, DealIndex
from tracker.importing.plan_row import PlanRow
from tracker.ledger.portfolio import Portfolio

log = logging.getLogger(__name__)
_CHUNK = 500  # ids per IN (...) query


class Existing:
    """What the database already holds, loaded once so planning 20,000 rows stays fast."""

    def __init__(self, portfolio: Portfolio | None) -> None:
        self.portfolio = portfolio
        self.by_key: dict[str, int] = {}
        self.by_name: dict[str, list[int]] = {}
        self.deals = DealIndex(portfolio.db if portfolio is not None else None)
        if portfolio is None:
            return
        for pid, key in portfolio.db.execute("SELECT id, name_key FROM projects ORDER BY id DESC"):
            key = key or ""
            self.by_key[key] = pid
            self.by_name.setdefault(key.split("|", 1)[0], []).append(pid)

    def blank_investor(self, name: str) -> int | None:
        """The stored project of this name whose investor is still blank (待补全)."""
        return self.by_key.get(f"{name}|")


class Dedupe:
    """Repeats within the file and projects already stored: name + investor identify a
    project; with the investor blank, the name alone does (and says so)."""

    def __init__(self, existing: Existing) -> None:
        self.existing = existing
        self.seen: dict[str, PlanRow] = {}
        self.seen_names: dict[str, PlanRow] = {}
        self.matched: list[PlanRow] = []
        self.uncertain: list[PlanRow] = []
        self.similar: dict[int, PlanRow] = {}  # stored id -> the row matched to it by likeness
        self.new_deals = DealIndex()  # the rows this file creates, to catch a retyped repeat
        self.new_rows: list[PlanRow] = []
        self._keyed: tuple[PlanRow, list[str]] | None = None  # the last row's block keys

    def check(self, row: PlanRow) -> None:
        name, investor = row.data["name"], row.data.get("investor")
        key = name_key(name, investor)
        name_only = key.split("|", 1)[0]
        first = self.seen.get(key) or (None if investor else self.seen_names.get(name_only))
        if first is not None:
            row.action = "skip"
            row.duplicate_in_file = True
            why = "名称和投资主体相同" if investor else "本行没有投资主体，名称相同即视为同一项目"
            row.warnings.append(f"与“{first.sheet}”第 {first.row} 行重复（{why}），跳过")
            return
        self.seen[key] = row
        if name_only in self.seen_names:
            other = self.seen_names[name_only]
            row.warnings.append(
                f"与“{other.sheet}”第 {other.row} 行名称相同但投资主体不同，请核对是否同一项目"
            )
        else:
            self.seen_names[name_only] = row
        self._match_stored(row, key, name_only, bool(investor))
        if row.action == "create" and row.project_id is None and not row.uncertain:
            self._match_new(row)

    def _block_keys(self, row: PlanRow) -> list[str]:
        """The row's block keys, worked out once for the stored deals, the file's own and
        filing it among them (and not at all for a row found by name and investor)."""
        if self._keyed is None or self._keyed[0] is not row:
            self._keyed = (row, block_keys(row.data))
        return self._keyed[1]

    def _match_stored(self, row: PlanRow, key: str, name_only: str, has_investor: bool) -> None:
        existing = self.existing
        same_name = existing.by_name.get(name_only, [])
        if key in existing.by_key:
            row.project_id = existing.by_key[key]
            row.score, row.match_reasons = 1.0, "名称和投资主体相同"
        elif has_investor and (pid := existing.blank_investor(name_only)) is not None:
            row.project_id = pid  # the stored one lacks its investor: this row completes it
            row.warnings.append(f"库中同名项目（编号 {pid}）没有投资主体，按同一项目补全")
        elif not has_investor and len(same_name) == 1:
            row.project_id = same_name[0]
            row.warnings.append(
                f"本行没有投资主体，按名称认定为库中已有项目（编号 {same_name[0]}）"
            )
        elif not has_investor and same_name:
            row.action = "skip"
            ids = "、".join(str(p) for p in same_name)
            row.warnings.append(
                f"库中有 {len(same_name)} 个同名项目（编号 {ids}），本行没有投资主体，"
                "无法确定是哪一个，跳过；请补上投资主体后再导入"
            )
            return
        elif (
            has_investor
            and (found := existing.deals.best(row.data, keys=self._block_keys(row))) is not None
        ):
            self._similar(row, found)
            return
        elif same_name:
            row.warnings.append(f"库中已有同名项目（编号 {same_name[0]}），但投资主体不同，请核对")
        if row.project_id is not None:
            self.similar.setdefault(row.project_id, row)
            self.matched.append(row)

    def _match_new(self, row: PlanRow) -> None:
        """A row the file already holds in another spelling is a repeat (a likely one is
        said, and created)."""
        keys = self._block_keys(row)
        found = self.new_deals.best(row.data, keys=keys) if row.data.get("investor") else None
        if found is not None:
            first = self.new_rows[-found.project_id - 1]
            where = f"“{first.sheet}”第 {first.row} 行"
            why = f"相似度 {found.verdict.score:.2f}：{found.verdict.why()}"
            if found.verdict.kind == "match":
                row.action = "skip"
                row.duplicate_in_file = True
                row.warnings.append(f"与{where}是同一项目的两种写法（{why}），跳过")
                return
            row.warnings.append(f"与{where}可能是同一项目（{why}），请核对")
        self.new_rows.append(row)
        self.new_deals.add({**row.data, "id": -len(self.new_rows)}, keys)

    def _similar(self, row: PlanRow, found: Candidate) -> None:
        """A stored deal this row resembles: the same one (``match``), or one the clerk
        must confirm (``review``)."""
        pid, verdict = found.project_id, found.verdict
        row.score, row.match_reasons, row.retyped = verdict.score, verdict.why(), True
        row.stored = found.stored
        if verdict.kind == "review":
            row.uncertain, row.candidate_id = True, pid
            self.uncertain.append(row)
            return
        if (first := self.similar.get(pid)) is not None:
            row.action = "skip"
            row.duplicate_in_file = True
            row.warnings.append(
                f"与“{first.sheet}”第 {first.row} 行是库中同一项目（编号 {pid}）的两种写法，跳过"
            )
            return
        self.similar[pid] = row
        row.project_id = pid
        row.warnings.append(
            f"按相似认定为库中已有项目“{found.stored['name']}”（编号 {pid}，"
            f"相似度 {verdict.score:.2f}）：{verdict.why()}"
        )
        self.matched.append(row)


def current_state(portfolio: Portfolio, ids: list[int]) -> dict[int, dict[str, Any]]:
    """Fields, stage dates, status and dated figures of the matched projects, in bulk."""
    state: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for row in portfolio.rows_for_ids(chunk):
            state[row["id"]] = {
                "fields": {k: row.get(k) for k in FIELD_BY_KEY},
                "status": Status(row["status"]),
                "stage": Stage(row["stage"]),
                "actual": {},
                "planned": {},
                "progress": [],
            }
        marks = ",".join("?" * len(chunk))
        for pid, stage, planned, actual in portfolio.db.execute(
            f"SELECT project_id, stage, planned, actual FROM stage_dates WHERE project_id IN ({marks})",
            chunk,
        ):
            if pid in state:
                state[pid]["actual"][stage] = actual
                state[pid]["planned"][stage] = planned
        for pid, fid, as_of, funds, invested in portfolio.db.execute(
            "SELECT project_id, id, as_of, funds_arrived_yuan, invested_yuan FROM progress"
            f" WHERE project_id IN ({marks})",
            chunk,
        ):
            if pid in state:
                state[pid]["progress"].append(
                    (as_of, fid, yuan_to_wan(funds), yuan_to_wan(invested))
                )
    for s in state.values():
        for key, value in list(s["fields"].items()):
            if key == "land_area_mu" and value not in (None, ""):
                s["fields"][key] = plain_decimal(Decimal(str(value)))
    return state
