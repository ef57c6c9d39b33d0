"""The two layers stay apart: ``tracker`` never imports Qt, ``ui`` never touches SQL or
openpyxl, and no module of either imports one that imports it back (a circle).

Checked two ways: every module is imported for real (``pkgutil.walk_packages``) in a fresh
interpreter, and every import statement is read with ``ast`` (so an import inside a
function, which a live import would not run, is caught too).
"""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import tracker

ROOT = Path(__file__).resolve().parent.parent
QT = ("PySide6", "shiboken6")
UI_FORBIDDEN = ("sqlite3", "sqlite_utils", "openpyxl")


def modules(package) -> list[str]:
    return [m.name for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")]


def test_every_tracker_module_loads_without_qt():
    names = ["tracker", *(m for m in modules(tracker) if not m.endswith("__main__"))]
    code = (
        "import importlib, json, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        f"print(json.dumps([m for m in sys.modules if m.split('.')[0] in {QT!r}]))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    assert len(names) > 40  # the walk really found the package


def imports_of(path: Path, module: str) -> set[str]:
    """Absolute names of everything a module imports (relative imports resolved)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            found.add(prefix)
            found |= {f"{prefix}.{a.name}" for a in node.names}
    return found


def source_modules() -> dict[str, Path]:
    out: dict[str, Path] = {}
    for top in ("tracker", "ui"):
        for path in (ROOT / top).rglob("*.py"):
            rel = path.relative_to(ROOT).with_suffix("")
            parts = list(rel.parts)
            if parts[-1] == "__init__":
                parts.pop()
            out[".".join(parts)] = path
    return out


def test_no_qt_in_tracker_and_no_sql_or_openpyxl_in_ui():
    bad = []
    for module, path in source_modules().items():
        for name in imports_of(path, module):
            top = name.split(".")[0]
            if module.startswith("tracker") and top in QT:
                bad.append(f"{module} imports {name}")
            if module.startswith("ui") and top in UI_FORBIDDEN:
                bad.append(f"{module} imports {name}")
    assert bad == []


def test_no_import_circles_between_modules():
    """A module graph without cycles: each module's imports (of our own modules) never lead
    back to it. Importing a package's ``__init__`` to reach a submodule does not count."""
    mods = source_modules()
    graph: dict[str, set[str]] = {}
    for module, path in mods.items():
        targets = set()
        for name in imports_of(path, module):
            while name and name not in mods:
                name = name.rpartition(".")[0]
            if name and name != module and not module.startswith(name + "."):
                # a package __init__ that only re-exports is not a dependency of its children
                targets.add(name)
        graph[module] = targets
    cycles: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt) :] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert cycles == [], "\n".join(" -> ".join(c) for c in cycles)
