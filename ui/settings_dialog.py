"""Settings that belong to the data: county, 填报单位, language, warning thresholds, lists.

The options, their Chinese labels, defaults and checks are the core's registry
(``tracker.ledger.settings.OPTIONS``); this dialog only lays them out and stores the changes
through ``Portfolio.update_settings`` (one transaction, audited). The 名录 tab
(``name_lists_tab``) also merges two spellings of one name, written at once as its own
undoable batch.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
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

from tracker.errors import ValidationError
from tracker.ledger.portfolio import Portfolio
from tracker.ledger.settings import OPTION_BY_KEY, THRESHOLD_KEYS

from .name_lists_tab import NameListsTab
from .widgets import ErrorBanner, clear_invalid, mark_invalid, widget_text


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
        for key in ("county_name", "reporting_unit"):
            edit = QLineEdit(str(values[key]), page)
            self._register(key, edit)
            form.addRow(OPTION_BY_KEY[key].label + "：", edit)
        language = QComboBox(page)
        language.addItem(self.tr("Follow the system"), "auto")
        language.addItem("简体中文", "zh_CN")
        language.addItem("English", "en")
        language.setCurrentIndex(max(0, language.findData(values.get("language", "auto"))))
        self._register("language", language)
        form.addRow(OPTION_BY_KEY["language"].label + "：", language)
        form.addRow(
            QLabel(self.tr("A new language takes effect the next time the program starts."), page)
        )
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
            elif isinstance(widget, QComboBox):
                out[key] = widget.currentData()
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
        for widget in self.inputs.values():
            clear_invalid(widget)
        self.banner.clear_message()
        try:
            self.portfolio.update_settings(self.values())
        except ValidationError as exc:
            widget = self.inputs.get(exc.field)
            if widget is not None:
                mark_invalid(widget, exc.message)
                widget.setFocus()
            self.banner.show_message(exc.message)
            return False
        return True

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
