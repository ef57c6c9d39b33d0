"""帮助 → 用户手册: the Chinese user guide shipped inside the package, read in the app.

The chapters are Markdown files in ``ui/help`` (``01_….md`` … in reading order; the first
``# `` line is the chapter title), their screenshots PNGs in ``ui/help/images`` made by the
app itself (``resources/help/make_screenshots.py``). Everything is read with
``importlib.resources``, so the guide is the same from a source tree, a wheel or the
installed program, with no browser and no internet needed.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextCursor, QTextDocument, QTextImageFormat
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QWidget,
)

log = logging.getLogger(__name__)

HELP_PACKAGE = "ui.help"
CHAPTER_NAME = re.compile(r"^\d\d_[\w-]+\.md$")
IMAGE_MARGIN = 40  # px kept free beside a screenshot scaled to the page width


@dataclass(frozen=True)
class Chapter:
    name: str  # file name, e.g. 01_first_run.md
    title: str
    text: str


def help_files() -> Traversable:
    return resources.files(HELP_PACKAGE)


def chapters() -> list[Chapter]:
    """The guide's chapters in reading order."""
    found = []
    for entry in help_files().iterdir():
        if entry.is_file() and CHAPTER_NAME.match(entry.name):
            text = entry.read_text(encoding="utf-8")
            title = next(
                (line[2:].strip() for line in text.splitlines() if line.startswith("# ")),
                entry.name,
            )
            found.append(Chapter(entry.name, title, text))
    return sorted(found, key=lambda c: c.name)


def read_help_text(name: str) -> str:
    """A Markdown file of the help package (the changelog, a chapter)."""
    return help_files().joinpath(name).read_text(encoding="utf-8")


def read_help_image(relative: str) -> QImage:
    """An image the guide refers to (``images/x.png``); a null image if missing."""
    path = help_files()
    for part in relative.split("/"):
        if part in ("", ".", ".."):
            return QImage()
        path = path.joinpath(part)
    if not path.is_file():
        log.warning("user guide image missing: %s", relative)
        return QImage()
    return QImage.fromData(QByteArray(path.read_bytes()))


class GuideBrowser(QTextBrowser):
    """A QTextBrowser that reads images from the help package and fits them to its width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self._images: dict[str, QImage] = {}

    def loadResource(self, kind: int, url: QUrl | str) -> Any:  # noqa: N802 - Qt's name
        name = url.toString() if isinstance(url, QUrl) else str(url)
        if kind == QTextDocument.ResourceType.ImageResource.value:
            if name not in self._images:  # the natural size; fit_images adds scaled copies
                self._images[name] = read_help_image(name).convertToFormat(
                    QImage.Format.Format_RGB32
                )
            return self._images[name]
        return super().loadResource(kind, url)

    def show_markdown(self, text: str) -> None:
        self.setMarkdown(text)
        self.fit_images()

    def fit_images(self) -> None:
        """Scale every screenshot down to the page width (never up), smoothly: a
        1366-pixel window shot is read in a narrower guide without scrolling sideways and
        without the jagged text of the document's own scaling."""
        width = max(200, self.viewport().width() - IMAGE_MARGIN)
        doc = self.document()
        cursor = QTextCursor(doc)
        image_kind = QTextDocument.ResourceType.ImageResource.value
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                fmt = fragment.charFormat()
                if fmt.isImageFormat():
                    fitted = QTextImageFormat(fmt.toImageFormat())
                    natural = self.loadResource(image_kind, fitted.name())
                    if isinstance(natural, QImage) and not natural.isNull():
                        shown = natural
                        if natural.width() > width:
                            shown = natural.scaledToWidth(
                                width, Qt.TransformationMode.SmoothTransformation
                            )
                        doc.addResource(image_kind, QUrl(fitted.name()), shown)
                        fitted.setWidth(shown.width())
                        fitted.setHeight(shown.height())
                        cursor.setPosition(fragment.position())
                        cursor.setPosition(
                            fragment.position() + fragment.length(),
                            QTextCursor.MoveMode.KeepAnchor,
                        )
                        cursor.setCharFormat(fitted)
                it += 1
            block = block.next()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.fit_images()


class UserGuide(QDialog):
    """The guide: chapters on the left, the chapter on the right; links between chapters
    stay in the guide, web links open in the browser."""

    _open: UserGuide | None = None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("user_guide")
        self.setWindowTitle(self.tr("User guide"))
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.chapters = chapters()
        self.contents = QListWidget(self)
        self.contents.setObjectName("guide_contents")
        self.contents.setAccessibleName(self.tr("Chapters"))
        for chapter in self.chapters:
            item = QListWidgetItem(chapter.title, self.contents)
            item.setData(Qt.ItemDataRole.UserRole, chapter.name)
        self.browser = GuideBrowser(self)
        self.browser.setObjectName("guide_text")
        self.browser.anchorClicked.connect(self._link)
        self.contents.currentRowChanged.connect(self._show_row)
        splitter = QSplitter(self)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 900])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self.resize(1180, 700)
        if self.chapters:
            self.contents.setCurrentRow(0)

    def show_chapter(self, name: str) -> bool:
        for row, chapter in enumerate(self.chapters):
            if chapter.name == name:
                self.contents.setCurrentRow(row)
                return True
        return False

    def current_chapter(self) -> Chapter | None:
        row = self.contents.currentRow()
        return self.chapters[row] if 0 <= row < len(self.chapters) else None

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.chapters):
            self.browser.show_markdown(self.chapters[row].text)

    def _link(self, url: QUrl) -> None:
        target = url.toString()
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif not self.show_chapter(target.split("#")[0]):
            log.warning("user guide link to nowhere: %s", target)

    @classmethod
    def open_for(cls, parent: QWidget | None, chapter: str | None = None) -> UserGuide:
        """Show the guide (one window, brought forward if already open)."""
        guide = cls._open
        if guide is None or not guide.isVisible():
            guide = cls(parent)
            guide.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            guide.destroyed.connect(lambda _o=None: setattr(cls, "_open", None))
            cls._open = guide
        if chapter:
            guide.show_chapter(chapter)
        guide.show()
        guide.raise_()
        guide.activateWindow()
        return guide
