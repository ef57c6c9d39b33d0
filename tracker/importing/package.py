"""What a zip file holds, read from its parts the way Office reads them (OPC, ODF).

A workbook is found through the package's own pointers, not a fixed name: ``_rels/.rels``
names the main part and ``[Content_Types].xml`` says what it is (a workbook, its
macro-enabled or template flavour, a binary .xlsb, or a Word document), so a minimal
package without ``docProps`` or one whose producer names its parts differently is read
like any other. Sheets are whatever the workbook's relationships point at, plus every
part that *is* a sheet by its content: the size checks cover all of them, so no part the
reader might open escapes them.
"""

from __future__ import annotations

import html
import logging
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass, field

from tracker.errors import TrackerError

log = logging.getLogger(__name__)

# Main-part content types -> our format name.
WORKBOOK_TYPES = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
    "application/vnd.ms-excel.sheet.macroenabled.main+xml": "xlsm",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml": "xltx",
    "application/vnd.ms-excel.template.macroenabled.main+xml": "xltm",
    "application/vnd.ms-excel.addin.macroenabled.main+xml": "xlam",
    "application/vnd.ms-excel.sheet.binary.macroenabled.main": "xlsb",
}
OTHER_DOCUMENT_TYPES = {
    "wordprocessingml": "docx",
    "presentationml": "pptx",
}
ODF_TYPES = {
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.spreadsheet-template": "ots",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.presentation": "odp",
}
SPREADSHEET_NAME = re.compile(r"\.(xlsx|xlsm|xltx|xltm|xlsb|xls|et|ett|ods|csv)$", re.I)

_OFFICE_DOCUMENT = re.compile(rb"/relationships/officeDocument$")
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>", re.S)
_ATTR = re.compile(rb'(\w+)\s*=\s*"([^"]*)"|(\w+)\s*=\s*\'([^\']*)\'')
_OVERRIDE = re.compile(rb"<(?:\w+:)?Override\b([^>]*)>", re.S)
_DEFAULT = re.compile(rb"<(?:\w+:)?Default\b([^>]*)>", re.S)
_SHEET = re.compile(rb"<(?:\w+:)?sheet\b([^>]*)>", re.S)
_SHEET_ID = re.compile(rb'\b(?:\w+:)?id\s*=\s*"([^"]*)"')
_MEDIA_TYPE = re.compile(rb'manifest:full-path="/"[^>]*manifest:media-type="([^"]*)"')
# A part is a sheet when its root element is one (a namespace prefix allowed).
_SHEET_ROOT = re.compile(rb"<(?:\w+:)?(worksheet|dialogsheet|macrosheet)[\s>]")
XLSB_SHEET_START = b"\x81\x01\x00"  # BrtBeginSheet, an empty record: every .bin sheet opens so


@dataclass
class Package:
    """A zip's parts as the readers will see them."""

    format: str  # xlsx | xlsm | xltx | xltm | xlam | xlsb | ods | ots
    workbook: str | None = None  # the main part (None for ODF: content.xml is fixed)
    sheets: list[tuple[str, str]] = field(default_factory=list)  # (sheet name, part)


def _attrs(raw: bytes) -> dict[bytes, bytes]:
    return {(m[1] or m[3]): (m[2] or m[4]) for m in _ATTR.finditer(raw)}


def member(zf: zipfile.ZipFile, part: str) -> str | None:
    """The zip member for a part name: OPC part names are case-insensitive."""
    part = part.lstrip("/")
    if part in zf.NameToInfo:
        return part
    lower = part.lower()
    for name in zf.NameToInfo:
        if name.lower() == lower:
            return name
    return None


def read_part(zf: zipfile.ZipFile, part: str, limit: int = 8 * 1024 * 1024) -> bytes | None:
    """A small part's bytes (package metadata, the workbook part), or None if absent.

    Metadata parts are kilobytes; one stating more is cut at ``limit`` (a workbook part
    lists sheets near its start), so a hostile package cannot make this read large.
    """
    name = member(zf, part)
    if name is None:
        return None
    with zf.open(name) as fh:
        return fh.read(limit)


