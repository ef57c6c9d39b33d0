"""Run core work off the UI thread: one helper, used by every window and dialog.

Why one helper (as Anki's ``QueryOp``): no dialog hand-rolls threads, every long job gets the
same progress dialog with a 取消 button, and the worker always has its OWN database connection
(sqlite3 connections belong to the thread that made them).

    task = run_task(self, self.tr("Importing"), lambda ctx: importer.apply(..., ctx.progress,
                    ctx.cancelled), db_path=path, on_done=self.imported)

Outcome rules:
- the work returns          -> ``finished(result)`` and ``on_done(result)`` (even when the user
                               pressed cancel too late: what was done is reported truthfully);
- it raises ``Cancelled``   -> ``cancelled()`` (the core rolled its transaction back);
- it raises anything else   -> ``failed(exc)`` and ``on_error(exc)``; without ``on_error`` a
                               ``TrackerError`` shows its Chinese message in a message box and
                               any other exception (a bug) shows a short "internal error" box.
"""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from tracker.errors import Cancelled, TrackerError
from tracker.ledger.portfolio import Portfolio
from tracker.storage.db import connect
from tracker.storage.faults import explain

T = TypeVar("T")
log = logging.getLogger(__name__)

SHOW_DIALOG_AFTER_MS = 200
# A worker may report progress for every row; the UI needs a repaint at most this often.
PROGRESS_INTERVAL_S = 0.05

_running: set[Task] = set()  # keeps Task objects alive until their outcome is delivered
_interactive_pool: QThreadPool | None = None


def interactive_pool() -> QThreadPool:
    """A separate pool for quick lookups (a search keystroke) so they never queue behind
    long jobs (a review of 50,000 projects) that occupy the global pool's threads."""
    global _interactive_pool
    if _interactive_pool is None:
        _interactive_pool = QThreadPool()
        _interactive_pool.setMaxThreadCount(2)
    return _interactive_pool


class TaskContext:
    """Handed to the worker function; lives in the worker thread."""

    def __init__(self, task: Task, db_path: Path | None) -> None:
        self._task = task
        self._db_path = db_path
        self._portfolio: Portfolio | None = None
        self._last_progress = 0.0

    def progress(self, done: int, total: int, message: str = "") -> None:
        """Report progress; throttled so a per-row call does not flood the event loop."""
        now = time.monotonic()
        if done < total and now - self._last_progress < PROGRESS_INTERVAL_S:
            return
        self._last_progress = now
        self._task._progress.emit(int(done), int(total), str(message))

    def cancelled(self) -> bool:
        return self._task._cancel.is_set()

    def portfolio(self) -> Portfolio:
        """The worker's own connection on ``db_path``, opened on first use, closed after."""
        if self._portfolio is None:
            if self._db_path is None:
                raise RuntimeError("run_task(..., db_path=...) is needed to use ctx.portfolio()")
            self._portfolio = Portfolio(connect(Path(self._db_path)))
        return self._portfolio

    def _close(self) -> None:
        if self._portfolio is not None:
            self._portfolio.close()
            self._portfolio = None


class _Runner(QRunnable):
    def __init__(self, task: Task, work: Callable[[TaskContext], Any], db_path: Path | None):
        super().__init__()
        self.setAutoDelete(True)
        self._task = task
        self._work = work
        self._db_path = db_path

    def run(self) -> None:  # worker thread
        ctx = TaskContext(self._task, self._db_path)
        try:
            result = self._work(ctx)
        except Cancelled:
            self._task._outcome.emit("cancelled", None)
        except BaseException as exc:  # noqa: BLE001 - delivered to the UI thread, not lost
            exc.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            # A full disk, a read-only file, a busy database: said in Chinese, not a bug.
            explained = explain(exc, self._db_path) if isinstance(exc, Exception) else None
            if explained is not None and explained is not exc:
                explained.__cause__ = exc
                exc = explained
            self._task._outcome.emit("failed", exc)
        else:
            self._task._outcome.emit("finished", result)
        finally:
            ctx._close()


