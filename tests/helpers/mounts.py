"""Real read-only folders and full disks for the fault tests, where the machine allows.

As root, ``chmod`` binds nobody; a read-only bind mount (EROFS) and a tiny tmpfs (ENOSPC)
do. Both need mount rights (root in a container that allows it); without them the
callers skip or fall back to a monkeypatched fault, and say which.
"""

from __future__ import annotations

import logging
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

log = logging.getLogger(__name__)


def _run(*cmd: str) -> bool:
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode != 0:
        log.info("%s failed: %s", " ".join(cmd), result.stderr.strip())
    return result.returncode == 0


def can_mount() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and Path("/proc/mounts").exists()


def _unmount(path: Path) -> None:
    if not _run("umount", str(path)):
        _run("umount", "-l", str(path))


@contextmanager
def read_only_folder(folder: Path) -> Iterator[bool]:
    """Make ``folder`` read-only in place (bind mount, remount ro); yields False (and
    leaves it writable) when the machine does not allow mounts."""
    if not can_mount() or not _run("mount", "--bind", str(folder), str(folder)):
        yield False
        return
    try:
        if not _run("mount", "-o", "remount,ro,bind", str(folder)):
            yield False
            return
        yield True
    finally:
        _unmount(folder)


@contextmanager
def tiny_disk(folder: Path, size_kb: int) -> Iterator[bool]:
    """A tmpfs of ``size_kb`` mounted on ``folder``; yields False when not permitted."""
    folder.mkdir(parents=True, exist_ok=True)
    if not can_mount() or not _run(
        "mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(folder)
    ):
        yield False
        return
    try:
        yield True
    finally:
        _unmount(folder)


def fill(folder: Path) -> None:
    """Fill the disk under ``folder`` to the last byte (unbuffered: no write is left to
    fail on close)."""
    fd = os.open(folder / "filler.bin", os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
    try:
        for size in (65536, 4096, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError:
                continue
    finally:
        os.close(fd)
