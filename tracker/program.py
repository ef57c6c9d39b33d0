"""How this copy of the program is started, for messages that tell the clerk what to run.

An installed (frozen) copy has ``tracker.exe`` beside the app and no Python at all, so no
message there may say ``python -m tracker``; a wheel install has the ``tracker`` script; only
a developer running the source with ``python -m tracker`` is told that.
"""

from __future__ import annotations

import sys


def frozen() -> bool:
    """True in a PyInstaller bundle (``sys.frozen`` is set by its bootloader)."""
    return bool(getattr(sys, "frozen", False))


def cli_command() -> str:
    """What to type to run the command line on this machine."""
    if frozen():
        return "tracker.exe" if sys.platform == "win32" else "tracker"
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    if spec is not None and spec.name in ("tracker", "tracker.__main__"):
        return "python -m tracker"
    return "tracker"
