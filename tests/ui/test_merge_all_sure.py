"""疑似重复项目: 合并全部确定的 N 对… asks with the list, merges off the UI thread in one
batch (pairs to check stay listed), and 导入记录's undo takes it back at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ledger.test_merge_all import ledger_with_duplicates
from tests.ui.test_import_trust import shot
from tracker.ledger.portfolio import Portfolio
from ui.duplicate_projects import AllSureQuestion, DuplicateProjectsDialog


def test_merge_every_sure_pair_then_undo(qtbot, tmp_db: Path, tmp_path: Path, monkeypatch) -> None:
    from tracker.importing import session
    from tracker.ledger.batches import list_batches
    from ui.import_undo import UndoQuestion, undo_asking

    p = Portfolio.open(tmp_db, auto_backup=False)
    ids = ledger_with_duplicates(p)
    p.close()
    dialog = DuplicateProjectsDialog(tmp_db)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 700)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.all_sure_button.isEnabled(), timeout=10000)
    sure = sum(p.verdict.kind == "match" for p in dialog.pairs.items)
    assert sure >= 2 and len(dialog.pairs.items) == sure + 1  # one pair to check
    assert dialog.all_sure_button.text().startswith(f"合并全部确定的 {sure} 对")
    shot(dialog, tmp_path, "duplicates_all_sure.png")
    asked: list[list[str]] = []

    def ask(parent, lines, merged):  # type: ignore[no-untyped-def]
        box, _ = AllSureQuestion.build(parent, lines, merged)
        box.show()
        shot(box, tmp_path, "all_sure_question.png")
        box.close()
        asked.append(lines)
        return len(asked) > 1  # the first time the clerk cancels

    monkeypatch.setattr(AllSureQuestion, "ask", classmethod(lambda cls, *a: ask(*a)))
    dialog.all_sure_button.click()
    assert not dialog.changed and len(asked) == 1
    assert asked[0][0].startswith(f"保留 {ids['a']}「") and f"{ids['c']}「" in asked[0][0]
    dialog.all_sure_button.click()
    qtbot.waitUntil(lambda: dialog.changed and dialog.pairs.rowCount() == 1, timeout=10000)
    assert not dialog.all_sure_button.isEnabled() and "合并全部确定的 0 对" in (
        dialog.all_sure_button.text()
    )
    assert "已把 3 个项目并入 2 个项目" in dialog.note.text()
    qtbot.waitUntil(lambda: dialog.conflicts.rowCount() > 0, timeout=10000)
    assert {c["field"] for c in dialog.conflicts.items} >= {"sign_date", "investor"}
    shot(dialog, tmp_path, "duplicates_after_all_sure.png")
    p = Portfolio.open(tmp_db, auto_backup=False)
    assert p.project_count() == 5 and len(p.get_project(ids["a"]).visits) == 1
    (batch,) = [b.id for b in list_batches(p, "deal_merge")]
    reviews = session.review_batches(p, [batch])
    p.close()
    box, _, _ = UndoQuestion.build(dialog, reviews)
    assert "撤销合并批次" in box.text()
    box.show()  # laid out as the clerk sees it
    shot(box, tmp_path, "undo_merge_question.png")
    box.close()
    monkeypatch.setattr(UndoQuestion, "ask", classmethod(lambda cls, parent, r: False))
    undone: list[dict[str, int]] = []
    undo_asking(dialog, tmp_db, [batch], undone.append)
    qtbot.waitUntil(lambda: bool(undone), timeout=10000)
    p = Portfolio.open(tmp_db, auto_backup=False)
    assert p.project_count() == 8 and len(p.get_project(ids["b"]).visits) == 1
    p.close()


def test_undoing_a_merge_worked_on_since_asks_and_keeps(qtbot, tmp_db: Path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from tests.ledger.test_merge_undo import _merged_then_worked_on
    from tracker.importing import session
    from ui.import_undo import UndoQuestion, undo_asking

    p = Portfolio.open(tmp_db, auto_backup=False)
    keep, other, batch, problem = _merged_then_worked_on(p)
    reviews = session.review_batches(p, [batch])
    p.close()
    box, _, later = UndoQuestion.build(None, reviews)
    assert later and "合并批次" in box.text() and "合并移来的诉求" in box.informativeText()
    box.show()
    shot(box, tmp_path, "undo_merge_worked_on.png")
    box.close()
    asked: list[int] = []

    def ask(cls, parent, r):  # type: ignore[no-untyped-def]
        asked.append(len(r))
        return True  # keep the later edits

    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setattr(UndoQuestion, "ask", classmethod(ask))
    done: list[dict[str, int]] = []
    try:
        undo_asking(None, tmp_db, [batch], done.append)  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: bool(done), timeout=10000)
    finally:
        monkeypatch.undo()
    assert asked == [1]
    p = Portfolio.open(tmp_db, auto_backup=False)
    assert [x.id for x in p.get_project(keep).problems] == [problem]
    assert len(p.get_project(other).visits) == 1
    p.close()
