"""The desk's status strip: printer, sync with the hub, today's counters here, the operator.

Printer: ready / printing / paper out / offline / stuck, with the passes waiting. Sync: last
contact and the check-ins still to go up, or "not syncing". Counters: what this desk admitted,
refused, registered and overrode today. Operator: the volunteer's name, typed once, journalled
with every entry. Everything is read in the background; the strip only shows the answers.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QWidget

from kiosk.app.desk import DeskCounts, desk_counts
from kiosk.printing.queue import PrinterState
from kiosk.sync.worker import SyncState
from ui.bridge import AppContext

translate = QCoreApplication.translate
REFRESH_MS = 5000
COLOURS = {"ok": "#2E7D32", "warn": "#C25E00", "bad": "#C62828", "off": "#607D8B"}


@dataclass(frozen=True, slots=True)
class Reading:
    counts: DeskCounts
    sync: SyncState | None


def printer_words(state: PrinterState | None) -> tuple[str, str]:
    """(text, colour key) for the printer part."""
    if state is None:
        return translate("DeskStatus", "Printer: none at this desk"), "off"
    waiting = translate("DeskStatus", "%1 waiting").replace("%1", str(state.waiting))
    if state.status == "offline" and state.paper_out:
        return translate("DeskStatus", "Printer: paper out") + f" · {waiting}", "bad"
    words = {
        "ready": (translate("DeskStatus", "Printer: ready"), "ok"),
        "printing": (translate("DeskStatus", "Printer: printing"), "ok"),
        "offline": (translate("DeskStatus", "Printer: offline"), "bad"),
        "stuck": (translate("DeskStatus", "Printer: not moving"), "warn"),
    }.get(state.status, (translate("DeskStatus", "Printer: offline"), "bad"))
    return f"{words[0]} · {waiting}", words[1]


def sync_words(state: SyncState | None, now: datetime) -> tuple[str, str]:
    if state is None:
        return translate("DeskStatus", "Hub: not syncing"), "off"
    backlog = translate("DeskStatus", "%1 to send").replace("%1", str(state.backlog))
    if state.last_sync is None:
        return translate("DeskStatus", "Hub: never reached") + f" · {backlog}", "bad"
    seconds = max(0, int((now - state.last_sync).total_seconds()))
    ago = (
        translate("DeskStatus", "%1 s ago").replace("%1", str(seconds))
        if seconds < 120
        else translate("DeskStatus", "%1 min ago").replace("%1", str(seconds // 60))
    )
    colour = "ok" if state.connected and not state.backlog else ("warn" if state.connected else "bad")
    return translate("DeskStatus", "Hub: last contact %1").replace("%1", ago) + f" · {backlog}", colour


def counts_words(counts: DeskCounts) -> str:
    return (
        translate("DeskStatus", "Today here: %1 in · %2 refused · %3 walk-ins · %4 overrides")
        .replace("%1", str(counts.admitted)).replace("%2", str(counts.refused))
        .replace("%3", str(counts.walkins)).replace("%4", str(counts.overrides))
    )  # fmt: skip


class StatusStrip(QFrame):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("deskStatus")
        self.printer = QLabel()
        self.sync = QLabel()
        self.counts = QLabel()
        self.operator_label = QLabel()
        self.operator = QLineEdit(context.app.settings.operator)
        self.operator.setObjectName("deskOperator")
        self.operator.editingFinished.connect(self._on_operator)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.setSpacing(18)
        for label in (self.printer, self.sync, self.counts):
            label.setObjectName("statusPart")
            layout.addWidget(label)
        layout.addStretch(1)
        layout.addWidget(self.operator_label)
        layout.addWidget(self.operator)
        self.printer_state: PrinterState | None = None
        self.reading: Reading | None = None
        context.events.printer_state.connect(self.show_printer)
        context.events.decided.connect(lambda _decision: self.refresh())
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        if context.printer is not None:
            self.printer_state = context.printer.last_state
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.operator_label.setText(translate("DeskStatus", "Operator:"))
        self.operator.setPlaceholderText(translate("DeskStatus", "your name"))
        self.show_printer(self.printer_state)
        if self.reading is not None:
            self.show_reading(self.reading)

    def _paint(self, label: QLabel, text: str, colour: str) -> None:
        label.setText(text)
        label.setStyleSheet(f"color: {COLOURS[colour]}; font-weight: bold;")

    def show_printer(self, state: PrinterState | None) -> None:
        self.printer_state = state
        if self.context.app.print_queue is None:
            state = None
        self._paint(self.printer, *printer_words(state))

    def refresh(self) -> None:
        self.context.run_in_background(self.read, on_done=self.show_reading)

    def read(self) -> Reading:
        app = self.context.app
        tz = ZoneInfo(app.service.event.timezone)
        counts = desk_counts(app.store, app.service.desk, app.service.clock.now(), tz)
        return Reading(counts, app.sync_worker.state() if app.sync_worker is not None else None)

    def show_reading(self, reading: Reading) -> None:
        self.reading = reading
        self._paint(self.sync, *sync_words(reading.sync, datetime.now(UTC)))
        self.counts.setText(counts_words(reading.counts))
        self.counts.setStyleSheet("color: #263238;")

    def _on_operator(self) -> None:
        name = " ".join(self.operator.text().split())[:80]
        if name != self.context.app.settings.operator:
            self.context.run_in_background(functools.partial(self.context.app.update_settings, operator=name))
