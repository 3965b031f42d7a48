"""The desk's notice of the self-service kiosks' calls: a guest pressed Help, or typed wrong
phone digits. One line per call, in the operator's language, naming the kiosk and the time,
never the guest; "On my way" acknowledges it. The calls come from ``kiosk.app.kiosk_calls``,
read off the UI thread every few seconds (other kiosks' entries arrive by sync).
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.app.guest import desk_number
from kiosk.app.kiosk_calls import KioskCall, KioskCalls
from kiosk.errors import KioskError
from kiosk.model import Action
from ui.bridge import AppContext

POLL_MS = 3000
translate = QCoreApplication.translate


def kiosk_name(desk: str) -> str:
    """kiosk-3 -> "Kiosk 3", desk-1 -> "Desk 1", in the operator's language; else the id."""
    number = desk_number(desk)
    if number is None:
        return desk
    if desk.lower().startswith("kiosk"):
        return translate("KioskCalls", "Kiosk %1").replace("%1", number)
    return translate("KioskCalls", "Desk %1").replace("%1", number)


def call_text(call: KioskCall, tz: ZoneInfo) -> str:
    when = call.at.astimezone(tz).strftime("%H:%M")
    if call.kind is Action.HELP_CALL:
        text = translate("KioskCalls", "A guest at %1 asks for help (%2)")
    else:
        text = translate("KioskCalls", "Wrong phone digits at %1 (%2, %3 tries): the guest may need help")
    return text.replace("%1", kiosk_name(call.desk)).replace("%2", when).replace("%3", str(call.count))


class KioskCallsNotice(QFrame):
    """The waiting calls, newest last; hidden when there are none."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("kioskCalls")
        self.calls = KioskCalls(context.app.store.journal, context.app.service.clock)
        self.lines: list[tuple[KioskCall, QLabel, QPushButton]] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(10, 6, 10, 6)
        self._rows = QWidget()
        self._layout.addWidget(self._rows)
        self._busy = False
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.hide()
        self.refresh()

    def refresh(self) -> None:
        """Look for new calls off the UI thread (one look at a time)."""
        if self._busy:
            return
        self._busy = True
        if (
            self.context.run_in_background(self.calls.poll, on_done=self._polled, on_error=self._failed)
            is None
        ):
            self._busy = False

    def _failed(self, error: BaseException) -> None:
        self._busy = False

    def _polled(self, calls: list[KioskCall]) -> None:
        self._busy = False
        self._show(calls)

    def _show(self, calls: list[KioskCall]) -> None:
        try:
            tz = ZoneInfo(self.context.app.service.event.timezone)
        except KioskError:
            tz = ZoneInfo("UTC")
        rows = QWidget()
        column = QVBoxLayout(rows)
        column.setContentsMargins(0, 0, 0, 0)
        self.lines = []
        for call in calls:
            label = QLabel(call_text(call, tz))
            label.setObjectName("kioskCallText")
            label.setWordWrap(True)
            button = QPushButton(translate("KioskCalls", "On my way"))
            button.setObjectName("kioskCallAck")
            button.clicked.connect(lambda _=False, c=call: self.acknowledge(c))
            row = QHBoxLayout()
            row.addWidget(label, 1)
            row.addWidget(button)
            column.addLayout(row)
            self.lines.append((call, label, button))
        self._layout.replaceWidget(self._rows, rows)
        self._rows.deleteLater()
        self._rows = rows
        self.setVisible(bool(calls))

    def acknowledge(self, call: KioskCall) -> None:
        self.calls.acknowledge(call)
        self._show(self.calls.waiting())

    def retranslate(self) -> None:
        self._show(self.calls.waiting())
