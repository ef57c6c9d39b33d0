"""Is the ledger on a network share or in a cloud-sync folder? Said at open, in Chinese.

SQLite's own documentation warns that its locking (and WAL's shared memory) is unreliable
over network file systems, and a sync client (OneDrive, WPS 云盘, 坚果云, Dropbox …) copies
``tracker.db`` while it is being written, without its ``-wal`` file, and "resolves
conflicts" by keeping one side: the classic way a ledger loses a week of work. The window
shows a warning for such a location, and the database there is kept in rollback-journal
mode (no ``-wal``/``-shm`` side files to lose).

Detected by the path (a UNC ``\\\\server\\share`` path, a folder a sync client owns, the
folders Windows names in ``%OneDrive%`` …) and by the drive or mount type where the system
says it (``GetDriveTypeW`` = remote on Windows, ``/proc/mounts`` file-system type on Linux).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath, PureWindowsPath

log = logging.getLogger(__name__)

# Folder names sync clients create (a path component equal to one, or starting with
# "OneDrive - " for a work account); compared case-insensitively.
SYNC_FOLDERS: dict[str, str] = {
    "onedrive": "OneDrive",
    "dropbox": "Dropbox",
    "google drive": "Google 云端硬盘",
    "googledrive": "Google 云端硬盘",
    "my drive": "Google 云端硬盘",
    "icloud drive": "iCloud",
    "iclouddrive": "iCloud",
    "wps云盘": "WPS 云盘",
    "wpsdrive": "WPS 云盘",
    "wps cloud files": "WPS 云盘",
    "坚果云": "坚果云",
    "我的坚果云": "坚果云",
    "nutstore": "坚果云",
    "nutstore files": "坚果云",
    "百度网盘同步空间": "百度网盘",
    "baidusyncdisk": "百度网盘",
    "baidunetdiskworkspace": "百度网盘",
    "微云同步盘": "腾讯微云",
    "weiyun": "腾讯微云",
    "阿里云盘": "阿里云盘",
    "synologydrive": "Synology Drive",
    "seafile": "Seafile",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "box": "Box",
    "box sync": "Box",
}
# Environment variables Windows and sync clients set to their folder.
SYNC_ENV = {
    "OneDrive": "OneDrive",
    "OneDriveConsumer": "OneDrive",
    "OneDriveCommercial": "OneDrive",
}
NETWORK_FS = frozenset(
    {"nfs", "nfs4", "cifs", "smb3", "smbfs", "afs", "ncpfs", "ceph", "glusterfs", "9p"}
    | {"fuse.sshfs", "sshfs", "davfs", "fuse.davfs2", "fuse.rclone", "fuse.s3fs", "webdav"}
)
DRIVE_REMOTE = 4  # GetDriveTypeW


@dataclass(frozen=True)
class Location:
    kind: str  # "network" | "sync"
    what: str  # Chinese: "网络共享文件夹", "OneDrive 同步文件夹" …

    def warning(self, path: Path) -> str:
        """The message the window shows (and the CLI prints) for a ledger here."""
        return (
            f"台账“{path}”位于{self.what}中。多人或多台电脑经网络/同步软件同时使用同一个"
            "数据库文件，可能造成冲突副本甚至损坏。建议把台账放在本机文件夹（如默认的数据"
            "文件夹），需要共享或备份时用“文件 → 备份”生成副本，再把副本复制到网盘。"
        )


def risky_location(
    path: str | os.PathLike[str],
    *,
    env: Mapping[str, str] | None = None,
    windows: bool | None = None,
    mounts: str | None = None,
) -> Location | None:
    """Where ``path`` lives, when that is a network share or a sync folder; else None.

    ``env``, ``windows`` and ``mounts`` (the text of /proc/mounts) are for tests; by default
    the running system is asked. Never raises: a question the system cannot answer is
    taken as "local".
    """
    env = os.environ if env is None else env
    windows = sys.platform == "win32" if windows is None else windows
    text = os.fspath(path)
    pure: PurePath = PureWindowsPath(text) if windows else PurePath(text)
    if windows and (text.startswith(("\\\\", "//")) and not text.startswith("\\\\?\\")):
        return Location("network", "网络共享文件夹")
    synced = _sync_folder(pure, env, windows)
    if synced:
        return Location("sync", f"{synced} 同步文件夹")
    try:
        remote = _remote_drive(text) if windows else _network_mount(text, mounts)
    except (OSError, ValueError, AttributeError) as exc:  # no answer: assume local
        log.info("cannot tell whether %s is on a network drive: %r", text, exc)
        return None
    if remote:
        return Location("network", f"网络驱动器（{remote}）")
    return None


def _sync_folder(path: PurePath, env: Mapping[str, str], windows: bool) -> str | None:
    parts = [p.casefold() for p in path.parts]
    for part in parts:
        if part in SYNC_FOLDERS:
            return SYNC_FOLDERS[part]
        if part.startswith("onedrive - "):
            return "OneDrive"
    for name, label in SYNC_ENV.items():
        root = env.get(name)
        if root and _is_under(path, root, windows):
            return label
    return None


def _is_under(path: PurePath, root: str, windows: bool) -> bool:
    base = PureWindowsPath(root) if windows else PurePath(root)
    a = [p.casefold() for p in path.parts]
    b = [p.casefold() for p in base.parts]
    return len(b) > 0 and a[: len(b)] == b


def _remote_drive(text: str) -> str | None:
    """The drive (``Z:\\``) when Windows says it is a network drive."""
    import ctypes

    drive = PureWindowsPath(os.path.abspath(text)).anchor
    if not drive:
        return None
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    return drive if kernel32.GetDriveTypeW(drive) == DRIVE_REMOTE else None


def _network_mount(text: str, mounts: str | None) -> str | None:
    """The mount point's file-system type when it is a network one (Linux)."""
    if mounts is None:
        proc = Path("/proc/mounts")
        if not proc.exists():
            return None
        mounts = proc.read_text(encoding="utf-8", errors="replace")
    target = os.path.abspath(text)
    best, best_type = "", ""
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, best_type = point, fields[2]
    return best_type if best_type in NETWORK_FS else None
