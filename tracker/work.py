"""Long work in the core: how it reports progress and learns that the clerk gave up.

Every slow core function (import, review, report, demo) takes a ``ProgressFn`` and a
``CancelFn``; the UI adapts them to a signal and a progress dialog (``ui/tasks.py``), tests
pass plain functions. One spelling of both types, here.
"""

from __future__ import annotations

from collections.abc import Callable

from tracker.errors import Cancelled

ProgressFn = Callable[[int, int, str], None]
"""``progress(done, total, message)``: ``message`` is Chinese, shown under the bar."""

CancelFn = Callable[[], bool]
"""``cancelled()`` is True once the clerk pressed 取消; the work then raises ``Cancelled``."""


def no_progress(done: int, total: int, message: str = "") -> None:
    """The default ``ProgressFn``: report nothing."""
    return None


def never_cancelled() -> bool:
    """The default ``CancelFn``: never cancelled."""
    return False


def stop_if_cancelled(cancelled: CancelFn | None) -> None:
    """Raise ``Cancelled`` when the clerk has given up (checked between steps of long work)."""
    if cancelled is not None and cancelled():
        raise Cancelled()
