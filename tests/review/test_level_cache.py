"""The stored warning lights (``review.level_cache``): used when nothing changed, and never
stale — every kind of write, a threshold, the day and a restore make them reviewed again."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.ledgers import HEADER, ROWS, run_cli, write_xlsx
from tests.helpers.review import HAND_AS_OF, build_hand_portfolio, watch_reviews
from tracker.importing.undo import undo_import
from tracker.ledger.merging import merge_projects
from tracker.ledger.portfolio import Portfolio
from tracker.review import level_cache, parse_as_of, worst_levels
from tracker.storage.backup import backup_file
from tracker.storage.restore import restore

DAY = parse_as_of(HAND_AS_OF)


def truth(pf: Portfolio, day: date = DAY) -> dict[int, str]:
    """The lights reviewed from scratch, without the cache."""
    return level_cache.review_levels(pf.db, pf.settings(), day)


@pytest.fixture
def reviewed(monkeypatch) -> list[Any]:
    """Which projects each call reviewed (None: all of them)."""
    return watch_reviews(monkeypatch)


@pytest.fixture
def hand(tmp_db: Path) -> Path:
    pf = Portfolio.open(tmp_db, auto_backup=False)
    build_hand_portfolio(pf)
    pf.close()
    return tmp_db


def levels_of(db: Path, day: date = DAY) -> tuple[dict[int, str], dict[int, str]]:
    """(what the window gets, the truth) on a fresh connection, as a new window would."""
    pf = Portfolio.open(db, auto_backup=False)
    try:
        return worst_levels(pf, day), truth(pf, day)
    finally:
        pf.close()


def test_an_unchanged_ledger_is_not_reviewed_again(hand, reviewed) -> None:
    first, expected = levels_of(hand)
    assert first == expected and "red" in first.values()
    assert reviewed[0] is None  # the first time: everything
    reviewed.clear()
    pf = Portfolio.open(hand, auto_backup=False)
    assert worst_levels(pf, DAY) == expected
    pf.close()
    assert reviewed == [[]]  # nothing marked: nothing reviewed


def test_an_edit_reviews_only_that_project(hand, reviewed) -> None:
    levels_of(hand)
    pf = Portfolio.open(hand, auto_backup=False)
    red = next(pid for pid, level in worst_levels(pf, DAY).items() if level == "red")
    pf.set_stage_date(red, "registered", actual="2025-01-02")
    pf.set_stage_date(red, "started", actual="2025-02-02")
    reviewed.clear()
    assert worst_levels(pf, DAY) == truth(pf)
    assert reviewed[0] == [red]
    pf.terminate(red, "2025-03-01", "撤资")
    got = worst_levels(pf, DAY)
    assert red not in got and got == truth(pf)
    pf.close()


@pytest.mark.parametrize("write", ["progress", "visit", "problem", "delete", "add", "status"])
def test_every_kind_of_write_to_a_project_marks_it(hand, write) -> None:
    levels_of(hand)
    pf = Portfolio.open(hand, auto_backup=False)
    before = worst_levels(pf, DAY)
    pid = next(iter(before))
    if write == "progress":
        pf.add_progress(pid, "2025-12-01", funds_arrived_wan="999999")
    elif write == "visit":
        pf.add_visit(pid, "2025-12-30", "王建国", "现场协调用地")
    elif write == "problem":
        pf.add_problem(pid, "2025-01-01", "用地指标未落实", deadline="2025-02-01")
    elif write == "delete":
        pf.delete_project(pid)
    elif write == "add":
        pf.add_project(
            {
                "name": "新项目",
                "investor": "新公司",
                "sign_date": "2020-01-01",
                "signed_amount_wan": "5",
            }
        )
    else:
        pf.pause(pid, "2025-06-01", "停工")
    assert pf.db.execute("SELECT COUNT(*) FROM review_dirty").fetchone()[0] > 0  # marked
    got = worst_levels(pf, DAY)
    pf.close()
    _, expected = levels_of(hand)
    assert got == expected
    if write in ("delete", "add"):
        assert got != before


def test_a_threshold_change_reviews_everything(hand, reviewed) -> None:
    levels_of(hand)
    pf = Portfolio.open(hand, auto_backup=False)
    pf.update_settings({"registration_red_days": 3000, "registration_yellow_days": 2999})
    reviewed.clear()
    got = worst_levels(pf, DAY)
    pf.close()
    assert reviewed == [None] and got == levels_of(hand)[1]


def test_a_later_day_reviews_the_projects_whose_light_may_have_turned(hand, reviewed) -> None:
    levels_of(hand)
    reviewed.clear()
    got, expected = levels_of(hand, DAY + timedelta(days=1))
    assert got == expected and reviewed[0] is not None  # not everything
    for days in (2, 30, 400, 4000):
        got, expected = levels_of(hand, DAY + timedelta(days=days))
        assert got == expected
    assert got != levels_of(hand)[1]  # the lights do move with the day


def test_an_earlier_day_reviews_everything(hand, reviewed) -> None:
    levels_of(hand)
    reviewed.clear()
    got, expected = levels_of(hand, DAY - timedelta(days=200))
    assert reviewed[0] is None and got == expected


def test_import_and_undo_import(tmp_db, tmp_path) -> None:
    xlsx = write_xlsx(tmp_path / "s.xlsx", {"S": [HEADER, *ROWS]})
    levels_of(tmp_db)
    code, batch, err = run_cli(tmp_db, "import", str(xlsx), "--json")
    assert code == 0, err
    got, expected = levels_of(tmp_db)
    assert got == expected and got  # imported projects are lit
    code, _, err = run_cli(tmp_db, "undo-import", str(batch["batch_id"]))
    assert code == 0, err
    got, expected = levels_of(tmp_db)
    assert got == expected == {}


def test_restore_brings_back_the_lights_of_the_backup(hand, tmp_path) -> None:
    kept, _ = levels_of(hand)
    saved = backup_file(hand, "manual", tmp_path / "saved.db")
    pf = Portfolio.open(hand, auto_backup=False)
    for pid in list(kept):
        pf.terminate(pid, "2025-03-01", "撤资")
    assert worst_levels(pf, DAY) == {}
    pf.close()
    restore(hand, saved)
    got, expected = levels_of(hand)
    assert got == expected == kept


def test_a_write_during_the_review_stays_marked(hand, monkeypatch) -> None:
    levels_of(hand)
    pf = Portfolio.open(hand, auto_backup=False)
    pid = next(iter(worst_levels(pf, DAY)))
    other = Portfolio.open(hand, auto_backup=False)
    real = level_cache.review_lights
    pf.edit_project(pid, {"notes": "marked"})

    def meanwhile(db, settings, as_of, ids=None, cancelled=None):  # noqa: ANN001, ANN202
        found = real(db, settings, as_of, ids, cancelled)
        other.terminate(pid, "2025-03-01", "撤资")  # lands after the snapshot was read
        return found

    monkeypatch.setattr(level_cache, "review_lights", meanwhile)
    assert pid in worst_levels(pf, DAY)  # what the snapshot saw
    monkeypatch.setattr(level_cache, "review_lights", real)
    assert pid not in worst_levels(pf, DAY)  # the termination's mark was not cleared
    other.close()
    pf.close()


def test_a_read_only_ledger_is_reviewed_without_storing(hand) -> None:
    pf = Portfolio.open(hand, auto_backup=False, read_only=True)
    assert worst_levels(pf, DAY) == truth(pf)
    assert pf.db.execute("SELECT COUNT(*) FROM review_levels").fetchone()[0] == 0
    pf.close()


def test_the_key_holds_every_setting_the_rules_read(hand) -> None:
    """A setting a rule reads but the key leaves out would leave stale lights."""
    read: set[str] = set()

    class Watched(dict):
        def __getitem__(self, key):  # noqa: ANN001, ANN204
            read.add(key)
            return super().__getitem__(key)

        def get(self, key, default=None):  # noqa: ANN001, ANN201
            read.add(key)
            return super().get(key, default)

    pf = Portfolio.open(hand, auto_backup=False)
    level_cache.review_levels(pf.db, Watched(pf.settings()), DAY)
    pf.close()
    assert read and read <= set(level_cache.THRESHOLDS)


def test_a_deal_merge_and_its_undo_keep_the_lights_true(hand) -> None:
    """Folding a red project into a green one moves its records (issue 17): both projects'
    lights are reviewed again, and again when the merge is undone."""
    levels_of(hand)
    pf = Portfolio.open(hand, auto_backup=False)
    try:
        lights = worst_levels(pf, DAY)
        red = next(pid for pid, level in lights.items() if level == "red")
        ids = [r[0] for r in pf.db.execute("SELECT id FROM projects WHERE status = 'active'")]
        other = next(pid for pid in ids if pid != red and pid not in lights)
        batch = merge_projects(pf, other, red, make_backup=False)
        after = worst_levels(pf, DAY)
        assert red not in after and after == truth(pf)
        undo_import(pf, batch, force=True, make_backup=False)
        assert worst_levels(pf, DAY) == truth(pf) == lights
    finally:
        pf.close()
