"""The admin's live charts (QtCharts): arrivals per 10 minutes, per forum against capacity, per category.

Each chart is built once and refilled from a ``kiosk.stats.Stats``; nothing here reads the
store. Titles and axis names go through Qt's translation layer (context "Charts").
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from kiosk.model import Category, Forum
from kiosk.stats import Stats

translate = QCoreApplication.translate

GREEN = QColor("#2E7D32")
GREY = QColor("#B0BEC5")
MAX_BUCKETS = 18  # three hours of 10-minute bars; older ones scroll off the left


def _nice_max(value: int) -> int:
    """An axis maximum a little above ``value``, on a round number."""
    if value <= 5:
        return 5
    step = 10 ** (len(str(value)) - 1)
    return ((value * 11 // 10) // step + 1) * step


class StatsChart(QChartView):
    """A bar chart view with a title; subclasses fill it from Stats."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.chart_ = QChart()
        super().__init__(self.chart_, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_.setMargins(QMargins(4, 4, 4, 4))
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        font = QFont(self.font())
        font.setPixelSize(17)
        font.setBold(True)
        self.chart_.setTitleFont(font)
        self.label_font = QFont(self.font())
        self.label_font.setPixelSize(13)
        self.chart_.legend().setFont(self.label_font)
        self.values: list[int] = []  # what the chart shows now (for tests and the tooltip)

    def _reset(self) -> None:
        self.chart_.removeAllSeries()
        for axis in self.chart_.axes():
            self.chart_.removeAxis(axis)

    def _axes(self, categories: list[str], maximum: int, horizontal: bool = False) -> tuple:
        names = QBarCategoryAxis()
        names.append(categories)
        names.setLabelsFont(self.label_font)
        values = QValueAxis()
        values.setRange(0, _nice_max(maximum))
        values.setLabelFormat("%d")
        values.setLabelsFont(self.label_font)
        values.setTickCount(6)
        if horizontal:
            self.chart_.addAxis(values, Qt.AlignmentFlag.AlignBottom)
            self.chart_.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        else:
            self.chart_.addAxis(names, Qt.AlignmentFlag.AlignBottom)
            self.chart_.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        return names, values

    def _attach(self, series: Any, axes: tuple) -> None:
        self.chart_.addSeries(series)
        for axis in axes:
            series.attachAxis(axis)


class ArrivalsChart(StatsChart):
    """Arrivals at the entrance per 10 minutes (event time zone), the last three hours."""

    def refill(self, stats: Stats) -> None:
        self._reset()
        self.chart_.setTitle(translate("Charts", "Arrivals per 10 minutes"))
        buckets = stats.per_10_min[-MAX_BUCKETS:]
        starts = [datetime.fromisoformat(str(b["start"])) for b in buckets]
        self.values = [int(str(b["admitted"])) for b in buckets]
        bars = QBarSet(translate("Charts", "Admitted"))
        bars.setColor(GREEN)
        bars.append([float(v) for v in self.values] or [0.0])
        series = QBarSeries()
        series.append(bars)
        series.setBarWidth(0.85)
        slots, values = self._axes([str(i) for i in range(max(1, len(starts)))], max(self.values, default=0))
        slots.setLabelsVisible(False)
        slots.setGridLineVisible(False)
        # the times under the bars: a category axis on the same scale, written on the half hours
        times = QCategoryAxis()
        times.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        times.setLabelsFont(self.label_font)
        times.setRange(-0.5, max(1, len(starts)) - 0.5)
        for index, start in enumerate(starts):
            if start.minute % 30 == 0:
                times.append(f"{start:%H:%M}", index)
        times.setGridLineVisible(False)
        self.chart_.addAxis(times, Qt.AlignmentFlag.AlignBottom)
        self._attach(series, (slots, values, times))
        self.chart_.legend().hide()


class ForumsChart(StatsChart):
    """Each forum: how full its room is (admitted against capacity), named with hall and numbers."""

    def refill(self, stats: Stats, forums: list[Forum], language: str) -> None:
        self._reset()
        self.chart_.setTitle(translate("Charts", "Forums: admitted against capacity"))
        # bottom to top on a vertical axis: reversed, so the programme reads from the top
        shown = [f for f in forums if f.id in stats.by_forum][::-1]
        admitted = [int(stats.by_forum[f.id].get("admitted") or 0) for f in shown]
        capacity = [int(stats.by_forum[f.id].get("capacity") or 0) for f in shown]
        self.values = admitted
        labels = [
            " ".join(
                p
                for p in (f.hall, _short(f.name(language), 10 if language == "zh" else 18), f"{n}/{c or '∞'}")
                if p
            )
            for f, n, c in zip(shown, admitted, capacity, strict=True)
        ] or ["—"]
        full = QBarSet(translate("Charts", "% of capacity"))
        full.setColor(GREEN)
        full.append([100.0 * n / c if c else 0.0 for n, c in zip(admitted, capacity, strict=True)] or [0.0])
        series = QHorizontalBarSeries()
        series.append(full)
        series.setBarWidth(0.7)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value%")
        series.setLabelsPrecision(3)
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        full.setLabelColor(QColor("#212121"))
        names, values = self._axes(labels, 100, horizontal=True)
        values.setRange(0, 100)
        values.setLabelFormat("%d%%")
        self._attach(series, (names, values))
        self.chart_.legend().hide()


class CategoriesChart(StatsChart):
    """Arrivals at the entrance by category, each bar in its category's colour."""

    def refill(self, stats: Stats, categories: list[Category], language: str) -> None:
        self._reset()
        self.chart_.setTitle(translate("Charts", "Arrivals by category"))
        known = {c.id: c for c in categories}
        order = [c.id for c in categories] + sorted(k for k in stats.by_category if k not in known)
        order.reverse()  # bottom to top: the first category ends up at the top
        self.values = [stats.by_category.get(key, 0) for key in order]
        labels = [known[k].name(language) if k in known else translate("Charts", "Other") for k in order] or [
            "—"
        ]
        series = QHorizontalStackedBarSeries()
        for index, key in enumerate(order):
            # one set per category, non-zero only on its own row: each bar keeps its colour
            bars = QBarSet(labels[index])
            bars.setColor(QColor(known[key].color) if key in known else GREY)
            bars.append([float(self.values[index]) if i == index else 0.0 for i in range(len(order))])
            series.append(bars)
        series.setBarWidth(0.75)
        names, values = self._axes(labels, max(self.values, default=0), horizontal=True)
        self._attach(series, (names, values))
        self.chart_.legend().hide()


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
