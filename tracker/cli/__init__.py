"""The command line: ``python -m tracker`` (``tracker.exe`` when installed).

``main`` builds the parser from one module per command group (database file, ledger,
import, review and reports); ``common`` holds what they share.
"""

from tracker.cli.main import main

__all__ = ["main"]
