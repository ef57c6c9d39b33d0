#!/usr/bin/env bash
# The Windows delivery, built and tested on Debian through Wine 8 (no Windows needed):
#   WORKDIR=/work/wine bash packaging/build_windows.sh
# 1. prepare (once; again when the dependencies change) a Wine prefix with the Windows
#    CPython 3.13 and the project's Windows wheels: shared/tools/wine/setup.sh
# 2. PyInstaller under Wine -> dist/win/SignedDealTracker/ (+ check_bundle.py)
# 3. zip it                  -> dist/SignedDealTracker-VERSION-win64.zip
# 4. makensis                -> dist/SignedDealTracker-VERSION-setup.exe
# 5. silent install under Wine into C:\用户 程序\签约项目跟踪 (space + Chinese in the path),
#    smoke_test.sh against the installed copy, upgrade in place, silent uninstall (the
#    user's data folder must survive).
# Prints sizes and timings. WORKDIR is kept for the next run (the prefix takes ~1 min).
# Env: WORKDIR (default: ../wine beside the repo), WINE_TOOLS (default: ../shared/tools/wine),
#      INSTALL_DIR (Windows path), SKIP_INSTALL_TEST=1 (build only).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
WORKDIR=${WORKDIR:-$(dirname "$ROOT")/wine}
WINE_TOOLS=${WINE_TOOLS:-$(dirname "$ROOT")/shared/tools/wine}
INSTALL_DIR=${INSTALL_DIR:-'C:\用户 程序\签约项目跟踪'}
export WORKDIR WINE_TOOLS
export WINEPREFIX="$WORKDIR/prefix" WINEDEBUG=-all LC_ALL=C.UTF-8
export WINEDLLOVERRIDES="winemenubuilder.exe=d"   # no host menu entries for the test shortcuts
WINE=/usr/lib/wine/wine64
WINESERVER=/usr/lib/wine/wineserver
RUN="$WINE_TOOLS/run.sh"
mkdir -p "$WORKDIR" "$HERE/../build"; WORKDIR=$(cd "$WORKDIR" && pwd)
cd "$ROOT"
VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' tracker/__init__.py)
DIST=$ROOT/dist
BUNDLE=$DIST/win/SignedDealTracker
ZIP=$DIST/SignedDealTracker-$VERSION-win64.zip
SETUP=$DIST/SignedDealTracker-$VERSION-setup.exe
OUT=$ROOT/build/win-smoke
declare -a TIMES=()

