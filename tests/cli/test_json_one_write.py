"""``--json`` output is one write of the whole document (json.dump to a stream writes every
token: 1.5 million calls for a 20,000-row plan)."""

from __future__ import annotations

import io
import json
import sys
from datetime import date

import pytest

from tracker.cli.common import emit_json, json_text


class CountingStream(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)


def test_emit_json_writes_once(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = CountingStream()
    monkeypatch.setattr(sys, "stdout", stream)
    data = {"rows": [{"name": f"项目{i}", "fields": {"a": i, "b": [1, 2]}} for i in range(500)]}
    emit_json(data)
    assert stream.writes == 1
    assert json.loads(stream.getvalue()) == data


def test_json_text_is_one_line_per_item_and_loads_back_the_same() -> None:
    """``--json`` is encoded at C speed a line at a time: each item of a list (a plan row)
    and each member of the outer object on its own line, the same document as json's."""
    data = {
        "rows": [{"name": "项目1", "fields": {"a": 1, "b": [1, 2]}}, {"name": "项目2"}],
        "summary": {"rows": 2},
        "empty": [],
        3: None,
        "when": date(2024, 5, 1),
    }
    text = json_text(data)
    assert json.loads(text) == json.loads(json.dumps(data, ensure_ascii=False, default=str))
    assert text.splitlines()[:4] == [
        "{",
        ' "rows": [',
        '  {"name": "项目1", "fields": {"a": 1, "b": [1, 2]}},',
        '  {"name": "项目2"}',
    ]
    assert json_text([{"id": 1}, {"id": 2}]) == '[\n {"id": 1},\n {"id": 2}\n]'
    assert [json_text(v) for v in ([], {}, None, "中")] == ["[]", "{}", "null", '"中"']
