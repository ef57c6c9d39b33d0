"""Shared test setup: Qt runs offscreen so the suite works on a machine without a display."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def tmp_db(tmp_path: Path) -> Path:
    """A path for a fresh tracker database (not created yet)."""
    return tmp_path / "tracker.db"


def pytest_configure(config: pytest.Config) -> None:
    # Noise from the offscreen platform plugin itself (any dialog shown), not from our code.
    config.addinivalue_line("qt_log_ignore", "This plugin does not support propagateSizeHints")
