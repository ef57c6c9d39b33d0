"""Reading any spreadsheet a county keeps into plain grids, one per sheet.

The format is decided by the file's bytes, not its name: web systems save HTML tables and
tab-separated text as ``.xls``, and an encrypted ``.xlsx`` is an OLE file. Everything that
can go wrong with a file the clerk picked becomes a ``TrackerError`` in Chinese.
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
from tracker.importing.extent import check_ods, check_xlsx, col_index, sheet_members
from tracker.importing.limits import MAX_CELLS
from tracker.importing.read_text import (
    decode_text,
    looks_like_html,
    read_csv_text,
    read_html_tables,
)
from tracker.importing.workbook import Sheet, Workbook

log = logging.getLogger(__name__)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_FILE_BYTES = 100 * 1024 * 1024  # a ledger is kilobytes; 100 MB is something else
MAX_UNZIPPED_BYTES = 400 * 1024 * 1024
MAX_ZIP_RATIO = 150  # an honest xlsx compresses ~10-30x; bombs 1000x+


class PasswordRequired(TrackerError):
    """The workbook is encrypted: the UI asks for the password, the CLI says --password."""


class WrongPassword(PasswordRequired):
    pass


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
    fmt, sheets = _read_bytes(path, data, password)
    return Workbook(path=path, format=fmt, sha256=digest, sheets=sheets)


def _read_bytes(path: Path, data: bytes, password: str | None) -> tuple[str, list[Sheet]]:
    name = path.name
    if data.startswith(OLE_MAGIC):
        if _is_encrypted(data):
            data = _decrypt(name, data, password)
            if data.startswith(ZIP_MAGIC):
                return "xlsx", _read_zip(name, data)
        check_xls(name, data)
        return "xls", _read_calamine(name, data, "xls")
    if data.startswith(ZIP_MAGIC):
        return _zip_format(name, data), _read_zip(name, data)
    if looks_like_html(data):
        return "html", read_html_tables(name, data)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".ods"):
        raise TrackerError(
            f"文件“{name}”的扩展名是 {suffix}，但内容不是 Excel/WPS 工作簿（可能改过扩展名或已损坏）。"
            "请用 Excel/WPS 打开确认后另存为 .xlsx 再导入。"
        )
    text = decode_text(name, data)
    return "csv", [read_csv_text(path.stem, text, name)]


def _zip_format(name: str, data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            _check_zip_bomb(name, zf)
    except zipfile.BadZipFile as exc:
        raise TrackerError(
            f"文件“{name}”已损坏或不完整（压缩包无法打开）。请重新从来源处获取文件。"
        ) from exc
    if "content.xml" in names and "mimetype" in names:
        return "ods"
    if any(n.lower() == "xl/workbook.xml" for n in names):
        return "xlsx"
    raise TrackerError(
        f"文件“{name}”是压缩包，但不是 Excel/WPS 工作簿。请选择 .xlsx/.xls/.csv 文件。"
    )


def _check_zip_bomb(name: str, zf: zipfile.ZipFile) -> None:
    total = 0
    for info in zf.infolist():
        total += info.file_size
        if info.file_size > 10 * 1024 * 1024 and info.file_size > MAX_ZIP_RATIO * max(
            info.compress_size, 1
        ):
            raise TrackerError(f"文件“{name}”解压后异常巨大（疑似压缩炸弹），已拒绝读取。")
    if total > MAX_UNZIPPED_BYTES:
        raise TrackerError(
            f"文件“{name}”解压后超过 {MAX_UNZIPPED_BYTES // (1024 * 1024)} MB，太大了，已拒绝读取。"
        )


def _read_zip(name: str, data: bytes) -> list[Sheet]:
    fmt = _zip_format(name, data)
    # The real extent of each sheet is checked before calamine allocates its grid.
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        try:
            if fmt == "xlsx":
                check_xlsx(name, zf)
            elif fmt == "ods":
                check_ods(name, zf)
        except (zipfile.BadZipFile, zlib.error, EOFError, ValueError) as exc:
            raise TrackerError(
                f"文件“{name}”已损坏或不完整（{type(exc).__name__}）。请重新从来源处获取文件。"
            ) from exc
    sheets = _read_calamine(name, data, fmt)
    if fmt == "xlsx":
        _restore_formula_text(data, sheets)
    return sheets


def _is_encrypted(data: bytes) -> bool:
    import msoffcrypto

    try:
        return bool(msoffcrypto.OfficeFile(io.BytesIO(data)).is_encrypted())
    except Exception as exc:  # not an Office container msoffcrypto knows: let calamine judge
        log.debug("not an encrypted Office file (%r)", exc)
        return False


def _decrypt(name: str, data: bytes, password: str | None) -> bytes:
    import msoffcrypto

    if not password:
        raise PasswordRequired(
            f"文件“{name}”已加密（设置了打开密码）。请输入密码（命令行用 --password 密码）后再导入。"
        )
    try:
        office = msoffcrypto.OfficeFile(io.BytesIO(data))
        office.load_key(password=password)
        out = io.BytesIO()
        office.decrypt(out)
    except Exception as exc:  # msoffcrypto raises several types for a wrong key
        raise WrongPassword(
            f"文件“{name}”的密码不对，无法解密。请核对密码（区分大小写）后重试。"
        ) from exc
    return out.getvalue()


def _read_calamine(name: str, data: bytes, fmt: str) -> list[Sheet]:
    try:
        wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError as exc:
        raise PasswordRequired(f"文件“{name}”已加密，请提供密码。") from exc
    except Exception as exc:  # calamine parses hostile bytes; any failure means unreadable
        raise TrackerError(
            f"文件“{name}”已损坏或不是有效的 {fmt} 工作簿，无法读取（{type(exc).__name__}）。"
            "请用 Excel/WPS 打开后另存为 .xlsx 再导入。"
        ) from exc
    sheets: list[Sheet] = []
    cells = 0
    try:
        for sheet_name in wb.sheet_names:
            ws = wb.get_sheet_by_name(sheet_name)
            rows: list[list[object]] = [list(r) for r in ws.to_python(skip_empty_area=False)]
            cells += sum(len(r) for r in rows)
            if cells > MAX_CELLS:
                raise TrackerError(
                    f"文件“{name}”的单元格超过 {MAX_CELLS:,} 个，太大了，已拒绝读取。"
                )
            merges = [(a[0], a[1], b[0], b[1]) for a, b in (ws.merged_cell_ranges or [])]
            sheets.append(Sheet(sheet_name, rows, merges))
    except TrackerError:
        raise
    except BaseException as exc:  # calamine's Rust panics arrive as BaseException
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        raise TrackerError(
            f"文件“{name}”的内容已损坏，无法读取（{type(exc).__name__}）。请用 Excel/WPS 打开修复后再导入。"
        ) from exc
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


def _restore_formula_text(data: bytes, sheets: list[Sheet]) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            by_name = {s.name: s for s in sheets}
            for sheet_name, member in sheet_members(zf):
                sheet = by_name.get(sheet_name)
                if sheet is None or member not in zf.NameToInfo:
                    continue
                xml = zf.read(member)
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