def relationships(zf: zipfile.ZipFile, source: str) -> list[dict[bytes, bytes]]:
    """The relationships of ``source`` ("" for the package), Target made a part name."""
    folder, base = posixpath.split(source.lstrip("/"))
    raw = read_part(zf, posixpath.join(folder, "_rels", base + ".rels"))
    if raw is None:
        return []
    out = []
    for m in _RELATIONSHIP.finditer(raw):
        attrs = _attrs(m[1])
        target = attrs.get(b"Target")
        if target is None or attrs.get(b"TargetMode", b"").lower() == b"external":
            continue
        text = html.unescape(target.decode("utf-8", "replace"))
        resolved = text.lstrip("/") if text.startswith("/") else posixpath.join(folder, text)
        attrs[b"Part"] = posixpath.normpath(resolved).encode("utf-8")
        out.append(attrs)
    return out


def content_type(zf: zipfile.ZipFile, part: str) -> str | None:
    raw = read_part(zf, "[Content_Types].xml")
    if raw is None:
        return None
    wanted = ("/" + part.lstrip("/")).lower().encode("utf-8")
    for m in _OVERRIDE.finditer(raw):
        attrs = _attrs(m[1])
        if attrs.get(b"PartName", b"").lower() == wanted:
            return attrs.get(b"ContentType", b"").decode("ascii", "replace").lower()
    ext = posixpath.splitext(part)[1].lstrip(".").lower().encode("ascii", "replace")
    for m in _DEFAULT.finditer(raw):
        attrs = _attrs(m[1])
        if attrs.get(b"Extension", b"").lower() == ext:
            return attrs.get(b"ContentType", b"").decode("ascii", "replace").lower()
    return None


def _main_part(zf: zipfile.ZipFile) -> str | None:
    """The package's main part (ISO Strict's relationship type ends the same way)."""
    for rel in relationships(zf, ""):
        if _OFFICE_DOCUMENT.search(rel.get(b"Type", b"")):
            return rel[b"Part"].decode("utf-8")
    return None


def identify(zf: zipfile.ZipFile) -> Package | str:
    """The workbook this zip is, or a word for what else it is (``docx``, ``numbers``,
    ``zip-of-spreadsheets``, ``zip``) for the caller to explain."""
    odf = _odf_kind(zf)
    if odf is not None:
        return Package(odf) if odf in ("ods", "ots") else odf
    main = _main_part(zf)
    if main is not None and member(zf, main) is not None:
        ctype = content_type(zf, main) or ""
        fmt = WORKBOOK_TYPES.get(ctype)
        for word, other in OTHER_DOCUMENT_TYPES.items():
            if fmt is None and word in ctype:
                return other
        if fmt is None:  # no or odd content type: the part's own name decides
            fmt = "xlsb" if main.lower().endswith(".bin") else "xlsx"
        return Package(fmt, main, sheet_parts(zf, main, fmt))
    for fallback, fmt in (("xl/workbook.xml", "xlsx"), ("xl/workbook.bin", "xlsb")):
        found = member(zf, fallback)
        if found is not None:  # no package relationships: the reader will say so
            return Package(fmt, found, sheet_parts(zf, found, fmt))
    names = zf.namelist()
    if any(n.startswith("Index/") and n.endswith(".iwa") for n in names):
        return "numbers"
    if member(zf, "OFD.xml") is not None:
        return "ofd"
    if any(SPREADSHEET_NAME.search(n) for n in names):
        return "zip-of-spreadsheets"
    return "zip"


