"""The real size of an .xlsb (Excel binary workbook) sheet, read from its records first.

An .xlsb sheet is a stream of BIFF12 records (a 1–2 byte type and a 1–4 byte size, each
seven bits a byte). Cell records start with their column; a row header (``BrtRowHdr``)
gives the row of the cells after it. One pass gives the farthest *valued* cell, as for
.xlsx and .xls: calamine builds a dense grid up to it, so one far cell would ask for
hundreds of gigabytes. Blank (formatted-only) cells are skipped, as calamine skips them.

The same pass finds the short cell forms (``BrtShort*``: the column left out, meaning
"the next column"), which SheetJS and some web exporters write for every cell after the
first in a row. calamine skips those records, so such a file would import one column
wide without a word; :func:`check_xlsb` rewrites them into the full forms calamine reads
(and inline rich strings into plain ones), so every value arrives.
"""

from __future__ import annotations

import io
import logging
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO

from tracker.importing.limits import MAX_CELLS, check_extent
from tracker.importing.workbook import Merge

log = logging.getLogger(__name__)

CHUNK = 4 * 1024 * 1024
MAX_BODY = 1024 * 1024  # a cell record is bytes to 64 KB; bigger ones are skipped unread
ROW_HEADER, END_SHEET_DATA, BUNDLE_SHEET, MERGE_CELL = 0x0000, 0x0092, 0x009C, 0x00B0
CELL_BLANK, SHORT_BLANK = 0x0001, 0x000C
FULL_CELLS = range(0x0001, 0x000C)  # BrtCellBlank … BrtFmlaError: column, style, value
SHORT_END = 0x0013
SHORT_CELLS = range(0x000C, SHORT_END)  # BrtShortBlank … BrtShortIsst: style, value
SHORT_TO_FULL = 0x000C - 0x0001  # BrtShortX is BrtCellX + 11, the body less the column
CELL_RSTRING, CELL_ST = 0x003E, 0x0006  # an inline rich string; a plain one
MAX_ROW = 0x0010_0000  # calamine stops reading a sheet at a row header past this
MAX_RECORDS = 3 * MAX_CELLS  # values plus blanks: past this a sheet is not a ledger


# The parts calamine reads besides the sheets (by these fixed names).
READ_PARTS = {
    "[content_types].xml",
    "_rels/.rels",
    "xl/workbook.bin",
    "xl/_rels/workbook.bin.rels",
    "xl/sharedstrings.bin",
    "xl/styles.bin",
}


class Truncated(Exception):
    """The stream ends inside a record: the part was cut short."""


# (record type, buffer, where the record starts, where its body starts and ends in it)
Record = tuple[int, bytes, int, int, int]
_U32 = struct.Struct("<I").unpack_from
_P32 = struct.Struct("<I").pack


def records(fh: IO[bytes]) -> Iterator[Record]:
    """Each record of a BIFF12 stream, read in 4 MB pieces, its body left in the buffer
    (a pass over a 20,000-row sheet allocates nothing per record). A body over
    ``MAX_BODY`` is skipped unread and given as an empty buffer, so a record claiming
    256 MB costs nothing; a stream that ends inside a record raises ``Truncated``."""
    buf, pos, n = b"", 0, 0
    try:
        while True:
            if n - pos < 6:  # a record header is at most 6 bytes
                buf, pos = buf[pos:] + fh.read(CHUNK), 0
                n = len(buf)
                if not n:
                    return
            head = pos
            rtype = buf[pos]
            if rtype & 0x80:
                rtype = (rtype & 0x7F) | (buf[pos + 1] & 0x7F) << 7
                pos += 2
            else:
                pos += 1
            size = buf[pos]
            pos += 1
            if size & 0x80:
                size &= 0x7F
                for shift in (7, 14, 21):
                    byte = buf[pos]
                    pos += 1
                    size |= (byte & 0x7F) << shift
                    if not byte & 0x80:
                        break
            end = pos + size
            if end > n:
                if size > MAX_BODY:
                    _skip(fh, end - n)
                    buf, pos, n = b"", 0, 0
                    yield rtype, b"", 0, 0, 0
                    continue
                buf = buf[head:] + fh.read(max(CHUNK, size))
                pos, end, head, n = pos - head, end - head, 0, len(buf)
                if end > n:
                    raise Truncated
            yield rtype, buf, head, pos, end
            pos = end
    except IndexError as exc:  # a header cut by the end of the stream
        raise Truncated from exc


def _skip(fh: IO[bytes], count: int) -> None:
    while count > 0:
        got = fh.read(min(CHUNK, count))
        if not got:
            raise Truncated
        count -= len(got)


def encode(rtype: int, body: bytes) -> bytes:
    """One record as bytes: type and size in seven-bit groups, then the body."""
    head = bytearray([rtype & 0x7F | 0x80, rtype >> 7]) if rtype >= 0x80 else bytearray([rtype])
    size = len(body)
    while True:
        byte, size = size & 0x7F, size >> 7
        head.append(byte | (0x80 if size else 0))
        if not size:
            break
    return bytes(head) + body


def _wide_str(body: bytes, at: int) -> tuple[str, int] | None:
    """An XLWideString at ``at``: (text, offset after it), None if it does not fit."""
    if at + 4 > len(body):
        return None
    count = struct.unpack_from("<I", body, at)[0]
    end = at + 4 + 2 * count
    if count == 0xFFFFFFFF or end > len(body):
        return None
    return body[at + 4 : end].decode("utf-16-le", "replace"), end


