"""打印: a table as on screen on A4 landscape pages, with a title, page numbers and the
header row repeated on every page, shown first in a print preview.

The pages are a ``QTextDocument`` laid out at the printer's resolution (so 10 pt prints
as 10 pt) and painted page by page, each with "第 N 页 共 M 页" below the body. The same
``render`` draws into the preview and into a PDF (``print_to_pdf``), so what a test
renders is what the clerk's printer gets.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from .ledger_model import TINTS

log = logging.getLogger(__name__)

BODY_PT = 10
TITLE_PT = 15
FOOTER_PT = 9
MARGINS_MM = QMarginsF(12, 12, 12, 10)
FONT_FAMILIES = ["SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "serif"]


@dataclass
class PrintTable:
    """What to print: a title, a line saying what was filtered, the columns and rows."""

    title: str
    subtitle: str
    headers: list[str]
    rows: list[list[str]]
    right_aligned: set[int] = field(default_factory=set)  # money columns
    tints: Sequence[str | None] | None = None  # a row's colour: "red" / "yellow" / None
    tint_columns: set[int] | None = None  # only these cells (None: the whole row)


def page_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Landscape,
        MARGINS_MM,
        QPageLayout.Unit.Millimeter,
    )


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _cell(text: str, right: bool, colour: str | None, tag: str = "td") -> str:
    attrs = ' align="right"' if right else ""
    if colour:
        attrs += f' bgcolor="{colour}"'
    return f"<{tag}{attrs}>{html.escape(text).replace(chr(10), '<br>')}</{tag}>"


def to_html(table: PrintTable) -> str:
    head = "".join(_cell(h, False, "#d9e1f2", "th") for h in table.headers)
    body = []
    tints = list(table.tints) if table.tints is not None else [None] * len(table.rows)
    for values, tint in zip(table.rows, tints, strict=True):
        colour = TINTS[tint].name() if tint else None
        cells = [
            _cell(
                v,
                i in table.right_aligned,
                colour if table.tint_columns is None or i in table.tint_columns else None,
            )
            for i, v in enumerate(values)
        ]
        body.append(f"<tr>{''.join(cells)}</tr>")
    return (
        f'<p align="center" style="font-size:{TITLE_PT}pt; font-weight:bold;">'
        f"{html.escape(table.title)}</p>"
        f"<p>{html.escape(table.subtitle).replace('  ', '&nbsp;&nbsp;')}</p>"
        '<table border="1" cellspacing="0" cellpadding="3" width="100%"'
        ' style="border-collapse:collapse; border-color:#808080;">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def build_document(table: PrintTable, printer: QPrinter) -> QTextDocument:
    """The document laid out on the printer's pages (header row repeats on each)."""
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(printer)
    doc.setDefaultFont(_font(BODY_PT))
    doc.setHtml(to_html(table))
    rect = printer.pageRect(QPrinter.Unit.DevicePixel)
    doc.setPageSize(QSizeF(rect.width(), rect.height() - footer_height(printer)))
    return doc


def footer_height(printer: QPrinter) -> float:
    return printer.resolution() * 0.3  # 0.3 inch for "第 N 页 共 M 页"


def render(table: PrintTable, printer: QPrinter) -> int:
    """Paint every page of ``table`` on ``printer`` (A4 landscape, set by the caller);
    returns the number of pages."""
    doc = build_document(table, printer)
    pages = max(1, doc.pageCount())
    size = doc.pageSize()
    painter = QPainter()
    if not painter.begin(printer):
        log.warning("the printer could not be opened for painting")
        return 0
    try:
        footer = _font(FOOTER_PT)
        for page in range(pages):
            if page:
                printer.newPage()
            painter.save()
            painter.translate(0, -page * size.height())
            doc.drawContents(painter, QRectF(0, page * size.height(), size.width(), size.height()))
            painter.restore()
            painter.setFont(footer)
            text = QCoreApplication.translate("Printing", "Page {n} of {total}").format(
                n=page + 1, total=pages
            )
            box = QRectF(0, size.height(), size.width(), footer_height(printer))
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
    finally:
        painter.end()
    return pages


def print_to_pdf(table: PrintTable, path: Path) -> int:
    """The same pages as a PDF file (tests; a clerk can also "print" to PDF)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageLayout(page_layout())
    return render(table, printer)


def preview(parent: QWidget | None, table: PrintTable) -> QPrintPreviewDialog:
    """The print preview (A4 landscape); ``exec_preview`` shows it modally."""
    # the dialog's own printer: one made here would be freed while the dialog still used it
    dialog = QPrintPreviewDialog(parent)
    printer = dialog.printer()
    printer.setPageLayout(page_layout())
    printer.setDocName(table.title)
    dialog.setObjectName("print_preview")
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print preview"))
    dialog.paintRequested.connect(lambda p: render(table, p))
    dialog.resize(1100, 700)
    return dialog


def exec_preview(parent: QWidget | None, table: PrintTable) -> None:
    """Show the preview modally (tests replace this)."""
    dialog = preview(parent, table)
    dialog.exec()
    dialog.deleteLater()
