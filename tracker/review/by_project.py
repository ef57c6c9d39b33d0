"""Warnings seen per project: what a review meeting counts and reads out.

A meeting asks "how many projects are red?", not "how many red lights": a project with
three warnings is one project, counted once at its worst level. ``WarningCounts`` keeps
both figures side by side (红灯项目 N 个 / 黄灯项目 M 个 · 预警 K 条) so no screen or sheet
can show one as if it were the other; ``ProjectWarnings`` is one project's row of the
预警清单 (its rules joined in one cell, its facts one per line).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from tracker.domain.search_keys import pinyin_keys
from tracker.review.rules import (
    LEVEL_LABELS,
    LEVEL_ORDER,
    RED,
    RULE_ORDER,
    YELLOW,
    ReviewWarning,
)

SHORT_LEVEL = {RED: "红", YELLOW: "黄"}
RULE_SEPARATOR = "；"


@dataclass(frozen=True)
class WarningCounts:
    red_projects: int = 0
    yellow_projects: int = 0  # projects whose worst light is yellow
    warnings: int = 0
    red_warnings: int = 0
    yellow_warnings: int = 0

    @property
    def projects(self) -> int:
        """Projects with any warning."""
        return self.red_projects + self.yellow_projects

    def to_json(self) -> dict[str, int]:
        """The ``counts`` object of ``review --json``."""
        return {
            "red_projects": self.red_projects,
            "yellow_projects": self.yellow_projects,
            "warnings": self.warnings,
        }

    def text(self) -> str:
        """红灯项目 N 个，黄灯项目 M 个；预警 K 条（红灯 a 条，黄灯 b 条） — as printed."""
        return (
            f"红灯项目 {self.red_projects} 个，黄灯项目 {self.yellow_projects} 个；"
            f"预警 {self.warnings} 条（红灯 {self.red_warnings} 条，黄灯 {self.yellow_warnings} 条）"
        )


def count_warnings(warnings: Iterable[ReviewWarning]) -> WarningCounts:
    worst: dict[int, str] = {}
    red = yellow = 0
    for w in warnings:
        if w.level == RED:
            red += 1
            worst[w.project_id] = RED
        else:
            yellow += 1
            worst.setdefault(w.project_id, YELLOW)
    red_projects = sum(level == RED for level in worst.values())
    return WarningCounts(
        red_projects=red_projects,
        yellow_projects=len(worst) - red_projects,
        warnings=red + yellow,
        red_warnings=red,
        yellow_warnings=yellow,
    )


@dataclass(frozen=True)
class ProjectWarnings:
    """One project's warnings, worst first: a row of the per-project 预警清单."""

    project_id: int
    project: str
    unit: str | None
    leader: str | None
    sign_date: str
    warnings: tuple[ReviewWarning, ...]

    @property
    def level(self) -> str:
        return self.warnings[0].level

    @property
    def level_label(self) -> str:
        return LEVEL_LABELS[self.level]

    @property
    def rules_text(self) -> str:
        """逾期未开工（红）；资金到位滞后（黄） — each rule once, at its worst level."""
        seen: dict[str, str] = {}
        for w in self.warnings:
            seen.setdefault(w.rule_label, w.level)
        return RULE_SEPARATOR.join(f"{rule}（{SHORT_LEVEL[lvl]}）" for rule, lvl in seen.items())

    @property
    def rules_lines(self) -> str:
        """The rules of ``rules_text`` one per line, for a narrow printed cell."""
        return self.rules_text.replace(RULE_SEPARATOR, "\n")

    @property
    def facts_text(self) -> str:
        """Each warning's facts in a few words on a line of its own, after its rule
        (thresholds are printed once in the 口径说明, so a project's row stays short)."""
        return "\n".join(f"{w.rule_label}：{w.facts}" for w in self.warnings)

    def sort_key(self) -> tuple[Any, ...]:
        """Worst level first, then by unit in pinyin order as a Chinese reader expects
        (unfilled last), then most red lights first."""
        reds = sum(w.level == RED for w in self.warnings)
        return (
            LEVEL_ORDER[self.level],
            not self.unit,
            pinyin_keys(self.unit or "")[0],
            self.unit or "",
            -reds,
            -len(self.warnings),
            self.project_id,
        )


def group_by_project(warnings: Iterable[ReviewWarning]) -> list[ProjectWarnings]:
    """One entry per project with warnings, in the order the 预警清单 prints them."""
    by_id: dict[int, list[ReviewWarning]] = {}
    for w in warnings:
        by_id.setdefault(w.project_id, []).append(w)
    out = []
    for items in by_id.values():
        items.sort(key=ReviewWarning.sort_key)
        first = items[0]
        out.append(
            ProjectWarnings(
                project_id=first.project_id,
                project=first.project,
                unit=first.unit,
                leader=first.leader,
                sign_date=first.sign_date,
                warnings=tuple(items),
            )
        )
    out.sort(key=ProjectWarnings.sort_key)
    return out


def warning_line(w: ReviewWarning) -> str:
    """【红灯】逾期未开工：<facts> — one line for a tooltip or a printed list."""
    return f"【{w.level_label}】{w.rule_label}：{w.message}"


@dataclass(frozen=True)
class RuleCount:
    """One rule's reach: projects it lit (red / yellow at this rule) and its warnings."""

    rule: str
    label: str
    projects: int
    red_projects: int
    yellow_projects: int
    warnings: int


def counts_by_rule(warnings: Iterable[ReviewWarning]) -> list[RuleCount]:
    """Per rule, in the rules' order; rules that fired nowhere are left out."""
    lit: dict[str, dict[int, str]] = {}
    n: dict[str, int] = {}
    label: dict[str, str] = {}
    for w in warnings:
        levels = lit.setdefault(w.rule, {})
        if levels.get(w.project_id) != RED:
            levels[w.project_id] = w.level
        n[w.rule] = n.get(w.rule, 0) + 1
        label[w.rule] = w.rule_label
    out = []
    for rule in RULE_ORDER:
        if rule not in lit:
            continue
        red = sum(level == RED for level in lit[rule].values())
        out.append(RuleCount(rule, label[rule], len(lit[rule]), red, len(lit[rule]) - red, n[rule]))
    return out
