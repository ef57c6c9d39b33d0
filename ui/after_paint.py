"""Background work that waits for a paint: the start's warm-ups (search index, warning
tints, the file's quick_check) begin once the rows are on screen, not while Qt draws them —
a worker thread holding Python's lock in the meantime delays that first frame."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

# A widget that never paints (covered, minimised) must not hold the work back for long.
FALLBACK_MS = 300


class _OnePaint(QObject):
    def __init__(self, widget: QWidget, work: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._work: Callable[[], None] | None = work
        widget.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self._work is not None:
            QTimer.singleShot(0, self, self._run)  # after this paint has reached the screen
        return False

    def _run(self) -> None:
        work, self._work = self._work, None
        if work is None:
            return
        self._widget.removeEventFilter(self)
        self.deleteLater()
        if self._widget.isVisible():  # not when the window was closed meanwhile
            work()


def after_paint(widget: QWidget, work: Callable[[], None]) -> None:
    """Run ``work`` once ``widget`` has next painted; at once when it is not on screen (a
    window built but not shown, as in tests); never when it is closed before it painted."""
    if not widget.isVisible():
        work()
        return
    _OnePaint(widget, work)
