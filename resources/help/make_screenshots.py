"""Make the user guide's screenshots from the app itself: ``python resources/help/make_screenshots.py``.

Every scene is the real window or dialog, rendered offscreen (no display needed) at the
size a clerk's 1366×768 laptop shows, on the demo county (dated back from today, as the clerk's
demo is), so the guide shows what the program really looks like.
Run it after changing a window the guide shows, look at the PNGs, commit them.

    python resources/help/make_screenshots.py                  # all scenes -> ui/help/images
    python resources/help/make_screenshots.py ledger editor    # some scenes
    python resources/help/make_screenshots.py --out DIR        # elsewhere (checks, reviews)
    python resources/help/make_screenshots.py --dark FILE.png  # the ledger, dark palette

Scenes whose window does not exist yet (template filling, progress collection: found by
their menu entry) get a marked placeholder image; the next run after they exist fills it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
SCRATCH = Path(tempfile.mkdtemp(prefix="guide-shots-"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TRACKER_LOG_DIR"] = str(SCRATCH / "logs")
os.environ["TRACKER_DEMO_DB"] = str(SCRATCH / "data" / "demo" / "演示台账.db")

from openpyxl import Workbook  # noqa: E402
from PySide6.QtCore import QCoreApplication, QPoint, QRect, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette, QPen  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QMenu,
    QStyleFactory,
    QTabWidget,
    QWidget,
)

from tracker.ledger.demo import build_demo_database  # noqa: E402
from tracker.ledger.portfolio import Portfolio  # noqa: E402
from tracker.storage.paths import demo_db_path  # noqa: E402

OUT = ROOT / "ui" / "help" / "images"
SIZE = (1366, 768)
PLACEHOLDERS = {
    # scene: (words a menu entry of the feature contains, title on the placeholder)
    "template_fill": (("模板",), "按上级模板填报"),
}


def wait_until(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not finish loading")
        QApplication.processEvents()
        time.sleep(0.01)


def settle(ms: int = 300) -> None:
    wait_until(lambda: True)
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.01)


def save(widget_or_image: QWidget | QImage, name: str, out: Path) -> Path:
    image = (
        widget_or_image if isinstance(widget_or_image, QImage) else widget_or_image.grab().toImage()
    )
    # 256 colours, no dithering: a quarter of the bytes (the installer has a size budget)
    # and window text stays sharp.
    flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    painter = QPainter(image)  # a thin frame: a screenshot is told apart from the page
    painter.setPen(QColor("#8c8c8c"))
    painter.drawRect(0, 0, image.width() - 1, image.height() - 1)
    painter.end()
    path = out / f"{name}.png"
    image.convertToFormat(QImage.Format.Format_Indexed8, flags).save(str(path))
    print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return path


class Scenes:
    """One method per screenshot; each gets the output folder."""

    def __init__(self, out: Path) -> None:
        self.out = out
        demo = build_demo_database(demo_db_path(), 300)
        # Most scenes show the demo county as if it were the clerk's own ledger (no banner);
        # the "demo" scene opens the demo file itself.
        self.ledger_db = SCRATCH / "data" / "青溪县签约项目台账.db"
        shutil.copy(demo, self.ledger_db)
        self._window: QWidget | None = None

    # -- helpers -------------------------------------------------------------------------

    def window(self, db: Path | None = None) -> QWidget:
        from main import build_window

        if self._window is not None and db is None:
            return self._window
        win = build_window(db or self.ledger_db)
        win.resize(*SIZE)
        win.show()
        wait_until(lambda: win.model.last_result is not None)
        wait_until(lambda: not win._levels_pending and bool(win.model._levels), 30)
        settle()
        if db is None:
            self._window = win
        return win

    def dialog(self, dialog: QWidget, name: str, prepare: Callable[[], None] | None = None) -> None:
        dialog.show()
        if prepare:
            prepare()
        settle()
        save(dialog, name, self.out)
        dialog.close()

    # -- scenes --------------------------------------------------------------------------

    def first_run(self) -> None:
        from ui.first_run import FirstRunDialog

        db = SCRATCH / "data" / "tracker.db"
        portfolio = Portfolio.open(db, create=True, auto_backup=False)
        dialog = FirstRunDialog(portfolio)
        for key, text in (
            ("county_name", "青溪县"),
            ("reporting_unit", "青溪县投资促进中心"),
            ("preparer", "张明"),
            ("units", "县发改局\n县经信局\n县商务局\n经济开发区管委会"),
            ("towns", "城关镇\n青山镇\n溪口镇\n经济开发区"),
            ("leaders", "王建国\n李明华\n张卫东"),
        ):
            edit = dialog.inputs[key]
            edit.setText(text) if hasattr(edit, "setText") else edit.setPlainText(text)
        self.dialog(dialog, "first_run")
        portfolio.close()

    def demo(self) -> None:
        win = self.window(demo_db_path())
        save(win, "demo", self.out)
        win.close()

    def ledger(self) -> None:
        win = self.window()
        win.tabs.setCurrentIndex(0)
        settle()
        save(win, "ledger", self.out)

    def search(self) -> None:
        win = self.window()
        win.tabs.setCurrentIndex(0)
        win.ledger.search.setText("qx")
        wait_until(lambda: win.model.last_result.filtered_count < win.model.last_result.all_count)
        settle()
        save(win, "search", self.out)
        win.ledger.search.clear()
        settle()

    def editor(self) -> None:
        from ui.project_editor import ProjectEditor

        win = self.window()
        pid = next(p for p, level in win.model._levels.items() if level == "red")
        editor = ProjectEditor(win.portfolio, pid, win)
        self.dialog(editor, "editor")
        editor.tabs.setCurrentIndex(1)
        self.dialog(editor, "editor_stages")

    def warnings(self) -> None:
        win = self.window()
        win.tabs.setCurrentWidget(win.pages["warnings"])
        page = win.page("warnings")
        wait_until(lambda: page.model.rowCount() > 0, 30)
        settle()
        save(win, "warnings", self.out)

    def stats(self) -> None:
        win = self.window()
        win.tabs.setCurrentWidget(win.pages["stats"])
        page = win.page("stats")
        wait_until(lambda: page.review is not None, 30)
        settle(600)
        save(win, "stats", self.out)
        win.tabs.setCurrentIndex(0)

    def import_wizard(self) -> None:
        from ui.import_wizard import MAPPING, PLAN, ImportWizard

        ledger = SCRATCH / "2023年签约项目推进情况表.xlsx"
        _old_ledger(ledger)
        empty = SCRATCH / "data" / "导入示例.db"
        Portfolio.open(empty, create=True, auto_backup=False).close()
        wizard = ImportWizard(None, empty, [ledger])
        wizard.show()
        settle()
        save(wizard, "import_files", self.out)
        wizard.next()
        wait_until(lambda: wizard.currentId() == MAPPING)
        settle()
        save(wizard, "import_mapping", self.out)
        wizard.next()
        wait_until(lambda: wizard.currentId() == PLAN)
        settle()
        save(wizard, "import_plan", self.out)
        wizard.reject()

    def report(self) -> None:
        from ui.report_dialog import ReportDialog

        win = self.window()
        dialog = ReportDialog(win, win.db_path)
        dialog.path_edit.setText(r"C:\Users\张明\Documents\2026年青溪县签约项目履约情况.xlsx")
        self.dialog(dialog, "report")

    def settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        win = self.window()
        dialog = SettingsDialog(win.portfolio, win)
        tabs = dialog.findChild(QTabWidget, "settings_tabs")
        self.dialog(dialog, "settings", lambda: tabs.setCurrentIndex(1))  # 预警阈值

    def backup(self) -> None:
        """The 文件 menu opened over the window (a menu is its own window: drawn onto it)."""
        win = self.window()
        file_menu = next(m for m in win.menuBar().findChildren(QMenu) if m.title() == "文件(&F)")
        save(_with_menu(win, file_menu), "backup", self.out)

    def about(self) -> None:
        from ui.help_menu import AboutDialog

        win = self.window()
        dialog = AboutDialog(win.db_path, win)
        self.dialog(dialog, "about")

    def sync_warning(self) -> None:
        folder = SCRATCH / "OneDrive" / "台账"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(self.ledger_db, folder / "青溪县签约项目台账.db")
        win = self.window(folder / "青溪县签约项目台账.db")
        save(win, "sync_warning", self.out)
        win.close()

    def template_fill(self) -> None:
        self._feature("template_fill")

    def progress_collection(self) -> None:
        """进度收集: a round made, one unit's returned file read back (old → new, a flag)."""
        from ui.collection_dialog import CollectionDialog

        win = self.window()
        returned = _returned_collection_file(self.ledger_db, SCRATCH / "进度收集")
        dialog = CollectionDialog(self.ledger_db, win)
        dialog.resize(1100, 680)
        dialog.show()
        wait_until(lambda: dialog.status_model.rowCount() > 0)
        dialog.read_files([returned])
        wait_until(lambda: dialog.plan_model.rowCount() > 0)
        settle()
        save(dialog, "progress_collection", self.out)
        dialog.close()

    def _feature(self, scene: str) -> None:
        """The feature's window, found through its menu entry; a placeholder until it exists."""
        words, title = PLACEHOLDERS[scene]
        win = self.window()
        action = next(
            (
                a
                for menu in win.menuBar().findChildren(QMenu)
                for a in menu.actions()
                if any(w in a.text() for w in words)
            ),
            None,
        )
        if action is None:
            save(_placeholder(title), scene, self.out)
            return
        shots: list[QImage] = []

        def grab_modal() -> None:
            modal = QApplication.activeModalWidget()
            if modal is None:
                QTimer.singleShot(100, grab_modal)
                return
            modal.resize(1100, 680)
            settle(800)
            shots.append(modal.grab().toImage())
            modal.close()

        QTimer.singleShot(300, grab_modal)
        action.trigger()
        settle()
        if not shots:  # not a modal dialog: whatever top-level window it opened
            top = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not win]
            shots.append((top[-1] if top else win).grab().toImage())
        save(shots[0], scene, self.out)

    def dark_ledger(self, path: Path) -> None:
        app = QApplication.instance()
        app.setStyle(QStyleFactory.create("Fusion"))
        app.setPalette(dark_palette())
        win = self.window()
        win.tabs.setCurrentIndex(0)
        settle()
        win.grab().save(str(path))
        print(f"  {path}")


