"""What the clerk picked, told from its bytes, and the true reason for what cannot be read.

Extensions lie: web systems save HTML as .xls, WPS keeps its .et next to .xls, a zip of
ledgers arrives named .xlsx. The first bytes say which container it is (OLE compound file,
zip, text); :mod:`package` and :func:`ole_kind` look inside. Every kind the importer
cannot read has its words here: what the file is, and what to save it as.
"""

from __future__ import annotations

import io
import logging
import re

from tracker.errors import TrackerError

log = logging.getLogger(__name__)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
WPS_SUFFIXES = (".et", ".ett")
# Suffixes the importer reads; the UI's file filter and drop target list the same.
READABLE_SUFFIXES = (
    ".xlsx",
    ".xlsm",
    ".xltx",
    ".xltm",
    ".xlsb",
    ".xls",
    ".xlt",
    ".et",
    ".ett",
    ".ods",
    ".ots",
    ".csv",
    ".tsv",
    ".txt",
    ".htm",
    ".html",
    ".mht",
    ".mhtml",
)

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "pdf"),
    (b"\x89PNG", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF8", "image"),
    (b"BM", "image-bmp"),
    (b"Rar!", "rar"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x1f\x8b", "gzip"),
    (b"{\\rtf", "rtf"),
)
# Excel 2.x–4.0 wrote bare BIFF records, no OLE container: a BOF record first.
_OLD_BIFF = re.compile(rb"^\x09[\x00\x02\x04\x08][\x04-\x14]\x00")
_MIME = re.compile(rb"^(?:[\w-]+:[^\r\n]*\r?\n)*MIME-Version:", re.I)
_SPREADSHEETML = re.compile(
    rb"urn:schemas-microsoft-com:office:spreadsheet|progid=\"Excel\.Sheet\""
)
_FLAT_ODF = re.compile(rb"<office:document\b[^>]*office:mimetype=\"([^\"]+)\"", re.S)

# kind -> (what the file is, what the clerk can do). One sentence each, no full stop.
NOT_SUPPORTED: dict[str, tuple[str, str]] = {
    "pdf": ("PDF 文件", "请使用原始的 Excel/WPS 表格文件导入"),
    "image": ("图片", "图片里的表格无法导入，请使用原始的 Excel/WPS 表格文件"),
    "image-bmp": ("图片", "图片里的表格无法导入，请使用原始的 Excel/WPS 表格文件"),
    "rar": ("RAR 压缩包", "请先解压，再导入其中的表格文件"),
    "7z": ("7z 压缩包", "请先解压，再导入其中的表格文件"),
    "gzip": ("gzip 压缩文件", "请先解压，再导入其中的表格文件"),
    "zip": ("压缩包，但里面没有 Excel/WPS 工作簿", "请选择 .xlsx/.xls/.et/.csv 等表格文件"),
    "rtf": ("RTF 文档", "请把表格复制到 Excel/WPS 表格中，另存为 .xlsx 再导入"),
    "docx": ("Word 文档", "请把表格复制到 Excel/WPS 表格中，另存为 .xlsx 再导入"),
    "doc": ("Word/WPS 文字文档", "请把表格复制到 Excel/WPS 表格中，另存为 .xlsx 再导入"),
    "odt": ("OpenDocument 文字文档", "请把表格复制到表格软件中，另存为 .xlsx 再导入"),
    "pptx": ("PowerPoint 演示文稿", "请把表格复制到 Excel/WPS 表格中，另存为 .xlsx 再导入"),
    "ppt": ("PowerPoint/WPS 演示文稿", "请把表格复制到 Excel/WPS 表格中，另存为 .xlsx 再导入"),
    "odp": ("OpenDocument 演示文稿", "请把表格复制到表格软件中，另存为 .xlsx 再导入"),
    "odf": ("OpenDocument 文件，但不是表格", "请选择 .ods/.xlsx 等表格文件"),
    "numbers": ("Apple Numbers 表格", "请在 Numbers 中“导出为 Excel”（.xlsx）后再导入"),
    "ofd": ("OFD 版式文件", "请使用原始的 Excel/WPS 表格文件导入"),
    "old-biff": (
        "Excel 4.0 或更早版本的工作表（.xls）",
        "请用 Excel/WPS 打开后另存为 .xlsx 再导入",
    ),
    "spreadsheetml": (
        "Excel 2003 XML 表格（XML 电子表格）",
        "请用 Excel/WPS 打开后另存为 .xlsx 再导入",
    ),
    "fods": (
        "LibreOffice 单文件 XML 表格（.fods）",
        "请在 LibreOffice 中另存为 .xlsx 或 .ods 再导入",
    ),
    "irm": (
        "受信息权限管理（IRM/RMS）保护的文件，只有授权的账户能在 Office 中打开",
        "请让发送方取消权限限制，或由授权人打开后另存为不受保护的 .xlsx 再导入",
    ),
    "ole": (
        "Office 复合文档，但里面没有 Excel 工作表",
        "请用 Excel/WPS 打开确认后另存为 .xlsx 再导入",
    ),
}


def spaced(word: str) -> str:
    """A space before a Latin word after Chinese (是 PDF 文件), none before Chinese."""
    return f" {word}" if word[:1].isascii() else word


def not_supported(name: str, kind: str) -> TrackerError:
    what, todo = NOT_SUPPORTED[kind]
    return TrackerError(f"文件“{name}”是{spaced(what)}，不能直接导入。{todo}。")


def wps_format(name: str) -> TrackerError:
    """A WPS workbook no kept library reads (WPS's own records, not BIFF)."""
    return TrackerError(
        f"文件“{name}”无法直接读取：WPS 表格格式（.et）请在 WPS 中另存为 .xlsx 后导入。"
    )


def sniff(data: bytes) -> str:
    """The container: ``ole``, ``zip``, ``html``, ``mht``, ``text``, or a kind from
    ``NOT_SUPPORTED``."""
    if data.startswith(OLE_MAGIC):
        return "ole"
    if data.startswith(ZIP_MAGICS):
        return "zip"
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            return kind
    if _OLD_BIFF.match(data):
        return "old-biff"
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if _MIME.match(head):
        return "mht"
    if head.startswith(b"<"):
        if _SPREADSHEETML.search(head):
            return "spreadsheetml"
        flat = _FLAT_ODF.search(head)
        if flat:
            return "fods" if b"spreadsheet" in flat[1] else "odf"
    from tracker.importing.read_text import looks_like_html

    if looks_like_html(data):
        return "html"
    return "text"


def ole_kind(data: bytes) -> str:
    """What an OLE compound file holds: ``xls`` (a BIFF workbook stream), ``encrypted``
    (an encrypted OOXML package), ``irm``, ``doc``, ``ppt``, ``ole`` (something else) or
    ``damaged``."""
    import olefile  # type: ignore[import-untyped]

    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            streams = {"/".join(path) for path in ole.listdir(streams=True, storages=True)}
    except Exception as exc:  # olefile raises several types for a broken header or FAT
        log.info("OLE structure unreadable: %r", exc)
        return "damaged"
    if any("DRMEncrypted" in s or "\x06DataSpaces/TransformInfo/DRM" in s for s in streams):
        return "irm"
    if "EncryptionInfo" in streams and "EncryptedPackage" in streams:
        return "encrypted"
    if {"Workbook", "Book", "WORKBOOK", "BOOK"} & streams:
        return "xls"
    if "WordDocument" in streams:
        return "doc"
    if "PowerPoint Document" in streams:
        return "ppt"
    log.info("OLE file with streams %s", sorted(streams)[:20])
    return "ole"
