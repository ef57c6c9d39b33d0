"""UI benchmarks: ``python bench/ui.py [--cache DIR] [--runs N] [--sizes 10000,50000]``.

For each ledger size (10,000 and 50,000 demo projects), in fresh ``python`` processes timed
from spawn, median of N runs, each beside the goal of issue 16:

- **rows**: the window drawn with the ledger rows (≤ 2× the bare PySide6 window at 10k,
  ≤ 3× at 50k; the bare window is measured in the same run);
- **tints**: the warning tints drawn, after the rows (≤ 1 s after the rows at 50k);
- **peak RSS**: the child's high-water mark (``VmHWM``; ``resource.getrusage`` where there
  is no /proc — Linux keeps ``ru_maxrss`` across fork + exec) once the tints are drawn and
  the start-up work (search index, file check) is done (≤ 120 MB at
  10k, ≤ 250 MB at 50k);
- **search**: keystroke in ``ledger_search`` → filtered model, median and worst (≤ 16 ms
  and ≤ 40 ms at 50k), typing one key every ~150 ms after the tints are drawn.
- **editor save**: the edited row's tint refreshed after a save (≤ 50 ms).

``--tracemalloc`` prints, instead, where the Python memory of an opened 50k ledger goes
(tracemalloc snapshot by file and line, once the tints are drawn).

Demo databases are built once with ``tracker.ledger.demo.fill_demo`` into the cache folder
and reused. Runs offscreen unless a display is set.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Goals of issue 16 per ledger size: rows ×bare, tints after rows (ms), RSS (MB),
# search median / worst (ms; only set at 50k).
GOALS = {10_000: (2.0, None, 120, None, None), 50_000: (3.0, 1000, 250, 16, 40)}
SAVE_GOAL_MS = 50

RSS = """
import resource, sys
def rss_mb():
    # Linux keeps ru_maxrss across fork + exec (the parent's peak would show), so the
    # child's own high-water mark is read from /proc where there is one.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KB on Linux
    return kb / 1024 if sys.platform != "darwin" else kb / 1024 / 1024
"""

BARE = (
    RSS
    + """
import time
from PySide6.QtCore import QObject, QEvent, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QTableView()); w.resize(1366, 768)
def done():
    print("rows", time.time(), flush=True)
    print("rss", rss_mb(), flush=True)
    app.quit()
class Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, done)
        return False
f = Painted(); w.centralWidget().viewport().installEventFilter(f)
w.show(); app.exec()
"""
)

APP = (
    RSS
    + """
import time
TRACE = {trace}
if TRACE:
    import tracemalloc
    tracemalloc.start(1)
sys.path.insert(0, {root!r})
from PySide6.QtCore import QObject, QEvent, QThreadPool, QTimer
from main import build_window
from ui.app import ensure_app
from ui.tasks import interactive_pool
app = ensure_app(sys.argv[:1])
w = build_window({db!r})
w.resize(1366, 768)
state = {{"rows": False, "tints": False}}
said = set()
def mark(key):
    state[key] = True
    w.ledger.table.viewport().update()
w.model.loaded.connect(lambda _r: mark("rows"))
w.model.levels_loaded.connect(lambda: mark("tints"))
def say(key):
    print(key, time.time(), flush=True)
    if key == "tints":
        print("rss_tints", rss_mb(), flush=True)
        QTimer.singleShot(0, settled)
def settled():
    # The peak counts the start-up work still running once the tints are drawn (the
    # search index warming, the file's quick_check): wait until the thread pool is idle.
    if QThreadPool.globalInstance().activeThreadCount() or interactive_pool().activeThreadCount():
        QTimer.singleShot(20, settled)
        return
    print("rss", rss_mb(), flush=True)
    if TRACE:
        snap = tracemalloc.take_snapshot()
        total = sum(s.size for s in snap.statistics("filename"))
        print(f"tracemalloc: {{total / 2**20:.1f}} MB of Python objects alive", flush=True)
        for stat in snap.statistics("lineno")[:25]:
            print(f"  {{stat.size / 2**20:7.1f}} MB {{stat.count:9}} blocks  {{stat.traceback}}",
                  flush=True)
    w.close(); app.quit()
class Painted(QObject):
    def eventFilter(self, obj, ev):
        if ev.type() == QEvent.Type.Paint:
            for key in ("rows", "tints"):
                if state[key] and key not in said:
                    said.add(key)
                    QTimer.singleShot(0, lambda k=key: say(k))
        return False
