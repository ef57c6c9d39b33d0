"""Fixtures for review tests: default settings and a real portfolio file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from review_builders import build_hand_portfolio

from tracker.ledger.portfolio import Portfolio
from tracker.ledger.settings import defaults


@pytest.fixture
def settings() -> dict[str, Any]:
    return defaults()


@pytest.fixture
def portfolio(tmp_path: Path):
    p = Portfolio.open(tmp_path / "review.db", auto_backup=False)
    yield p
    p.close()


@pytest.fixture
def hand_portfolio(portfolio: Portfolio) -> Portfolio:
    build_hand_portfolio(portfolio)
    return portfolio
