#!/usr/bin/env bash
# Smoke-test a built (PyInstaller one-folder) copy of 签约项目跟踪: every CLI command and the
# app itself, the way a clerk's machine would run them (no Python, no source tree).
#   bash packaging/smoke_test.sh BUNDLE_DIR [OUT_DIR]
# BUNDLE_DIR holds tracker(.exe) and SignedDealTracker(.exe). Three ways to run:
#   Linux bundle on Linux; Windows bundle on Windows (Git Bash, e.g. GitHub Actions);
#   Windows bundle on Linux through Wine 8 (needs WINEPREFIX; WINE_TOOLS = the folder with
#   run.sh, default ../shared/tools/wine beside the repo).
# The app is checked with its own --self-test (JSON: Chinese translation loaded, every page,
# dialog, reader and Qt module present) and with --screenshot (PNG kept in OUT_DIR, look at it).
# Exit 0 only when every check passed. Env: PYTHON (host Python for checking JSON/xlsx/PNG),
# QT_QPA_PLATFORM: default offscreen on Linux; under Wine offscreen is forced by the prefix
# (Wine 8 starts no other platform, and hides QT_* variables: set them in HKCU\Environment;
# build_windows.sh also sets QT_QPA_FONTDIR there, without which the self-test's Chinese-font
# check fails and the screenshot shows boxes);
# on Windows the native platform by default (real fonts and style; the offscreen one there
# reads fonts only from QT_QPA_FONTDIR and skips .ttc files, i.e. most Chinese fonts).
set -euo pipefail
[[ $# -ge 1 ]] || { echo "usage: $0 BUNDLE_DIR [OUT_DIR]" >&2; exit 64; }
HERE=$(cd "$(dirname "$0")" && pwd)
BUNDLE=$(cd "$1" && pwd)
OUT=${2:-$(mktemp -d)}
mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
# A data folder with a space and Chinese characters, as on a clerk's machine.
DATA="$OUT/数据 目录"
rm -rf "$DATA"; mkdir -p "$DATA"
rm -f "$OUT"/*.json "$OUT"/*.out "$OUT"/*.err "$OUT"/*.log "$OUT"/*.png "$OUT/held"  # no stale results
export LC_ALL=${LC_ALL:-C.UTF-8}   # Wine turns Unix argv into UTF-16 with the locale's charset

if [[ -z "${PYTHON:-}" ]]; then
  if python3 -c 'import sys' >/dev/null 2>&1; then PYTHON=python3; else PYTHON=python; fi
fi

if [[ -f "$BUNDLE/tracker.exe" ]]; then
  EXE=.exe
  case "$(uname -s)" in
    Linux)
      MODE=wine
      : "${WINEPREFIX:?set WINEPREFIX to the Wine prefix (see build_windows.sh)}"
      export WINEDEBUG=${WINEDEBUG:--all}
      WINE_TOOLS=${WINE_TOOLS:-$HERE/../../shared/tools/wine}
      RUN=("$WINE_TOOLS/run.sh")
      winpath() { /usr/lib/wine/wine64 winepath -w "$1" 2>/dev/null </dev/null | tr -d '\r'; } ;;
    *)
      MODE=windows; RUN=()
      winpath() { cygpath -w "$1"; } ;;
  esac
else
  EXE=; MODE=linux; RUN=()
  winpath() { printf '%s\n' "$1"; }
  export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
fi
CLI="$BUNDLE/tracker$EXE"
APP="$BUNDLE/SignedDealTracker$EXE"
[[ -x "$CLI" || -f "$CLI" ]] || { echo "no $CLI" >&2; exit 1; }
DB=$(winpath "$DATA/台账.db")
echo "smoke test: $MODE bundle $BUNDLE -> $OUT"

failures=0
pass() { printf '  ok    %s\n' "$1"; }
fail() { printf '  FAIL  %s\n' "$1"; failures=$((failures + 1)); }

# cli NAME EXPECTED_RC ARGS...: run the frozen CLI, keep its output in $OUT/NAME.out
cli() {
  local name=$1 want=$2 rc=0; shift 2
  local start=$SECONDS
  timeout 300 "${RUN[@]}" "$CLI" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err" </dev/null || rc=$?
  if [[ $rc == "$want" ]]; then pass "tracker $name (exit $rc, $((SECONDS - start)) s)"
  else fail "tracker $name: exit $rc, expected $want"; sed 's/^/        /' "$OUT/$name.err" "$OUT/$name.out" | tail -20
  fi
  [[ $rc == "$want" ]]
}

# check NAME PYTHON_CODE: PYTHON_CODE gets sys.argv[1] = OUT; a failed assert is a failure.
check() {
  if "$PYTHON" -c "$2" "$OUT" >"$OUT/_check.log" 2>&1; then pass "$1"
  else fail "$1"; sed 's/^/        /' "$OUT/_check.log" | tail -8; fi
}
JSON='import json, sys, pathlib
def load(name):
    text = pathlib.Path(sys.argv[1], name).read_text(encoding="utf-8")
    return json.loads(text[min(i for i in (text.find("["), text.find("{")) if i >= 0):])
def said(name):  # what a command said (under Wine stderr arrives with stdout)
    return "".join(pathlib.Path(sys.argv[1], f"{name}.{s}").read_text(encoding="utf-8")
                   for s in ("err", "out"))
'

# -- command line ------------------------------------------------------------------------
cli help 0 --help || true
check "help lists every command, says 'tracker' not 'python -m'" "$JSON"'
text = pathlib.Path(sys.argv[1], "help.out").read_text(encoding="utf-8")
for cmd in ("init", "demo", "list", "import", "undo-import", "review", "report", "export"):
    assert cmd in text, cmd
assert "python -m" not in text, "usage still says python -m tracker"
assert "签约项目跟踪" in text'

cli init 0 --db "$DB" init || true
check "init prints the database path" "$JSON"'
out = pathlib.Path(sys.argv[1], "init.out").read_text(encoding="utf-8")
assert "台账.db" in out, out'

cli demo 0 --db "$DB" demo --projects 50 || true
cli list 0 --db "$DB" list --json || true
check "list --json: 50 projects, Chinese intact" "$JSON"'
rows = load("list.out")
assert len(rows) == 50, len(rows)
need = {"id", "name", "investor", "sign_date", "signed_amount_wan", "stage", "unit", "status"}
assert need <= set(rows[0]), need - set(rows[0])
assert all(any("\u4e00" <= c <= "\u9fff" for c in r["name"]) for r in rows)'

cli review 0 --db "$DB" review --json || true
check "review --json: rates and warnings" "$JSON"'
d = load("review.out")
# 50 projects, each deal counted once (甄别): a 增资扩股 of an earlier deal of the same
# investor is not a second deal, so a few fewer than 50 are signed deals
assert 40 <= d["rates"]["signed"] <= 50, d["rates"]
assert d["by_unit"] and d["warnings"], list(d)'

cli report 0 --db "$DB" report review --out "$(winpath "$DATA/2026年签约项目履约情况.xlsx")" || true
cli export 0 --db "$DB" export ledger --out "$(winpath "$DATA/台账 导出.xlsx")" || true
check "report and ledger workbooks are valid xlsx" "$JSON"'
import zipfile
for name in ("2026年签约项目履约情况.xlsx", "台账 导出.xlsx"):
    with zipfile.ZipFile(pathlib.Path(sys.argv[1], "数据 目录", name)) as z:
        assert "xl/workbook.xml" in z.namelist(), name
        assert z.testzip() is None, name'

# A GB18030 CSV of the kind old ledgers come in: title row, 亿/万 amounts, 年月日 and
# year-month dates, full-width digits, a character outside GBK (U+20000).
"$PYTHON" - "$DATA/2024年 签约项目.csv" <<'PYEOF'
import csv, io, sys
rows = [["2024年签约项目台账（测试）"],
        ["序号", "项目名称", "投资方", "签约时间", "签约金额", "责任单位"],
        ["1", "烟测光伏组件扩产项目", "烟测新能源有限公司", "2024年3月5日", "1.2亿", "县发改局"],
        ["2", "烟测茶叶精深加工项目", "烟测茶业（集团）股份有限公司", "2024-05-12", "3000万", "县农业农村局"],
        ["3", "烟测数字乡村示范项目", "\U00020000烟测数字科技有限公司", "202406", "５０００", "溪口镇人民政府"]]
buf = io.StringIO(); csv.writer(buf).writerows(rows)
open(sys.argv[1], "w", encoding="gb18030", newline="").write(buf.getvalue())
PYEOF
CSV=$(winpath "$DATA/2024年 签约项目.csv")
cli import-dry 0 --db "$DB" import "$CSV" --dry-run --json || true
check "import --dry-run --json (CSV): 3 to create, none rejected, U+20000 intact" "$JSON"'
d = load("import-dry.out")
assert d["summary"]["create"] == 3 and d["summary"]["reject"] == 0, d["summary"]
assert d["batch_id"] is None
assert d["rows"][2]["fields"]["investor"].startswith("\U00020000"), d["rows"][2]["fields"]
assert d["rows"][0]["fields"]["signed_amount_wan"] == 12000'

cli import 0 --db "$DB" import "$CSV" --json || true
BATCH=$("$PYTHON" -c "$JSON"'
print(load("import.out")["batch_id"])' "$OUT" 2>/dev/null || echo none)
cli list-after-import 0 --db "$DB" list --json || true
check "import wrote 3 projects (batch $BATCH)" "$JSON"'
assert len(load("list-after-import.out")) == 53'
cli undo-import 0 --db "$DB" undo-import "$BATCH" || true
cli list-after-undo 0 --db "$DB" list --json || true
check "undo-import removed them" "$JSON"'
assert len(load("list-after-undo.out")) == 50'

FRESH=$(winpath "$DATA/新库.db")
cli import-xlsx-dry 0 --db "$FRESH" import "$(winpath "$DATA/台账 导出.xlsx")" --dry-run --json || true
check "import --dry-run --json (exported xlsx, fresh database): 50 to create" "$JSON"'
d = load("import-xlsx-dry.out")
assert d["summary"]["create"] == 50 and d["summary"]["reject"] == 0, d["summary"]'

# An encrypted workbook (cryptography and hashlib's digests in the bundle), when the host
# Python can encrypt one.
if "$PYTHON" - "$DATA/台账 导出.xlsx" "$DATA/加密 台账.xlsx" <<'PYEOF' 2>/dev/null
import sys
from msoffcrypto.format.ooxml import OOXMLFile
with open(sys.argv[1], "rb") as src, open(sys.argv[2], "wb") as out:
    OOXMLFile(src).encrypt("1234", out)
PYEOF
then
  cli import-encrypted 0 --db "$FRESH" import "$(winpath "$DATA/加密 台账.xlsx")" --password 1234 \
      --dry-run --json || true
  check "import --password (encrypted workbook): 50 to create" "$JSON"'
d = load("import-encrypted.out")
assert d["summary"]["create"] == 50 and d["summary"]["reject"] == 0, d["summary"]'
else
  echo "  skip  encrypted workbook: the host Python has no msoffcrypto to make one"
fi

cli check 0 --db "$DB" check || true
cli user-error 2 --db "$DB" show 999999 || true
check "a user mistake: exit 2 and one Chinese line" "$JSON"'
text = said("user-error")
assert any("\u4e00" <= c <= "\u9fff" for c in text) and "Traceback" not in text, text'

# -- what the clerk's other programs hold ----------------------------------------------------
# hold_locks.py keeps, on a second ledger, the lock a running app window keeps and SQLite's
# write lock (another window importing), and on Windows a workbook open without sharing
# (Excel / WPS showing it). The bundle must say so in Chinese, not crash or hang.
# HOLD_PYTHON: a Python of the bundle's system with PySide6 (default: PYTHON; under Wine
# the prefix's Windows Python, WINE_PYTHON, whose locks Windows programs see).
LOCKED_U="$DATA/另一窗口 台账.db"
OPEN_XLSX_U="$DATA/打开中的 报表.xlsx"
cp "$DATA/2026年签约项目履约情况.xlsx" "$OPEN_XLSX_U"
cli locked-init 0 --db "$(winpath "$LOCKED_U")" init || true
HOLD=()
if [[ $MODE == wine ]]; then
  [[ -n "${WINE_PYTHON:-}" ]] && HOLD=("${RUN[@]}" "$WINE_PYTHON")
elif "${HOLD_PYTHON:-$PYTHON}" -c 'import PySide6' >/dev/null 2>&1; then
  HOLD=("${HOLD_PYTHON:-$PYTHON}")
fi
if [[ ${#HOLD[@]} -eq 0 ]]; then
  echo "  skip  locks: no Python with PySide6 to hold them (set HOLD_PYTHON / WINE_PYTHON)"
else
  rm -f "$OUT/held"
  "${HOLD[@]}" "$(winpath "$HERE/hold_locks.py")" "$(winpath "$LOCKED_U")" \
      "$(winpath "$OUT/held")" 120 "$(winpath "$OPEN_XLSX_U")" >"$OUT/holder.log" 2>&1 </dev/null &
  HOLDER=$!
  for _ in $(seq 300); do [[ -f "$OUT/held" ]] && break; sleep 0.1; done
  if [[ ! -f "$OUT/held" ]]; then
    fail "lock holder did not start"; sed 's/^/        /' "$OUT/holder.log" | tail -5
  else
    TRACKER_BUSY_TIMEOUT=1 cli busy 2 --db "$(winpath "$LOCKED_U")" demo --projects 1 || true
    check "another program writing: exit 2, says it waited and did nothing" "$JSON"'
err = said("busy")
assert "正被另一个程序写入" in err and "Traceback" not in err, err'
    LOCKED_APP=1
    if [[ $MODE != linux ]]; then
      cli excel-open 2 --db "$DB" report review --out "$(winpath "$OPEN_XLSX_U")" || true
      check "report over a workbook open in Excel/WPS: exit 2, says close it" "$JSON"'
err = said("excel-open")
assert "正被 Excel 或 WPS 打开" in err and "Traceback" not in err, err'
    else
      echo "  skip  workbook open in Excel/WPS: Linux has no mandatory file locks"
    fi
  fi
fi

# -- the app -------------------------------------------------------------------------------
# app NAME ARGS...: the windowed program (no console on Windows: results go to files)
app() {
  local name=$1 rc=0 start=$SECONDS; shift
  timeout 300 "${RUN[@]}" "$APP" --db "$DB" "$@" >"$OUT/$name.log" 2>&1 </dev/null || rc=$?
  if [[ $rc == 0 ]]; then pass "SignedDealTracker $name (exit 0, $((SECONDS - start)) s)"
  else fail "SignedDealTracker $name: exit $rc"; tail -20 "$OUT/$name.log" | sed 's/^/        /'; fi
}
if [[ -n "${LOCKED_APP:-}" ]]; then
  rc=0
  timeout 300 "${RUN[@]}" "$APP" --db "$(winpath "$LOCKED_U")" \
      --self-test "$(winpath "$OUT/self-test-locked.json")" >"$OUT/app-locked.log" 2>&1 </dev/null || rc=$?
  [[ $rc == 2 ]] && pass "SignedDealTracker on a ledger open in another window (exit 2)" \
    || fail "SignedDealTracker on a ledger open in another window: exit $rc, expected 2"
  check "…and says it is open in another window" "$JSON"'
d = load("self-test-locked.json")
assert not d["ok"] and "已在另一个窗口中打开" in d["error"], d'
  rm -f "$OUT/held"   # the holder lets go
  wait "$HOLDER" || true
fi

app self-test --self-test "$(winpath "$OUT/self-test.json")"
check "self-test: Chinese on a non-Chinese locale (ours + qtbase), font, every module and page, user guide, icon" "$JSON"'
d = load("self-test.json")
bad = {k: v for k, v in d.get("checks", {}).items() if not v["ok"]}
assert d["ok"], bad or d
assert d["menus"] == ["文件(&F)", "项目(&P)", "工具(&T)", "帮助(&H)"], d["menus"]
assert d["tabs"] == ["台账(&L)", "预警(&W)", "统计(&I)"], d["tabs"]
assert d["checks"]["guide:chapters"]["ok"], d["checks"]["guide:chapters"]
assert d["frozen"] and d["utf8_mode"] == 1, (d["frozen"], d["utf8_mode"])
print(d["menus"], d["tabs"], d["platform"], d["qt"], d["python"])'

app screenshot --screenshot "$(winpath "$OUT/screenshot.png")"
check "screenshot: 1366×768 PNG" "$JSON"'
import struct
data = pathlib.Path(sys.argv[1], "screenshot.png").read_bytes()
assert data[:8] == b"\x89PNG\r\n\x1a\n"
w, h = struct.unpack(">II", data[16:24])
assert (w, h) == (1366, 768), (w, h)
assert len(data) > 30_000, f"{len(data)} bytes: a blank window or boxes instead of text?"'

echo "screenshot: $OUT/screenshot.png   self-test: $OUT/self-test.json"
if [[ $failures -gt 0 ]]; then echo "smoke test: $failures FAILED"; exit 1; fi
echo "smoke test: all passed"
