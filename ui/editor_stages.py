"""进度节点: planned and actual date for each stage after signing.

Dates out of lifecycle order are warned about (not refused: an old ledger may really say
so, and the clerk decides), using the core's ``date_order_problems``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from tracker.domain.project import Project
from tracker.domain.typed_input import date_order_problems
from tracker.domain.vocabulary import DATED_STAGES, Stage
from tracker.errors import ValidationError

from .editor_basic import FormErrors
from .widgets import DateEdit, clear_invalid, mark_invalid


class StagesTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tab_stages")
        self.planned: dict[Stage, DateEdit] = {}
        self.actual: dict[Stage, DateEdit] = {}
        self._loaded: dict[Stage, tuple[str | None, str | None]] = {}
        self.sign_date: str | None = None
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>Stage</b>"), self), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>Planned</b>"), self), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>Actual</b>"), self), 0, 2)
        for row, stage in enumerate(DATED_STAGES, start=1):
            label = QLabel(stage.label + "：", self)
            planned, actual = DateEdit(self), DateEdit(self)
            planned.setObjectName(f"stage_{stage.value}_planned")
            actual.setObjectName(f"stage_{stage.value}_actual")
            planned.setAccessibleName(self.tr("{stage} planned").format(stage=stage.label))
            actual.setAccessibleName(self.tr("{stage} actual").format(stage=stage.label))
            label.setBuddy(actual)
            for edit in (planned, actual):
                edit.editingFinished.connect(self.check_order)
            grid.addWidget(label, row, 0)
            grid.addWidget(planned, row, 1)
            grid.addWidget(actual, row, 2)
            self.planned[stage], self.actual[stage] = planned, actual
        grid.setColumnStretch(3, 1)
        hint = QLabel(
            self.tr(
                "The current stage is the furthest stage with an actual date. Dates may be "
                "typed as 2024-05-01, 2024.5.1 or 2024年5月1日; a month alone (2024-05) is kept."
            ),
            self,
        )
        hint.setWordWrap(True)
        self.order_warning = QLabel(self)
        self.order_warning.setObjectName("stage_order_warning")
        self.order_warning.setStyleSheet("color: #b26a00;")
        self.order_warning.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(hint)
        layout.addWidget(self.order_warning)
        layout.addStretch(1)

    def load(self, project: Project | None) -> None:
        self._loaded = {}
        self.sign_date = project.fields.get("sign_date") if project else None  # type: ignore[assignment]
        for stage in DATED_STAGES:
            sd = project.stage_dates.get(stage) if project else None
            planned, actual = (sd.planned, sd.actual) if sd else (None, None)
            self.planned[stage].set_value(planned)
            self.actual[stage].set_value(actual)
            self._loaded[stage] = (planned, actual)
        self.check_order()

    def raw_values(self) -> dict[str, str]:
        out = {}
        for stage in DATED_STAGES:
            out[f"{stage.value}.planned"] = self.planned[stage].text()
            out[f"{stage.value}.actual"] = self.actual[stage].text()
        return out

    def changes(self) -> dict[Stage, tuple[str | None, str | None]]:
        """Stages whose dates differ from what was loaded; raises FormErrors on bad dates."""
        errors: list[ValidationError] = []
        out: dict[Stage, tuple[str | None, str | None]] = {}
        for stage in DATED_STAGES:
            values: list[str | None] = []
            for name, edit in (("planned", self.planned[stage]), ("actual", self.actual[stage])):
                clear_invalid(edit)
                try:
                    values.append(edit.value())
                except ValueError as exc:
                    errors.append(ValidationError(f"{stage.value}.{name}", f"{stage.label}：{exc}"))
                    values.append(None)
            pair = (values[0], values[1])
            if pair != self._loaded.get(stage, (None, None)):
                out[stage] = pair
        if errors:
            raise FormErrors(errors)
        return out

    def set_sign_date(self, value: str | None) -> None:
        self.sign_date = value
        self.check_order()

    def check_order(self) -> list[str]:
        """Warn (not refuse) where actual dates run backwards through the lifecycle."""
        dates: list[tuple[str, str | None]] = [(Stage.SIGNED.label, self.sign_date)]
        for stage in DATED_STAGES:
            try:
                dates.append((stage.label, self.actual[stage].value()))
            except ValueError:
                dates.append((stage.label, None))
        problems = date_order_problems(dates)
        self.order_warning.setText(
            (self.tr("Please check: ") + " ".join(problems)) if problems else ""
        )
        return problems

    def mark(self, error: ValidationError) -> QWidget | None:
        stage_key, _, which = error.field.partition(".")
        try:
            stage = Stage(stage_key)
        except ValueError:
            return None
        edits = self.planned if which == "planned" else self.actual
        widget = edits.get(stage)
        if widget is not None:
            mark_invalid(widget, error.message)
        return widget
