#!/usr/bin/env bash
# Build the Linux one-folder bundle with PyInstaller in the current Python environment
# (the one the app is installed in: `python -m pip install -e ".[test,packaging]"` first).
# .ci/run runs it, then smoke_test.sh on the result, on every submission.
#   bash packaging/build_linux.sh            -> dist/linux/SignedDealTracker/
# Prints the build time and the bundle size, and checks (check_bundle.py) that no kept library
# needs a trimmed-away Qt library (that would only fail at run time).
# Env: PYTHON (default: python), DIST (default: <repo>/dist/linux).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
PY=${PYTHON:-python}
DIST=${DIST:-$ROOT/dist/linux}
WORK=$ROOT/build/linux
cd "$ROOT"

"$PY" -m PyInstaller --version >/dev/null 2>&1 ||
  { echo "PyInstaller is missing: python -m pip install -e \".[packaging]\"" >&2; exit 1; }

start=$(date +%s.%N)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$DIST" --workpath "$WORK" "$HERE/tracker.spec"
end=$(date +%s.%N)
BUNDLE=$DIST/SignedDealTracker

# No kept library may need one the spec trimmed away (ldd; Qt/PySide/Python libraries only).
"$PY" "$HERE/check_bundle.py" "$BUNDLE"

awk -v s="$start" -v e="$end" 'BEGIN { printf "build time: %.1f s\n", e - s }'
printf 'bundle: %s  %s  (%s files)\n' "$BUNDLE" "$(du -sh "$BUNDLE" | cut -f1)" \
    "$(find "$BUNDLE" -type f | wc -l)"
