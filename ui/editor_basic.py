"""基本信息: every ledger field, plus the project's status (终止 / 暂缓 with date and reason).

Field titles are the core's Chinese ledger labels (``PROJECT_FIELDS``), the same words
as on the printed ledger; each value is checked by the core's ``clean_field`` so the
form marks every wrong field at once, with the core's message.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from tracker.domain.dates import today_iso
from tracker.domain.fields import clean_field
from tracker.domain.project import Project
from tracker.domain.vocabulary import (
    AGREEMENT_TYPES,
    INVESTOR_TYPES,
    PROJECT_FIELDS,
    PROJECT_TYPES,
    Status,
)
from tracker.errors import ValidationError

from .widgets import (
    ChoiceCombo,
    DateEdit,
    MoneyEdit,
    add_labelled,
    clear_invalid,
    mark_invalid,
    widget_text,
)

FIXED_CHOICES: dict[str, tuple[str, ...]] = {
    "investor_type": INVESTOR_TYPES,
    "project_type": PROJECT_TYPES,
    "agreement_type": AGREEMENT_TYPES,
}
# Field -> the settings list that feeds its combo (new values are still accepted).
SETTINGS_LISTS: dict[str, str] = {
    "industry": "industries",
    "location": "towns",
    "unit": "units",
    "leader": "leaders",
}
LONG_TEXT = ("content", "notes")


class BasicTab(QWidget):
    def __init__(self, settings: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tab_basic")
        self.inputs: dict[str, QWidget] = {}
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(6)
        short = [f for f in PROJECT_FIELDS if f.key not in LONG_TEXT]
        half = (len(short) + 1) // 2
        for i, spec in enumerate(short):
            widget = self._make_input(spec.key, spec.kind, settings)
            row, col = (i, 0) if i < half else (i - half, 2)
            label = QLabel(("*" if spec.required else "") + spec.label + "：", self)
            label.setBuddy(widget)
            grid.addWidget(label, row, col)
            grid.addWidget(widget, row, col + 1)
        row = half
        for key in LONG_TEXT:
            spec = next(f for f in PROJECT_FIELDS if f.key == key)
            widget = self._make_input(key, "long", settings)
            label = QLabel(spec.label + "：", self)
            label.setBuddy(widget)
            grid.addWidget(label, row, 0)
            grid.addWidget(widget, row, 1, 1, 3)
            row += 1
        grid.addWidget(self._status_box(), row, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(row + 1, 1)

    def _make_input(self, key: str, kind: str, settings: dict[str, Any]) -> QWidget:
        widget: QWidget
        if kind == "money":
            widget = MoneyEdit(self)
        elif kind == "date":
            widget = DateEdit(self)
        elif key in FIXED_CHOICES:
            widget = ChoiceCombo(FIXED_CHOICES[key], self)
        elif key in SETTINGS_LISTS:
            widget = ChoiceCombo(settings.get(SETTINGS_LISTS[key]) or [], self)
        elif kind == "long":
            widget = QPlainTextEdit(self)
            widget.setTabChangesFocus(True)
            widget.setFixedHeight(46)
        else:
            widget = QLineEdit(self)
        widget.setObjectName(f"field_{key}")
        spec = next(f for f in PROJECT_FIELDS if f.key == key)
        widget.setAccessibleName(spec.label)
        self.inputs[key] = widget
        return widget

    def set_lists(self, settings: dict[str, Any]) -> None:
        """Offer the settings' lists as they are now (a name saved since joins them)."""
        for key, list_key in SETTINGS_LISTS.items():
            widget = self.inputs[key]
            if isinstance(widget, ChoiceCombo):
                widget.set_items(settings.get(list_key) or [])

    def _status_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Status"), self)
        box.setObjectName("status_box")
        self.status_combo = QComboBox(box)
        self.status_combo.setObjectName("field_status")
        self.status_combo.setAccessibleName(self.tr("Status"))
        for status in Status:
            self.status_combo.addItem(status.label, status.value)
        self.status_date = DateEdit(box)
        self.status_date.setObjectName("field_status_date")
        self.status_date.setAccessibleName(self.tr("Status date"))
        self.status_reason = QLineEdit(box)
        self.status_reason.setObjectName("field_status_reason")
        self.status_reason.setAccessibleName(self.tr("Reason"))
        self.terminate_button = QPushButton(self.tr("&Terminate…"), box)
        self.terminate_button.setObjectName("terminate_button")
        self.terminate_button.clicked.connect(self.start_termination)
        self.reopen_button = QPushButton(self.tr("Re&open"), box)
        self.reopen_button.setObjectName("reopen_button")
        self.reopen_button.clicked.connect(self.reopen)
        self.status_combo.currentIndexChanged.connect(self._status_changed)
        layout = QHBoxLayout(box)
        add_labelled(
            layout,
            [
                (self.tr("Status:"), self.status_combo),
                (self.tr("Date:"), self.status_date),
                (self.tr("Reason:"), self.status_reason),
            ],
            self.status_reason,
        )
        layout.addWidget(self.terminate_button)
        layout.addWidget(self.reopen_button)
        self.inputs["status_date"] = self.status_date
        self.inputs["status_reason"] = self.status_reason
        self._status_changed()
        return box

    # -- status ------------------------------------------------------------------------

    def start_termination(self) -> None:
        """Terminate: pick 终止, today's date as a start, and ask for the reason."""
        self.status_combo.setCurrentIndex(self.status_combo.findData(Status.TERMINATED.value))
        if not self.status_date.text():
            self.status_date.set_value(today_iso())
        self.status_reason.setFocus()

    def reopen(self) -> None:
        self.status_combo.setCurrentIndex(self.status_combo.findData(Status.ACTIVE.value))

    def _status_changed(self) -> None:
        active = self.status() == Status.ACTIVE
        self.status_date.setEnabled(not active)
        self.status_reason.setEnabled(not active)
        if active:
            self.status_date.set_value(None)
            self.status_reason.clear()
        self.terminate_button.setEnabled(self.status() != Status.TERMINATED)
        self.reopen_button.setEnabled(not active)

    def status(self) -> Status:
        return Status(self.status_combo.currentData())

    # -- values ------------------------------------------------------------------------

    def load(self, project: Project | None) -> None:
        for spec in PROJECT_FIELDS:
            value = project.fields.get(spec.key) if project else None
            widget = self.inputs[spec.key]
            if isinstance(widget, MoneyEdit):
                widget.set_value(value)  # type: ignore[arg-type]
            elif isinstance(widget, DateEdit):
                widget.set_value(value)  # type: ignore[arg-type]
            elif isinstance(widget, ChoiceCombo):
                widget.set_value(value)  # type: ignore[arg-type]
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(str(value or ""))
            elif isinstance(widget, QLineEdit):
                widget.setText("" if value is None else str(value))
        status = project.status if project else Status.ACTIVE
        self.status_combo.setCurrentIndex(self.status_combo.findData(status.value))
        self.status_date.set_value(project.status_date if project else None)
        self.status_reason.setText((project.status_reason if project else None) or "")
        self._status_changed()

    def raw_values(self) -> dict[str, Any]:
        """What the form shows, typed text unparsed (for change detection)."""
        out: dict[str, Any] = {key: widget_text(w) for key, w in self.inputs.items()}
        out["status"] = self.status_combo.currentData()
        return out

    def values(self) -> dict[str, Any]:
        """Cleaned field values; raises ``FormErrors`` listing every wrong field."""
        errors: list[ValidationError] = []
        out: dict[str, Any] = {}
        for spec in PROJECT_FIELDS:
            widget = self.inputs[spec.key]
            clear_invalid(widget)
            try:
                raw = self._typed(widget)
                out[spec.key] = clean_field(spec.key, raw)
            except ValidationError as exc:
                errors.append(exc)
            except ValueError as exc:
                errors.append(ValidationError(spec.key, f"“{spec.label}”{exc}"))
        if errors:
            raise FormErrors(errors)
        return out

    @staticmethod
    def _typed(widget: QWidget) -> Any:
        if isinstance(widget, MoneyEdit | DateEdit):
            return widget.value()
        if isinstance(widget, ChoiceCombo):
            return widget.value()
        return widget_text(widget)

    def status_values(self) -> tuple[Status, str | None, str | None]:
        """(status, date, reason); the date is parsed here, the rules are the core's."""
        clear_invalid(self.status_date)
        clear_invalid(self.status_reason)
        try:
            date = self.status_date.value()
        except ValueError as exc:
            raise FormErrors([ValidationError("status_date", str(exc))]) from None
        return self.status(), date, self.status_reason.text().strip() or None

    def mark(self, error: ValidationError) -> QWidget | None:
        widget = self.inputs.get(error.field)
        if widget is not None:
            mark_invalid(widget, error.message)
        return widget


class FormErrors(Exception):
    """Several field errors at once, so the form can mark them all."""

    def __init__(self, errors: list[ValidationError]) -> None:
        super().__init__("; ".join(e.message for e in errors))
        self.errors = errors
