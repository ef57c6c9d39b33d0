"""What checking a workbook's real size costs before calamine reads it.

    python bench/read_limits.py        # 20,000 rows × 14 columns, one sheet

Prints the size check (``extent.check_xlsx``: a stream over the sheet XML) against
python-calamine reading the same file, measured in the same run. The check exists so a
4.9 KB file naming cell XFD1048576 is refused instead of asking for 512 GB.
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

from tracker.importing.extent import check_xlsx  # noqa: E402


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
    data = path.read_bytes()

    def calamine() -> None:
        wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        for name in wb.sheet_names:
            wb.get_sheet_by_name(name).to_python(skip_empty_area=False)

    def check() -> None:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            check_xlsx(path.name, zf)

    base = best_of(3, calamine)
    cost = best_of(3, check)
    print(f"calamine read  {base:6.2f} s")
    print(f"size check     {cost:6.2f} s  = {cost / base:.2f}x the read")


if __name__ == "__main__":
    main()
