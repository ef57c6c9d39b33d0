"""Settings that belong to the data: county name, 填报单位, 填表人, warning thresholds, lists.

One registry of typed options with their defaults (as Picard does), stored as JSON in the
``settings`` table. Thresholds default to published county practice.
Window geometry and recent files are not here: they belong to the machine (QSettings).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from tracker.errors import ValidationError


@dataclass(frozen=True)
class Option:
    key: str
    label: str  # Chinese, as shown in the settings dialog
    default: Any
    kind: str  # text | int | list
    minimum: int = 0


OPTIONS: tuple[Option, ...] = (
    # Empty until the clerk names them (first-run set-up): a made-up county on a report
    # sent upwards is worse than a blank the clerk notices.
    Option("county_name", "县（区）名称", "", "text"),
    Option("reporting_unit", "填报单位", "", "text"),
    Option("preparer", "填表人", "", "text"),
    # 逾期未落地
    Option("registration_yellow_days", "签约后未注册·黄灯（天）", 90, "int", 1),
    Option("registration_red_days", "签约后未注册·红灯（天）", 180, "int", 1),
    # 逾期未开工: no planned start -> signed this many days ago; red this many days later
    Option("start_default_days", "无计划开工日期时·签约后未开工（天）", 180, "int", 1),
    Option("start_red_extra_days", "逾期未开工·转红灯（再过天数）", 90, "int", 1),
    # 资金到位滞后
    Option("funds_min_months", "资金到位·签约满（月）", 12, "int", 1),
    Option("funds_yellow_pct", "资金到位率低于·黄灯（%）", 30, "int", 0),
    Option("funds_red_pct", "资金到位率低于·红灯（%）", 10, "int", 0),
    # 逾期未投产
    Option("production_red_extra_days", "逾期未投产·转红灯（再过天数）", 182, "int", 1),
    # 长期无进展
    Option("no_progress_yellow_days", "长期无进展·黄灯（天）", 60, "int", 1),
    Option("no_progress_red_days", "长期无进展·红灯（天）", 90, "int", 1),
    Option("no_progress_remove_days", "长期无进展·建议清理（天）", 180, "int", 1),
    # 服务缺位
    Option("no_visit_days", "无跟踪服务记录·黄灯（天）", 60, "int", 1),
    # 诉求久拖
    Option("problem_red_extra_days", "诉求逾期·转红灯（天）", 30, "int", 1),
    # 意向未转化
    Option("intent_days", "框架/意向协议未转化（天）", 180, "int", 1),
    Option("units", "责任单位", [], "list"),
    Option("industries", "产业类别", [], "list"),
    Option("towns", "落地乡镇/园区", [], "list"),
    Option("leaders", "包抓领导", [], "list"),
)
OPTION_BY_KEY: dict[str, Option] = {o.key: o for o in OPTIONS}
THRESHOLD_KEYS: tuple[str, ...] = tuple(o.key for o in OPTIONS if o.kind == "int")


def defaults() -> dict[str, Any]:
    return {o.key: (list(o.default) if o.kind == "list" else o.default) for o in OPTIONS}


def coerce(key: str, value: Any) -> Any:
    """Check one option's value; raise ValidationError with a Chinese message if wrong."""
    opt = OPTION_BY_KEY.get(key)
    if opt is None:
        raise ValidationError(key, f"未知设置项：{key}")
    if opt.kind == "int":
        try:
            number = int(str(value).strip())
        except ValueError as exc:
            raise ValidationError(key, f"“{opt.label}”应为整数，现为“{value}”。") from exc
        if number < opt.minimum:
            raise ValidationError(key, f"“{opt.label}”不能小于 {opt.minimum}。")
        return number
    if opt.kind == "list":
        items = split_list_text(value) if isinstance(value, str) else list(value)
        seen: list[str] = []
        for item in (str(i).strip() for i in items):
            if item and item not in seen:
                seen.append(item)
        return seen
    return str(value).strip()


def split_list_text(text: str) -> list[str]:
    """Names pasted by a clerk: one per line as a column copied from Excel gives them, or
    a row copied from Excel (tabs), or typed as 县发改局、县经信局 / commas / semicolons."""
    return [item for item in re.split(r"[\r\n\t、，,；;]+", text) if item.strip()]


def load(db: Database) -> dict[str, Any]:
    """All settings, stored values over defaults."""
    values = defaults()
    if "settings" in db.table_names():
        for key, raw in db.execute("SELECT key, value FROM settings").fetchall():
            if key in OPTION_BY_KEY:
                values[key] = json.loads(raw)
    return values


def is_set_up(db: Database) -> bool:
    """Whether someone has named the county for this ledger (first-run set-up, 设置, or a
    demo); until then every report title lacks it."""
    if "settings" not in db.table_names():
        return False
    row = db.execute("SELECT 1 FROM settings WHERE key = 'county_name'").fetchone()
    return row is not None


def check_consistent(values: dict[str, Any]) -> None:
    """Cross-field rules: a red threshold is never milder than its yellow one."""
    pairs = (
        ("registration_yellow_days", "registration_red_days"),
        ("no_progress_yellow_days", "no_progress_red_days"),
        ("no_progress_red_days", "no_progress_remove_days"),
        ("funds_red_pct", "funds_yellow_pct"),
    )
    for low, high in pairs:
        if values[low] >= values[high]:
            raise ValidationError(
                high, f"“{OPTION_BY_KEY[high].label}”应大于“{OPTION_BY_KEY[low].label}”。"
            )
