"""What the disk and SQLite say when something outside the program goes wrong, in words
a clerk can act on: a full disk, a read-only file or folder, a database another program
is writing, a folder where a file was expected.

``explain`` turns such an exception into a ``TrackerError``; the CLI and the app's task
runner both ask it, so the same fault reads the same everywhere. An exception it does not
recognise is a bug and is left alone.
"""

from __future__ import annotations

import errno
import shutil
import sqlite3
from pathlib import Path

from tracker.errors import TrackerError
from tracker.program import cli_command


class DiskFull(TrackerError):
    """No space left: nothing was half-written (the transaction or temp file is gone)."""


class ReadOnlyDatabase(TrackerError):
    """The database (or its folder) cannot be written; reading it still works."""


class DatabaseBusy(TrackerError):
    """Another program held the write lock longer than we were willing to wait."""


def disk_full(where: Path | str | None = None) -> DiskFull:
    place = f"（{where}）" if where else ""
    return DiskFull(
        f"磁盘空间不足{place}，没有写入任何内容，已写的临时文件已删除。"
        "请清理磁盘或换一个位置后重试。"
    )


def read_only(path: Path | str) -> ReadOnlyDatabase:
    return ReadOnlyDatabase(
        f"数据库文件只读：“{path}”（文件或所在文件夹不允许写入），只能查看，不能修改。"
        "如需修改，请取消文件的只读属性或把它复制到可写的文件夹后再打开。"
    )


def busy(path: Path | str | None, waited_s: float) -> DatabaseBusy:
    where = f"“{path}”" if path else ""
    return DatabaseBusy(
        f"数据库{where}正被另一个程序写入，等待 {waited_s:g} 秒后仍未结束，本次操作没有执行。"
        "请等对方完成（或关闭正在导入/写入的窗口）后重试。"
    )


def _disk_nearly_full(path: Path | str | None) -> bool:
    if not path:
        return False
    folder = Path(path) if Path(path).is_dir() else Path(path).parent
    try:
        return shutil.disk_usage(folder).free < 256 * 1024
    except OSError:
        return False


def _sqlite_name(exc: BaseException) -> str:
    return str(getattr(exc, "sqlite_errorname", "") or "")


def is_busy(exc: BaseException) -> bool:
    return isinstance(exc, sqlite3.OperationalError) and (
        _sqlite_name(exc).startswith("SQLITE_BUSY")
        or _sqlite_name(exc).startswith("SQLITE_LOCKED")
        or "database is locked" in str(exc)
    )


def explain(exc: BaseException, path: Path | str | None = None) -> TrackerError | None:
    """The clerk's message for an environmental fault, or None when it is not one."""
    if isinstance(exc, TrackerError):
        return exc
    if isinstance(exc, sqlite3.Error):
        name = _sqlite_name(exc)
        text = str(exc)
        if isinstance(exc, sqlite3.IntegrityError) and "projects.name_key" in text:
            return TrackerError(
                "另一次导入刚刚写入了同样的项目（名称和投资主体相同），本次导入没有写入任何内容。"
                "请重新导入：已有的项目会被识别出来，不会重复。"
            )
        if name == "SQLITE_FULL" or "disk is full" in text:
            return disk_full(path)
        if name.startswith("SQLITE_READONLY") or "readonly database" in text:
            return read_only(path or "")
        if is_busy(exc):
            return busy(path, 0)
        if name.startswith("SQLITE_CORRUPT") or name == "SQLITE_NOTADB" or "malformed" in text:
            return TrackerError(
                f"数据库“{path or ''}”已损坏（{text}）。请用“从备份恢复”恢复最近的备份（backups 文件夹）。"
            )
        if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")) and _disk_nearly_full(path):
            return disk_full(path)  # SQLite says "I/O error" when it cannot grow its -shm
        if name.startswith("SQLITE_IOERR"):
            return TrackerError(
                f"读写数据库“{path or ''}”时磁盘出错（{text}）。请检查磁盘或网络盘后重试。"
            )
        if name.startswith("SQLITE_CANTOPEN"):
            return TrackerError(
                f"无法打开数据库“{path or ''}”：文件或文件夹不存在，或没有访问权限。请检查路径和权限。"
            )
        if "no such column" in text or "no such table" in text:
            return TrackerError(
                f"数据库“{path or ''}”来自旧版本，需要先升级：用本程序打开它一次，或运行"
                f" {cli_command()} init（升级前会自动备份）。"
            )
        return None
    if isinstance(exc, OSError):
        target = exc.filename or path or ""
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return disk_full(target)
        if exc.errno == errno.EROFS:
            return TrackerError(f"“{target}”所在的磁盘是只读的，无法写入。请换一个位置保存。")
        if isinstance(exc, IsADirectoryError):
            return TrackerError(f"“{target}”是一个文件夹，不是文件。请给出文件的完整路径。")
        if isinstance(exc, PermissionError):
            return TrackerError(
                f"没有权限写入“{target}”（文件只读或正被其他程序打开）。请检查权限或关闭占用它的程序。"
            )
        if isinstance(exc, FileNotFoundError):
            return TrackerError(f"找不到“{target}”。请确认路径存在。")
    return None
