import subprocess
import sys


def test_importing_tracker_does_not_import_qt():
    code = (
        "import sys, tracker, tracker.cli, tracker.portfolio, tracker.demo;"
        "import tracker.importing, tracker.reports;"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))];"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
