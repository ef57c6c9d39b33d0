"""The 预警 strip at the top of the project editor: why this project is red or yellow.

Each warning is named with its facts and the threshold that fired ("签约 400 天未注册 ·
阈值：签约满 180 天未注册"), so the clerk who opens a pink row sees the reason before any
tab. The rules are the core's (``tracker.review.project_warnings``) on today's date, for
this one project only.
"""

from __future__ import annotations

import html
import logging
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from tracker.domain.dates import display_date
from tracker.domain.project import Project
from tracker.domain.vocabulary import Status
from tracker.review import RED, ReviewWarning, count_warnings, project_warnings

from .ledger_model import TINTS

log = logging.getLogger(__name__)

FRAME_STYLE = {
    "red": "QFrame#warning_strip { background:#fff5f4; border:1px solid #e8a09a; }",
    "yellow": "QFrame#warning_strip { background:#fffbea; border:1px solid #e6cf7a; }",
    "grey": "QFrame#warning_strip { background:#f4f4f4; border:1px solid #c8c8c8; }",
}
MAX_BODY_HEIGHT = 130  # pixels: about six lines; more scroll inside the strip
SHOWN_LINES = 5


class WarningStrip(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("warning_strip")
        self.warnings: list[ReviewWarning] = []
        self.heading = QLabel(self)
        self.heading.setObjectName("warning_strip_heading")
        self.heading.setStyleSheet("font-weight:bold; border:none; background:transparent;")
        self.body = QLabel(self)
        self.body.setObjectName("warning_strip_body")
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setStyleSheet("border:none; background:transparent;")
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.body)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setStyleSheet(
            "QScrollArea, QScrollArea > QWidget > QWidget {background:transparent;}"
        )
        self.scroll.setMaximumHeight(MAX_BODY_HEIGHT)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.scroll)
        self.hide()

    def load(self, project: Project | None, settings: dict[str, Any], as_of: date) -> None:
        """Show the project's warnings on ``as_of`` (hidden for a new project)."""
        self.warnings = []
        if project is None:
            self.hide()
            return
        if project.status is Status.TERMINATED:
            when = display_date(project.status_date) or ""
            reason = project.status_reason or self.tr("no reason given")
            self._show(
                "grey",
                self.tr("Terminated {date}: no warnings are raised.").format(date=when),
                html.escape(self.tr("Reason: {reason}").format(reason=reason)),
            )
            return
        self.warnings = sorted(
            project_warnings(project, settings, as_of), key=ReviewWarning.sort_key
        )
        if not self.warnings:
            self._show(
                None,
                self.tr("No warnings as of {date}.").format(date=as_of.isoformat()),
                "",
            )
            return
        counts = count_warnings(self.warnings)
        heading = self.tr("Warnings as of {date}: {red} red, {yellow} yellow").format(
            date=as_of.isoformat(), red=counts.red_warnings, yellow=counts.yellow_warnings
        )
        lines = [self._line(w) for w in self.warnings]
        worst = RED if counts.red_warnings else "yellow"
        self._show(worst, heading, "<br>".join(lines))
        # room for up to SHOWN_LINES warnings without scrolling; more scroll
        line = self.body.fontMetrics().lineSpacing() + 2
        self.scroll.setMinimumHeight(min(len(lines), SHOWN_LINES) * line + 4)

    def _line(self, w: ReviewWarning) -> str:
        colour = TINTS[w.level].darker(115).name()
        threshold = w.threshold.partition("：")[2] or w.threshold
        label = self.tr("Threshold")
        return (
            f'<span style="background:{colour};">&nbsp;{html.escape(w.level_label)}&nbsp;</span> '
            f"<b>{html.escape(w.rule_label)}</b>：{html.escape(w.facts)}"
            f'　<span style="color:#555555;">{html.escape(label)}：'
            f"{html.escape(threshold)}</span>"
        )

    def _show(self, tone: str | None, heading: str, body: str) -> None:
        self.scroll.setMinimumHeight(0)
        self.setStyleSheet(FRAME_STYLE.get(tone or "", "QFrame#warning_strip { border:none; }"))
        self.heading.setText(heading)
        self.body.setText(body)
        self.scroll.setVisible(bool(body))
        self.setAccessibleDescription(f"{heading}\n{self.plain_text()}")
        self.show()

    def plain_text(self) -> str:
        """The strip as one line per warning (what a screen reader or a test reads)."""
        return "\n".join(
            f"{w.level_label} {w.rule_label}：{w.facts}（{w.threshold}）" for w in self.warnings
        )
