"""UI benchmarks: ``python bench/ui.py [--cache DIR] [--runs N]``.

1. Start-up on a 10,000-project database until the window is drawn with the ledger
   loaded, against a bare PySide6 window measured in the same run (target ≤ 2×). Each is
   a fresh ``python`` process, timed from spawn to its "drawn" line, median of N runs.
2. Search: from a keystroke in ``ledger_search`` to the filtered model (the model's reset
   after the search ran in a worker thread) on 50,000 projects (target ≤ 50 ms), typing
   one key every ~150 ms after the warning tints have been computed.

Demo databases are built once with ``tracker.ledger.demo.fill_demo`` into a temp folder and
reused. Runs offscreen unless a display is set.
"""

from __future__ import annotations

import argparse
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

BARE = """
import sys
from PySide6.QtCore import QObject, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QTableView()); w.resize(1366, 768)
class Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: (print("drawn", flush=True), app.quit()))
        return False
f = Painted(); w.centralWidget().viewport().installEventFilter(f)
w.show(); app.exec()
"""

APP = """
import sys
sys.path.insert(0, {root!r})
from PySide6.QtCore import QObject, QEvent, QTimer
from main import build_window
from ui.app import ensure_app
app = ensure_app(sys.argv[:1])
w = build_window({db!r})
w.resize(1366, 768)
state = {{"loaded": False}}
def loaded(_r):
    state["loaded"] = True
    w.ledger.table.viewport().update()
w.model.loaded.connect(loaded)
class Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint and state["loaded"]:
            QTimer.singleShot(0, lambda: (print("drawn", flush=True), w.close(), app.quit()))
        return False
f = Painted(); w.ledger.table.viewport().installEventFilter(f)
w.show(); app.exec()
"""


def demo_db(cache: Path, projects: int) -> Path:
    """A demo database of ``projects`` projects, built once and reused."""
    from tracker.ledger.demo import fill_demo
    from tracker.ledger.portfolio import Portfolio

    path = cache / f"demo-{projects}.db"
    if path.exists():
        return path
    print(f"building {path} ({projects} projects, once)…", flush=True)
    tmp = path.with_suffix(".part.db")
    tmp.unlink(missing_ok=True)
    pf = Portfolio.open(tmp, auto_backup=False)
    fill_demo(pf, projects=projects, seed=1)
    pf.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    pf.close()
    tmp.replace(path)
    return path


def time_process(code: str) -> float:
    """Milliseconds from spawning ``python -c code`` to its "drawn" line."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("drawn"):
            elapsed = time.perf_counter() - started
            break
    else:
        raise SystemExit(f"start-up run failed:\n{proc.stderr.read()[-3000:]}")  # type: ignore[union-attr]
    proc.communicate(timeout=300)  # let it close normally (not part of the start-up time)
    return elapsed * 1000


def bench_startup(db: Path, runs: int) -> tuple[float, float]:
    app_code = APP.format(root=str(ROOT), db=str(db))
    time_process(app_code)  # warm the OS file cache and take the day's automatic backup
    bare = statistics.median(time_process(BARE) for _ in range(runs))
    ours = statistics.median(time_process(app_code) for _ in range(runs))
    return bare, ours


def bench_search(db: Path, queries: list[str]) -> list[tuple[str, float, float, int, float]]:
    """(query, keystroke→model ms, worker ms, rows, keystroke→repainted ms) per keystroke."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtTest import QTest

    from main import build_window

    window = build_window(db)
    window.resize(1366, 768)
    window.show()
    results: list[tuple[str, float, float, int, float]] = []

    def wait_loaded(predicate) -> None:  # noqa: ANN001
        loop = QEventLoop()
        timer = QTimer()
        timer.timeout.connect(lambda: loop.quit() if predicate() else None)
        timer.start(1)
        loop.exec()
        timer.stop()

    levels = {"done": False}
    window.model.levels_loaded.connect(lambda: levels.update(done=True))
    wait_loaded(lambda: window.model.last_result is not None)
    # Steady state: the warning tints (a pure-Python review of every project) finish first;
    # while they run they compete for the GIL and every keystroke is slower.
    wait_loaded(lambda: levels["done"])
    search = window.ledger.search
    stamp = {"loaded": 0.0}
    window.model.loaded.connect(lambda _r: stamp.update(loaded=time.perf_counter()))
    for query in queries:
        search.clear()
        wait_loaded(lambda: window.model.filter.search is None and not window.model.loading)
        for i, char in enumerate(query):
            typed = query[: i + 1]
            started = time.perf_counter()
            if char.isascii():
                QTest.keyClicks(search, char)  # a real key event
            else:
                search.insert(char)
            wait_loaded(
                lambda t=typed: window.model.filter.search == t and not window.model.loading
            )
            elapsed = (stamp["loaded"] - started) * 1000  # the model holds the filtered rows
            painted = (time.perf_counter() - started) * 1000  # and the table has repainted
            result = window.model.last_result
            pause = time.perf_counter() + 0.15  # typing pace: the table repaints between keys
            wait_loaded(lambda p=pause: time.perf_counter() >= p)
            results.append((typed, elapsed, result.elapsed_ms, result.filtered_count, painted))
    window.close()
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "tracker-ui-bench"
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    from ui.app import ensure_app

    ensure_app()
    small, big = demo_db(args.cache, 10_000), demo_db(args.cache, 50_000)

    bare, ours = bench_startup(small, args.runs)
    print(
        f"start-up, 10,000 projects: app {ours:.0f} ms, bare PySide6 window {bare:.0f} ms, "
        f"ratio {ours / bare:.2f}× (target ≤ 2×) — median of {args.runs}"
    )

    rows = bench_search(big, ["jygy", "精益", "县发改", "qingshan"])
    for typed, elapsed, work, count, painted in rows:
        print(
            f"  search {typed!r:10} keystroke→model {elapsed:6.1f} ms (worker {work:5.1f} ms, "
            f"{count} rows; repainted at {painted:6.1f} ms)"
        )
    worst = max(r[1] for r in rows)
    median = statistics.median(r[1] for r in rows)
    painted = statistics.median(r[4] for r in rows)
    print(
        f"search keystroke→filtered model, 50,000 projects: median {median:.1f} ms, "
        f"worst {worst:.1f} ms (target ≤ 50 ms); median until repainted {painted:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
