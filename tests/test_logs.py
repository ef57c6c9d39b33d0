"""tracker.logs: one rotating log file; the CLI writes what it refused and what broke."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

from tracker import logs


def test_setup_logging_writes_to_the_log_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKER_LOG_DIR", str(tmp_path / "logs"))
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        path = logs.setup_logging()
        assert path == tmp_path / "logs" / "tracker.log"
        assert logs.setup_logging() == path  # once only
        logging.getLogger("tracker.test").warning("一条测试日志")
        for handler in root.handlers:
            handler.flush()
        assert "一条测试日志" in path.read_text(encoding="utf-8")
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()


def test_unwritable_log_folder_does_not_stop_the_program(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("TRACKER_LOG_DIR", str(blocker / "logs"))  # a folder under a file
    assert logs.setup_logging() is None


def test_cli_logs_a_refusal(tmp_path):
    from tracker.ledger.portfolio import Portfolio

    Portfolio.open(tmp_path / "t.db").close()  # reading never creates a ledger
    env = dict(os.environ, TRACKER_LOG_DIR=str(tmp_path / "logs"))
    result = subprocess.run(
        [sys.executable, "-m", "tracker", "--db", str(tmp_path / "t.db"), "show", "42"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert result.returncode == 2
    log_text = (tmp_path / "logs" / "tracker.log").read_text(encoding="utf-8")
    assert "show refused" in log_text and "42" in log_text
