"""The columns of the exported ledger: one header per field, per stage date and status.

Kept as data so the importer can read an exported ledger back (a round trip): every header
is a Chinese label the importer's synonym table knows. Stage dates are
"注册（计划）" / "注册（实际）" and so on for every stage after signing.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.domain.vocabulary import DATED_STAGES, PROJECT_FIELDS, Stage

PLANNED_HEADER = "{label}（计划）"
ACTUAL_HEADER = "{label}（实际）"


@dataclass(frozen=True)
class LedgerColumn:
    header: str
    key: str  # a PROJECT_FIELDS key, "planned.<stage>", "actual.<stage>", or an extra below
    kind: str  # text | money | number | date


def _kind(spec_kind: str) -> str:
    return spec_kind if spec_kind in ("money", "number", "date") else "text"


def stage_headers(stage: Stage) -> tuple[str, str]:
    return PLANNED_HEADER.format(label=stage.label), ACTUAL_HEADER.format(label=stage.label)


LEDGER_COLUMNS: tuple[LedgerColumn, ...] = (
    *(LedgerColumn(spec.label, spec.key, _kind(spec.kind)) for spec in PROJECT_FIELDS),
    *(
        column
        for stage in DATED_STAGES
        for column in (
            LedgerColumn(stage_headers(stage)[0], f"planned.{stage.value}", "date"),
            LedgerColumn(stage_headers(stage)[1], f"actual.{stage.value}", "date"),
        )
    ),
    LedgerColumn("当前阶段", "stage", "text"),
    LedgerColumn("累计到位资金（万元）", "funds_arrived_wan", "money"),
    LedgerColumn("累计完成投资（万元）", "invested_wan", "money"),
    LedgerColumn("进度统计日期", "progress_as_of", "date"),
    LedgerColumn("状态", "status", "text"),
    LedgerColumn("状态日期", "status_date", "date"),
    LedgerColumn("终止原因", "status_reason", "text"),
)
