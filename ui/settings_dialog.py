"""Settings that belong to the data: county, 填报单位, 填表人, warning thresholds, lists.

There is no language choice: the program is Chinese (``ui.app``).

The options, their Chinese labels, defaults and checks are the core's registry
(``tracker.ledger.settings.OPTIONS``); this dialog only lays them out and stores the changes
through ``Portfolio.update_settings`` (one transaction, audited). The 名录 tab
(``name_lists_tab``) also merges two spellings of one name, written at once as its own
undoable batch.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tracker.errors import TrackerError, ValidationError
from tracker.ledger.portfolio import Portfolio
from tracker.ledger.settings import OPTION_BY_KEY, THRESHOLD_KEYS

from .name_lists_tab import NameListsTab
from .widgets import ErrorBanner, clear_invalid, mark_invalid, widget_text

log = logging.getLogger(__name__)


def store_settings(
    portfolio: Portfolio,
    values: dict[str, Any],
    inputs: dict[str, Any],
    banner: ErrorBanner,
    check: Callable[[dict[str, Any]], None] | None = None,
) -> bool:
    """Store a settings form through the portfolio (one audited transaction); a wrong
    value marks its input and fills the form's banner, any other refusal (a read-only
    ledger, a full disk) fills the banner. ``check`` may refuse first (ValidationError)."""
    for widget in inputs.values():
        clear_invalid(widget)
    banner.clear_message()
    try:
        if check is not None:
            check(values)
        portfolio.update_settings(values)
    except ValidationError as exc:
        widget = inputs.get(exc.field)
        if widget is not None:
            mark_invalid(widget, exc.message)
            widget.setFocus()
        banner.show_message(exc.message)
        return False
    except TrackerError as exc:
        log.info("settings not stored: %s", exc.message)
        banner.show_message(exc.message)
        return False
    return True


class SettingsDialog(QDialog):
    def __init__(self, portfolio: Portfolio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        self.portfolio = portfolio
        self.inputs: dict[str, QWidget] = {}
        self.merged = False  # a merge was written (the ledger must reload, saved or not)
        values = portfolio.settings()
        tabs = QTabWidget(self)
        tabs.setObjectName("settings_tabs")
        tabs.addTab(self._general(values), self.tr("&General"))
        tabs.addTab(self._thresholds(values), self.tr("&Warning thresholds"))
        tabs.addTab(self._lists(values), self.tr("&Lists"))
        self.banner = ErrorBanner(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self.restore_defaults
        )
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(self.banner)
        layout.addWidget(buttons)
        self.resize(900, 640)

    def _general(self, values: dict[str, Any]) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        for key in ("county_name", "reporting_unit", "preparer"):
            edit = QLineEdit(str(values[key]), page)
            self._register(key, edit)
            form.addRow(OPTION_BY_KEY[key].label + "：", edit)
        return page

    def _thresholds(self, values: dict[str, Any]) -> QWidget:
        page = QWidget(self)
        grid = QGridLayout(page)
        half = (len(THRESHOLD_KEYS) + 1) // 2
        for i, key in enumerate(THRESHOLD_KEYS):
            option = OPTION_BY_KEY[key]
            spin = QSpinBox(page)
            spin.setRange(option.minimum, 100_000)
            spin.setValue(int(values[key]))
            spin.setToolTip(self.tr("Default: {value}").format(value=option.default))
            self._register(key, spin)
            label = QLabel(option.label + "：", page)
            label.setBuddy(spin)
            row, col = (i, 0) if i < half else (i - half, 2)
            grid.addWidget(label, row, col)
            grid.addWidget(spin, row, col + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(half, 1)
        return page

    def _lists(self, values: dict[str, Any]) -> QWidget:
        self.lists_tab = NameListsTab(self.portfolio.path, values, self)
        for key, edit in self.lists_tab.edits.items():
            self._register(key, edit)
        self.lists_tab.merged.connect(lambda _r: setattr(self, "merged", True))
        return self.lists_tab

    def _register(self, key: str, widget: QWidget) -> None:
        widget.setObjectName(f"setting_{key}")
        widget.setAccessibleName(OPTION_BY_KEY[key].label)
        self.inputs[key] = widget

    # -- values ------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, widget in self.inputs.items():
            if isinstance(widget, QSpinBox):
                out[key] = widget.value()
            else:
                out[key] = widget_text(widget)
        return out

    def restore_defaults(self) -> None:
        """Thresholds back to the published defaults (names and lists are kept)."""
        for key in THRESHOLD_KEYS:
            spin = self.inputs[key]
            assert isinstance(spin, QSpinBox)
            spin.setValue(int(OPTION_BY_KEY[key].default))

    def save(self) -> bool:
        return store_settings(self.portfolio, self.values(), self.inputs, self.banner)

    def accept(self) -> None:
        if self.save():
            super().accept()

    @classmethod
    def run(cls, parent: QWidget | None, portfolio: Portfolio) -> bool:
        """Open modally; True when settings were saved or entries merged."""
        dialog = cls(portfolio, parent)
        result = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return result or dialog.merged
