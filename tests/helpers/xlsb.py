"""A minimal .xlsb (Excel binary workbook) writer, from the BIFF12 layout in [MS-XLSB].

No Python library writes .xlsb, so the tests build their own: a workbook part listing the
sheets, and per sheet a dimension, rows and cells, and merged ranges. Cells are written
in the full form Excel uses (column in every cell record) or, with ``short=True``, in the
short form SheetJS uses (the column left out after a row's first cell), or as inline rich
strings. Kept apart from the reader in ``tracker`` on purpose: its own record encoder.
"""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

Cells = dict[str, object]  # "A1" -> str | float | int

_CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="bin" ContentType="'
    'application/vnd.ms-excel.sheet.binary.macroEnabled.main"/><Override PartName="/xl/'
    'worksheets/sheet{n}.bin" ContentType="application/vnd.ms-excel.worksheet"/></Types>'
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
    'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.bin"/></Relationships>'
)
_SHEET_REL = (
    '<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/worksheet" Target="worksheets/sheet{n}.bin"/>'
)


def record(rtype: int, body: bytes = b"") -> bytes:
    head = bytes([rtype & 0x7F | 0x80, rtype >> 7]) if rtype >= 0x80 else bytes([rtype])
    size, out = len(body), bytearray()
    while True:
        out.append((size & 0x7F) | (0x80 if size >> 7 else 0))
        size >>= 7
        if not size:
            break
    return head + bytes(out) + body


def wide(text: str) -> bytes:
    raw = text.encode("utf-16-le")
    return struct.pack("<I", len(raw) // 2) + raw


def _cell(col: int | None, value: object, rich: bool) -> bytes:
    """A cell record; ``col`` None writes the short form (type + 11, no column)."""
    head = b"" if col is None else struct.pack("<I", col)
    style = b"\x00\x00\x00\x00"
    short = 0 if col is not None else 0x0B
    if isinstance(value, str):
        if rich and col is not None:  # BrtCellRString: a flags byte, the text, no runs
            return record(0x3E, head + style + b"\x00" + wide(value))
        return record(0x06 + short, head + style + wide(value))
    return record(0x05 + short, head + style + struct.pack("<d", float(value)))  # type: ignore[arg-type]


def sheet_bin(
    cells: Cells, *, short: bool = False, rich: bool = False, merges: list[str] | None = None
) -> bytes:
    rows: dict[int, dict[int, object]] = {}
    for ref, value in cells.items():
        letters, row = coordinate_from_string(ref)
        rows.setdefault(row - 1, {})[column_index_from_string(letters) - 1] = value
    last_row = max(rows)
    last_col = max(c for r in rows.values() for c in r)
    out = [record(0x81), record(0x94, struct.pack("<4I", 0, last_row, 0, last_col))]
    out.append(record(0x91))
    for r in sorted(rows):
        out.append(record(0x00, struct.pack("<IIHBBB", r, 0, 300, 0, 0, 0) + b"\x00" * 4))
        previous = None
        for c in sorted(rows[r]):
            use_short = short and previous is not None and c == previous + 1
            out.append(_cell(None if use_short else c, rows[r][c], rich))
            previous = c
    out.append(record(0x92))
    if merges:
        out.append(record(0xB1, struct.pack("<I", len(merges))))
        for ref in merges:
            first, last = ref.split(":")
            (c1, r1), (c2, r2) = (coordinate_from_string(x) for x in (first, last))
            rfx = (
                r1 - 1,
                r2 - 1,
                column_index_from_string(c1) - 1,
                column_index_from_string(c2) - 1,
            )
            out.append(record(0xB0, struct.pack("<4I", *rfx)))
        out.append(record(0xB2))
    out.append(record(0x82))
    return b"".join(out)


def write_xlsb(
    path: Path,
    sheets: dict[str, Cells],
    *,
    short: bool = False,
    rich: bool = False,
    merges: dict[str, list[str]] | None = None,
) -> Path:
    """An .xlsb with ``sheets`` ({name: {"A1": value}}) as calamine and Excel read it."""
    book = record(0x83) + record(0x8F)
    for n, name in enumerate(sheets, start=1):
        book += record(0x9C, struct.pack("<II", 0, n) + wide(f"rId{n}") + wide(name))
    book += record(0x90) + record(0x84)
    rels = "".join(_SHEET_REL.format(n=n) for n in range(1, len(sheets) + 1))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CT.format(n=1))
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.bin", book)
        z.writestr(
            "xl/_rels/workbook.bin.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            f'openxmlformats.org/package/2006/relationships">{rels}</Relationships>',
        )
        for n, (name, cells) in enumerate(sheets.items(), start=1):
            z.writestr(
                f"xl/worksheets/sheet{n}.bin",
                sheet_bin(cells, short=short, rich=rich, merges=(merges or {}).get(name)),
            )
    return path
