"""What checking a workbook's real size costs before calamine reads it.

    python bench/read_limits.py        # 20,000 rows × 14 columns, one sheet

Prints the size check (``extent.check_xlsx``: a stream over the sheet XML; for .xlsb
``xlsb_extent.check_xlsb``: a pass over the BIFF12 records, plus the rewrite of short
cell records when a file has them) against python-calamine reading the same file,
measured in the same run. The check exists so a 4.9 KB file naming cell XFD1048576 is
refused instead of asking for 512 GB.
"""

from __future__ import annotations

import importlib.util
import io
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import python_calamine

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.helpers.xlsb import write_xlsb  # noqa: E402
from tracker.importing.extent import check_xlsx  # noqa: E402
from tracker.importing.package import Package, all_sheet_parts, identify  # noqa: E402
from tracker.importing.xlsb_extent import check_xlsb  # noqa: E402


def best_of(runs: int, work) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    spec = importlib.util.spec_from_file_location("bench_import", ROOT / "bench" / "import.py")
    assert spec and spec.loader
    bench_import = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_import)
    path = Path(tempfile.mkdtemp()) / "big.xlsx"
    bench_import.make_workbook(path, 1, 20_000)
    files = {"xlsx": path.read_bytes()}

    def calamine(data: bytes) -> None:
        wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        for name in wb.sheet_names:
            wb.get_sheet_by_name(name).to_python(skip_empty_area=False)

    def check(data: bytes) -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            found = identify(zf)
            assert isinstance(found, Package)
            sheets = all_sheet_parts(zf, found)
            if found.format == "xlsb":
                check_xlsb(path.name, zf, sheets)
            else:
                check_xlsx(path.name, zf, sheets)

    rows = [[f"项目{r}", r * 1.5, *(f"单位{c}" for c in range(12))] for r in range(20_000)]
    cells = {f"{chr(65 + c)}{r + 1}": v for r, row in enumerate(rows) for c, v in enumerate(row)}
    for form in ("full", "short"):
        out = Path(tempfile.mkdtemp()) / f"{form}.xlsb"
        write_xlsb(out, {"台账": cells}, short=form == "short")
        files[f"xlsb {form}"] = out.read_bytes()
    for label, data in files.items():
        # calamine alone reads the short form one column wide: time the whole grid instead
        whole = files["xlsb full"] if label == "xlsb short" else data
        base = best_of(3, lambda d=whole: calamine(d))
        cost = best_of(3, lambda d=data: check(d))
        print(f"{label:10s} calamine read {base:6.2f} s")
        print(f"{label:10s} size check    {cost:6.2f} s  = {cost / base:.2f}x the read")


if __name__ == "__main__":
    main()
