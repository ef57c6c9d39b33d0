"""Fixtures for the core tests: a fresh portfolio on a real database file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tracker.ledger.portfolio import Portfolio


@pytest.fixture
def portfolio(tmp_path: Path) -> Iterator[Portfolio]:
    p = Portfolio.open(tmp_path / "ledger.db")
    yield p
    p.close()
