"""``--json`` output is one write of the whole document (json.dump to a stream writes every
token: 1.5 million calls for a 20,000-row plan)."""

from __future__ import annotations

import io
import json
import sys

import pytest

from tracker.cli.common import emit_json


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