f = Painted(); w.ledger.table.viewport().installEventFilter(f)
QTimer.singleShot(300_000, app.quit)
w.show(); app.exec()
"""
)


# An installed copy (wheel or frozen) starts from compiled bytecode; with
# PYTHONDONTWRITEBYTECODE set (as on CI machines) every start would compile ~70 modules
# first (~0.1 s), so the children may write and reuse __pycache__ (the warm-up run does).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


@dataclass
class Start:
    rows_ms: float
    tints_ms: float  # from spawn; nan when there is no tint step
    rss_mb: float  # the peak once the start-up work is done
    rss_tints_mb: float = float("nan")  # the peak when the tints were drawn


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


def run_child(code: str, echo: bool = False) -> Start:
    """Spawn ``python -c code``; its "rows"/"tints" wall-clock lines against the spawn time."""
    started = time.time()
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=CHILD_ENV,
    )
    out, err = proc.communicate(timeout=600)
    seen: dict[str, float] = {}
    for line in out.splitlines():
        key, _, value = line.partition(" ")
        if key in ("rows", "tints", "rss", "rss_tints"):
            seen[key] = float(value)
        elif echo:
            print(line)
    if "rows" not in seen or "rss" not in seen:
        raise SystemExit(f"start-up run failed:\n{out[-2000:]}\n{err[-3000:]}")
    tints = (seen["tints"] - started) * 1000 if "tints" in seen else float("nan")
    return Start(
        (seen["rows"] - started) * 1000, tints, seen["rss"], seen.get("rss_tints", float("nan"))
    )


def bench_startup(db: Path, runs: int) -> tuple[Start, Start]:
    """(bare window, app) — medians of ``runs`` fresh processes each."""
    app_code = APP.format(root=str(ROOT), db=str(db), trace=False)
    run_child(app_code)  # warm the OS file cache and take the day's automatic backup
    bares = [run_child(BARE) for _ in range(runs)]
    ours = [run_child(app_code) for _ in range(runs)]

    def median(starts: list[Start]) -> Start:
        return Start(
            statistics.median(s.rows_ms for s in starts),
            statistics.median(s.tints_ms for s in starts),
            statistics.median(s.rss_mb for s in starts),
            statistics.median(s.rss_tints_mb for s in starts),
        )

    return median(bares), median(ours)


def first_open_of_a_day(db: Path) -> Start:
    """One start the day after the lights were last stored: the projects whose light may
    have turned overnight are reviewed again. (Before issue 16 nothing was stored: every
    start reviewed every project.)"""
    from datetime import date, timedelta

    from tracker.ledger.portfolio import Portfolio
    from tracker.review import worst_levels

    pf = Portfolio.open(db, auto_backup=False)
    try:
        worst_levels(pf, date.today() - timedelta(days=1))  # yesterday's lights, stored
    finally:
        pf.close()
    return run_child(APP.format(root=str(ROOT), db=str(db), trace=False))


def wait_until(predicate) -> None:  # noqa: ANN001
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if predicate() else None)
    timer.start(1)
    loop.exec()
    timer.stop()


def open_steady(db: Path):  # noqa: ANN201
    """The window on ``db`` with its rows and tints loaded."""
    from main import build_window

    window = build_window(db)
    window.resize(1366, 768)
    window.show()
    levels = {"done": False}
    window.model.levels_loaded.connect(lambda: levels.update(done=True))
    wait_until(lambda: window.model.last_result is not None)
    # and the search index is warm (``search_ready``; before issue 16 the slow tints
    # outlasted its warm-up anyway)
    wait_until(lambda: levels["done"] and getattr(window.model, "search_ready", True))
    return window


def bench_search(window, queries: list[str]) -> list[tuple[str, float, float, int, float]]:  # noqa: ANN001
    """(query, keystroke→model ms, worker ms, rows, keystroke→repainted ms) per keystroke."""
    from PySide6.QtTest import QTest

    results: list[tuple[str, float, float, int, float]] = []
    search = window.ledger.search
    stamp = {"loaded": 0.0}
    window.model.loaded.connect(lambda _r: stamp.update(loaded=time.perf_counter()))
    for query in queries:
        search.clear()
        wait_until(lambda: window.model.filter.search is None and not window.model.loading)
        pause = time.perf_counter() + 0.15  # the clear is a keystroke too: same pace
        wait_until(lambda p=pause: time.perf_counter() >= p)
        for i, char in enumerate(query):
            typed = query[: i + 1]
            started = time.perf_counter()
            if char.isascii():
                QTest.keyClicks(search, char)  # a real key event
            else:
                search.insert(char)
            wait_until(lambda t=typed: window.model.filter.search == t and not window.model.loading)
            elapsed = (stamp["loaded"] - started) * 1000  # the model holds the filtered rows
            painted = (time.perf_counter() - started) * 1000  # and the table has repainted
            result = window.model.last_result
            pause = time.perf_counter() + 0.15  # typing pace: the table repaints between keys
            wait_until(lambda p=pause: time.perf_counter() >= p)
            results.append((typed, elapsed, result.elapsed_ms, result.filtered_count, painted))
    search.clear()
    wait_until(lambda: window.model.filter.search is None and not window.model.loading)
    return results


def bench_save(window, saves: int = 5) -> list[tuple[float, float]]:  # noqa: ANN001
    """ms from an editor save (its write done, then what ``MainWindow.edit_project`` does)
    until the saved row is re-read, re-tinted and repainted; and until the background
    refresh of the whole ledger (ids and lights) has landed."""
    times: list[tuple[float, float]] = []
    levels = {"n": 0}
    window.model.levels_loaded.connect(lambda: levels.update(n=levels["n"] + 1))
    for i in range(saves):
        pid = window.model.project_id(i)
        assert pid is not None
        seen = levels["n"]
        window.portfolio.edit_project(pid, {"notes": f"bench save {time.time()}"})
        started = time.perf_counter()  # the save is written: the editor closes
        changed = getattr(window.model, "project_changed", None)  # (not before issue 16)
        if changed is not None:
            changed(pid)  # as MainWindow.edit_project does
            window.ledger.table.viewport().repaint()  # the row drawn with its new tint
        row = (time.perf_counter() - started) * 1000
        window.after_change(select=pid)
        wait_until(lambda s=seen: levels["n"] > s and not window.model.loading)
        full = (time.perf_counter() - started) * 1000
        times.append((row if changed is not None else full, full))
    return times


def goal(value: float, target: float | None, unit: str) -> str:
    if target is None:
        return ""
    return f" (goal ≤ {target:g}{unit}: {'met' if value <= target else 'MISSED'})"


def report_size(size: int, db: Path, runs: int) -> None:
    ratio_goal, tint_goal, rss_goal, median_goal, worst_goal = GOALS.get(
        size, (None, None, None, None, None)
    )
    bare, ours = bench_startup(db, runs)
    ratio = ours.rows_ms / bare.rows_ms
    after = ours.tints_ms - ours.rows_ms
    print(f"== {size:,} projects (median of {runs} fresh processes)")
    print(f"  bare PySide6 window drawn   {bare.rows_ms:7.0f} ms, peak RSS {bare.rss_mb:5.0f} MB")
    print(
        f"  rows drawn                  {ours.rows_ms:7.0f} ms = {ratio:.2f}× bare"
        + goal(ratio, ratio_goal, "×")
    )
    print(
        f"  tints drawn                 {ours.tints_ms:7.0f} ms = rows + {after:.0f} ms"
        + goal(after, tint_goal, " ms")
    )
    print(
        f"  peak RSS                    {ours.rss_mb:7.0f} MB once start-up work is done "
        f"({ours.rss_tints_mb:.0f} MB when the tints were drawn)"
        + goal(ours.rss_mb, rss_goal, " MB")
    )

    day = first_open_of_a_day(db)
    print(
        f"  first open of a day         tints at rows + {day.tints_ms - day.rows_ms:.0f} ms, "
        f"peak RSS {day.rss_mb:.0f} MB (the lights stored yesterday; reviewed in the background)"
    )

    window = open_steady(db)
    rows = bench_search(window, ["jygy", "精益", "县发改", "qingshan"])
    for typed, elapsed, work, count, painted in rows:
        print(
            f"    search {typed!r:10} keystroke→model {elapsed:6.1f} ms (worker {work:5.1f} ms, "
            f"{count} rows; repainted at {painted:6.1f} ms)"
        )
    worst = max(r[1] for r in rows)
    median = statistics.median(r[1] for r in rows)
    print(
        f"  search keystroke→model      median {median:5.1f} ms" + goal(median, median_goal, " ms")
    )
    print(f"                              worst  {worst:5.1f} ms" + goal(worst, worst_goal, " ms"))
    saves = bench_save(window)
    save = statistics.median(r for r, _ in saves)
    full = statistics.median(f for _, f in saves)
    print(
        f"  editor save → its row re-tinted median {save:5.1f} ms (worst "
        f"{max(r for r, _ in saves):.1f})" + goal(save, SAVE_GOAL_MS, " ms")
    )
    print(f"  editor save → whole ledger refreshed median {full:5.1f} ms")
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "tracker-ui-bench"
    )
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default="10000,50000")
    parser.add_argument("--tracemalloc", action="store_true")
    args = parser.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    dbs = {size: demo_db(args.cache, size) for size in sizes}
    if args.tracemalloc:
        for size, db in dbs.items():
            print(f"== {size:,} projects: Python memory once the tints are drawn")
            run_child(APP.format(root=str(ROOT), db=str(db), trace=True), echo=True)
        return 0
    from ui.app import ensure_app

    ensure_app()
    for size, db in dbs.items():
        report_size(size, db, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
