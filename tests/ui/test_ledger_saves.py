"""An editor save re-tints its own row at once, and the ledger's lights that follow review
only that project (the others come from the stored lights)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.helpers.review import watch_reviews


def names(window) -> list[str]:
    return [window.model.row_dict(r)["name"] for r in range(window.model.rowCount())]


def test_a_save_re_tints_its_row_and_reviews_only_that_project(qtbot, window, monkeypatch):
    from ui import project_editor

    row = names(window).index("青山茶叶精深加工项目")  # signed 2022, never registered: red
    pid = window.model.project_id(row)
    qtbot.waitUntil(lambda: window.model.level_of(pid) == "red", timeout=10000)

    def save(cls, parent, pf, project_id):  # noqa: ANN001, ANN202 - the editor, saving
        pf.terminate(project_id, "2025-01-01", "企业撤资")
        return project_id

    monkeypatch.setattr(project_editor.ProjectEditor, "run", classmethod(save))
    reviewed = watch_reviews(monkeypatch)
    with qtbot.waitSignal(window.model.levels_loaded, timeout=10000):
        window.edit_project(pid)
        assert window.model.level_of(pid) is None  # at once, before the refresh lands
    assert window.model.level_of(pid) is None
    assert reviewed[-1] == [pid]  # the background refresh reviewed that project only
    row = window.model.row_of(pid)
    brush = window.model.data(window.model.index(row, 0), Qt.ItemDataRole.BackgroundRole)
    assert brush is None  # terminated: grey text, no tint
