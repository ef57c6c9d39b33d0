"""Saving a workbook where the clerk asked, without leaving half a file behind.

The workbook is written to a temporary file next to the target and then moved over it.
On Windows a file open in Excel or WPS cannot be replaced (PermissionError): that is said
in plain words, so the clerk can close it or choose another name.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from openpyxl.workbook import Workbook

from tracker.errors import TrackerError
from tracker.storage.faults import explain


class OutputLockedError(TrackerError):
    """The target file is open in Excel/WPS (or read-only); ``path`` is the file."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"文件“{path}”正被 Excel 或 WPS 打开（或为只读），无法写入。"
            "请先关闭该文件再重试，或另选一个文件名。"
        )
        self.path = path


def check_target(path: Path) -> Path:
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise TrackerError(f"报表文件名应以 .xlsx 结尾，现为“{path.name}”。")
    if not path.parent.exists():
        raise TrackerError(f"文件夹“{path.parent}”不存在。请先创建它，或另选保存位置。")
    if path.is_dir():
        raise TrackerError(f"“{path}”是一个文件夹。请给出要保存的文件名（.xlsx）。")
    return path


def save_workbook(wb: Workbook, path: Path) -> Path:
    """Write ``wb`` to ``path`` atomically; a locked target raises ``OutputLockedError``."""
    path = check_target(path)
    try:
        fd, tmp_name = tempfile.mkstemp(suffix=".xlsx", prefix=".~tmp_", dir=path.parent)
    except PermissionError as exc:
        raise TrackerError(f"没有权限在文件夹“{path.parent}”中保存文件。请另选保存位置。") from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        # Built in memory, then written in one go: on a full disk the error comes from our
        # write, not from inside openpyxl's zip writer (which would be left half-closed and
        # complain with a traceback when collected).
        buffer = io.BytesIO()
        wb.save(buffer)
        with open(tmp, "wb") as fh:
            fh.write(buffer.getbuffer())
        try:
            os.replace(tmp, path)
        except PermissionError as exc:
            raise OutputLockedError(path) from exc
    except OSError as exc:  # a full disk: the half-written temp file goes (finally)
        raise explain(exc, path.parent) or exc from exc
    finally:
        tmp.unlink(missing_ok=True)
    return path


def another_name(path: Path) -> Path:
    """报表.xlsx → 报表(2).xlsx, the first name not taken (when the chosen file is open in
    Excel/WPS and the clerk is offered another)."""
    for n in range(2, 100):
        candidate = path.with_name(f"{path.stem}({n}){path.suffix}")
        if not candidate.exists():
            return candidate
    return path
