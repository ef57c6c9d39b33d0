"""Draw the app icon and write ``SignedDealTracker.ico`` (16–256 px, PNG-compressed entries).

Run once with the project's Python (PySide6 only, no Pillow); the .ico is committed in
ui/assets (the window icon, package data; the spec and the installer use the same file),
the build does not run this. ``python packaging/make_icon.py [OUT.ico] [--png OUT.png]``
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt  # noqa: E402
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QPainter, QPen  # noqa: E402

SIZES = (16, 24, 32, 48, 64, 128, 256)


def draw(size: int) -> QImage:
    """A blue rounded tile, a white ledger sheet with ruled lines and a red seal."""
    img = QImage(size, size, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.scale(size / 256, size / 256)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#1f5fa8"))
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 44, 44)
    p.setBrush(QColor("#ffffff"))
    p.drawRoundedRect(QRectF(56, 36, 144, 184), 12, 12)
    p.setPen(
        QPen(
            QColor("#1f5fa8"),
            12 if size >= 32 else 18,
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
        )
    )
    for y in (80, 116, 152):
        p.drawLine(84, y, 172, y)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QBrush(QColor("#d62f2f")))
    p.drawEllipse(QRectF(140, 150, 84, 84))
    p.setPen(
        QPen(
            QColor("#ffffff"),
            13,
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
            Qt.PenJoinStyle.RoundJoin,
        )
    )
    p.drawPolyline(
        [
            QRectF(158, 190, 0, 0).topLeft(),
            QRectF(176, 208, 0, 0).topLeft(),
            QRectF(206, 172, 0, 0).topLeft(),
        ]
    )
    p.end()
    return img


def png_bytes(img: QImage) -> bytes:
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    img.save(buf, "PNG")
    return bytes(data)


def write_ico(path: Path) -> None:
    images = [png_bytes(draw(s)) for s in SIZES]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, blob in zip(SIZES, images, strict=True):
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    path.write_bytes(header + entries + blobs)


if __name__ == "__main__":
    app = QGuiApplication(sys.argv[:1])
    args = sys.argv[1:]
    out = (
        Path(args[0])
        if args and not args[0].startswith("--")
        else Path(__file__).resolve().parents[1] / "ui" / "assets" / "SignedDealTracker.ico"
    )
    write_ico(out)
    if "--png" in args:
        draw(256).save(args[args.index("--png") + 1])
    print(out)
