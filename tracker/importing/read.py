"""Reading any spreadsheet a county keeps into plain grids, one per sheet.

The format is decided by the file's bytes, not its name (:mod:`detect`): web systems save
HTML tables and tab-separated text as ``.xls``, an encrypted ``.xlsx`` is an OLE file, a
WPS ``.et`` is usually an .xls inside. Every sheet's real size is checked before calamine
allocates its grid (``extent``, ``xlsb_extent``, ``biff_extent``). Everything that can go
wrong with a file the clerk picked becomes one ``TrackerError`` in Chinese that names the
true reason: damaged (and where), password-protected, a format not read (and what to save
it as), or too large (and the limit).
"""

from __future__ import annotations

import hashlib
import html
import io
import logging
import re
import zipfile
import zlib
from pathlib import Path

import python_calamine

from tracker.errors import TrackerError
from tracker.importing.biff_extent import check_xls
from tracker.importing.detect import (
    WPS_SUFFIXES,
    ZIP_MAGICS,
    not_supported,
    ole_kind,
    sniff,
    spaced,
    wps_format,
)
from tracker.importing.extent import check_ods, check_xlsx, col_index
from tracker.importing.limits import MAX_CELLS
from tracker.importing.package import (
    Package,
    all_sheet_parts,
    check_sizes,
    first_damaged_member,
    identify,
    member,
    odf_encrypted,
)
from tracker.importing.protection import (
    PasswordRequired,
    WrongPassword,
    decrypt_odf,
    decrypt_office,
    office_encrypted,
)
from tracker.importing.read_text import decode_text, mht_html, read_csv_text, read_html_tables
from tracker.importing.workbook import Sheet, Workbook
from tracker.importing.xlsb_extent import Truncated, XlsbCheck, check_xlsb
from tracker.work import bulk_work

log = logging.getLogger(__name__)

__all__ = ["PasswordRequired", "WrongPassword", "read_workbook"]

MAX_FILE_BYTES = 100 * 1024 * 1024  # a ledger is kilobytes; 100 MB is something else
MAX_UNZIPPED_BYTES = 400 * 1024 * 1024
MAX_ZIP_RATIO = 150  # an honest xlsx compresses ~10-30x; bombs 1000x+
# Suffixes whose files are never plain text: text behind one was renamed or is damaged.
BINARY_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm", ".xlsb", ".ods", ".ots")
LABELS = {
    "xlsx": "Excel 工作簿",
    "xlsm": "Excel 启用宏的工作簿",
    "xltx": "Excel 模板",
    "xltm": "Excel 启用宏的模板",
    "xlam": "Excel 加载项",
    "xlsb": "Excel 二进制工作簿",
    "xls": "Excel 97-2003 工作簿",
    "et": "WPS 表格",
    "ods": "OpenDocument 表格",
    "ots": "OpenDocument 表格模板",
}
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, Truncated, ValueError)


class _CalamineFailed(Exception):
    """calamine could not open the workbook (``sheet`` None) or read one of its sheets."""

    def __init__(self, sheet: str | None, cause: BaseException) -> None:
        super().__init__(f"{sheet}: {cause!r}")
        self.sheet = sheet
        self.cause = cause


