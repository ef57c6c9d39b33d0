"""A returned file as a plan: per project old → new, new problems, new projects, flags.

Nothing is written here. A project with a flag (a cumulative figure lower than stored, a
stage date before the stage before it or after the as-of date, a stage date the ledger
held otherwise, a project of another unit) is left out unless the clerk accepts it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from tracker.collection.columns import CUMULATIVE, FIGURES, STAGE_KEYS
from tracker.collection.receive import FileRow, ReturnedFile, read_returned, resolve_round
from tracker.collection.rounds import Round, require_round, target_project_ids
from tracker.collection.state import Stored, load_stored, same_note, same_problem
from tracker.domain.money import plain_decimal
from tracker.domain.search_keys import name_key
from tracker.domain.vocabulary import STAGE_ORDER, Stage
from tracker.importing.matching import Existing
from tracker.importing.values import cell_text, parse_amount, parse_date
from tracker.ledger.portfolio import Portfolio

FIGURE_LABELS = dict(FIGURES)
_NOTHING = {"无", "暂无", "没有", "未统计", "不详"}  # said instead of leaving the cell blank
_APPROX = re.compile(r"^(约|大约|近|约计|预计)|(左右|余|多)$")


@dataclass
class Change:
    key: str  # registered.actual | funds_arrived_wan | note | problem | …
    label: str
    old: Any
    new: Any

    def to_json(self) -> dict[str, Any]:
        return {
            "field": self.key,
            "label": self.label,
            "old": _json(self.old),
            "new": _json(self.new),
        }


@dataclass
class ProjectPlan:
    row: int
    project_id: int | None
    name: str
    investor: str
    changes: list[Change] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)  # to confirm: left out unless accepted
    notes: list[str] = field(default_factory=list)  # for information ("约3000万" read as 3000)
    new_data: dict[str, Any] | None = None  # a new project: what the create path gets
    accepted: bool = True

    @property
    def is_new(self) -> bool:
        return self.new_data is not None

    def value(self, key: str) -> Any:
        return next((c.new for c in self.changes if c.key == key), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "row": self.row,
            "project_id": self.project_id,
            "name": self.name,
            "investor": self.investor,
            "new_project": self.is_new,
            "accepted": self.accepted,
            "changes": [c.to_json() for c in self.changes],
            "flags": self.flags,
            "notes": self.notes,
        }


@dataclass
class CollectPlan:
    path: Path
    format: str
    sha256: str
    sheet: str
    round: Round | None
    target: str | None
    flags: list[str] = field(default_factory=list)
    blocked: str | None = None
    projects: list[ProjectPlan] = field(default_factory=list)
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)  # cells not read, with where
    retyped: dict[int, str] = field(default_factory=dict)  # file row -> why it is that deal

    def summary(self) -> dict[str, int]:
        live = [p for p in self.projects if p.accepted]
        return {
            "update": sum(1 for p in live if not p.is_new),
            "create": sum(1 for p in live if p.is_new),
            "problems": sum(1 for p in live for c in p.changes if c.key == "problem"),
            "flagged": sum(1 for p in self.projects if p.flags),
            "left_out": sum(1 for p in self.projects if not p.accepted),
            "unchanged": self.unchanged,
            "errors": len(self.errors),
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "file": str(self.path),
            "format": self.format,
            "sheet": self.sheet,
            "round": self.round.to_json() if self.round else None,
            "target": self.target,
            "flags": self.flags,
            "blocked": self.blocked,
            "summary": self.summary(),
            "projects": [p.to_json() for p in self.projects],
            "errors": self.errors,
        }


def plan_return(portfolio: Portfolio, path: Path, expected: Round | None = None) -> CollectPlan:
    """Read ``path`` and compare it with the ledger; nothing is written."""
    returned = read_returned(Path(path))
    rnd, flags, blocked = resolve_round(portfolio, returned, expected)
    plan = CollectPlan(
        returned.path,
        returned.format,
        returned.sha256,
        returned.sheet,
        rnd,
        returned.target,
        flags,
        blocked,
    )
    if rnd is None:
        return plan
    existing = Existing(portfolio)
    matched: dict[int, int] = {}  # file row -> project id
    for frow in returned.rows:
        pid = _match(frow, existing, plan)
        if pid is not None:
            matched[frow.row] = pid
    target = _target(portfolio, plan, rnd, returned, list(matched.values()))
    plan.target = target
    own = target_project_ids(portfolio, rnd, target) if target else []
    stored = load_stored(portfolio, sorted(set(own) | set(matched.values())))
    seen: dict[int, int] = {}
    for frow in returned.rows:
        pid = matched.get(frow.row)
        if pid is not None and pid in seen:
            plan.errors.append(
                f"第 {frow.row} 行与第 {seen[pid]} 行是同一个项目（编号 {pid}），只读第 {seen[pid]} 行"
            )
            continue
        if pid is not None:
            seen[pid] = frow.row
            _project_plan(plan, returned, frow, stored[pid], rnd, target)
        else:
            _new_project(plan, returned, frow, rnd, target)
    _prior_return(portfolio, plan, rnd, target)
    return plan


def plan_files(
    portfolio: Portfolio, paths: list[Path], round_id: int | None = None
) -> list[CollectPlan]:
    expected = require_round(portfolio, round_id) if round_id is not None else None
    return [plan_return(portfolio, p, expected) for p in paths]


def _target(
    portfolio: Portfolio, plan: CollectPlan, rnd: Round, returned: ReturnedFile, ids: list[int]
) -> str | None:
    """The unit (town) the file is from: its title, else its file name, else the unit most
    of its projects belong to."""
    target = returned.target
    if target in rnd.targets:
        return target
    for candidate in rnd.targets:  # the file name keeps the unit (县经信局_项目进度填报…)
        if returned.path.name.startswith(candidate):
            return candidate
    if ids:
        marks = ",".join("?" * len(ids))
        row = portfolio.db.execute(
            f"SELECT TRIM({rnd.by_field}), COUNT(*) FROM projects WHERE id IN ({marks})"
            " GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
            ids,
        ).fetchone()
        if row and row[0] in rnd.targets:
            return str(row[0])
    plan.flags.append(f"无法确定填报单位（表头写的是“{target or '空'}”），新项目不填责任单位")
    return target


def _match(frow: FileRow, existing: Existing, plan: CollectPlan) -> int | None:
    name = cell_text(frow.cells.get("name"))
    investor = cell_text(frow.cells.get("investor"))
    if frow.project_id is not None and plan.blocked is None:
        if (
            existing.portfolio is not None
            and existing.portfolio.db.execute(
                "SELECT 1 FROM projects WHERE id = ?", [frow.project_id]
            ).fetchone()
        ):
            return frow.project_id
    if not name:
        return None
    key = name_key(name, investor or None)
    if key in existing.by_key:
        return existing.by_key[key]
    same = existing.by_name.get(key.split("|", 1)[0], [])
    if not investor and len(same) == 1:
        return same[0]
    if investor:  # retyped by the unit: the importer's likeness, sure matches only
        data = {
            "name": name,
            "investor": investor,
            "sign_date": _quiet(parse_date, frow.cells.get("sign_date")),
            "signed_amount_wan": _quiet(parse_amount, frow.cells.get("signed_amount_wan")),
        }
        found = existing.deals.best(data)
        if found is not None and found.verdict.kind == "match":
            plan.retyped[frow.row] = found.verdict.why()
            return found.project_id
    return None


def _quiet(parse: Callable[[Any], Any], value: Any) -> Any:
    """A value for comparing only: one that does not read is left out here and reported
    where the row's own figures are read."""
    try:
        return parse(value)
    except ValueError:
        return None