def bundled_sheets(workbook: bytes) -> list[tuple[str, bytes]]:
    """(sheet name, relationship id) from an xl/workbook.bin, in tab order."""
    out = []
    try:
        for rtype, buf, _head, start, end in records(io.BytesIO(workbook)):
            if rtype == 0x0090:  # BrtEndBundleShs
                break
            body = buf[start:end]
            if rtype != BUNDLE_SHEET or len(body) < 12:
                continue
            rel = _wide_str(body, 8)
            name = _wide_str(body, rel[1]) if rel else None
            if rel and name:
                out.append((name[0], rel[0].encode("utf-8")))
    except Truncated:
        log.info("workbook.bin cut short after %d sheets", len(out))
    return out


def _full_form(rtype: int, body: bytes, col: int) -> tuple[int, bytes]:
    """A short cell record as the full one calamine reads; an inline rich string as a
    plain one (its formatting runs dropped, the text kept)."""
    if rtype in SHORT_CELLS:
        return rtype - SHORT_TO_FULL, struct.pack("<I", col) + body
    text = _wide_str(body, 9)  # Cell (8 bytes), a flags byte, then the string
    return CELL_ST, body[:8] + (body[9 : text[1]] if text else b"\x00\x00\x00\x00")


@dataclass
class SheetScan:
    total: int  # the workbook's running cell total, this sheet included
    rewrite: bool  # short or rich-string cells that :func:`full_forms` must rewrite
    merges: list[Merge] = field(default_factory=list)  # calamine gives none for .xlsb


def scan_sheet(file: str, sheet: str, fh: IO[bytes], total: int) -> SheetScan:
    """Check one sheet's extent, and note what calamine would miss in it."""
    row, col, last_row, last_col, count = 0, -1, -1, -1, 0
    scan = SheetScan(total, False)
    in_data = True
    for rtype, buf, _head, start, end in records(fh):
        count += 1
        if count > MAX_RECORDS:
            check_extent(file, sheet, MAX_CELLS, 0, total)  # says the limit in words
        if end - start < 4:
            if rtype == END_SHEET_DATA:
                in_data = False
            continue
        if not in_data:
            if rtype == MERGE_CELL and end - start >= 16:
                r1, r2, c1, c2 = struct.unpack_from("<4I", buf, start)
                scan.merges.append((r1, c1, r2, c2))
            continue
        if rtype < SHORT_BLANK:  # the row header, or a cell with its column
            if rtype == ROW_HEADER:
                row, col = _U32(buf, start)[0], -1
                in_data = row <= MAX_ROW  # calamine stops at a row past the last one
                continue
            col = _U32(buf, start)[0]
            if rtype == CELL_BLANK:
                continue
        elif rtype < SHORT_END:
            col += 1
            scan.rewrite = True
            if rtype == SHORT_BLANK:
                continue
        elif rtype == CELL_RSTRING:
            col = _U32(buf, start)[0]
            scan.rewrite = True
        else:
            continue
        if row > last_row:
            last_row = row
        if col > last_col:
            last_col = col
    scan.total = check_extent(file, sheet, last_row, last_col, total)
    return scan


def full_forms(fh: IO[bytes]) -> bytes:
    """The sheet again with every short cell in its full form (the column put back) and
    every inline rich string as a plain one: what calamine reads. Runs of records that
    need nothing are copied as they are."""
    out: list[bytes] = []
    col = -1
    run_buf, run_start, run_end = b"", 0, 0
    for rtype, buf, head, start, end in records(fh):
        if rtype == ROW_HEADER:
            col = -1
        elif rtype in FULL_CELLS and end - start >= 4:
            col = _U32(buf, start)[0]
        if not end or not (rtype in SHORT_CELLS or rtype == CELL_RSTRING):
            if buf is run_buf and head == run_end:
                run_end = end
            else:
                out.append(run_buf[run_start:run_end])
                run_buf, run_start, run_end = buf, head, end
            continue
        out.append(run_buf[run_start:run_end])
        run_buf, run_start, run_end = b"", 0, 0
        if rtype in SHORT_CELLS:
            col += 1
            if end - start < 0x7C:  # the usual small cell: a two-byte header, no loop
                full = _P32(col) + buf[start:end]
                out.append(bytes((rtype - SHORT_TO_FULL, len(full))) + full)
                continue
        else:
            col = _U32(buf, start)[0]
        out.append(encode(*_full_form(rtype, buf[start:end], col)))
    out.append(run_buf[run_start:run_end])
    return b"".join(out)


@dataclass
class XlsbCheck:
    repacked: bytes | None  # the package with full cell forms, when calamine needs them
    merges: dict[str, list[Merge]]  # sheet name -> its merged ranges


def check_xlsb(file: str, zf: zipfile.ZipFile, sheets: list[tuple[str, str]]) -> XlsbCheck:
    """Refuse an .xlsb whose sheets hold values too far out, before calamine reads it;
    rebuild the package with full cell forms when any sheet needs them (see the
    module's note), and collect the merged ranges calamine does not report."""
    total = 0
    rewrite = []
    merges = {}
    for sheet, part in sheets:
        with zf.open(part) as fh:
            scan = scan_sheet(file, sheet, fh, total)
        total = scan.total
        merges[sheet] = scan.merges
        if scan.rewrite:
            rewrite.append(part)
    if not rewrite:
        return XlsbCheck(None, merges)
    log.info("%s: short cell records in %s, rewritten for calamine", file, rewrite)
    wanted = {part for _, part in sheets}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as new:
        for info in zf.infolist():
            if info.filename not in wanted and info.filename.lower() not in READ_PARTS:
                continue  # pictures, macros and the like: not read for the grids
            with zf.open(info) as fh:
                data = full_forms(fh) if info.filename in rewrite else fh.read()
            new.writestr(info.filename, data)
    return XlsbCheck(out.getvalue(), merges)
