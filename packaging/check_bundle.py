"""Check a PyInstaller one-folder bundle for libraries that the spec trimmed but something
kept still needs (a Qt plugin linking a dropped Qt module fails only when Qt loads it).

    python packaging/check_bundle.py dist/win/SignedDealTracker     (Windows bundle: pefile)
    python packaging/check_bundle.py dist/linux/SignedDealTracker   (Linux bundle: ldd)

Only Qt, PySide, shiboken and Python libraries are judged: system DLLs (and, on Linux, the
desktop's own libraries such as GTK) are the machine's business. Prints the bundle's size
and exits 1 when a needed library is missing.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

OURS = re.compile(r"^(lib)?(Qt6|pyside6|shiboken6|python3)", re.IGNORECASE)


def windows_missing(bundle: Path) -> list[str]:
    import pefile  # a PyInstaller dependency on Windows

    files = [p for p in bundle.rglob("*") if p.suffix.lower() in (".dll", ".pyd", ".exe")]
    present = {p.name.lower() for p in files}
    missing = []
    for path in files:
        pe = pefile.PE(str(path), fast_load=True)
        pe.parse_data_directories(
            directories=[pefile.DIRECTORY_ENTRY["IMAGE_DIRECTORY_ENTRY_IMPORT"]]
        )
        for entry in getattr(pe, "DIRECTORY_ENTRY_IMPORT", []):
            name = entry.dll.decode("ascii", "replace")
            if OURS.match(name) and name.lower() not in present:
                missing.append(f"{path.relative_to(bundle)} needs {name}")
        pe.close()
    return missing


def linux_missing(bundle: Path) -> list[str]:
    internal = bundle / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=f"{internal}:{internal / 'PySide6/Qt/lib'}")
    missing = []
    for path in internal.rglob("*.so*"):
        if not path.is_file() or path.is_symlink():
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        for line in out.splitlines():
            name = line.strip().split(" ")[0]
            if "not found" in line and OURS.match(name):
                missing.append(f"{path.relative_to(bundle)} needs {name}")
    return missing


def main(argv: list[str]) -> int:
    bundle = Path(argv[1]).resolve()
    windows = (bundle / "tracker.exe").exists()
    missing = windows_missing(bundle) if windows else linux_missing(bundle)
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files)
    print(f"bundle {bundle}: {size / 2**20:.1f} MiB in {len(files)} files")
    for line in sorted(set(missing)):
        print(f"MISSING: {line}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