def _amount(
    plan: CollectPlan, frow: FileRow, key: str, returned: ReturnedFile, notes: list[str]
) -> Decimal | None:
    raw = frow.cells.get(key)
    text = cell_text(raw)
    if not text or text in _NOTHING:
        return None
    value: object = raw
    if isinstance(raw, str) and _APPROX.search(text.strip()):
        value = _APPROX.sub("", text.strip())
    try:
        amount = parse_amount(value)
    except ValueError as exc:
        plan.errors.append(f"第 {frow.row} 行“{returned.headers.get(key, key)}”：{exc}，未读入")
        return None
    if value is not raw and amount is not None:
        notes.append(f"“{text}”按 {plain_decimal(amount)} 万元记")
    return amount


def _date(plan: CollectPlan, frow: FileRow, key: str, returned: ReturnedFile) -> str | None:
    try:
        return parse_date(frow.cells.get(key))
    except ValueError as exc:
        plan.errors.append(f"第 {frow.row} 行“{returned.headers.get(key, key)}”：{exc}，未读入")
        return None


def _text(frow: FileRow, key: str) -> str | None:
    text = cell_text(frow.cells.get(key))
    return text or None


def _project_plan(
    plan: CollectPlan,
    returned: ReturnedFile,
    frow: FileRow,
    stored: Stored,
    rnd: Round,
    target: str | None,
) -> None:
    pp = ProjectPlan(frow.row, stored.id, stored.name, stored.investor)
    file_name = cell_text(frow.cells.get("name"))
    if frow.row in plan.retyped:
        pp.notes.append(
            f"表中写作“{file_name}”，认定为台账中的“{stored.name}”（{plan.retyped[frow.row]}）"
        )
    elif file_name and file_name != stored.name:
        pp.notes.append(f"表中名称为“{file_name}”，按编号认定为台账中的“{stored.name}”")
    owner = stored.unit if rnd.by_field == "unit" else stored.location
    if target and (owner or "").strip() != target:
        pp.flags.append(f"该项目在台账中属于“{owner or '（空）'}”，不是{target}")
    dates = {Stage.SIGNED.value: stored.sign_date} | {k: v for k, v in stored.actual.items() if v}
    for key, st in STAGE_KEYS.items():
        new = _date(plan, frow, key, returned)
        old = stored.actual.get(st.value)
        if new is None or new == old:
            continue
        pp.changes.append(Change(key, f"{st.label}日期", old, new))
        dates[st.value] = new
        if old:
            pp.flags.append(f"{st.label}日期台账中为 {old}，表中改为 {new}")
        if new > rnd.as_of:
            pp.flags.append(f"{st.label}日期 {new} 晚于统计截至日期 {rnd.as_of}")
    _order_flags(pp, dates)
    for key, label in FIGURES:
        amount = _amount(plan, frow, key, returned, pp.notes)
        if amount is None:
            continue
        latest = stored.latest.get(key)
        if latest is not None and amount == latest[1]:
            continue
        pp.changes.append(Change(key, label, latest[1] if latest else None, amount))
        if key in CUMULATIVE and latest is not None and amount < latest[1]:
            pp.flags.append(
                f"{label}本期 {plain_decimal(amount)} 小于上期 {latest[1]}（截至 {latest[0]}）"
            )
    if (note := _text(frow, "note")) and not same_note(stored, note):
        pp.changes.append(Change("note", "本期进展情况", None, note))
    if (problem := _text(frow, "problem")) and not same_problem(stored, problem):
        pp.changes.append(Change("problem", "存在问题（新诉求）", None, problem))
    if not pp.changes:
        plan.unchanged += 1
        return
    pp.accepted = not pp.flags
    plan.projects.append(pp)