def read_workbook(path: Path | str, password: str | None = None) -> Workbook:
    """Read the file at ``path`` into grids; raise TrackerError for anything unreadable."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise TrackerError(
            f"打不开文件“{path}”：{exc.strerror or exc}。请确认文件存在且未被占用。"
        ) from exc
    if size > MAX_FILE_BYTES:
        raise TrackerError(
            f"文件“{path.name}”有 {size // (1024 * 1024)} MB，太大了，不像是项目台账"
            f"（上限 {MAX_FILE_BYTES // (1024 * 1024)} MB）。请只保留台账工作表后再导入。"
        )
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise TrackerError(
            f"打不开文件“{path}”：{exc.strerror or exc}。请关闭 Excel/WPS 后重试。"
        ) from exc
    if not data.strip():
        raise TrackerError(f"文件“{path.name}”是空的，里面没有表格。请确认选择了正确的文件。")
    digest = hashlib.sha256(data).hexdigest()
    with bulk_work():  # the grids are hundreds of thousands of cells, and no cycles
        fmt, sheets = _read_bytes(path, data, password)
    return Workbook(path=path, format=fmt, sha256=digest, sheets=sheets)


def _read_bytes(path: Path, data: bytes, password: str | None) -> tuple[str, list[Sheet]]:
    name = path.name
    kind = sniff(data)
    log.info("%s: %s container, %d bytes", name, kind, len(data))
    if kind == "ole":
        return _read_ole(path, data, password)
    if kind == "zip":
        return _read_package(name, data, password)
    if kind == "html":
        return "html", read_html_tables(name, data)
    if kind == "mht":
        return "mht", read_html_tables(name, mht_html(name, data))
    if kind != "text":
        raise not_supported(name, kind)
    suffix = path.suffix.lower()
    if suffix in WPS_SUFFIXES:  # not an .xls inside: WPS's own records
        raise wps_format(name)
    if suffix in BINARY_SUFFIXES:
        raise TrackerError(
            f"文件“{name}”的扩展名是 {suffix}，但内容不是 Excel/WPS 工作簿（可能改过扩展名或已损坏）。"
            "请用 Excel/WPS 打开确认后另存为 .xlsx 再导入。"
        )
    text = decode_text(name, data)
    return "csv", [read_csv_text(path.stem, text, name)]


def _read_ole(path: Path, data: bytes, password: str | None) -> tuple[str, list[Sheet]]:
    """An OLE compound file: an .xls (or a WPS .et, which is one inside), or an
    encrypted Office package of any kind."""
    name = path.name
    wps = path.suffix.lower() in WPS_SUFFIXES
    kind = ole_kind(data)
    if kind == "encrypted" or (kind == "xls" and office_encrypted(data)):
        data = decrypt_office(name, data, password)
        if data.startswith(ZIP_MAGICS):
            return _read_package(name, data, None)
        kind = ole_kind(data)
    if kind == "damaged":
        raise TrackerError(
            f"文件“{name}”已损坏：Office 复合文档的结构（文件头或分配表）无法解析，"
            "可能没有下载完整或复制中断。请重新从来源处获取文件，或用 Excel/WPS 打开修复后另存为 .xlsx。"
        )
    if kind != "xls":
        raise wps_format(name) if wps else not_supported(name, kind)
    check_xls(name, data)
    try:
        return ("et" if wps else "xls"), _read_calamine(name, data)
    except _CalamineFailed as failed:
        if wps:  # WPS's own records, not a damaged file
            raise wps_format(name) from failed.cause
        raise _damaged(name, "xls", failed) from failed.cause


def _read_package(name: str, data: bytes, password: str | None) -> tuple[str, list[Sheet]]:
    """A zip: an OOXML workbook (.xlsx/.xlsm/.xltx/.xltm/.xlsb) or an OpenDocument one."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise TrackerError(
            f"文件“{name}”不完整或已损坏：压缩包的目录缺失（常见于没有下载完整或复制中断）。"
            "请重新从来源处获取文件。"
        ) from exc
    with zf:
        check_sizes(name, zf, MAX_UNZIPPED_BYTES, MAX_ZIP_RATIO)
        found: Package | str = Package("zip")
        try:
            found = identify(zf)
            if isinstance(found, str):
                raise _not_a_workbook(name, zf, found)
            if found.format in ("ods", "ots") and odf_encrypted(zf):
                return _read_package(name, decrypt_odf(name, zf, password), None)
            xlsb = _check_extent(name, zf, found)
        except NotImplementedError as exc:  # Deflate64 and the like: a part we cannot check
            raise TrackerError(
                f"文件“{name}”的压缩方式本程序无法解开（{exc}）。"
                "请用 Excel/WPS 打开后另存为 .xlsx 再导入。"
            ) from exc
        except _ZIP_ERRORS as exc:
            raise _damaged_part(name, zf, found, exc) from exc
    try:
        sheets = _read_calamine(name, xlsb.repacked or data if xlsb else data)
    except _CalamineFailed as failed:
        raise _package_failure(name, data, found, failed) from failed.cause
    if xlsb is not None:
        for sheet in sheets:
            sheet.merges = sheet.merges or xlsb.merges.get(sheet.name, [])
    elif found.format not in ("ods", "ots"):
        _restore_formula_text(data, sheets, found.sheets)
    return found.format, sheets


def _check_extent(name: str, zf: zipfile.ZipFile, found: Package) -> XlsbCheck | None:
    """The real extent of every sheet, checked before calamine allocates; for an .xlsb,
    what calamine needs besides (see ``check_xlsb``)."""
    if found.format in ("ods", "ots"):
        check_ods(name, zf)
        return None
    sheets = all_sheet_parts(zf, found)
    if found.format == "xlsb":
        return check_xlsb(name, zf, sheets)
    check_xlsx(name, zf, sheets)
    return None


def _not_a_workbook(name: str, zf: zipfile.ZipFile, kind: str) -> TrackerError:
    if kind != "zip-of-spreadsheets":
        return not_supported(name, kind)
    inner = [n.rsplit("/", 1)[-1] for n in zf.namelist() if not n.endswith("/")]
    shown = "、".join(inner[:3]) + (" 等" if len(inner) > 3 else "")
    return TrackerError(
        f"文件“{name}”是压缩包，里面有 {len(inner)} 个文件（{shown}）。"
        "请先解压，再逐个导入其中的表格文件。"
    )


def _damaged_part(
    name: str, zf: zipfile.ZipFile, found: Package | str, exc: BaseException
) -> TrackerError:
    """A part that would not unpack while the package was read: say which."""
    log.info("%s: damaged part (%r)", name, exc)
    bad = first_damaged_member(zf)
    where = _where(bad, found) if isinstance(found, Package) else f"其中的“{bad}”" if bad else ""
    return TrackerError(
        f"文件“{name}”已损坏：{where or '其中的数据'}无法解压或数据不完整。"
        "请重新从来源处获取文件，或用 Excel/WPS 打开修复后另存为 .xlsx 再导入。"
    )


