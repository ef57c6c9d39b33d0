"""The 统计 page: rate cards, the 签约→落地→开工→投产 funnel, rates by unit / industry /
town (a tab each, so every table gets the page's height at 1366×768), and the 口径说明.

All numbers come from ``tracker.review`` and every definition from
``tracker.review.definitions`` (a rate's tooltip, its column's tooltip, the 口径说明 tab):
the same words the printed 汇总 sheet uses.
"""

from __future__ import annotations

import html
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tracker.domain.money import format_wan
from tracker.review import Rates, Review
from tracker.review.definitions import RATE_DEFINITIONS, definitions

from .warnings_view import AsOfBar, Index, ReviewPage, RowListModel


def pct_text(value: Decimal | None) -> str:
    return "—" if value is None else f"{value}%"


class RateCard(QFrame):
    """One big number with its caption and the counts behind it."""

    def __init__(
        self, name: str, caption: str, definition: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setToolTip(definition)  # the rate's 口径, where the number is
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            f"QFrame#{name} {{ background: #f5f8fc; border: 1px solid #c8d3e0;"
            " border-radius: 6px; }"
        )
        self.value = QLabel("—", self)
        self.value.setObjectName("value")
        font = QFont(self.value.font())
        font.setPointSize(font.pointSize() + 8)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = QLabel("", self)
        self.detail.setObjectName("detail")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(caption, self))
        layout.addWidget(self.value)
        layout.addWidget(self.detail)

    def set(self, value: str, detail: str) -> None:
        self.value.setText(value)
        self.detail.setText(detail)


# column -> the rate whose 口径 its header's tooltip shows
COLUMN_DEFINITIONS = (
    "",
    "signed",
    "performing",
    "registered",
    "started",
    "funds",
    "producing",
    "mean_days",
)


