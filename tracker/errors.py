"""Errors that carry a message meant for the clerk, in Chinese."""

from __future__ import annotations


class TrackerError(Exception):
    """A problem the user can act on: the message says what is wrong and what to do.

    The CLI prints it as one line and exits 2; the UI shows it in a dialog. Anything that
    is not a TrackerError is a bug and is allowed to show a traceback.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(TrackerError):
    """A field value is not acceptable; ``field`` names it so a form can mark it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class Cancelled(Exception):
    """Raised by long core work when its ``cancelled()`` check says the user gave up.

    Whatever the work had started is rolled back by the transaction it runs in.
    """
