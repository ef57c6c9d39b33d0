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
from tracker.importing.limits import MAX_CELLS, MAX_COLUMNS, MAX_ROWSPAN, check_extent, check_width
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
    head = data[:4096]
    if head.count(b"\x00") > len(head) // 100:  # a binary file; a stray NUL is cleaned later
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
    # The first lines, at most 64 KB: the sniffer's regexes over a 5 MB line take seconds.
    sample = "\n".join(text[:65536].splitlines()[:30])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|，").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in (",", "\t", ";", "|", "，")}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def read_csv_text(name: str, text: str, file_name: str | None = None) -> Sheet:
    """Rows of a CSV/TSV; trailing empty cells dropped, width and size bounded as read."""
    file_name = file_name or name
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[object]] = []
    cells = 0
    try:
        for i, row in enumerate(reader):
            while row and not row[-1].strip():
                row.pop()  # a row padded with separators (Excel's export of stray cells)
            check_width(file_name, name, len(row), i)
            cells += len(row)
            if cells > MAX_CELLS:
                check_extent(file_name, name, i, max(len(r) for r in rows) if rows else 0)
            rows.append(list(row))
    except csv.Error as exc:
        raise TrackerError(
            f"文件“{name}”不是规整的 CSV 表格：{exc}。请用 Excel/WPS 打开后另存为 .xlsx。"
        ) from exc
    width = max((len(r) for r in rows), default=0)
    check_extent(file_name, name, len(rows) - 1, width - 1)
    for r in rows:
        r.extend([""] * (width - len(r)))
    return Sheet(name, rows, [])


class _TableParser(HTMLParser):
    """Collects every <table> as rows of cell text, honouring colspan/rowspan as merges.

    Cells covered by a rowspan from above are tracked per column (the last row each
    column is taken to), so memory grows with the table's width, not with the spans'
    area; a row wider than ``MAX_COLUMNS`` is refused as it is met.
    """

    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.tables: list[tuple[list[list[str]], list[tuple[int, int, int, int]]]] = []
        self._depth = 0
        self._rows: list[list[str]] = []
        self._merges: list[tuple[int, int, int, int]] = []
        self._taken_until: dict[int, int] = {}  # column -> last row covered by a rowspan
        self._cell: list[str] | None = None
        self._col = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._depth += 1
            if self._depth == 1:
                self._rows, self._merges, self._taken_until = [], [], {}
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
            while self._taken_until.get(self._col, -1) >= r:
                self._col += 1
            span_c = _span(a.get("colspan"), MAX_COLUMNS)
            span_r = _span(a.get("rowspan"), MAX_ROWSPAN)
            check_width(self.name, f"表{len(self.tables) + 1}", self._col + span_c, r)
            if span_r > 1:
                for dc in range(span_c):
                    self._taken_until[self._col + dc] = r + span_r - 1
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


def _span(value: str | None, cap: int) -> int:
    try:
        return max(1, min(int(value or 1), cap))
    except ValueError:
        return 1


# Labels a page may declare that are codecs but not character sets (decoding with them
# garbles or raises UnicodeError): ignored, the bytes are then read like any text file.
_NOT_CHARSETS = {"idna", "punycode", "undefined", "unicode-escape", "raw-unicode-escape"}


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        info = codecs.lookup(m[1].decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None
    name = info.name.replace("_", "-")
    if name in _NOT_CHARSETS or not getattr(info, "_is_text_encoding", True):
        return None
    return info.name


def read_html_tables(name: str, data: bytes) -> list[Sheet]:
    charset = _declared_charset(data)
    text = None
    if charset:
        try:
            text = data.decode(charset, errors="replace")
        except (UnicodeError, LookupError, ValueError):
            text = None
    if text is None:
        text = decode_text(name, data)
    parser = _TableParser(name)
    parser.feed(text)
    parser.close()
    sheets: list[Sheet] = []
    total = 0
    for i, (rows, merges) in enumerate(parser.tables, start=1):
        height = max([len(rows)] + [m[2] + 1 for m in merges])
        width = max((len(r) for r in rows), default=0)
        width = max([width] + [m[3] + 1 for m in merges])
        total = check_extent(name, f"表{i}", height - 1, width - 1, total)  # before the grid
        rows.extend([] for _ in range(height - len(rows)))
        grid: list[list[object]] = [[*r, *([""] * (width - len(r)))] for r in rows]
        if width:
            sheets.append(Sheet(f"表{i}" if len(parser.tables) > 1 else "表格", grid, merges))
    if not sheets:
        raise TrackerError(f"文件“{name}”是网页文件，但里面没有表格。请从系统重新导出 Excel 表格。")
    return sheets


def mht_html(name: str, data: bytes) -> bytes:
    """The page inside a web archive (.mht, "单个文件网页"): Excel saves one so, and some
    systems export one named .xls. The stdlib's email parser undoes the MIME wrapping."""
    import email
    from email.message import Message

    message: Message = email.message_from_bytes(data)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                charset = part.get_content_charset()
                if charset and b"charset" not in payload[:4096].lower():
                    payload = f'<meta charset="{charset}">'.encode("ascii") + payload
                return payload
    raise TrackerError(
        f"文件“{name}”是网页存档（.mht），但里面没有网页表格。请从系统重新导出 Excel 表格。"
    )
