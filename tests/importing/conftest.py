"""Fixtures for the importer tests: generated ledgers built in tmp_path (see import_fixtures)."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_fixtures import HEADER, ROWS, make_messy, write_xlsx


@pytest.fixture
def simple_xlsx(tmp_path: Path) -> Path:
    return write_xlsx(tmp_path / "simple.xlsx", {"Sheet1": [HEADER, *ROWS]})


@pytest.fixture
def messy_xlsx(tmp_path: Path) -> Path:
    """Title + unit rows, a two-level merged header, category, 小计/合计, blank, notes and a
    town spanning its projects (vertical merge)."""
    return make_messy(tmp_path)