def dark_palette() -> QPalette:
    """A dark palette like Windows' dark mode: light text on dark bases."""
    palette = QPalette()
    dark, base, text = QColor(45, 45, 45), QColor(30, 30, 30), QColor(230, 230, 230)
    for role, colour in (
        (QPalette.ColorRole.Window, dark),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, dark),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, dark),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.Highlight, QColor(42, 130, 218)),
        (QPalette.ColorRole.HighlightedText, QColor(255, 255, 255)),
    ):
        palette.setColor(role, colour)
    return palette


def _with_menu(win: QWidget, menu: QMenu) -> QImage:
    image = win.grab().toImage()
    bar = win.menuBar()
    menu.popup(bar.mapToGlobal(QPoint(0, bar.height())))
    settle()
    painter = QPainter(image)
    painter.drawImage(QPoint(0, bar.y() + bar.height()), menu.grab().toImage())
    painter.end()
    menu.hide()
    return image


def _placeholder(title: str) -> QImage:
    """A clearly marked empty slot: grey, dashed, saying what will be shown here."""
    image = QImage(1100, 620, QImage.Format.Format_RGB32)
    image.fill(QColor("#f3f3f3"))
    painter = QPainter(image)
    painter.setPen(QPen(QColor("#9a9a9a"), 4, Qt.PenStyle.DashLine))
    painter.drawRect(QRect(10, 10, 1080, 600))
    font = QFont()
    font.setPixelSize(40)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#555555"))
    painter.drawText(QRect(0, 200, 1100, 60), Qt.AlignmentFlag.AlignCenter, f"截图待补：{title}")
    font.setPixelSize(24)
    font.setBold(False)
    painter.setFont(font)
    painter.drawText(
        QRect(0, 290, 1100, 120),
        Qt.AlignmentFlag.AlignCenter,
        "此功能的窗口完成后，运行 resources/help/make_screenshots.py\n即自动生成这张截图。",
    )
    painter.end()
    return image


