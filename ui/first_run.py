"""The first start: who is keeping this ledger, then how to begin.

A clerk who just installed the program is asked for the county (县/区) name, the 填报单位
and the 填表人 that every report prints, optionally the lists the editor offers (units,
towns, leaders — pasted from an existing spreadsheet, one per line), and then chooses:
import last years' ledgers, start an empty ledger, or look at the demo first. The demo is
a separate database (``ui.demo_mode``); nothing of it enters the clerk's ledger.

Shown when the open ledger is writable, empty and was never set up (no county stored);
closing the dialog stores nothing, so it comes back at the next start.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from tracker.errors import ValidationError
from tracker.ledger.portfolio import Portfolio
from tracker.ledger.settings import OPTION_BY_KEY

from .widgets import ErrorBanner

log = logging.getLogger(__name__)

IMPORT, EMPTY, DEMO = "import", "empty", "demo"
NAME_KEYS = ("county_name", "reporting_unit", "preparer")
LIST_KEYS = ("units", "towns", "leaders")


def needs_setup(portfolio: Portfolio) -> bool:
    """A ledger nobody has set up yet: writable, no projects, no county stored."""
    return not portfolio.read_only and not portfolio.is_set_up() and portfolio.project_count() == 0


class FirstRunDialog(QDialog):
    def __init__(self, portfolio: Portfolio, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("first_run_dialog")
        self.setWindowTitle(self.tr("Welcome to the signed project tracker"))
        self.portfolio = portfolio
        self.choice: str | None = None
        self.inputs: dict[str, QLineEdit | QPlainTextEdit] = {}
        intro = QLabel(
            self.tr(
                "Before you start: whose ledger is this? These names are printed on every "
                "report (title, 填报单位, 填表人); you can change them later in Tools → Settings."
            ),
            self,
        )
        intro.setWordWrap(True)
        names = QFormLayout()
        hints = {
            "county_name": self.tr("e.g. 青溪县 (required)"),
            "reporting_unit": self.tr("e.g. 青溪县投资促进中心 (required)"),
            "preparer": self.tr("your name (optional: else a blank line to sign)"),
        }
        for key in NAME_KEYS:
            edit = QLineEdit(self)
            edit.setPlaceholderText(hints[key])
            edit.setMaxLength(60)
            self._register(key, edit)
            label = QLabel(OPTION_BY_KEY[key].label + "：", self)
            label.setBuddy(edit)
            names.addRow(label, edit)
        lists = QGroupBox(self.tr("Optional: names the editor offers (paste one per line)"), self)
        grid = QGridLayout(lists)
        for column, key in enumerate(LIST_KEYS):
            edit = QPlainTextEdit(self)
            edit.setTabChangesFocus(True)
            edit.setPlaceholderText(self.tr("Paste a column from Excel,\nor type one per line"))
            self._register(key, edit)
            label = QLabel(OPTION_BY_KEY[key].label + "：", self)
            label.setBuddy(edit)
            grid.addWidget(label, 0, column)
            grid.addWidget(edit, 1, column)
        self.banner = ErrorBanner(self)
        buttons = QHBoxLayout()
        self.import_button = self._choice_button(
            IMPORT,
            self.tr("&Import last years' ledgers…"),
            self.tr("From Excel, WPS or CSV files; the columns are recognised by themselves."),
        )
        self.empty_button = self._choice_button(
            EMPTY,
            self.tr("Start an &empty ledger"),
            self.tr("Enter projects one by one (新建项目, Ctrl+N)."),
        )
        self.demo_button = self._choice_button(
            DEMO,
            self.tr("Look at the &demo first"),
            self.tr("A made-up county in a separate file: try anything, your ledger stays empty."),
        )
        for button in (self.import_button, self.empty_button, self.demo_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(names)
        layout.addWidget(lists, 1)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        self.import_button.setDefault(True)
        self.inputs["county_name"].setFocus(Qt.FocusReason.OtherFocusReason)
        self.resize(860, 600)

    def _register(self, key: str, widget: QLineEdit | QPlainTextEdit) -> None:
        widget.setObjectName(f"first_run_{key}")
        widget.setAccessibleName(OPTION_BY_KEY[key].label)
        self.inputs[key] = widget

    def _choice_button(self, choice: str, text: str, description: str) -> QCommandLinkButton:
        button = QCommandLinkButton(text, description, self)
        button.setObjectName(f"first_run_{choice}")
        button.clicked.connect(lambda _checked=False: self.choose(choice))
        return button

    # -- values ------------------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """What was typed: names stripped, lists only when something was pasted."""
        out: dict[str, Any] = {}
        for key in NAME_KEYS:
            edit = self.inputs[key]
            assert isinstance(edit, QLineEdit)
            out[key] = edit.text().strip()
        for key in LIST_KEYS:
            edit = self.inputs[key]
            assert isinstance(edit, QPlainTextEdit)
            if edit.toPlainText().strip():
                out[key] = edit.toPlainText()
        return out

    def choose(self, choice: str) -> None:
        """Store the set-up (required for a real ledger; the demo may be looked at before
        anything is typed) and close with the clerk's choice."""
        values = self.values()
        anything = any(values.get(k) for k in (*NAME_KEYS, *LIST_KEYS))
        if choice != DEMO or anything:
            if not self.save(values):
                return
        self.choice = choice
        self.accept()

    def save(self, values: dict[str, Any]) -> bool:
        from .settings_dialog import store_settings  # (and its 名录 tab) load when used

        if not store_settings(self.portfolio, values, self.inputs, self.banner, self._required):
            return False
        log.info("first-run set-up stored for %s", values["county_name"])
        return True

    def _required(self, values: dict[str, Any]) -> None:
        for key in ("county_name", "reporting_unit"):
            if not values[key]:
                label = OPTION_BY_KEY[key].label
                raise ValidationError(key, self.tr("Please fill in {label}.").format(label=label))

    @classmethod
    def run(cls, parent: QWidget | None, portfolio: Portfolio) -> str | None:
        """Show modally; the choice made (IMPORT, EMPTY, DEMO) or None when closed."""
        dialog = cls(portfolio, parent)
        dialog.exec()
        choice = dialog.choice
        dialog.deleteLater()
        return choice