class GroupRatesModel(RowListModel):
    """Rates by a grouping (责任单位, 产业类别, 落地乡镇/园区), with the 合计 row last."""

    def __init__(self, first: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, Rates]] = []
        self._headers = [
            first,
            self.tr("Signed projects"),
            self.tr("Performance rate"),
            self.tr("Landing rate"),
            self.tr("Start rate"),
            self.tr("Funds rate"),
            self.tr("Production rate"),
            self.tr("Mean days to start"),
        ]

    def set_rows(self, rows: list[tuple[str, Rates]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(COLUMN_DEFINITIONS)
        ):
            return RATE_DEFINITIONS.get(COLUMN_DEFINITIONS[section])
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        name, r = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            mean = r.mean_days_to_start
            return (
                name,
                str(r.signed),
                pct_text(r.performing_pct),
                pct_text(r.registered_pct),
                pct_text(r.started_pct),
                pct_text(r.funds_pct),
                pct_text(r.producing_pct),
                "—" if mean is None else str(mean),
            )[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _chart_view(name: str) -> QChartView:
    view = QChartView(QChart())
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(320)
    return view


def _replace_chart(view: QChartView, chart: QChart) -> None:
    """Show ``chart``; the view releases the previous chart without deleting it."""
    old = view.chart()
    view.setChart(chart)
    if old is not None:
        old.deleteLater()


class StatsView(ReviewPage):
    """统计: how many signed deals landed, started, paid in and produced."""

    def __init__(self, db_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(db_path, parent)
        self.bar = AsOfBar(self)
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("year_filter")
        self.year_combo.addItem(self.tr("All years"), None)
        this_year = date.today().year
        for year in range(this_year, this_year - 8, -1):
            self.year_combo.addItem(str(year), year)
        self.year_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        captions = (
            ("card_signed", self.tr("Signed projects"), "signed"),
            ("card_performing", self.tr("Performance rate"), "performing"),
            ("card_registered", self.tr("Landing rate"), "registered"),
            ("card_started", self.tr("Start rate"), "started"),
            ("card_funds", self.tr("Funds rate"), "funds"),
            ("card_producing", self.tr("Production rate"), "producing"),
            ("card_days", self.tr("Mean days from signing to start"), "mean_days"),
        )
        self.cards = {
            name: RateCard(name, caption, RATE_DEFINITIONS[key], self)
            for name, caption, key in captions
        }
        self.funnel_view = _chart_view("funnel_chart")
        self.unit_chart_view = _chart_view("unit_chart")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("stats_tabs")
        charts = QSplitter(Qt.Orientation.Horizontal, self)
        charts.addWidget(self.funnel_view)
        charts.addWidget(self.unit_chart_view)
        charts.setSizes([400, 700])
        self.tabs.addTab(charts, self.tr("&Charts"))
        # a tab each: a table of twenty units gets the page's full height
        self.group_models: dict[str, GroupRatesModel] = {}
        self.group_tables: dict[str, QTableView] = {}
        for key, first, title in (
            ("unit", self.tr("Responsible unit"), self.tr("By &unit")),
            ("industry", self.tr("Industry"), self.tr("By i&ndustry")),
            ("location", self.tr("Town / park"), self.tr("By &town")),
        ):
            model = GroupRatesModel(first, self)
            table = QTableView(self)
            table.setObjectName(f"{key}_table")
            table.setModel(model)
            table.verticalHeader().setVisible(False)
            table.verticalHeader().setDefaultSectionSize(24)
            table.setAlternatingRowColors(True)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            self.group_models[key], self.group_tables[key] = model, table
            self.tabs.addTab(table, title)
        self.unit_model, self.unit_table = self.group_models["unit"], self.group_tables["unit"]
        self.definitions = QTextBrowser(self)
        self.definitions.setObjectName("definitions")
        self.tabs.addTab(self.definitions, self.tr("&Definitions"))
        top = QHBoxLayout()
        top.addWidget(self.bar)
        top.addWidget(QLabel(self.tr("Signed in"), self))
        top.addWidget(self.year_combo)
        top.addStretch(1)
        cards = QGridLayout()
        for i, card in enumerate(self.cards.values()):
            cards.addWidget(card, 0, i)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(cards)
        layout.addWidget(self.tabs, 1)
        self.bar.refresh_button.clicked.connect(self.refresh)
        self.bar.date_edit.dateChanged.connect(lambda _d: self.refresh())

    def review_args(self) -> tuple[date, int | None]:
        return self.bar.as_of(), self.year_combo.currentData()

    def show_review(self, review: Review) -> None:
        r = review.rates
        self.cards["card_signed"].set(
            str(r.signed),
            self.tr("{amount} (10k yuan)").format(amount=format_wan(r.signed_amount_wan)),
        )
        for name, value, count in (
            ("card_performing", r.performing_pct, r.performing),
            ("card_registered", r.registered_pct, r.registered),
            ("card_started", r.started_pct, r.started),
            ("card_producing", r.producing_pct, r.producing),
        ):
            self.cards[name].set(pct_text(value), f"{count} / {r.signed}")
        self.cards["card_funds"].set(
            pct_text(r.funds_pct),
            self.tr("{funds} of {signed}").format(
                funds=format_wan(r.funds_arrived_wan), signed=format_wan(r.signed_amount_wan)
            ),
        )
        mean = r.mean_days_to_start
        self.cards["card_days"].set(
            "—" if mean is None else str(mean),
            self.tr("{n} started projects").format(n=r.days_to_start_count),
        )
        self._show_funnel(review)
        self._show_units(review)
        for key, model in self.group_models.items():
            model.set_rows(review.by_group[key] + [(self.tr("Total"), r)])
        self.definitions.setHtml(
            "".join(f"<p>{html.escape(text)}</p>" for text in definitions(review.settings))
        )

    def _show_funnel(self, review: Review) -> None:
        chart = QChart()
        chart.setTitle(self.tr("Signed → landed → started → producing"))
        bars = QBarSet(self.tr("Projects"))
        for _label, count in review.funnel:
            bars.append(count)
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append([label for label, _ in review.funnel])
        axis_y = QValueAxis()
        axis_y.setRange(0, max([n for _, n in review.funnel] + [1]) * 1.1)
        axis_y.setLabelFormat("%d")
        axis_y.applyNiceNumbers()
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis_x)
        series.attachAxis(axis_y)
        chart.legend().setVisible(False)
        _replace_chart(self.funnel_view, chart)

    def _show_units(self, review: Review) -> None:
        chart = QChart()
        chart.setTitle(self.tr("Rates by responsible unit (%)"))
        groups = list(reversed(review.by_group["unit"][:15]))  # biggest on top
        series = QHorizontalBarSeries()
        series.setBarWidth(0.8)
        for caption, attr in (
            (self.tr("Performance rate"), "performing_pct"),
            (self.tr("Start rate"), "started_pct"),
        ):
            bars = QBarSet(caption)
            for _name, rates in groups:
                bars.append(float(getattr(rates, attr) or 0))
            series.append(bars)
        chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append([name for name, _ in groups])
        small = QFont(axis_y.labelsFont())
        small.setPointSizeF(max(6.0, small.pointSizeF() - 1.5))
        axis_y.setLabelsFont(small)
        axis_y.setTruncateLabels(False)  # unit names are the point of this chart: never "..."
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        axis_x = QValueAxis()
        axis_x.setRange(0, 100)
        axis_x.setLabelFormat("%d%%")
        chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_y)
        series.attachAxis(axis_x)
        _replace_chart(self.unit_chart_view, chart)
