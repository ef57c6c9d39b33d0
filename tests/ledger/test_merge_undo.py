"""Undoing a merge asks like undoing an import: what was done since the merge is kept
and listed, never moved back silently (``--keep-edited`` / ``--force``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.ledgers import run_cli
from tests.ledger.test_merging import _stored_twice
from tracker.errors import TrackerError
from tracker.importing.undo import UndoBlocked, review_undo, undo_import
from tracker.ledger.merging import merge_projects
from tracker.ledger.portfolio import Portfolio


def _merged_then_worked_on(p: Portfolio) -> tuple[int, int, int, int]:
    keep, other, _ = _stored_twice(p)
    batch = merge_projects(p, keep, other, make_backup=False)
    (problem,) = p.get_project(keep).problems
    p.resolve_problem(problem.id, "已协调解决", "2023-01-10")  # a moved record, edited since
    p.add_visit(keep, date="2023-02-01", visitor="李四", content="合并后走访")
    return keep, other, batch, problem.id


def test_a_moved_record_edited_since_is_not_moved_back_silently(portfolio: Portfolio) -> None:
    keep, other, batch, problem = _merged_then_worked_on(portfolio)
    review = review_undo(portfolio, batch)
    assert review.kind == "deal_merge"
    (edited,) = review.edited_projects
    assert edited.project_id == keep and edited.changes == ["合并移来的诉求（合并后改过）"]
    (added,) = review.kept_fields
    assert added.changes == ["合并后新增的走访记录（留在本项目）"]
    with pytest.raises(UndoBlocked) as blocked:
        undo_import(portfolio, batch, make_backup=False)
    assert "合并批次" in blocked.value.message and "--keep-edited" in blocked.value.message
    assert portfolio.project_count() == 2  # nothing undone
    result = undo_import(portfolio, batch, keep_edited=True, make_backup=False)
    assert [k["project_id"] for k in result["kept_projects"]] == [keep]
    kept, back = portfolio.get_project(keep), portfolio.get_project(other)
    assert [p.id for p in kept.problems] == [problem] and kept.problems[0].status == "已解决"
    assert [v.content for v in kept.visits] == ["合并后走访"]  # added since: stays
    assert not back.problems and len(back.visits) == 1 and len(back.progress) == 1


def test_force_moves_the_edited_record_back_too(portfolio: Portfolio) -> None:
    keep, other, batch, problem = _merged_then_worked_on(portfolio)
    undo_import(portfolio, batch, force=True, make_backup=False)
    back = portfolio.get_project(other)
    assert [p.id for p in back.problems] == [problem] and back.problems[0].status == "已解决"
    assert [v.content for v in portfolio.get_project(keep).visits] == ["合并后走访"]


def test_a_kept_project_merged_away_since_is_undone_last(portfolio: Portfolio) -> None:
    keep, other, apart = _stored_twice(portfolio)
    first = merge_projects(portfolio, keep, other, make_backup=False)
    later = merge_projects(portfolio, apart, keep, make_backup=False)
    with pytest.raises(TrackerError, match="请先.*撤销后来的那次合并"):
        review_undo(portfolio, first)
    undo_import(portfolio, later, make_backup=False)
    undo_import(portfolio, first, make_backup=False)
    assert portfolio.project_count() == 3
    assert len(portfolio.get_project(other).visits) == 1


def test_cli_undo_of_a_merge_asks_then_keeps(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    p = Portfolio.open(db, auto_backup=False)
    keep, other, batch, _ = _merged_then_worked_on(p)
    p.close()
    code, text, err = run_cli(db, "undo-import", str(batch))
    assert code == 2 and "合并批次" in text and "合并移来的诉求" in text and "--force" in err
    code, text, err = run_cli(db, "undo-import", str(batch), "--keep-edited")
    assert code == 0 and "已撤销合并批次" in text, err
    assert "保留（合并后有修改）" in text and "合并后新增的走访记录" in text
