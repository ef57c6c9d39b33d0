"""签约项目跟踪 — the desktop app from a source tree: ``python main.py [--db PATH] …``.

The app itself starts in ``ui.launch`` (inside the package, so an installed wheel and the
frozen ``SignedDealTracker.exe`` run the same code); this file is the source tree's and
the packager's entry script.
"""

import sys

from ui.launch import build_window, main, take_screenshot

__all__ = ["build_window", "main", "take_screenshot"]

if __name__ == "__main__":
    sys.exit(main())
