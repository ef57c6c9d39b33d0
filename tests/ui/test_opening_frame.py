"""A start draws its first frame (正在打开台账…) before it imports the storage layer and the
main window (issue 13: the frozen app's first frame), and the frame is gone once the main
window stands — or once opening the file failed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlite_utils", "tracker.storage.db", "tracker.ledger.portfolio", "ui.main_window")

SCRIPT = """
import json, sys
from PySide6.QtWidgets import QApplication
import ui.launch as launch

seen = {}
real = launch.show_opening_frame

def frame(size):
    seen["loaded"] = sorted(m for m in sys.argv[3].split(",") if m in sys.modules)
    shown = real(size)
    seen["text"] = shown.centralWidget().text()
    seen["visible"] = shown.isVisible()
    return shown

launch.show_opening_frame = frame
seen["code"] = launch.main(["--db", sys.argv[1], "--self-test", sys.argv[2]])
seen["left"] = sorted(
    w.objectName() for w in QApplication.topLevelWidgets() if w.isVisible() and w.objectName()
)
print(json.dumps(seen))
"""


def start(db: Path, tmp_path: Path) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    env["TRACKER_LOG_DIR"] = str(tmp_path / "logs")
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(db), str(tmp_path / "self-test.json"), ",".join(HEAVY)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_frame_is_drawn_before_the_storage_layer_and_closed_after(
    tmp_path: Path, sample_db: Path
) -> None:
    seen = start(sample_db, tmp_path)
    assert seen["loaded"] == [] and seen["visible"] and seen["text"] == "正在打开台账…"
    assert seen["code"] == 0 and "opening_frame" not in seen["left"]


def test_a_file_that_cannot_be_opened_closes_the_frame_too(tmp_path: Path) -> None:
    other = tmp_path / "notes.db"
    other.write_text("not a ledger", encoding="utf-8")
    seen = start(other, tmp_path)
    assert seen["code"] == 2 and seen["left"] == []
