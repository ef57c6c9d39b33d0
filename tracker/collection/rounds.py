"""A collection round: which units (or towns) are asked, the as-of date, the deadline.

The round is stored (``collection_rounds``) with a random token that every workbook of
the round carries (回执编号 N-token): a returned file is then told to belong to this round,
another round of this ledger, or another ledger altogether.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from typing import Any

from tracker.domain.dates import check_date
from tracker.errors import TrackerError
from tracker.ledger.audit import now_iso
from tracker.ledger.portfolio import Portfolio

BY_FIELDS = {"unit": "unit", "town": "location"}
BY_LABELS = {"unit": "责任单位", "location": "落地乡镇/园区"}


@dataclass
class Round:
    id: int
    created_at: str
    as_of: str
    deadline: str | None
    by_field: str  # unit | location
    targets: list[str]
    token: str
    folder: str | None = None

    @property
    def label(self) -> str:
        return f"第 {self.id} 轮"

    @property
    def by_label(self) -> str:
        return BY_LABELS[self.by_field]

    def receipt(self) -> str:
        return f"{self.id}-{self.token}"

    def to_json(self) -> dict[str, Any]:
        return {
            "round_id": self.id,
            "created_at": self.created_at,
            "as_of": self.as_of,
            "deadline": self.deadline,
            "by": "town" if self.by_field == "location" else "unit",
            "targets": self.targets,
            "folder": self.folder,
        }


_SELECT = (
    "SELECT id, created_at, as_of, deadline, by_field, targets, token, folder"
    " FROM collection_rounds"
)


def _round(row: tuple[Any, ...]) -> Round:
    rid, created, as_of, deadline, by_field, targets, token, folder = row
    return Round(rid, created, as_of, deadline, by_field, json.loads(targets), token, folder)


def by_field(by: str) -> str:
    return _column(by)


def _column(field: str) -> str:
    """The projects column a round is sent by ("unit"/"town" or the column itself)."""
    column = BY_FIELDS.get(field, field)
    if column not in BY_LABELS:
        raise TrackerError(
            f"按什么分发？应为 unit（责任单位）或 town（乡镇/园区），现为“{field}”。"
        )
    return column


def available_targets(portfolio: Portfolio, field: str) -> list[tuple[str, int]]:
    """Units (or towns) that have projects not terminated, with how many, by name."""
    field = _column(field)
    rows = portfolio.db.execute(
        f"SELECT TRIM({field}), COUNT(*) FROM projects WHERE status != 'terminated'"
        f" AND {field} IS NOT NULL AND TRIM({field}) != '' GROUP BY 1 ORDER BY 1"
    ).fetchall()
    return [(r[0], int(r[1])) for r in rows]


def create_round(
    portfolio: Portfolio,
    as_of: str,
    deadline: str | None,
    field: str,
    targets: list[str] | None = None,
    folder: str | None = None,
) -> Round:
    """Store a new round; ``targets`` defaults to every unit (town) with projects."""
    field = _column(field)
    as_of_checked = _date("统计截至日期", as_of)
    deadline_checked = _date("报送截止日期", deadline) if deadline else None
    if deadline_checked and deadline_checked < as_of_checked:
        raise TrackerError(
            f"报送截止日期（{deadline_checked}）早于统计截至日期（{as_of_checked}），请核对。"
        )
    known = dict(available_targets(portfolio, field))
    chosen = list(dict.fromkeys(targets)) if targets else list(known)
    if not chosen:
        raise TrackerError(
            f"台账中没有填写{BY_LABELS[field]}的在建项目，无法分发。请先在台账中填写{BY_LABELS[field]}。"
        )
    missing = [t for t in chosen if t not in known]
    if missing:
        raise TrackerError(
            f"台账中没有{BY_LABELS[field]}为“{'、'.join(missing)}”的项目（已终止的不算）。"
            f"可选：{'、'.join(known) or '（无）'}。"
        )
    token = secrets.token_hex(4)
    with portfolio.transaction():
        cursor = portfolio.db.execute(
            "INSERT INTO collection_rounds (created_at, user, as_of, deadline, by_field,"
            " targets, token, folder) VALUES (?,?,?,?,?,?,?,?)",
            [
                now_iso(),
                portfolio.user,
                as_of_checked,
                deadline_checked,
                field,
                json.dumps(chosen, ensure_ascii=False),
                token,
                folder,
            ],
        )
        rid = int(cursor.lastrowid or 0)
        portfolio.record_audit(
            None, "collection_round", "create", None, None, f"第 {rid} 轮 截至 {as_of_checked}"
        )
    found = get_round(portfolio, rid)
    assert found is not None
    return found


def set_folder(portfolio: Portfolio, round_id: int, folder: str) -> None:
    with portfolio.transaction():
        portfolio.db.execute(
            "UPDATE collection_rounds SET folder = ? WHERE id = ?", [folder, round_id]
        )


def _date(label: str, value: str | None) -> str:
    try:
        checked = check_date(value, allow_month=False)
    except ValueError as exc:
        raise TrackerError(f"{label}：{exc}") from exc
    if not checked:
        raise TrackerError(f"请填写{label}（如 2026-06-30）。")
    return checked


def get_round(portfolio: Portfolio, round_id: int) -> Round | None:
    row = portfolio.db.execute(_SELECT + " WHERE id = ?", [round_id]).fetchone()
    return _round(row) if row else None


def require_round(portfolio: Portfolio, round_id: int | None = None) -> Round:
    """The round asked for, or the newest; a clear message when there is none."""
    if round_id is None:
        row = portfolio.db.execute(_SELECT + " ORDER BY id DESC LIMIT 1").fetchone()
        if row is None:
            raise TrackerError("还没有进度收集轮次。请先用 collect make 生成各单位的填报表。")
        return _round(row)
    found = get_round(portfolio, round_id)
    if found is None:
        raise TrackerError(f"找不到第 {round_id} 轮进度收集。请用 collect status 查看已有轮次。")
    return found


def list_rounds(portfolio: Portfolio) -> list[Round]:
    return [_round(r) for r in portfolio.db.execute(_SELECT + " ORDER BY id DESC")]


def find_by_token(portfolio: Portfolio, token: str) -> Round | None:
    row = portfolio.db.execute(_SELECT + " WHERE token = ?", [token]).fetchone()
    return _round(row) if row else None


def target_project_ids(portfolio: Portfolio, rnd: Round, target: str) -> list[int]:
    """The projects (not terminated) the target reports on, by sign date."""
    return [
        r[0]
        for r in portfolio.db.execute(
            f"SELECT id FROM projects WHERE TRIM({rnd.by_field}) = ? AND status != 'terminated'"
            " ORDER BY sign_date, id",
            [target],
        )
    ]