def _order_flags(pp: ProjectPlan, dates: Mapping[str, str | None]) -> None:
    """A stage dated before a stage that comes before it (签约 included)."""
    previous: tuple[str, str] | None = None
    for st in STAGE_ORDER:
        when = dates.get(st.value)
        if not when:
            continue
        if previous and when[:10] < previous[1][:10]:
            pp.flags.append(f"{st.label}日期 {when} 早于{previous[0]}日期 {previous[1]}")
        if previous is None or when > previous[1]:
            previous = (st.label, when)


def _new_project(
    plan: CollectPlan, returned: ReturnedFile, frow: FileRow, rnd: Round, target: str | None
) -> None:
    name = _text(frow, "name")
    if not name:
        plan.errors.append(f"第 {frow.row} 行有内容但没有项目名称，未读入")
        return
    investor = _text(frow, "investor") or ""
    pp = ProjectPlan(frow.row, None, name, investor)
    sign_date = _date(plan, frow, "sign_date", returned)
    amount = _amount(plan, frow, "signed_amount_wan", returned, pp.notes)
    missing = [label for label, v in (("签约日期", sign_date), ("签约金额", amount)) if v is None]
    if missing:
        plan.errors.append(
            f"第 {frow.row} 行“{name}”在台账中没有，当作新项目但缺{'、'.join(missing)}，未读入；"
            "请补上后再读，或核对名称和投资主体是否与台账一致"
        )
        return
    data: dict[str, Any] = {
        "name": name,
        "investor": investor,
        "sign_date": sign_date,
        "signed_amount_wan": amount,
        "stage_dates": {},
    }
    if target:
        data[rnd.by_field] = target
    dates: dict[str, str | None] = {Stage.SIGNED.value: sign_date}
    for key, st in STAGE_KEYS.items():
        if when := _date(plan, frow, key, returned):
            data["stage_dates"][st.value] = when
            dates[st.value] = when
            pp.changes.append(Change(key, f"{st.label}日期", None, when))
    _order_flags(pp, dates)
    for key, label in FIGURES:
        if (value := _amount(plan, frow, key, returned, pp.notes)) is not None:
            pp.changes.append(Change(key, label, None, value))
    if note := _text(frow, "note"):
        pp.changes.append(Change("note", "本期进展情况", None, note))
    if problem := _text(frow, "problem"):
        pp.changes.append(Change("problem", "存在问题（新诉求）", None, problem))
    pp.changes.insert(0, Change("create", "新项目", None, f"{name}（{investor or '投资主体空'}）"))
    if not frow.in_new_area:
        pp.notes.append("插在表中的一行，台账中没有这个项目，按新项目读入")
    pp.new_data = data
    pp.accepted = not pp.flags
    plan.projects.append(pp)


def _prior_return(portfolio: Portfolio, plan: CollectPlan, rnd: Round, target: str | None) -> None:
    row = portfolio.db.execute(
        "SELECT r.batch_id, r.at FROM collection_returns r JOIN import_batches b"
        " ON b.id = r.batch_id WHERE r.round_id = ? AND r.target = ? AND b.undone_at IS NULL"
        " ORDER BY r.id DESC LIMIT 1",
        [rnd.id, target],
    ).fetchone()
    if row:
        plan.flags.append(
            f"{target}本轮已在 {row[1]} 报回过（批次 {row[0]}），这次只读入与台账不同之处"
        )


def _json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return format(plain_decimal(value), "f")
    return value
