"""The vocabulary of the ledger: stages, statuses, choice lists and the project fields.

Field names here are the names used everywhere: the database columns (money aside), the
``list --json`` output, the importer's ``fields`` and the report columns.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Stage(StrEnum):
    SIGNED = "signed"
    REGISTERED = "registered"
    LAND = "land"
    STARTED = "started"
    COMPLETED = "completed"
    PRODUCING = "producing"
    TARGET = "target"

    @property
    def label(self) -> str:
        return STAGE_LABELS[self]

    @property
    def rank(self) -> int:
        return STAGE_ORDER.index(self)


STAGE_ORDER: tuple[Stage, ...] = tuple(Stage)
STAGE_LABELS: dict[Stage, str] = {
    Stage.SIGNED: "签约",
    Stage.REGISTERED: "注册",
    Stage.LAND: "供地",
    Stage.STARTED: "开工",
    Stage.COMPLETED: "竣工",
    Stage.PRODUCING: "投产",
    Stage.TARGET: "达产",
}
# Stages after signing carry their own dates; the signing date lives on the project row.
DATED_STAGES: tuple[Stage, ...] = STAGE_ORDER[1:]


class Status(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    TERMINATED = "terminated"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS: dict[Status, str] = {
    Status.ACTIVE: "正常",
    Status.PAUSED: "暂缓",
    Status.TERMINATED: "终止",
}

PROBLEM_STATUSES: tuple[str, ...] = ("待办", "办理中", "已解决")
PROBLEM_CATEGORIES: tuple[str, ...] = ("用地", "用能", "资金", "审批", "人才", "配套", "其他")
INVESTOR_TYPES: tuple[str, ...] = ("央企", "地方国企", "民企", "外资", "港澳台", "其他")
PROJECT_TYPES: tuple[str, ...] = ("新引进", "增资扩股")
AGREEMENT_TYPES: tuple[str, ...] = ("正式合同", "投资协议", "框架协议", "意向协议")


@dataclass(frozen=True)
class FieldSpec:
    """One ledger column: how it is stored, shown and checked."""

    key: str
    label: str  # Chinese column title, as on a ledger
    kind: str = "text"  # text | money | date | number | choice
    required: bool = False


# The project record, in ledger order. Money fields are 万元 (万美元 for foreign capital)
# in the API and stored as integer 元 (美元) in the database.
PROJECT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("code", "项目编号"),
    FieldSpec("name", "项目名称", required=True),
    FieldSpec("investor", "投资主体", required=True),
    FieldSpec("credit_code", "统一社会信用代码"),
    FieldSpec("investor_origin", "投资方来源地"),
    FieldSpec("investor_type", "投资方类型", "choice"),
    FieldSpec("project_type", "项目类型", "choice"),
    FieldSpec("industry", "产业类别"),
    FieldSpec("industry_chain", "产业链"),
    FieldSpec("agreement_type", "签约形式", "choice"),
    FieldSpec("sign_date", "签约日期", "date", required=True),
    FieldSpec("sign_event", "签约活动"),
    FieldSpec("signed_amount_wan", "签约总投资（万元）", "money", required=True),
    FieldSpec("fixed_asset_wan", "其中固定资产投资（万元）", "money"),
    FieldSpec("foreign_capital_wan_usd", "合同外资（万美元）", "money"),
    FieldSpec("land_area_mu", "用地面积（亩）", "number"),
    FieldSpec("content", "建设内容"),
    FieldSpec("location", "落地乡镇/园区"),
    FieldSpec("unit", "责任单位"),
    FieldSpec("leader", "包抓领导"),
    FieldSpec("contact", "联系人"),
    FieldSpec("phone", "联系电话"),
    FieldSpec("notes", "备注"),
)
FIELD_BY_KEY: dict[str, FieldSpec] = {f.key: f for f in PROJECT_FIELDS}
MONEY_FIELDS: tuple[str, ...] = tuple(f.key for f in PROJECT_FIELDS if f.kind == "money")
