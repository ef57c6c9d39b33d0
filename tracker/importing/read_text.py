"""Text-based "spreadsheets": CSV/TSV in any Chinese encoding, and HTML tables saved as .xls.

Kept apart from ``read.py`` because neither goes through calamine: the stdlib ``csv`` and
``html.parser`` modules read them into the same ``Sheet`` grids.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from html.parser import HTMLParser

from tracker.errors import TrackerError
from tracker.importing.workbook import Sheet

_HTML_START = re.compile(
    rb"^\s*(<!doctype html|<html|<table|<\?xml[^>]*>\s*<html|<meta|<head|<body)", re.I
)
_META_CHARSET = re.compile(rb"charset\s*=\s*['\"]?([A-Za-z0-9_\-]+)", re.I)


def looks_like_html(data: bytes) -> bool:
    head = data[:4096].lstrip(codecs.BOM_UTF8)
    return bool(_HTML_START.match(head)) or (
        b"<table" in data[:65536].lower() and head.lstrip()[:1] == b"<"
    )


def decode_text(name: str, data: bytes) -> str:
    """Bytes of a text table -> str: BOMs first, then UTF-8, then GB18030 (a superset of GBK),
    then whatever charset-normalizer is confident about."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace")
    for bom, enc in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return data[2:].decode(enc, errors="replace")
    if b"\x00" in data[:4096]:
        raise TrackerError(
            f"文件“{name}”是二进制文件，不是表格，也不是文本。请选择 .xlsx/.xls/.csv 台账文件。"
        )
    for enc in ("utf-8", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise TrackerError(
            f"文件“{name}”的文字编码无法识别。请在 Excel/WPS 中另存为 .xlsx 后再导入。"
        )
    return str(best)


def _sniff_delimiter(text: str) -> str:
    sample = "\n".join(text.splitlines()[:30])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|，").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in (",", "\t", ";", "|", "，")}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def read_csv_text(name: str, text: str) -> Sheet:
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows: list[list[object]] = [list(r) for r in reader]
    except csv.Error as exc:
        raise TrackerError(
            f"文件“{name}”不是规整的 CSV 表格：{exc}。请用 Excel/WPS 打开后另存为 .xlsx。"
        ) from exc
    width = max((len(r) for r in rows), default=0)
    for r in rows:
        r.extend([""] * (width - len(r)))
    return Sheet(name, rows, [])


class _TableParser(HTMLParser):
    """Collects every <table> as rows of cell text, honouring colspan/rowspan as merges."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[list[list[str]], list[tuple[int, int, int, int]]]] = []
        self._depth = 0
        self._rows: list[list[str]] = []
        self._merges: list[tuple[int, int, int, int]] = []
        self._taken: set[tuple[int, int]] = set()
        self._cell: list[str] | None = None
        self._col = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._depth += 1
            if self._depth == 1:
                self._rows, self._merges, self._taken = [], [], set()
        elif self._depth != 1:
            return
        elif tag == "tr":
            self._rows.append([])
            self._col = 0
        elif tag in ("td", "th"):
            if not self._rows:
                self._rows.append([])
            a = dict(attrs)
            r = len(self._rows) - 1
            while (r, self._col) in self._taken:
                self._col += 1
            span_c, span_r = _span(a.get("colspan")), _span(a.get("rowspan"))
            for dr in range(span_r):
                for dc in range(span_c):
                    self._taken.add((r + dr, self._col + dc))
            if span_c > 1 or span_r > 1:
                self._merges.append((r, self._col, r + span_r - 1, self._col + span_c - 1))
            self._cell = []
            self._cell_pos = (r, self._col)
            self._col += span_c
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            if self._depth == 1:
                self._finish_cell()
                self.tables.append((self._rows, self._merges))
            self._depth = max(0, self._depth - 1)
        elif self._depth == 1 and tag in ("td", "th", "tr"):
            self._finish_cell()

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def _finish_cell(self) -> None:
        if self._cell is None:
            return
        r, c = self._cell_pos
        row = self._rows[r]
        row.extend([""] * (c + 1 - len(row)))
        row[c] = "".join(self._cell).strip()
        self._cell = None


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 1000))
    except ValueError:
        return 1


def read_html_tables(name: str, data: bytes) -> list[Sheet]:
    m = _META_CHARSET.search(data[:4096])
    text = None
    if m:
        try:
            text = data.decode(m[1].decode("ascii"), errors="replace")
        except LookupError:
            text = None
    if text is None:
        text = decode_text(name, data)
    parser = _TableParser()
    parser.feed(text)
    parser.close()
    sheets: list[Sheet] = []
    for i, (rows, merges) in enumerate(parser.tables, start=1):
        height = max([len(rows)] + [m[2] + 1 for m in merges])
        rows.extend([] for _ in range(height - len(rows)))
        width = max((len(r) for r in rows), default=0)
        width = max([width] + [m[3] + 1 for m in merges])
        grid: list[list[object]] = [[*r, *([""] * (width - len(r)))] for r in rows]
        if width:
            sheets.append(Sheet(f"表{i}" if len(parser.tables) > 1 else "表格", grid, merges))
    if not sheets:
        raise TrackerError(f"文件“{name}”是网页文件，但里面没有表格。请从系统重新导出 Excel 表格。")
    return sheets