class Task(QObject, Generic[T]):
    """A running job. Signals are delivered in the UI thread."""

    finished = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    progressed = Signal(int, int, str)

    # Internal: emitted from the worker thread, queued to this object's (UI) thread.
    _progress = Signal(int, int, str)
    _outcome = Signal(str, object)

    def __init__(
        self,
        parent_widget: QWidget | None,
        title: str,
        on_done: Callable[[T], None] | None,
        on_error: Callable[[BaseException], None] | None,
        show_progress: bool,
    ) -> None:
        super().__init__()  # no Qt parent: the job may outlive the widget that started it
        self.title = title
        self._parent = parent_widget
        self._on_done = on_done
        self._on_error = on_error
        self._cancel = threading.Event()
        self._dialog: QProgressDialog | None = None
        self._last = (0, 0, "")
        self.done = False
        self.outcome: str | None = None
        self.result: Any = None
        self.error: BaseException | None = None
        self._progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)
        self._outcome.connect(self._on_outcome, Qt.ConnectionType.QueuedConnection)
        if show_progress:
            QTimer.singleShot(SHOW_DIALOG_AFTER_MS, self._show_dialog)

    def cancel(self) -> None:
        """Ask the worker to stop; it sees ``ctx.cancelled()`` become True."""
        self._cancel.set()
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("Cancelling…"))

    # -- UI thread ---------------------------------------------------------------------

    def _parent_alive(self) -> QWidget | None:
        parent = self._parent
        return parent if parent is not None and shiboken6.isValid(parent) else None

    def _show_dialog(self) -> None:
        if self.done or self._dialog is not None:
            return
        dialog = QProgressDialog(self._parent_alive())
        dialog.setObjectName("task_progress")
        dialog.setWindowTitle(self.title)
        dialog.setLabelText(self._last[2] or self.title)
        dialog.setCancelButtonText(self.tr("Cancel"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumWidth(360)
        dialog.canceled.connect(self.cancel)
        self._dialog = dialog
        self._apply_progress()
        dialog.show()

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self._last = (done, total, message)
        self.progressed.emit(done, total, message)
        self._apply_progress()

    def _apply_progress(self) -> None:
        dialog = self._dialog
        if dialog is None:
            return
        done, total, message = self._last
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        else:
            dialog.setMaximum(0)  # busy indicator
        if message and not self._cancel.is_set():
            dialog.setLabelText(message)

    def _on_outcome(self, kind: str, value: object) -> None:
        self.done = True
        self.outcome = kind
        if self._dialog is not None:
            self._dialog.canceled.disconnect(self.cancel)
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        try:
            if kind == "finished":
                self.result = value
                self.finished.emit(value)
                if self._on_done is not None:
                    self._on_done(value)  # type: ignore[arg-type]
            elif kind == "cancelled":
                self.cancelled.emit()
            else:
                assert isinstance(value, BaseException)
                if isinstance(value, TrackerError):
                    log.info("%s: refused: %s", self.title, value.message)
                else:
                    log.error(
                        "%s failed\n%s",
                        self.title,
                        getattr(value, "__traceback_text__", repr(value)),
                    )
                self.error = value
                self.failed.emit(value)
                if self._on_error is not None:
                    self._on_error(value)
                else:
                    show_error(self._parent_alive(), self.title, value)
        finally:
            _running.discard(self)


def show_error(parent: QWidget | None, title: str, exc: BaseException) -> QMessageBox:
    """A non-blocking message box: the clerk's message for a TrackerError, else a bug note."""
    box = QMessageBox(parent)
    box.setObjectName("task_error")
    box.setWindowTitle(title)
    if isinstance(exc, TrackerError):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(exc.message)
    else:
        box.setIcon(QMessageBox.Icon.Critical)
        box.setText(
            QCoreApplication.translate(
                "Task", "An internal error occurred. Nothing was half-saved; please report this."
            )
        )
        box.setDetailedText(getattr(exc, "__traceback_text__", repr(exc)))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def run_task(
    parent: QWidget | None,
    title: str,
    work: Callable[[TaskContext], T],
    *,
    db_path: Path | None = None,
    on_done: Callable[[T], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    show_progress: bool = True,
    interactive: bool = False,
) -> Task[T]:
    """Start ``work(ctx)`` in the thread pool and return its Task at once.

    ``interactive=True`` is for short lookups the user is waiting on while typing.
    """
    task: Task[T] = Task(parent, title, on_done, on_error, show_progress)
    _running.add(task)
    pool = interactive_pool() if interactive else QThreadPool.globalInstance()
    pool.start(_Runner(task, work, db_path))
    return task


def running_tasks() -> list[Task]:
    return list(_running)


def wait_for_all(timeout_ms: int = 30_000) -> bool:
    """Block until the pool is idle (used at shutdown so no worker writes after exit)."""
    quick = interactive_pool().waitForDone(timeout_ms)
    return QThreadPool.globalInstance().waitForDone(timeout_ms) and quick
