"""The desktop app: Qt widgets that turn clicks into ``tracker`` calls (no SQL, no rules here)."""

import sys

# The built app ships without numpy and pandas (packaging/tracker.spec). sqlite_utils imports
# them when they are installed, only to map their types, which the app never stores: from a
# source tree that cost ~190 ms and ~15 MB before the first paint. Absent here as in the build.
for _unused in ("numpy", "pandas"):
    sys.modules.setdefault(_unused, None)  # type: ignore[assignment]

# PySide6 reads the whole source of every module imported after it, looking for the word
# "PySide6" (for its opt-in ``__feature__`` switches, which this app does not use): ~8 MB
# of cached source lines and ~50 ms before the first paint. A module without source (the
# built app) is taken as not using them; every module is taken so here too.
import PySide6.QtCore  # noqa: E402, F401 - installs the feature hook patched below

_feature = sys.modules.get("shibokensupport.feature")
if _feature is not None and hasattr(_feature, "_mod_uses_pyside"):
    _feature._mod_uses_pyside = lambda _module: False