def _old_ledger(path: Path) -> None:
    """A last-year ledger as counties keep them: a title row, a unit row, a total row."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "2023年"
    ws.append(["青溪县2023年招商引资签约项目推进情况表"])
    ws.append(["填报单位：青溪县投资促进中心", None, None, None, "单位：万元"])
    ws.append(["序号", "项目名称", "投资方", "签约时间", "协议投资额", "责任单位", "目前进展"])
    rows = [
        ("年产10万件精密轴承项目", "江苏苏州精益精密有限公司", "2023.3.16", "1.2亿", "县经信局"),
        ("茶叶精深加工扩建项目", "青山农业开发有限公司", "2023年5月8日", "3000万", "县农业农村局"),
        ("冷链物流园项目", "浙江杭州恒通物流有限公司", "2023-07-21", "56000", "县商务局"),
        (
            "光伏组件生产基地项目",
            "广东深圳新能科技有限公司",
            "202309",
            "８５０００",
            "经济开发区管委会",
        ),
        ("康养综合体项目", "上海瑞丰健康产业集团", "2023/11/2", "约2亿", "县文旅局"),
    ]
    for i, (name, investor, signed, amount, unit) in enumerate(rows, 1):
        ws.append([i, name, investor, signed, amount, unit, "已签约，正在办理注册"])
    ws.append([None, "合计", None, None, 176000])
    ws.merge_cells("A1:G1")
    for column, width in zip("ABCDEFG", (6, 28, 30, 14, 12, 18, 24), strict=True):
        ws.column_dimensions[column].width = width
    wb.save(path)


def _returned_collection_file(db: Path, folder: Path) -> Path:
    """A round for the demo county's units and one unit's workbook filled as it would be:
    figures beside the stored ones, a note, a problem, "约3000万" and a falling figure."""
    from datetime import date

    from openpyxl import load_workbook

    from tracker.collection.columns import COLUMNS
    from tracker.collection.rounds import create_round
    from tracker.collection.send import HEADER_ROW, make_files
    from tracker.collection.state import load_stored

    col = {c.key: i for i, c in enumerate(COLUMNS, 1)}
    p = Portfolio.open(db, auto_backup=False)
    try:
        rnd = create_round(p, date.today().isoformat(), None, "unit")
        sent = max(make_files(p, rnd, folder), key=lambda s: s.projects)
        wb = load_workbook(sent.path)
        ws = wb.active
        rows = {
            ws.cell(r, 1).value: r
            for r in range(HEADER_ROW + 1, ws.max_row + 1)
            if isinstance(ws.cell(r, 1).value, int)
        }
        stored = load_stored(p, list(rows))
        with_funds = [pid for pid in rows if "funds_arrived_wan" in stored[pid].latest]
        for pid in with_funds[:4]:
            funds = stored[pid].latest["funds_arrived_wan"][1]
            ws.cell(rows[pid], col["funds_arrived_wan"], float(funds + 600))
            ws.cell(rows[pid], col["note"], "主体结构施工中")
        ws.cell(rows[with_funds[4]], col["funds_arrived_wan"], 100)
        others = [pid for pid in rows if pid not in with_funds[:5]]
        ws.cell(rows[others[0]], col["invested_wan"], "约3000万")
        ws.cell(rows[others[0]], col["problem"], "施工用电容量不足，需协调供电公司增容")
        wb.save(sent.path)
        return sent.path
    finally:
        p.close()


SCENES = (
    "first_run",
    "demo",
    "ledger",
    "search",
    "editor",
    "warnings",
    "stats",
    "import_wizard",
    "report",
    "settings",
    "backup",
    "about",
    "sync_warning",
    "template_fill",
    "progress_collection",
)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenes", nargs="*", metavar="SCENE", help=" ".join(SCENES))
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--dark", type=Path, metavar="FILE.png")
    args = parser.parse_args(argv)
    unknown = set(args.scenes) - set(SCENES)
    if unknown:
        parser.error(f"unknown scenes: {sorted(unknown)}")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(SCRATCH))
    from ui.app import ensure_app, install_translators

    ensure_app()
    install_translators()
    QCoreApplication.setApplicationName("SignedDealTracker-screenshots")
    args.out.mkdir(parents=True, exist_ok=True)
    scenes = Scenes(args.out)
    if args.dark:
        scenes.dark_ledger(args.dark)
        return 0
    for name in args.scenes or SCENES:
        print(name)
        getattr(scenes, name)()
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    shutil.rmtree(SCRATCH, ignore_errors=True)
    os._exit(code)  # skip Qt's teardown of windows still owned by Python objects
