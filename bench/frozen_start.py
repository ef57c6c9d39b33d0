"""Start-up of the frozen app against a bare PySide6 window frozen the same way.

    python bench/frozen_start.py dist/linux/SignedDealTracker [--runs 5] [--cache DIR]

The app bundle comes from ``packaging/build_linux.sh``; the bare window (a QMainWindow with
a menu and a label) is frozen here once with the same PyInstaller, one-folder, into the
cache folder, as is a 10,000-project demo ledger. Each program is spawned RUNS times after
one warm-up run; each writes the wall-clock time of its steps (the app through main.py's
TRACKER_STARTUP_TIMES hook, the bare window through STARTUP_TIMES). Prints the median of
each step in ms since spawn and the ratio of the two first frames (the first window drawn on
screen): the target is ≤ 2×; the main window's own first frame (with its rows) is compared too.
  frame    the first window drawn (the app's opening frame, 正在打开台账…; the bare window)
  imports  the app's imports done (after the frame)   window  the main window built
  drawn    the main window shown and drawn once       rows    the ledger's rows loaded and drawn
  tints    the warning colours applied                exit    the process has exited
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PROJECTS = 10_000
TARGET = 2.0
BARE_WINDOW = '''"""The smallest frozen PySide6 window that draws itself (baseline of frozen_start.py)."""
import json
import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

T_IMPORTS = time.time()
app = QApplication(sys.argv[:1])
win = QMainWindow()
win.menuBar().addMenu("文件(&F)")
win.setCentralWidget(QLabel("签约项目跟踪"))
win.resize(1366, 768)
win.show()
T_WINDOW = time.time()


def done() -> None:
    win.grab()
    times = {"imports": T_IMPORTS, "window": T_WINDOW, "drawn": time.time()}
    with open(os.environ["STARTUP_TIMES"], "w") as f:
        json.dump(times, f)
    app.quit()


QTimer.singleShot(0, done)
sys.exit(app.exec())
'''


def bare_bundle(cache: Path, python: str) -> Path:
    exe = cache / "dist" / "bare" / ("bare.exe" if os.name == "nt" else "bare")
    if not exe.exists():
        script = cache / "bare_window.py"
        script.write_text(BARE_WINDOW, encoding="utf-8")
        print(f"freezing the bare window into {exe.parent} …", flush=True)
        subprocess.run(
            [python, "-m", "PyInstaller", "--onedir", "--noconfirm", "--log-level", "WARN"]
            + ["--name", "bare", "--distpath", str(cache / "dist")]
            + ["--workpath", str(cache / "work"), "--specpath", str(cache), str(script)],
            check=True,
        )
    return exe


def ledger(cache: Path) -> Path:
    db = cache / f"ledger-{PROJECTS}.db"
    if not db.exists():
        from tracker.ledger.demo import build_demo_database

        print(f"building a {PROJECTS:,}-project ledger …", flush=True)
        build_demo_database(db, PROJECTS)
    return db


def run(cmd: list[str], env_name: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "times.json"
        env = dict(os.environ, **{env_name: str(out)})
        t0 = time.time()
        subprocess.run(
            cmd,
            env=env,
            check=True,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=120,
        )
        t_exit = time.time()
        times = json.loads(out.read_text(encoding="utf-8"))
    return {k: (v - t0) * 1000 for k, v in times.items()} | {"exit": (t_exit - t0) * 1000}


def measure(cmd: list[str], env_name: str, runs: int) -> dict[str, float]:
    run(cmd, env_name)  # warm-up: page cache, fontconfig cache
    samples = [run(cmd, env_name) for _ in range(runs)]
    keys = [k for k in samples[0] if all(k in s for s in samples)]
    return {k: statistics.median(s[k] for s in samples) for k in keys}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path, help="the app's one-folder bundle")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "frozen-start")
    parser.add_argument("--python", default=sys.executable, help="a Python with PyInstaller")
    args = parser.parse_args(argv)
    args.cache.mkdir(parents=True, exist_ok=True)
    bare = bare_bundle(args.cache.resolve(), args.python)
    db = ledger(args.cache)
    app = args.bundle / ("SignedDealTracker.exe" if os.name == "nt" else "SignedDealTracker")
    results = {
        "bare PySide6 window (frozen)": measure([str(bare)], "STARTUP_TIMES", args.runs),
        f"app, {PROJECTS:,}-project ledger": measure(
            [str(app), "--db", str(db)], "TRACKER_STARTUP_TIMES", args.runs
        ),
    }
    bare_times = results["bare PySide6 window (frozen)"]
    bare_times.setdefault("frame", bare_times["drawn"])  # its first frame is its window
    steps = ["frame", "imports", "window", "drawn", "rows", "tints", "exit"]
    print(
        f"median of {args.runs} runs, ms since spawn".ljust(36) + "".join(f"{s:>8}" for s in steps)
    )
    for name, r in results.items():
        cells = "".join(f"{r[s]:8.0f}" if s in r else f"{'-':>8}" for s in steps)
        print(name.ljust(36) + cells)
    bare, app_r = results.values()
    frame = app_r.get("frame", app_r["drawn"])  # a build from before the opening frame
    ratio = frame / bare["drawn"]
    verdict = "ok" if ratio <= TARGET else "OVER TARGET"
    print(
        f"first frame: app {frame:.0f} ms / bare {bare['drawn']:.0f} ms = {ratio:.2f}× "
        f"(target ≤ {TARGET:g}×: {verdict})"
    )
    print(
        f"main window drawn with its rows: app {app_r['drawn']:.0f} ms = "
        f"{app_r['drawn'] / bare['drawn']:.2f}× bare"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