def _where(part: str | None, found: Package) -> str:
    sheet = next((s for s, p in found.sheets if p == part), None)
    if part is None:
        return "其中的数据"
    return f"工作表“{sheet}”（{part}）" if sheet else f"其中的“{part}”"


def _package_failure(
    name: str, data: bytes, found: Package, failed: _CalamineFailed
) -> TrackerError:
    """calamine refused a package that passed our checks: find the true reason."""
    cause = failed.cause
    if isinstance(cause, python_calamine.PasswordError):
        return PasswordRequired(f"文件“{name}”已加密，请提供密码。")
    label = LABELS.get(found.format, found.format)
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        bad = first_damaged_member(zf)
        if bad is not None:
            return TrackerError(
                f"文件“{name}”已损坏：{_where(bad, found)}无法解压或数据不完整。"
                "请重新从来源处获取文件，或用 Excel/WPS 打开修复后另存为 .xlsx 再导入。"
            )
        missing = [p for p in _required_parts(found) if member(zf, p) is None]
    if missing:
        return TrackerError(
            f"文件“{name}”不完整：缺少{spaced(label)} 必需的部件“{missing[0]}”，无法读取。"
            "请用 Excel/WPS 打开修复后另存为 .xlsx 再导入。"
        )
    if failed.sheet is not None:
        return _damaged(name, found.format, failed)
    return TrackerError(
        f"文件“{name}”是{spaced(label)}，但内部结构不标准，无法读取（{type(cause).__name__}: {str(cause)[:80]}）。"
        "请用 Excel/WPS 打开后另存为 .xlsx 再导入。"
    )


def _required_parts(found: Package) -> list[str]:
    if found.format in ("ods", "ots"):
        return ["content.xml"]
    return ["_rels/.rels"] + ([found.workbook] if found.workbook else [])


def _damaged(name: str, fmt: str, failed: _CalamineFailed) -> TrackerError:
    where = f"的工作表“{failed.sheet}”" if failed.sheet else ""
    return TrackerError(
        f"文件“{name}”{where}已损坏，无法作为{spaced(LABELS.get(fmt, fmt))}读取"
        f"（{type(failed.cause).__name__}: {str(failed.cause)[:80]}）。"
        "请用 Excel/WPS 打开修复后另存为 .xlsx 再导入。"
    )


def _read_calamine(name: str, data: bytes) -> list[Sheet]:
    """Every sheet's grid; calamine's failures come back as ``_CalamineFailed``."""
    try:
        wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except Exception as exc:  # calamine parses hostile bytes; any failure means unreadable
        raise _CalamineFailed(None, exc) from exc
    sheets: list[Sheet] = []
    cells = 0
    sheet_name = None
    try:
        for sheet_name in wb.sheet_names:
            ws = wb.get_sheet_by_name(sheet_name)
            rows: list[list[object]] = [list(r) for r in ws.to_python(skip_empty_area=False)]
            cells += sum(len(r) for r in rows)
            if cells > MAX_CELLS:
                raise TrackerError(
                    f"文件“{name}”的单元格超过 {MAX_CELLS:,} 个（上限），太大了，已拒绝读取。"
                    "请按年份或单位拆成几个文件分别导入。"
                )
            merges = [(a[0], a[1], b[0], b[1]) for a, b in (ws.merged_cell_ranges or [])]
            sheets.append(Sheet(sheet_name, rows, merges))
    except TrackerError:
        raise
    except BaseException as exc:  # calamine's Rust panics arrive as BaseException
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        raise _CalamineFailed(sheet_name, exc) from exc
    finally:
        wb.close()
    return sheets


# -- formulas without a cached value -----------------------------------------------------
# A cell written by a program as text "=HYPERLINK(...)" becomes a formula with no cached
# value; calamine then reads "". The clerk typed text, so the text is what we import.

# Only cells without a type attribute: a formula that evaluated to "" has t="str".
_FORMULA_CELL = re.compile(
    rb'<c\b(?![^>]*\bt=)[^>]*?\br="([A-Z]+)(\d+)"[^>]*>\s*<f(?:\s[^>]*)?>([^<]+)</f>', re.S
)


def _restore_formula_text(data: bytes, sheets: list[Sheet], parts: list[tuple[str, str]]) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            by_name = {s.name: s for s in sheets}
            for sheet_name, part in parts:
                sheet = by_name.get(sheet_name)
                if sheet is None:
                    continue
                xml = zf.read(part)
                if b"<f" not in xml:
                    continue
                for letters, row, formula in _FORMULA_CELL.findall(xml):
                    r, c = int(row) - 1, col_index(letters)
                    if (
                        r < len(sheet.rows)
                        and c < len(sheet.rows[r])
                        and sheet.rows[r][c] in ("", None)
                    ):
                        sheet.rows[r][c] = "=" + html.unescape(formula.decode("utf-8"))
    except (KeyError, zipfile.BadZipFile, UnicodeDecodeError):
        return  # formulas are a nicety; the values calamine read stand
