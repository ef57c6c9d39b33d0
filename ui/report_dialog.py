"""导出报表: choose the report, the as-of date, the year and where to save; runs off the UI
thread; offers to open the file or its folder. A target open in Excel/WPS is said plainly,
and the clerk picks another name."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QStandardPaths
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tracker.ledger.portfolio import Portfolio
from tracker.ledger.queries import ProjectFilter, distinct_values
from tracker.reports.ledger_export import write_ledger_export
from tracker.reports.review_report import default_file_name, write_review_report
from tracker.review import run_review
from tracker.storage.db import connect

from .save_dialog import SaveDialog
from .template_dialog import TemplateDialog


class ReportDialog(SaveDialog):
    def __init__(self, parent: QWidget | None, db_path: Path) -> None:
        super().__init__(parent)
        self.setObjectName("report_dialog")
        self.setWindowTitle(self.tr("Export report"))
        self.db_path = Path(db_path)
        self.saved_path: Path | None = None
        self.task: Any = None
        portfolio = Portfolio(connect(self.db_path))
        try:
            self.settings = portfolio.settings()
            years = distinct_values(portfolio.db, "year")
        finally:
            portfolio.close()

        self.review_radio = QRadioButton(
            self.tr("Review workbook (summary, warnings, ledger, open requests)"), self
        )
        self.review_radio.setObjectName("kind_review")
        self.ledger_radio = QRadioButton(
            self.tr("Full ledger (every field and stage date; can be imported again)"), self
        )
        self.ledger_radio.setObjectName("kind_ledger")
        self.review_radio.setChecked(True)
        self.kinds = QButtonGroup(self)
        self.kinds.addButton(self.review_radio)
        self.kinds.addButton(self.ledger_radio)
        self.as_of_edit = QDateEdit(QDate.currentDate(), self)
        self.as_of_edit.setObjectName("as_of")
        self.as_of_edit.setCalendarPopup(True)
        self.as_of_edit.setDisplayFormat("yyyy-MM-dd")
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("year")
        self.year_combo.addItem(self.tr("All years"), None)
        for year in years:
            self.year_combo.addItem(year, int(year))
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("path")
        browse = QPushButton(self.tr("Browse…"), self)
        browse.setObjectName("browse")
        browse.clicked.connect(self.browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(browse)
        self.status = QLabel(self)
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Report"), self.review_radio)
        form.addRow("", self.ledger_radio)
        form.addRow(self.tr("As of"), self.as_of_edit)
        form.addRow(self.tr("Signed in"), self.year_combo)
        form.addRow(self.tr("Save as"), path_row)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.template_button = QPushButton(self.tr("Fill the city's &template…"), self)
        self.template_button.setObjectName("fill_template")
        self.template_button.setToolTip(
            self.tr(
                "Fill a blank report the city sent with the ledger's projects, "
                "keeping its own title, columns and layout."
            )
        )
        self.template_button.clicked.connect(self.fill_city_template)
        self.buttons.addButton(self.template_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        self._folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
        self._auto_name = True
        self.path_edit.textEdited.connect(self._name_typed)
        for signal in (
            self.kinds.buttonToggled,
            self.as_of_edit.dateChanged,
            self.year_combo.currentIndexChanged,
        ):
            signal.connect(self._suggest_name)
        self._suggest_name()
        self.resize(560, self.sizeHint().height())

    # -- choices -----------------------------------------------------------------------

    def kind(self) -> str:
        return "ledger" if self.ledger_radio.isChecked() else "review"

    def as_of(self) -> date:
        d = self.as_of_edit.date()
        return date(d.year(), d.month(), d.day())

    def _name_typed(self, _text: str) -> None:
        self._auto_name = False

    def _suggest_name(self, *_args: Any) -> None:
        self.as_of_edit.setEnabled(self.kind() == "review")
        if self._auto_name:
            name = default_file_name(
                self.settings, self.kind(), self.as_of().isoformat(), self.year_combo.currentData()
            )
            self.path_edit.setText(str(self._folder / name))

    def browse(self) -> None:
        chosen = self.ask_file_name(Path(self.path_edit.text()))
        if chosen is not None:
            self.name_chosen(chosen)

    def name_chosen(self, path: Path) -> None:
        self.path_edit.setText(str(path))
        self._auto_name = False

    # -- running -----------------------------------------------------------------------

    def accept(self) -> None:
        """Export, then close; the dialog stays open while the work runs."""
        path = Path(self.path_edit.text().strip())
        if not self.path_edit.text().strip():
            self.status.setText(self.tr("Choose where to save the report."))
            return
        self.start(path)

    def fill_city_template(self) -> None:
        """按上级模板填报…: its own dialog; a file saved there closes this one too."""
        saved = TemplateDialog.run(self, self.db_path)
        if saved is not None:
            self.saved_path = saved
            super().accept()

    def start(self, path: Path) -> Any:
        kind, as_of, year = self.kind(), self.as_of(), self.year_combo.currentData()

        def work(ctx: Any) -> Path:
            if kind == "ledger":
                return write_ledger_export(
                    ctx.portfolio(), path, ProjectFilter(year=year), ctx.progress, ctx.cancelled
                )[0]
            ctx.progress(0, 5, "正在计算预警和履约率")
            review = run_review(ctx.portfolio(), as_of, year)
            return write_review_report(review, path, ctx.progress, ctx.cancelled)

        return self.run_save(path, work, self._done)

    def _done(self, path: Path) -> None:
        self.saved_path = Path(path)
        self.status.setText(self.tr("Saved {path}").format(path=path))
        self.after_save(self.saved_path)
        super().accept()

    def after_save(self, path: Path) -> None:
        """Offer to open the file or its folder."""
        box = QMessageBox(
            QMessageBox.Icon.Information,
            self.tr("Export report"),
            self.tr("The report was saved to:\n{path}").format(path=path),
            QMessageBox.StandardButton.Close,
            self,
        )
        open_file = box.addButton(self.tr("Open file"), QMessageBox.ButtonRole.AcceptRole)
        open_folder = box.addButton(self.tr("Open folder"), QMessageBox.ButtonRole.ActionRole)
        box.exec()
        if box.clickedButton() is open_file:
            self.open_url(path)
        elif box.clickedButton() is open_folder:
            self.open_url(path.parent)

    @classmethod
    def run(cls, parent: QWidget | None, db_path: Path) -> Path | None:
        dialog = cls(parent, db_path)
        dialog.exec()
        return dialog.saved_path
