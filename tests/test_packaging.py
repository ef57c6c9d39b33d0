"""What an installed copy needs beyond the code: a wheel that carries the translation, the
user guide, its screenshots and the icon (read back from an installed wheel, not from this
source tree), both entry points, and no message that sends a clerk to ``python -m``."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built from a copy of the project (the build leaves nothing in the tree)."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("tracker", "ui"):
        shutil.copytree(ROOT / name, src / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    out = tmp / "dist"
    build = "import sys; from setuptools import build_meta; build_meta.build_wheel(sys.argv[1])"
    subprocess.run(  # the PEP 517 backend pip would call, without pip's index look-ups
        [sys.executable, "-c", build, str(out)],
        check=True,
        capture_output=True,
        cwd=src,
    )
    (found,) = out.glob("signed_deal_tracker-*.whl")
    return found


def test_wheel_carries_the_data_files_and_entry_points(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        entry_points = next(n for n in names if n.endswith("entry_points.txt"))
        entries = z.read(entry_points).decode()
    assert "ui/translations/zh_CN.qm" in names
    assert "ui/assets/SignedDealTracker.ico" in names
    assert "ui/help/changelog.md" in names and "ui/help/01_first_run.md" in names
    guide = {n for n in names if n.startswith("ui/help/images/") and n.endswith(".png")}
    on_disk = {f"ui/help/images/{p.name}" for p in (ROOT / "ui/help/images").glob("*.png")}
    assert guide == on_disk and len(guide) >= 15
    assert "[gui_scripts]\nSignedDealTracker = ui.launch:main" in entries
    assert "[console_scripts]\ntracker = tracker.cli:main" in entries


def test_translations_found_from_an_installed_wheel(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site-packages"
    with zipfile.ZipFile(wheel) as z:  # what installing a pure-Python wheel does
        z.extractall(site)
    probe = """
import sys
sys.path.insert(0, sys.argv[1])
import ui, tracker
assert ui.__file__.startswith(sys.argv[1]), ui.__file__
from PySide6.QtCore import QCoreApplication
from ui.app import ensure_app, install_translators
from ui.user_guide import chapters, read_help_image
ensure_app()
assert install_translators(), "zh_CN.qm not found in the installed package"
print(QCoreApplication.translate("MainWindow", "&New project"))
print(len(chapters()), read_help_image("images/ledger.png").width())
print(not ensure_app().windowIcon().isNull())
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH="")
    result = subprocess.run(
        [sys.executable, "-I", "-c", probe, str(site)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,  # not the source tree: only the installed copy can answer
        env=env,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    translated, guide, icon = result.stdout.split("\n")[:3]
    assert translated == "新建项目(&N)"
    chapters, width = guide.split()
    assert int(chapters) >= 9 and int(width) > 1000
    assert icon == "True"


def _string_constants(path: Path) -> list[tuple[int, str]]:
    """String literals (f-string parts too) of a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_no_user_facing_string_says_python_m() -> None:
    """Messages name menu items or ``tracker.exe``; only the source tree's own way of
    running the CLI (tracker/program.py, chosen when ``python -m tracker`` is running)
    may say it."""
    allowed = {ROOT / "tracker" / "program.py"}
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for folder in ("tracker", "ui")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path not in allowed
        for line, text in _string_constants(path)
        if "python -m" in text.lower()
    ]
    assert found == []
    ts = ET.parse(ROOT / "resources" / "translations" / "zh_CN.ts").getroot()
    shown = [m.findtext("translation") or "" for m in ts.iter("message")]
    assert not [t for t in shown if "python" in t.lower()]


def test_a_frozen_cli_names_tracker_exe(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    from tracker.cli.main import build_parser
    from tracker.program import cli_command

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "platform", "win32")
    assert cli_command() == "tracker.exe"
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    texts = [parser.format_help()] + [p.format_help() for p in sub.choices.values()]
    assert not [t for t in texts if "python" in t.lower()]
    assert parser.format_usage().startswith("usage: tracker.exe")
    with pytest.raises(SystemExit) as exit_info:
        parser.parse_args(["no-such-command"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "tracker.exe --help" in err and "python" not in err


def test_the_cli_name_as_started() -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    out = subprocess.run(
        [sys.executable, "-m", "tracker", "--help"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=env,
        check=True,
    ).stdout
    assert out.startswith("usage: python -m tracker"), "a developer is told what they ran"
