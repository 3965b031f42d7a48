"""A forum door: scan only; big green/red; re-entry shown as such; the room count against capacity.

A direction toggle (the button beside the count, or F2) turns the door around: while it says
"going out", every code is an exit and the room count goes down. The count is the people in
the room (entries − exits, as every desk and the hub count it), beside everyone admitted today.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk.app.desk import guidance
from kiosk.app.flow import FlowChange, Mode, State
from kiosk.model import Decision
from kiosk.occupancy import GateCount
from kiosk.rules import RETURNED
from kiosk.store import Store
from ui.bridge import AppContext
from ui.door.actions import DoorActions
from ui.door.exits import SLATE, exit_text
from ui.door.guidance import door_guidance
from ui.widgets.camera_view import CameraView
from ui.widgets.outcome_text import GREEN, describe
from ui.widgets.result_panel import ResultPanel, big_font

COUNT_REFRESH_MS = 10_000
COUNT_STYLE = "background: #ECEFF1; border: 2px solid #90A4AE; border-radius: 10px; padding: 4px 16px;"
BUTTON_STYLE = "QPushButton {{ background: {}; color: white; border-radius: 10px; padding: 6px 18px; }}"
IN_STYLE, OUT_STYLE = BUTTON_STYLE.format(GREEN), BUTTON_STYLE.format(SLATE)
OUT_HINT_STYLE = f"color: white; background: {SLATE}; border-radius: 10px; padding: 8px;"


def room_count(store: Store, gate: str) -> GateCount:
    """People admitted at ``gate`` today and in the room now (blocking: call it in the background)."""
    return store.journal.gate_count(gate, store.rehearsal)


class DoorScreen(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.occupancy: int | None = None  # people in the room now
        self.admitted_today: int | None = None
        self.heading = QLabel()
        self.heading.setFont(big_font(self.font(), 26, True))
        self.count = QLabel()
        self.count.setFont(big_font(self.font(), 26, True))
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.count.setStyleSheet(COUNT_STYLE)
        self.today = QLabel()
        self.today.setFont(big_font(self.font(), 16))
        self.today.setAlignment(Qt.AlignmentFlag.AlignCenter)
        counts = QVBoxLayout()
        counts.setSpacing(2)
        counts.addWidget(self.count)
        counts.addWidget(self.today)
        self.direction = QPushButton()
        self.direction.setCheckable(True)  # checked: people going out
        self.direction.setFont(big_font(self.font(), 20, True))
        self.direction.setMinimumSize(260, 72)
        self.direction.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a scanner's Enter must not flip it
        self.direction.toggled.connect(self._on_direction)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.direction.toggle)
        top = QHBoxLayout()
        top.setContentsMargins(24, 12, 24, 12)
        top.addWidget(self.heading, 1)
        top.addSpacing(24)
        top.addLayout(counts)
        top.addSpacing(16)
        top.addWidget(self.direction)
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
        self.bar = DoorActions()
        self.bar.override.connect(self._let_in)
        self.bar.done.connect(self._next_person)
        self.result_page = QWidget()
        result_layout = QVBoxLayout(self.result_page)
        result_layout.setContentsMargins(0, 0, 0, 0)
        result_layout.setSpacing(0)
        result_layout.addWidget(self.result, 1)
        result_layout.addWidget(self.bar)
        for key, slot in ((Qt.Key.Key_F4, self.bar.ask_reason), (Qt.Key.Key_F8, self.bar.call_supervisor),
                          (Qt.Key.Key_Escape, self._next_person)):  # fmt: skip
            QShortcut(QKeySequence(key), self, slot)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.waiting)
        self.pages.addWidget(self.result_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        self._count_timer = QTimer(self, interval=COUNT_REFRESH_MS)  # other doors and desks count too
        self._count_timer.timeout.connect(self.refresh_count)
        self._reset_timer = QTimer(self, singleShot=True)
        self.bar.engaged.connect(self._reset_timer.stop)  # the volunteer is on it: hold the result
        self._reset_timer.timeout.connect(self._on_reset_timeout)
        context.events.decided.connect(self._on_decided)
        context.events.flow_changed.connect(self._on_flow_changed)
        context.events.language_changed.connect(lambda _: self.retranslate())
        self.retranslate()

    @property
    def active(self) -> bool:
        return self.context.app.flow.mode is Mode.DOOR

    @property
    def leaving(self) -> bool:
        return self.direction.isChecked()

    def set_leaving(self, leaving: bool) -> None:
        self.direction.setChecked(leaving)

    def _on_direction(self, leaving: bool) -> None:
        self.context.app.intake.exits = leaving
        self.retranslate()

    def retranslate(self) -> None:
        leaving = self.leaving
        self.hint.setText(
            self.tr("Going out: scan the badge of each person leaving")
            if leaving
            else self.tr("Scan your badge or pass")
        )
        self.hint.setStyleSheet(OUT_HINT_STYLE if leaving else "")
        self.direction.setText(self.tr("◀ Going out (F2)") if leaving else self.tr("▶ Coming in (F2)"))
        self.direction.setStyleSheet(OUT_STYLE if leaving else IN_STYLE)
        self.direction.setToolTip(self.tr("Switch between people coming in and people going out"))
        self.bar.retranslate()
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

    def _on_count(self, count: GateCount) -> None:
        self.occupancy, self.admitted_today = count.inside, count.admitted
        self._show_count()

    def _show_count(self) -> None:
        capacity = self.context.app.service.gate.capacity
        if self.occupancy is None:
            self.count.setText("")
            self.today.setText("")
            return
        self.today.setText(self.tr("Admitted today: %1").replace("%1", str(self.admitted_today or 0)))
        text = self.tr("In the room: %1").replace("%1", str(self.occupancy))
        if capacity:
            text += f" / {capacity}"
            full = self.occupancy >= capacity
            self.count.setStyleSheet(COUNT_STYLE + ("color: white; background: #C62828;" if full else ""))
        self.count.setText(text)

    def _on_flow_changed(self, change: FlowChange) -> None:
        if change.mode is not Mode.DOOR:
            if change.mode_changed:
                self.set_leaving(False)  # the next time this kiosk is a door, it starts letting people in
            return
        if change.state is State.IDLE:
            self.pages.setCurrentWidget(self.waiting)
            if change.transition == "enter_mode":
                self.retranslate()
                self.refresh_count()

    def _show_actions(self, decision: Decision) -> None:
        app, now = self.context.app, self.context.app.service.clock.now()
        facts = guidance(app.store, decision, app.service.forums, now)
        line = door_guidance(decision, facts, app.service.event.timezone, now, self.context.language[:2])
        self.bar.supervisor = self.context.app.settings.supervisor_contact
        self.bar.show_for(decision, line)

    def _let_in(self, code: str, reason: str) -> None:
        """The volunteer lets a refused person in anyway: an override, journalled with the reason."""
        self.context.run_in_background(
            self.context.app.service.override, code, reason,
            on_error=lambda exc: self.bar.failed(self.tr("Could not let them in: %1").replace("%1", str(exc))),
        )  # fmt: skip

    def _next_person(self) -> None:
        if self.active and self.context.app.flow.state is State.RESULT:
            self.context.app.flow.fire("reset", "volunteer went on to the next person")

    def _on_reset_timeout(self) -> None:
        if self.active and self.context.app.flow.state is State.RESULT:
            self.context.app.flow.fire("reset", "door result shown long enough")

    def _on_decided(self, decision: Decision) -> None:
        if not self.active or not self.context.app.flow.can("decide"):
            return
        self.context.app.flow.fire("decide", f"outcome {decision.outcome}", outcome=str(decision.outcome))
        if decision.exit and decision.admitted:
            self.result.show_result(exit_text(decision, self.context))
        else:
            self.result.show_result(describe(decision, self.context, self.context.language))
        if decision.admitted and decision.reentry:
            self.result.set_status(
                self.tr("Re-entry: back in the room")
                if RETURNED in decision.flags
                else self.tr("Re-entry: already counted in the room")
            )
        self._show_actions(decision)
        self.pages.setCurrentWidget(self.result_page)
        if decision.occupancy is not None:
            self.occupancy = decision.occupancy
            if decision.admitted_today is not None:
                self.admitted_today = decision.admitted_today
            self._show_count()
        self.context.sounds.play_for(decision)
        self._reset_timer.start(max(2, self.context.app.settings.reset_seconds // 2) * 1000)
