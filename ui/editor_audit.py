"""变更记录: the project's audit trail, read-only, newest first, each change with where it
came from: "导入：2024台账.xlsx（批次 3）" for an import's (or "撤销导入…" for its undo,
"合并名录…" for a merge of two spellings), "手工" for the clerk's own edits."""

from __future__ import annotations

import json

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.money import yuan_to_wan
from tracker.domain.project import AuditEntry
from tracker.domain.vocabulary import FIELD_BY_KEY, Stage

ENTITY_TITLES = {
    "project": "项目",
    "stage": "进度节点",
    "progress": "资金与投资",
    "visit": "跟踪服务",
    "problem": "企业诉求",
    "settings": "设置",
}
ACTION_TITLES = {
    "create": "新增",
    "update": "修改",
    "delete": "删除",
    "terminate": "终止",
    "pause": "暂缓",
    "reopen": "恢复",
    "undo": "撤销",
    "merge": "并入另一项目",
    "move": "随合并移入",
}
OTHER_FIELDS = {
    "status": "状态",
    "status_date": "状态日期",
    "status_reason": "原因",
    "resolution": "办理结果",
    "resolved_date": "解决日期",
    "as_of": "统计日期",
    "note": "备注",
    "date": "走访日期",
    "visitor": "走访人",
    "content": "服务内容",
    "raised_date": "提出日期",
    "description": "诉求内容",
    "category": "类别",
    "owner_unit": "责任单位",
    "deadline": "办结时限",
}
PROGRESS_TITLES = {
    "funds_arrived": "累计到位资金",
    "invested": "累计完成投资",
    "output": "产值",
    "tax": "税收",
}
HIDDEN_KEYS = {"id", "project_id"}


def describe(value: str | None, entity: str = "project") -> str:
    """An audit value for people: a JSON snapshot becomes "项目名称：…；签约日期：…"."""
    if not value or not value.startswith("{"):
        return value or ""
    try:
        data = json.loads(value)
    except ValueError:
        return value
    parts = []
    for key, item in data.items():
        if item in (None, "") or key in HIDDEN_KEYS:
            continue
        stem = key.removesuffix("_yuan").removesuffix("_wan")
        if stem in PROGRESS_TITLES:
            amount = yuan_to_wan(int(item)) if key.endswith("_yuan") else item
            parts.append(f"{PROGRESS_TITLES[stem]}：{amount} 万元")
        else:
            parts.append(f"{field_title(key, entity)}：{item}")
    return "；".join(parts)


def field_title(field: str | None, entity: str = "project") -> str:
    """'started.planned' -> '开工·计划', 'signed_amount_wan' -> its ledger label."""
    if not field:
        return ""
    if entity != "project" and field in OTHER_FIELDS:
        return OTHER_FIELDS[field]
    if field in FIELD_BY_KEY:
        return FIELD_BY_KEY[field].label
    stage, _, which = field.partition(".")
    if which and stage in Stage.__members__.values():
        return f"{Stage(stage).label}·{'计划' if which == 'planned' else '实际'}"
    return OTHER_FIELDS.get(field, field)


class AuditTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tab_audit")
        headers = [
            self.tr("Time"),
            self.tr("User"),
            self.tr("Source"),
            self.tr("Record"),
            self.tr("Action"),
            self.tr("Field"),
            self.tr("Old value"),
            self.tr("New value"),
        ]
        self.table = QTableWidget(0, len(headers), self)
        self.table.setObjectName("audit_table")
        self.table.setAccessibleName(self.tr("Change history"))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def load(self, entries: list[AuditEntry], sources: dict[int, str] | None = None) -> None:
        """``sources``: audit id -> the batch that wrote it, in words (else a hand edit)."""
        sources = sources or {}
        by_hand = self.tr("By hand")
        rows = list(reversed(entries))
        self.table.setRowCount(len(rows))
        for r, e in enumerate(rows):
            values = (
                e.at.replace("T", " "),
                e.user,
                sources.get(e.id, by_hand),
                ENTITY_TITLES.get(e.entity, e.entity),
                ACTION_TITLES.get(e.action, e.action),
                field_title(e.field, e.entity),
                describe(e.old, e.entity),
                describe(e.new, e.entity),
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                self.table.setItem(r, c, item)

    def texts(self) -> list[tuple[str, ...]]:
        """Cell texts, for tests and copying."""
        return [
            tuple(self.table.item(r, c).text() for c in range(self.table.columnCount()))
            for r in range(self.table.rowCount())
        ]