winpath() { "$WINE" winepath -w "$1" </dev/null 2>/dev/null | tr -d '\r'; }
unixpath() { "$WINE" winepath -u "$1" </dev/null 2>/dev/null | tr -d '\r'; }
step() { STEP=$1; STEP_START=$(date +%s.%N); echo "== $1"; }
done_step() {
  local t; t=$(awk -v s="$STEP_START" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  TIMES+=("$(printf '%-44s %7s s' "$STEP" "$t")"); echo "   ($t s)"
}
size() { du -sh "$1" | cut -f1; }
wincmd() { echo | "$WINE" cmd /c "$1" 2>&1 | tr -d '\r' | cat; return "${PIPESTATUS[1]}"; }
# NSIS wants "/D=C:\a b" last and unquoted. Wine builds the Windows command line by joining
# argv with spaces and quoting elements that contain one, so the /D= value is passed split
# at its spaces (unquoted $INSTALL_DIR below) and comes out verbatim.
nsis() { local exe=$1; shift; echo | "$WINE" "$exe" "$@" 2>&1 | cat; return "${PIPESTATUS[1]}"; }

# -- 1. Wine prefix ---------------------------------------------------------------------------
step "wine prefix (setup.sh)"
stamp=$( { sed -n '/^dependencies/,/^]/p' pyproject.toml; cat "$WINE_TOOLS/setup.sh"; } | sha256sum | cut -c1-16)
if [[ -f "$WORKDIR/py/python.exe" && "$(cat "$WORKDIR/.stamp" 2>/dev/null)" == "$stamp" ]]; then
  echo "   reusing $WORKDIR (dependencies unchanged)"
else
  bash "$WINE_TOOLS/setup.sh" "$ROOT" "$WORKDIR" 'pyinstaller==6.*' 2>&1 | grep -v 'is ignored: it is neither' || true
  [[ -f "$WORKDIR/py/python.exe" ]] || { echo "setup.sh failed" >&2; exit 1; }
  echo "$stamp" > "$WORKDIR/.stamp"
fi
# Test-prefix only (never shipped): fonts for Qt's offscreen platform. On Windows it reads
# fonts only from QT_QPA_FONTDIR (or <Qt>/lib/fonts) and skips .ttc collections, and Wine hides
# QT_* variables of the Unix environment, hence the registry. Noto Sans CJK SC is cut out of
# Debian's .ttc with fontTools (a venv in WORKDIR).
if [[ ! -f "$WORKDIR/fonts/NotoSansCJKsc-Regular.otf" ]]; then
  [[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ]] ||
    { apt-get update -qq; apt-get install -y -qq --no-install-recommends fonts-noto-cjk >/dev/null; }
  [[ -x "$WORKDIR/tools/bin/python" ]] || python3 -m venv "$WORKDIR/tools"
  "$WORKDIR/tools/bin/python" -m pip install -q fonttools 2>&1 | grep -v 'is ignored: it is neither' || true
  mkdir -p "$WORKDIR/fonts"
  "$WORKDIR/tools/bin/python" - "$WORKDIR/fonts" <<'PYEOF'
import sys
from pathlib import Path
from fontTools.ttLib import TTCollection
for weight in ("Regular", "Bold"):
    for font in TTCollection(f"/usr/share/fonts/opentype/noto/NotoSansCJK-{weight}.ttc").fonts:
        if font["name"].getDebugName(1) == "Noto Sans CJK SC":
            font.save(Path(sys.argv[1]) / f"NotoSansCJKsc-{weight}.otf")
PYEOF
fi
echo | "$WINE" reg add 'HKCU\Environment' /v QT_QPA_FONTDIR /d "$(winpath "$WORKDIR/fonts")" /f >/dev/null
done_step

# -- 2. PyInstaller under Wine ----------------------------------------------------------------
step "PyInstaller (Windows, under Wine)"
"$RUN" "$WORKDIR/py/python.exe" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$(winpath "$DIST/win")" --workpath "$(winpath "$ROOT/build/win")" \
    "$(winpath "$HERE/tracker.spec")" > "$ROOT/build/pyinstaller-win.log" 2>&1 \
  || { tail -40 "$ROOT/build/pyinstaller-win.log"; exit 1; }
grep -v -e 'api-ms-win-' -e 'Library not found' "$ROOT/build/pyinstaller-win.log" | grep -E 'ERROR|WARNING' | head -20 || true
"$RUN" "$WORKDIR/py/python.exe" "$(winpath "$HERE/check_bundle.py")" "$(winpath "$BUNDLE")"
done_step

# -- 3. zip ---------------------------------------------------------------------------------
step "zip"
rm -f "$ZIP"
python3 - "$ZIP" "$DIST/win" <<'PYEOF'
import shutil, sys
shutil.make_archive(sys.argv[1][:-4], "zip", root_dir=sys.argv[2], base_dir="SignedDealTracker")
PYEOF
done_step

# -- 4. installer ---------------------------------------------------------------------------
step "makensis"
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$VERSION" -DBUNDLE="$BUNDLE" -DOUTFILE="$SETUP" \
    "$HERE/installer.nsi"
done_step

if [[ "${SKIP_INSTALL_TEST:-0}" == 1 ]]; then
  printf '%s\n' "${TIMES[@]}"; exit 0
fi

# -- 5. install, smoke test, upgrade, uninstall ---------------------------------------------
INSTALLED=$(unixpath "$INSTALL_DIR")
LOCALAPPDATA_W=$(wincmd 'echo %LOCALAPPDATA%' | tail -1)
DATA_DIR=$(unixpath "$LOCALAPPDATA_W\\SignedDealTracker")
DESKTOP_LNK=$(unixpath "$(wincmd 'echo %USERPROFILE%' | tail -1)\\Desktop\\签约项目跟踪.lnk")
START_LNK=$(unixpath "$(wincmd 'echo %APPDATA%' | tail -1)\\Microsoft\\Windows\\Start Menu\\Programs\\签约项目跟踪.lnk")
failures=0
ok() { echo "   ok    $1"; }
bad() { echo "   FAIL  $1"; failures=$((failures + 1)); }

step "silent install into $INSTALL_DIR"
# Start clean: no earlier install in the way (its uninstaller, then whatever is left).
if [[ -f "$INSTALLED/Uninstall.exe" ]]; then
  nsis "$INSTALLED/Uninstall.exe" /S >/dev/null || true
  "$WINESERVER" -w
fi
rm -rf "$INSTALLED"
# shellcheck disable=SC2086  # split on purpose, see nsis()
nsis "$(winpath "$SETUP")" /S /D=$INSTALL_DIR || bad "setup.exe /S exit $?"
"$WINESERVER" -w
[[ -f "$INSTALLED/SignedDealTracker.exe" && -f "$INSTALLED/tracker.exe" && -f "$INSTALLED/Uninstall.exe" ]] \
  && ok "installed into $INSTALLED" || bad "program files missing in $INSTALLED"
INSTALLED_SIZE=$(size "$INSTALLED")
[[ -f "$DESKTOP_LNK" ]] && ok "desktop shortcut" || bad "no desktop shortcut at $DESKTOP_LNK"
[[ -f "$START_LNK" ]] && ok "start-menu shortcut" || bad "no start-menu shortcut at $START_LNK"
# Wine keeps HKCU in user.reg, non-ASCII as \xNNNN: 签约项目跟踪 = \x7b7e\x7ea6\x9879\x76ee\x8ddf\x8e2a
grep -A3 -F 'Uninstall\\SignedDealTracker]' "$WINEPREFIX/user.reg" |
  grep -qF '"DisplayName"="\x7b7e\x7ea6\x9879\x76ee\x8ddf\x8e2a"' \
  && ok "Apps & features entry (DisplayName 签约项目跟踪)" || bad "no uninstall registry entry"
done_step

step "smoke test (installed copy)"
# The prefix's Windows Python holds the locks (another window, Excel) the smoke test needs.
WINE_TOOLS=$WINE_TOOLS WINE_PYTHON="$WORKDIR/py/python.exe" \
  bash "$HERE/smoke_test.sh" "$INSTALLED" "$OUT" || bad "smoke test"
done_step

step "upgrade in place (setup.exe /S again)"
echo stale > "$INSTALLED/_internal/stale-from-old-version.txt"
nsis "$(winpath "$SETUP")" /S || bad "setup.exe /S (upgrade) exit $?"
"$WINESERVER" -w
[[ -f "$INSTALLED/SignedDealTracker.exe" && ! -e "$INSTALLED/_internal/stale-from-old-version.txt" ]] \
  && ok "same folder, old program files replaced" || bad "upgrade did not replace $INSTALLED"
"$RUN" "$INSTALLED/tracker.exe" --help >/dev/null && ok "upgraded tracker.exe runs" || bad "upgraded tracker.exe"
done_step

step "silent uninstall (user data kept)"
"$RUN" "$INSTALLED/tracker.exe" init >/dev/null   # the default database in %LOCALAPPDATA%
[[ -f "$DATA_DIR/tracker.db" ]] || bad "no default database at $DATA_DIR"
nsis "$INSTALLED/Uninstall.exe" /S || bad "Uninstall.exe /S exit $?"
"$WINESERVER" -w     # the uninstaller re-runs itself from %TEMP%: wait for that copy too
[[ ! -e "$INSTALLED" ]] && ok "program folder removed" || bad "left behind: $(ls "$INSTALLED")"
[[ ! -e "$DESKTOP_LNK" && ! -e "$START_LNK" ]] && ok "shortcuts removed" || bad "shortcut left"
[[ -f "$DATA_DIR/tracker.db" ]] && ok "user data kept ($DATA_DIR)" || bad "user data gone"
done_step

echo
echo "== sizes"
printf '%-44s %s\n' "bundle (dist/win/SignedDealTracker)" "$(size "$BUNDLE")" \
    "installed ($INSTALL_DIR)" "$INSTALLED_SIZE" \
    "zip $(basename "$ZIP")" "$(size "$ZIP")" "setup $(basename "$SETUP")" "$(size "$SETUP")"
echo "== timings"
printf '%s\n' "${TIMES[@]}"
echo "screenshot: $OUT/screenshot.png"
if [[ $failures -gt 0 ]]; then echo "build_windows: $failures FAILED"; exit 1; fi
echo "build_windows: all passed"
