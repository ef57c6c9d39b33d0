"""The legend under the ledger: what a pink, yellow or grey row means.

A tint without a key leaves the clerk guessing in front of a leader; the legend uses the
very colours the model paints with, and says where the reasons are (the row's tooltip,
the project's 预警 strip).
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from .ledger_model import GREY, TINTS


class LedgerLegend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledger_legend")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(6)
        layout.addWidget(QLabel(self.tr("Row colours:"), self))
        self.items: dict[str, QLabel] = {}
        for key, swatch, text, style in (
            (
                "red",
                self.tr("Red row"),
                self.tr("has a red warning"),
                f"background:{TINTS['red'].name()};",
            ),
            (
                "yellow",
                self.tr("Yellow row"),
                self.tr("has a yellow warning"),
                f"background:{TINTS['yellow'].name()};",
            ),
            (
                "grey",
                self.tr("Grey row"),
                self.tr("terminated"),
                f"background:#ffffff; color:{GREY.name()};",
            ),
        ):
            box = QLabel(swatch, self)
            box.setObjectName(f"legend_{key}")
            box.setStyleSheet(f"{style} border:1px solid #b0b0b0; padding:1px 8px;")
            label = QLabel(text, self)
            label.setBuddy(box)
            layout.addWidget(box)
            layout.addWidget(label)
            layout.addSpacing(10)
            self.items[key] = box
        hint = QLabel(
            self.tr("Point at a row to see its warnings; open the project for the details."), self
        )
        hint.setObjectName("legend_hint")
        hint.setStyleSheet("color:#666666;")
        layout.addWidget(hint)
        layout.addStretch(1)
