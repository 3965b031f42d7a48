"""A forum door: scan only; big green/red; re-entry shown as such; the room count against capacity."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from kiosk.app.flow import FlowChange, Mode, State
from kiosk.model import Decision
from ui.bridge import AppContext
from ui.widgets.camera_view import CameraView
from ui.widgets.outcome_text import describe
from ui.widgets.result_panel import ResultPanel, big_font

COUNT_REFRESH_MS = 10_000
COUNT_STYLE = "background: #ECEFF1; border: 2px solid #90A4AE; border-radius: 10px; padding: 4px 16px;"


def room_count(store: Any, gate: str) -> int:
    """Distinct delegates admitted at ``gate`` (blocking: call it in the background)."""
    row = store.query_one("SELECT COUNT(*) FROM admissions WHERE gate = ? AND rehearsal = ?",
                          (gate, int(store.rehearsal)))  # fmt: skip
    return int(row[0]) if row else 0


class DoorScreen(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.occupancy: int | None = None
        self.heading = QLabel()
        self.heading.setFont(big_font(self.font(), 26, True))
        self.count = QLabel()
        self.count.setFont(big_font(self.font(), 26, True))
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count.setStyleSheet(COUNT_STYLE)
        top = QHBoxLayout()
        top.setContentsMargins(24, 12, 24, 12)
        top.addWidget(self.heading, 1)
        top.addSpacing(24)
        top.addWidget(self.count)
        self.waiting = QWidget()
        waiting_layout = QVBoxLayout(self.waiting)
        waiting_layout.setContentsMargins(10, 0, 10, 24)
        self.camera = CameraView(context)
        self.hint = QLabel()
        self.hint.setFont(big_font(self.font(), 30, True))
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        waiting_layout.addWidget(self.camera, 1)
        waiting_layout.addWidget(self.hint)
        self.result = ResultPanel(scale=1.2)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.waiting)
        self.pages.addWidget(self.result)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        self._count_timer = QTimer(self, interval=COUNT_REFRESH_MS)  # other doors and desks count too
        self._count_timer.timeout.connect(self.refresh_count)
        self._reset_timer = QTimer(self, singleShot=True)
        self._reset_timer.timeout.connect(self._on_reset_timeout)
        context.events.decided.connect(self._on_decided)
        context.events.flow_changed.connect(self._on_flow_changed)
        context.events.language_changed.connect(lambda _: self.retranslate())
        self.retranslate()

    @property
    def active(self) -> bool:
        return self.context.app.flow.mode is Mode.DOOR

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Scan your badge or pass"))
        lang = self.context.language[:2]
        gate = self.context.app.service.gate.id
        forum = self.context.app.service.forums.get(gate)
        name = forum.name(lang) if forum else self.tr("Main entrance")
        hall = f" · {forum.hall}" if forum and forum.hall else ""
        self.heading.setText(f"{name}{hall}")
        self._show_count()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self.retranslate()
        self.refresh_count()
        self._count_timer.start()
        super().showEvent(event)

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self._count_timer.stop()
        super().hideEvent(event)

    def refresh_count(self) -> None:
        gate = self.context.app.service.gate.id
        self.context.run_in_background(room_count, self.context.app.store, gate, on_done=self._on_count)

    def _on_count(self, count: int) -> None:
        self.occupancy = count
        self._show_count()

    def _show_count(self) -> None:
        capacity = self.context.app.service.gate.capacity
        if self.occupancy is None:
            self.count.setText("")
            return
        text = self.tr("In the room: %1").replace("%1", str(self.occupancy))
        if capacity:
            text += f" / {capacity}"
            full = self.occupancy >= capacity
            self.count.setStyleSheet(COUNT_STYLE + ("color: white; background: #C62828;" if full else ""))
        self.count.setText(text)

    def _on_flow_changed(self, change: FlowChange) -> None:
        if change.mode is not Mode.DOOR:
            return
        if change.state is State.IDLE:
            self.pages.setCurrentWidget(self.waiting)
            if change.transition == "enter_mode":
                self.retranslate()
                self.refresh_count()

    def _on_reset_timeout(self) -> None:
        if self.active and self.context.app.flow.state is State.RESULT:
            self.context.app.flow.fire("reset", "door result shown long enough")

    def _on_decided(self, decision: Decision) -> None:
        if not self.active or not self.context.app.flow.can("decide"):
            return
        self.context.app.flow.fire("decide", f"outcome {decision.outcome}", outcome=str(decision.outcome))
        text = describe(decision, self.context, self.context.language)
        self.result.show_result(text)
        if decision.admitted and decision.reentry:
            self.result.set_status(self.tr("Re-entry: already counted in the room"))
        self.pages.setCurrentWidget(self.result)
        if decision.occupancy is not None:
            self.occupancy = decision.occupancy
            self._show_count()
        self.context.sounds.play_for(decision)
        self._reset_timer.start(max(2, self.context.app.settings.reset_seconds // 2) * 1000)