def _odf_kind(zf: zipfile.ZipFile) -> str | None:
    mimetype = read_part(zf, "mimetype", 200)
    kind = mimetype.decode("ascii", "replace").strip() if mimetype else ""
    if not kind:
        manifest = read_part(zf, "META-INF/manifest.xml")
        found = _MEDIA_TYPE.search(manifest or b"")
        kind = found[1].decode("ascii", "replace") if found else ""
    if not kind and member(zf, "content.xml") is not None:
        return "ods"  # content.xml alone: calamine judges
    return ODF_TYPES.get(kind, "odf" if kind else None)


def sheet_parts(zf: zipfile.ZipFile, workbook: str, fmt: str) -> list[tuple[str, str]]:
    """(sheet name, part) for each sheet the workbook lists, in its order."""
    rels = {r.get(b"Id", b""): r[b"Part"].decode("utf-8") for r in relationships(zf, workbook)}
    raw = read_part(zf, workbook) or b""
    if fmt == "xlsb":
        from tracker.importing.xlsb_extent import bundled_sheets

        listed = bundled_sheets(raw)
    else:
        listed = []
        for m in _SHEET.finditer(raw):
            attrs = _attrs(m[1])
            found_id = _SHEET_ID.search(m[1])
            name = html.unescape(attrs.get(b"name", b"").decode("utf-8", "replace"))
            listed.append((name, found_id[1] if found_id else b""))
    out = []
    for name, rid in listed:
        part = rels.get(rid)
        found = member(zf, part) if part else None
        if found is not None:
            out.append((name, found))
    return out


def all_sheet_parts(zf: zipfile.ZipFile, package: Package) -> list[tuple[str, str]]:
    """Every part that holds a sheet, by the workbook's list or by its own content.

    A reader may resolve a sheet's part by other rules than ours (a literal ``xl/``
    prefix, a case-folded name); checking every part whose bytes open like a sheet
    leaves it nothing unchecked. Unlisted ones are named by their part.
    """
    listed = list(package.sheets)
    known = {part for _, part in listed}
    for info in zf.infolist():
        if info.filename in known or info.is_dir():
            continue
        with zf.open(info) as fh:
            head = fh.read(1024)
        if _is_sheet(head, package.format):
            listed.append((info.filename, info.filename))
    return listed


def _is_sheet(head: bytes, fmt: str) -> bool:
    if fmt == "xlsb":
        return head.startswith(XLSB_SHEET_START)
    return _SHEET_ROOT.search(head) is not None


def odf_encrypted(zf: zipfile.ZipFile) -> bool:
    """LibreOffice/WPS "save with password" encrypts content.xml: the manifest says so."""
    manifest = read_part(zf, "META-INF/manifest.xml") or b""
    return b"encryption-data" in manifest


def check_sizes(name: str, zf: zipfile.ZipFile, max_total: int, max_ratio: int) -> None:
    """Refuse a zip that would unpack to far more than a ledger (a zip bomb)."""
    total = 0
    for info in zf.infolist():
        total += info.file_size
        if info.file_size > 10 * 1024 * 1024 and info.file_size > max_ratio * max(
            info.compress_size, 1
        ):
            raise TrackerError(
                f"文件“{name}”中的“{info.filename}”解压后有 {info.file_size // (1024 * 1024)} MB，"
                "异常巨大（疑似压缩炸弹），已拒绝读取。"
            )
    if total > max_total:
        raise TrackerError(
            f"文件“{name}”解压后有 {total // (1024 * 1024)} MB，超过上限 "
            f"{max_total // (1024 * 1024)} MB，太大了，已拒绝读取。"
            "请只保留台账工作表后另存为新文件再导入。"
        )


def first_damaged_member(zf: zipfile.ZipFile) -> str | None:
    """The first member whose bytes do not unpack or fail their checksum (where a copy
    was cut or corrupted), or None when every member is whole. Only run on a file that
    already failed, so unpacking everything once more costs nothing in the usual case."""
    for info in zf.infolist():
        try:
            with zf.open(info) as fh:
                while fh.read(1024 * 1024):
                    pass
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            log.info("damaged member %s: %r", info.filename, exc)
            return info.filename
    return None
