"""What the first paint does without: the window on a ledger is built and shown without the
Excel writers, the importer's planning, charts, printing or pinyin (issue 16's start-up).
A menu entry that imports its dialog at module level brings them back unnoticed — this
caught 疑似重复项目 pulling openpyxl in through the import history.

Nor is the review built before the window (the tints load it once the rows are drawn), nor
sqlite-utils' plugin search (it reads every installed package's metadata), nor the log's rotating
file handler (the About dialog names the log folder; a start from `main` sets the log up)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LATER = (
    "openpyxl",
    "numpy",
    "tracker.importing.plan",
    "tracker.reports.review_report",
    "PySide6.QtCharts",
    "PySide6.QtPrintSupport",
    "pypinyin",
)
AFTER_ROWS = ("tracker.review", "importlib.metadata", "logging.handlers")

SCRIPT = """
import json, sys
from PySide6.QtWidgets import QApplication
from ui.launch import build_window
window = build_window(sys.argv[1], language="zh_CN")
built = sorted(m for m in sys.modules if m.startswith(tuple(sys.argv[2].split(","))))
print(json.dumps(built))
window.resize(1366, 768)
window.show()
QApplication.processEvents()
later = tuple(sys.argv[3:])
print(json.dumps(sorted(m for m, mod in sys.modules.items() if mod and m.startswith(later))))
"""


def test_the_window_opens_without_what_it_loads_on_first_use(tmp_path: Path) -> None:
    db = tmp_path / "ledger.db"
    subprocess.run(
        [sys.executable, "-m", "tracker", "--db", str(db), "demo", "--projects", "30"],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(db), ",".join(AFTER_ROWS), *LATER],
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    built, loaded = (json.loads(line) for line in out.stdout.strip().splitlines()[-2:])
    assert built == []
    assert loaded == []
