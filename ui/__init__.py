"""The desktop app: Qt widgets that turn clicks into ``tracker`` calls (no SQL, no rules here)."""

import sys

# The built app ships without numpy and pandas (packaging/tracker.spec). sqlite_utils imports
# them when they are installed, only to map their types, which the app never stores: from a
# source tree that cost ~190 ms and ~15 MB before the first paint. Absent here as in the build.
for _unused in ("numpy", "pandas"):
    sys.modules.setdefault(_unused, None)  # type: ignore[assignment]
