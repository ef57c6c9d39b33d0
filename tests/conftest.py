"""Shared test setup: Qt runs offscreen so the suite works on a machine without a display."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Logs of the app and of every CLI subprocess go to a scratch folder, not the user's.
os.environ["TRACKER_LOG_DIR"] = tempfile.mkdtemp(prefix="tracker-test-logs-")

from tests.helpers.ledgers import HEADER, ROWS, make_messy, write_xlsx  # noqa: E402
from tests.helpers.review import build_hand_portfolio  # noqa: E402
from tracker.ledger.portfolio import Portfolio  # noqa: E402
from tracker.ledger.settings import defaults  # noqa: E402


@pytest.fixture
def tmp_db(tmp_path: Path) -> Path:
    """A path for a fresh tracker database (not created yet)."""
    return tmp_path / "tracker.db"


@pytest.fixture
def portfolio(tmp_db: Path) -> Iterator[Portfolio]:
    """A fresh portfolio on a real database file."""
    p = Portfolio.open(tmp_db, auto_backup=False)
    yield p
    p.close()


@pytest.fixture
def settings() -> dict[str, Any]:
    """The default settings (thresholds as published county practice)."""
    return defaults()


@pytest.fixture
def hand_portfolio(portfolio: Portfolio) -> Portfolio:
    """A portfolio of hand-made projects whose review results are worked out by hand."""
    build_hand_portfolio(portfolio)
    return portfolio


SAMPLE = [
    # name, investor, sign date, amount 万元, unit, leader
    ("精益光源产业园项目", "浙江精益光源科技有限公司", "2024-03-15", "52000", "县经信局", "王建国"),
    ("宏达新材料扩建项目", "宏达新材料股份有限公司", "2023-07-01", "8000", "县发改局", "李明华"),
    ("康泰生物制剂生产基地", "康泰医药集团", "2024-11-20", "120000", "经济开发区管委会", "张卫东"),
    (
        "青山茶叶精深加工项目",
        "青山农业开发有限公司",
        "2022-05-09",
        "3000.5",
        "县农业农村局",
        "王建国",
    ),
]


@pytest.fixture
def sample_db(tmp_db: Path) -> Path:
    pf = Portfolio.open(tmp_db)
    for name, investor, sign_date, amount, unit, leader in SAMPLE:
        pf.add_project(
            {
                "name": name,
                "investor": investor,
                "sign_date": sign_date,
                "signed_amount_wan": amount,
                "unit": unit,
                "leader": leader,
            }
        )
    pf.close()
    return tmp_db


@pytest.fixture
def simple_xlsx(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "simple.xlsx", {"Sheet1": [HEADER, *ROWS]})


@pytest.fixture
def messy_xlsx(tmp_path: Path) -> Path:
    """Title + unit rows, a two-level merged header, category, 小计/合计, blank, notes and a
    town spanning its projects (vertical merge)."""
    return make_messy(tmp_path)


def pytest_configure(config: pytest.Config) -> None:
    # Noise from the offscreen platform plugin itself (any dialog shown), not from our code.
    config.addinivalue_line("qt_log_ignore", "This plugin does not support propagateSizeHints")
