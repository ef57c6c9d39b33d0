"""新建一轮进度收集: as-of date, deadline, by unit or by town, which of them, the folder.

The choices go to ``tracker.collection`` (``create_round`` + ``make_files``) off the UI
thread; the dialog only gathers them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


@dataclass
class RoundChoice:
    as_of: str
    deadline: str
    by: str  # unit | town
    targets: list[str]
    folder: Path


def _quarter_end(today: QDate) -> QDate:
    month = ((today.month() - 1) // 3) * 3
    if month == 0:
        return QDate(today.year() - 1, 12, 31)
    first_of_quarter = QDate(today.year(), month + 1, 1)
    return first_of_quarter.addDays(-1)


class NewRoundDialog(QDialog):
    """The choices of a new round; ``targets_by`` lists units / towns with project counts."""

    def __init__(
        self,
        targets_by: dict[str, list[tuple[str, int]]],
        folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New collection round"))
        self.targets_by = targets_by
        today = QDate.currentDate()
        self.as_of = QDateEdit(_quarter_end(today), self)
        self.deadline = QDateEdit(today.addDays(10), self)
        for edit in (self.as_of, self.deadline):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.by_unit = QRadioButton(self.tr("By responsible &unit"), self)
        self.by_town = QRadioButton(self.tr("By &town / park"), self)
        self.by_unit.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_unit)
        group.addButton(self.by_town)
        self.by_unit.toggled.connect(lambda _on: self.fill_targets())
        by_row = QHBoxLayout()
        by_row.addWidget(self.by_unit)
        by_row.addWidget(self.by_town)
        by_row.addStretch(1)
        self.targets = QListWidget(self)
        self.targets.setObjectName("round_targets")
        self.targets.setAccessibleName(self.tr("Units to send a workbook to"))
        self.folder = QLineEdit(str(folder), self)
        browse = QPushButton(self.tr("&Browse…"), self)
        browse.clicked.connect(self.browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Figures as of (period end):"), self.as_of)
        form.addRow(self.tr("Return by (deadline):"), self.deadline)
        form.addRow(self.tr("Send:"), by_row)
        form.addRow(self.tr("Save the workbooks in:"), folder_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Make workbooks"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("One workbook for each of these (untick to leave out):")))
        layout.addWidget(self.targets, 1)
        layout.addWidget(buttons)
        self.fill_targets()
        self.resize(560, 520)

    def by(self) -> str:
        return "unit" if self.by_unit.isChecked() else "town"

    def fill_targets(self) -> None:
        self.targets.clear()
        for name, count in self.targets_by.get(self.by(), []):
            item = QListWidgetItem(
                self.tr("{name} ({count} projects)").format(name=name, count=count)
            )
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.targets.addItem(item)

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the workbooks"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def choice(self) -> RoundChoice:
        targets = [
            str(self.targets.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.targets.count())
            if self.targets.item(i).checkState() == Qt.CheckState.Checked
        ]
        return RoundChoice(
            self.as_of.date().toString("yyyy-MM-dd"),
            self.deadline.date().toString("yyyy-MM-dd"),
            self.by(),
            targets,
            Path(self.folder.text().strip()),
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None, targets_by: dict[str, list[tuple[str, int]]], folder: Path
    ) -> RoundChoice | None:
        dialog = cls(targets_by, folder, parent)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        result = dialog.choice() if ok else None
        dialog.deleteLater()
        return result
