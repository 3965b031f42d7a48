"""Admin tabs that watch the event live: the statistics charts and the VIP list.

Both refresh on a timer and shortly after each decision; the numbers are computed on a
worker thread (``kiosk.stats.compute``, one query per figure) and only drawn here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QListWidget, QVBoxLayout, QWidget

from kiosk.model import ENTRANCE, Delegate
from kiosk.stats import Stats, compute
from ui.admin.charts import ArrivalsChart, CategoriesChart, ForumsChart
from ui.bridge import AppContext

translate = QCoreApplication.translate

REFRESH_MS = 5000
AFTER_DECISION_MS = 800


class _Live(QWidget):
    """Refreshes itself every few seconds and soon after a decision, while it is shown."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.refreshes = 0  # how many refreshes have been drawn (tests wait on it)
        self._busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.soon = QTimer(self)
        self.soon.setSingleShot(True)
        self.soon.setInterval(AFTER_DECISION_MS)
        self.soon.timeout.connect(self.refresh)
        context.events.decided.connect(lambda _d: self.isVisible() and self.soon.start())

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.timer.start()
        self.refresh()

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self.timer.stop()
        super().hideEvent(event)

    def refresh(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.context.run_in_background(self.gather, on_done=self._drawn, on_error=self._failed)

    def gather(self) -> Any:
        raise NotImplementedError

    def draw(self, data: Any) -> None:
        raise NotImplementedError

    def _drawn(self, data: Any) -> None:
        self._busy = False
        self.draw(data)
        self.refreshes += 1

    def _failed(self, _exc: BaseException) -> None:
        self._busy = False

    @property
    def language(self) -> str:
        return "zh" if self.context.language.startswith("zh") else "en"


class StatsTab(_Live):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.summary = QLabel()
        self.summary.setObjectName("statsSummary")
        self.summary.setWordWrap(True)
        self.arrivals = ArrivalsChart()
        self.forums = ForumsChart()
        self.categories = CategoriesChart()
        grid = QGridLayout()
        grid.addWidget(self.arrivals, 0, 0)
        grid.addWidget(self.categories, 1, 0)
        grid.addWidget(self.forums, 0, 1, 2, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(grid, 1)

    def gather(self) -> tuple[Stats, int]:
        return compute(self.context.app.store), self.context.app.store.roster.count()

    def draw(self, data: tuple[Stats, int]) -> None:
        stats, roster = data
        roster_ = self.context.app.store.roster
        arrived = stats.by_gate.get(ENTRANCE, 0)
        text = translate("AdminStats", "Arrived at the entrance: %1 of %2 registered").replace(
            "%1", str(arrived)).replace("%2", str(roster))  # fmt: skip
        if stats.offline_duplicates:
            text += "  ·  " + translate("AdminStats", "%1 double check-ins made while offline").replace(
                "%1", str(stats.offline_duplicates))  # fmt: skip
        if self.context.app.store.rehearsal:
            text += "  ·  " + translate("AdminStats", "REHEARSAL figures")
        self.summary.setText(text)
        self.arrivals.refill(stats)
        self.forums.refill(stats, roster_.forums(), self.language)
        self.categories.refill(stats, roster_.categories(), self.language)


@dataclass(frozen=True, slots=True)
class VipList:
    arrived: list[tuple[Delegate, datetime]]
    waiting: list[Delegate]


class VipTab(_Live):
    """VIPs arrived (with the time) and not yet arrived, for the protocol staff."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.arrived_title = QLabel()
        self.arrived_title.setObjectName("vipTitle")
        self.waiting_title = QLabel()
        self.waiting_title.setObjectName("vipTitle")
        self.arrived = QListWidget()
        self.arrived.setObjectName("vipArrived")
        self.waiting = QListWidget()
        self.waiting.setObjectName("vipWaiting")
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self.arrived_title)
        left.addWidget(self.arrived, 1)
        right.addWidget(self.waiting_title)
        right.addWidget(self.waiting, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)

    def gather(self) -> VipList:
        store = self.context.app.store
        vips = {c.id for c in store.roster.categories() if c.vip}
        times = {
            row[0]: datetime.fromisoformat(row[1])
            for row in store.query(
                "SELECT delegate_id, at FROM admissions WHERE gate = ? AND rehearsal = ?",
                (ENTRANCE, int(store.rehearsal)),
            )
        }
        people = [d for d in store.roster.iter_delegates() if d.category in vips and d.active]
        arrived = sorted(
            ((d, times[d.id]) for d in people if d.id in times), key=lambda p: p[1], reverse=True
        )
        waiting = sorted((d for d in people if d.id not in times), key=lambda d: d.name)
        return VipList(arrived, waiting)

    def draw(self, data: VipList) -> None:
        tz = ZoneInfo(self.context.app.service.event.timezone)
        categories = {c.id: c for c in self.context.app.store.roster.categories()}
        self.arrived_title.setText(
            translate("AdminStats", "VIPs arrived (%1)").replace("%1", str(len(data.arrived)))
        )
        self.waiting_title.setText(
            translate("AdminStats", "VIPs not yet arrived (%1)").replace("%1", str(len(data.waiting)))
        )
        self.arrived.clear()
        for delegate, at in data.arrived:
            self.arrived.addItem(f"{at.astimezone(tz):%H:%M}  {self._line(delegate, categories)}")
        self.waiting.clear()
        for delegate in data.waiting:
            self.waiting.addItem(self._line(delegate, categories))
        for widget in (self.arrived, self.waiting):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def _line(self, delegate: Delegate, categories: dict[str, Any]) -> str:
        category = categories.get(delegate.category)
        parts = [
            delegate.name,
            delegate.title,
            delegate.organization,
            category.name(self.language) if category else "",
        ]
        return " · ".join(p for p in parts if p)
