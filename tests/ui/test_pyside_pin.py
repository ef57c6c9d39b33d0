"""PySide6 6.12.0 on Python 3.11 aborts after a few thousand QStandardItem.setData/setText
calls ("Fatal Python error: none_dealloc"). Run that workload in a subprocess: a crash there
fails this test instead of killing the test run."""

from __future__ import annotations

import os
import subprocess
import sys

WORKLOAD = """
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication
app = QApplication([])
model = QStandardItemModel()
for i in range(5000):
    item = QStandardItem()
    item.setText(f"项目{i}")
    item.setData(i, Qt.ItemDataRole.UserRole)
    item.setData(None, Qt.ItemDataRole.UserRole + 1)
    model.appendRow(item)
print(model.rowCount())
"""


def test_many_standard_item_calls_do_not_abort():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", WORKLOAD], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "5000"
    assert "none_dealloc" not in result.stderr


def test_installed_pyside6_is_the_checked_version():
    import PySide6

    assert PySide6.__version__ == "6.10.3"
