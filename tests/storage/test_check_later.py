"""``open_db(check_later=True)``: the per-open quick_check is left to the caller (the
window, after its first paint), never the day's full integrity check."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.damage import damaged
from tracker.errors import TrackerError
from tracker.ledger.portfolio import Portfolio
from tracker.storage.backup import backup_file
from tracker.storage.db import quick_check


def test_the_days_first_open_still_checks_the_whole_file(tmp_path: Path) -> None:
    broken = damaged(tmp_path / "broken.db")
    with pytest.raises(TrackerError, match="已损坏"):
        Portfolio.open(broken, check_later=True)


def test_a_later_open_leaves_the_quick_check_to_the_caller(tmp_path: Path) -> None:
    broken = damaged(tmp_path / "broken.db")
    backup_file(broken, "daily")  # as if the day's first open (and its check) were done
    with pytest.raises(TrackerError, match="已损坏"):
        Portfolio.open(broken)  # without check_later: refused here, as before
    Portfolio.open(broken, check_later=True).close()  # opened: the window checks next
    with pytest.raises(TrackerError, match="已损坏.*从备份恢复"):
        quick_check(broken)


def test_quick_check_passes_a_sound_file(tmp_path: Path) -> None:
    pf = Portfolio.open(tmp_path / "ok.db", auto_backup=False)
    pf.close()
    quick_check(tmp_path / "ok.db")
