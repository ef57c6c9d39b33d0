"""The real size of an old .xls (BIFF8) sheet, read from its records before calamine.

A 5 KB .xls with one value in IV65536 makes calamine build a 65,536 × 256 grid (over a
gigabyte once in Python). The workbook stream is a list of records; the ones holding a
cell value start with its row and column, so one pass over them gives each sheet's
farthest value. Blank (formatted-only) cells are skipped, as calamine skips them.
"""

from __future__ import annotations

import io
import logging
import struct
from collections.abc import Iterator

from tracker.importing.limits import check_extent

log = logging.getLogger(__name__)

BOF, EOF, BOUNDSHEET = 0x0809, 0x000A, 0x0085
# Records holding one value: NUMBER, RK, LABELSST, LABEL, BOOLERR, FORMULA, RSTRING.
SINGLE_VALUE = {0x0203, 0x027E, 0x00FD, 0x0204, 0x0205, 0x0006, 0x00D6}
MULRK = 0x00BD  # several RK values in one row: row, first col, ..., last col


def workbook_stream(data: bytes) -> bytes | None:
    """The BIFF record stream of an .xls (None when the OLE container cannot be read)."""
    import olefile  # type: ignore[import-untyped]

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            for name in ("Workbook", "Book"):
                if ole.exists(name):
                    return bytes(ole.openstream(name).read())
    except (OSError, ValueError) as exc:  # not a readable OLE file: calamine will say so
        log.debug("no BIFF stream: %r", exc)
    return None


def records_at(stream: bytes) -> Iterator[tuple[int, int, bytes]]:
    """(offset, record type, body) for each record of a BIFF stream."""
    pos = 0
    while pos + 4 <= len(stream):
        rtype, size = struct.unpack_from("<HH", stream, pos)
        yield pos, rtype, stream[pos + 4 : pos + 4 + size]
        pos += 4 + size


def _records(stream: bytes) -> Iterator[tuple[int, bytes]]:
    """(record type, body) for each record of a BIFF stream."""
    for _pos, rtype, body in records_at(stream):
        yield rtype, body


def _sheet_names(stream: bytes) -> list[str]:
    names = []
    for rtype, body in _records(stream):
        if rtype == EOF:
            break
        if rtype == BOUNDSHEET and len(body) >= 8:
            length, flags = body[6], body[7]
            raw = body[8 : 8 + (length * 2 if flags & 1 else length)]
            names.append(raw.decode("utf-16-le" if flags & 1 else "latin-1", "replace"))
    return names


def check_xls(file: str, data: bytes) -> None:
    """Refuse an .xls whose sheets hold values too far out, before calamine reads it."""
    stream = workbook_stream(data)
    if stream is None:
        return
    names = _sheet_names(stream)
    total, depth, sheet = 0, 0, -1
    last_row = last_col = -1
    for rtype, body in _records(stream):
        if rtype == BOF:
            depth += 1
            sheet += 1
            last_row = last_col = -1
        elif rtype == EOF:
            depth -= 1
            if sheet > 0:  # substream 0 is the workbook globals
                name = names[sheet - 1] if sheet - 1 < len(names) else f"第{sheet}个工作表"
                total = check_extent(file, name, last_row, last_col, total)
        elif len(body) >= 4 and (rtype in SINGLE_VALUE or rtype == MULRK):
            row, col = struct.unpack_from("<HH", body, 0)
            if rtype == MULRK and len(body) >= 6:
                col = struct.unpack_from("<H", body, len(body) - 2)[0]
            last_row, last_col = max(last_row, row), max(last_col, col)
