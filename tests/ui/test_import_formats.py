"""The window and the wizard take every workbook the importer reads: the file dialog's
filter, the drop target, and the password step for a protected .ods."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.helpers.drops import file_drop
from tracker.importing.detect import READABLE_SUFFIXES
from tracker.ledger.portfolio import Portfolio
from ui.import_pages import FILE_FILTER
from ui.import_wizard import MAPPING, PASSWORD, ImportWizard
from ui.main_window import SPREADSHEET_SUFFIXES

FIXTURES = Path(__file__).resolve().parents[1] / "importing" / "fixtures"


def test_file_filter_and_drop_target_list_every_readable_suffix() -> None:
    spreadsheets = FILE_FILTER.split(";;")[0]
    patterns = set(re.findall(r"\*(\.\w+)", spreadsheets))
    assert patterns == set(READABLE_SUFFIXES)
    assert SPREADSHEET_SUFFIXES == set(READABLE_SUFFIXES) - {".txt"}  # a dropped readme


def test_dropped_binary_and_wps_workbooks_go_to_the_wizard(qtbot, window, monkeypatch, tmp_path):
    received: list[list[Path]] = []
    monkeypatch.setattr(window, "import_files", lambda files=None: received.append(files))
    names = ["年报.xlsb", "台账.et", "模板.xltx", "宏.xlsm", "导出.mht", "说明.docx"]
    window.dropEvent(file_drop([tmp_path / n for n in names]))
    assert received == [[tmp_path / n for n in names[:-1]]]


def test_wizard_asks_for_the_password_of_a_protected_ods(qtbot, tmp_db: Path, tmp_path: Path):
    Portfolio.open(tmp_db).close()
    locked = tmp_path / "加密台账.ods"
    shutil.copy(FIXTURES / "protected_1234.ods", locked)
    wizard = ImportWizard(None, tmp_db, [locked])
    qtbot.addWidget(wizard)
    wizard.resize(1000, 640)
    wizard.show()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == PASSWORD, timeout=15000)
    (edit,) = wizard.password_page.edits.values()
    edit.setText("1234")
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == MAPPING, timeout=15000)
    assert len(wizard.mapping_page.current()[1].data_rows()) == 2
