"""Build the Chinese translation: ``python resources/translations/build.py``.

1. ``pyside6-lupdate`` scans ``ui/`` and ``main.py`` into ``zh_CN.ts`` (existing
   translations kept, vanished strings dropped);
2. every ``strings_*.py`` here (one per area: a module-level ``STRINGS`` dict of
   English source -> Chinese) fills in the translations, whatever the context;
3. ``pyside6-lrelease`` compiles ``ui/translations/zh_CN.qm`` (inside the package, so a
   wheel or a frozen bundle carries it).
Strings still without Chinese are listed and the exit code is 1, so a missing entry is
noticed at build time (and a test checks the committed .ts has none).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TS = HERE / "zh_CN.ts"
QM = ROOT / "ui" / "translations" / "zh_CN.qm"  # shipped inside the package


def tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    # Next to the interpreter (a venv's Scripts/ or bin/) when PATH does not have it.
    for folder in (Path(sys.executable).parent, Path(sys.executable).parent / "Scripts"):
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.exists():
                return str(candidate)
    raise SystemExit(f"{name} not found: pip install PySide6-Essentials")


def load_strings() -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted(HERE.glob("strings_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        merged.update(getattr(module, "STRINGS", {}))
    return merged


def sources() -> list[str]:
    files = sorted((ROOT / "ui").rglob("*.py")) + [ROOT / "main.py"]
    return [str(p) for p in files if p.exists()]


def fill(ts_path: Path, strings: dict[str, str]) -> list[str]:
    """Put translations into the .ts; returns the sources still untranslated."""
    tree = ET.parse(ts_path)
    missing: list[str] = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if message.get("numerus") == "yes":
            continue
        if source in strings:
            translation.text = strings[source]
            translation.attrib.pop("type", None)
        elif translation.get("type") == "unfinished" or not translation.text:
            missing.append(source)
    ET.indent(tree, space="    ")
    tree.write(ts_path, encoding="utf-8", xml_declaration=True)
    # lupdate/linguist expect the DOCTYPE line; ElementTree drops it.
    text = ts_path.read_text(encoding="utf-8")
    if "<!DOCTYPE TS>" not in text:
        text = text.replace("?>\n", "?>\n<!DOCTYPE TS>\n", 1)
    ts_path.write_text(text, encoding="utf-8")
    return missing


def main() -> int:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            *sources(),
            "-no-obsolete",
            "-target-language",
            "zh_CN",
            "-ts",
            str(TS),
        ],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    missing = fill(TS, load_strings())
    subprocess.run(
        [tool("pyside6-lrelease"), str(TS), "-qm", str(QM)], check=True, stdout=subprocess.DEVNULL
    )
    if missing:
        print(f"{len(missing)} string(s) without Chinese (add them to a strings_*.py):")
        for source in missing:
            print(f"  {source!r}")
        return 1
    print(f"{TS.name}: complete; compiled {QM.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
