"""签约项目跟踪 core: the whole product without a window.

Nothing here imports Qt; the desktop app in ``ui/`` and the CLI are both clients of it.
"""

__version__ = "0.1.0"
