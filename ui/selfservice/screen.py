"""Self-service: the attract screen with the live camera, the result, "No QR code?", auto reset.

The screen follows the flow (``context.app.flow``): it shows the page for the flow's state and
fires transitions for what the guest does. Business state stays in the flow and the services.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk.app.flow import FlowChange, Mode, State
from kiosk.app.intake import CodeSource
from kiosk.model import Decision, Delegate
from ui.bridge import AppContext
from ui.selfservice.search import ConfirmPage, SearchPage, phone_tail_matches
from ui.widgets.camera_view import CameraView
from ui.widgets.outcome_text import AMBER, ResultText, describe, display_name
from ui.widgets.result_panel import ResultPanel, big_font

log = logging.getLogger(__name__)
IDLE_TIMEOUT_MS = 45_000  # search/confirm left alone: back to the attract screen
AT_DESK = str(QT_TRANSLATE_NOOP("SelfService", "Your pass will be printed at the help desk"))
TAKE_PASS = str(QT_TRANSLATE_NOOP("SelfService", "Please take your pass below ↓"))


class AttractPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 20, 40, 24)
        layout.setSpacing(10)
        self.event_name = QLabel()
        self.event_name.setFont(big_font(self.font(), 18))
        self.event_name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.camera = CameraView(context)
        self.headline = QLabel()
        self.headline.setFont(big_font(self.font(), 40, True))
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subline = QLabel()
        self.subline.setFont(big_font(self.font(), 26))
        self.subline.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_code = QPushButton()
        self.no_code.setFont(big_font(self.font(), 22, True))
        self.no_code.setMinimumHeight(72)
        self.no_code.setObjectName("secondary")
        layout.addWidget(self.event_name)
        layout.addWidget(self.camera, 1)
        layout.addWidget(self.headline)
        layout.addWidget(self.subline)
        layout.addWidget(self.no_code)

    def retranslate(self) -> None:
        ctx = self.context
        other = "en" if ctx.language == "zh_CN" else "zh_CN"
        source = QCoreApplication.translate("SelfService", "Please show your QR code to the camera")
        self.headline.setText(source)
        self.subline.setText(ctx.guest_text(other, "SelfService", "Please show your QR code to the camera"))
        self.no_code.setText(QCoreApplication.translate("SelfService", "No QR code? Find your name"))
        try:
            event = ctx.app.service.event
            self.event_name.setText(f"{event.name_zh}  ·  {event.name_en}")
        except Exception:  # noqa: BLE001 - no event imported yet
            self.event_name.setText(QCoreApplication.translate("SelfService", "No event loaded"))


class SelfServiceScreen(QWidget):
    """The guest-facing screen. ``context.app.flow`` in mode selfservice drives it."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.pages = QStackedWidget(self)
        self.attract = AttractPage(context)
        self.result = ResultPanel()
        self.search = SearchPage(context)
        self.confirm = ConfirmPage()
        for page in (self.attract, self.result, self.search, self.confirm):
            self.pages.addWidget(page)
        self.held = QPushButton(self)  # a badge shown while the guest types: show it only if asked
        self.held.setObjectName("secondary")
        self.held.setMinimumHeight(64)
        self.held.setFont(big_font(self.font(), 20, bold=True))
        self.held.hide()
        self.held.clicked.connect(self._on_show_held)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.held)
        layout.addWidget(self.pages)
        self.candidate: Delegate | None = None
        self.last_decision: Decision | None = None
        self._reset_timer = QTimer(self, singleShot=True)
        self._reset_timer.timeout.connect(lambda: self._reset("result shown long enough"))
        self._idle_timer = QTimer(self, singleShot=True, interval=IDLE_TIMEOUT_MS)
        self._idle_timer.timeout.connect(lambda: self._reset("guest left the search"))
        self.attract.no_code.clicked.connect(self._on_no_code)
        self.search.picked.connect(self._on_picked)
        self.search.cancelled.connect(lambda: self._reset("guest went back"))
        self.confirm.confirmed.connect(self._on_confirm_digits)
        self.confirm.cancelled.connect(self._on_no_code)
        context.events.decided.connect(self._on_decided)
        context.events.code_held.connect(self._on_code_held)
        context.events.flow_changed.connect(self._on_flow_changed)
        context.events.printer_state.connect(self._on_printer_state)
        context.events.language_changed.connect(lambda _: self.retranslate())
        self.retranslate()

    @property
    def active(self) -> bool:
        return self.context.app.flow.mode is Mode.SELFSERVICE

    def retranslate(self) -> None:
        self.held.setText(self.tr("A badge was just scanned: tap here to show its result"))
        self.attract.retranslate()
        self.search.retranslate()
        self.confirm.retranslate()

    # -- flow ---------------------------------------------------------------------------------

    def _reset(self, reason: str) -> None:
        if self.active and self.context.app.flow.state is not State.PIN:
            self.context.app.flow.fire("reset", reason)

    def _on_flow_changed(self, change: FlowChange) -> None:
        if change.mode is not Mode.SELFSERVICE:
            return
        self._idle_timer.stop()
        if change.state is State.IDLE:
            self._reset_timer.stop()
            self.search.clear()
            self.candidate = None
            self.pages.setCurrentWidget(self.attract)
        elif change.state is State.SEARCH:
            self._reset_timer.stop()
            self._idle_timer.start()
            self.pages.setCurrentWidget(self.search)
        elif change.state is State.CONFIRM:
            self._idle_timer.start()
            assert self.candidate is not None
            self.confirm.ask(display_name(self.candidate, self.context.language), self.context.app.flow.tries_left,
                             change.transition == "confirm_failed")  # fmt: skip
            self.pages.setCurrentWidget(self.confirm)
        elif change.state is State.SEND_TO_DESK:
            text = ResultText(self.tr("Please go to the help desk"),
                              self.tr("A volunteer will find your registration and print your pass."), (), AMBER,
                              self.context.language)  # fmt: skip
            self.result.show_result(text)
            self.pages.setCurrentWidget(self.result)
            self._reset_timer.start(self.context.app.settings.reset_seconds * 1000)

    def _on_code_held(self, held: bool) -> None:
        self.held.setVisible(held and self.active)

    def _on_show_held(self) -> None:
        self.held.hide()
        self.context.app.intake.release_held()

    # -- guest actions ------------------------------------------------------------------------

    def _on_no_code(self) -> None:
        if self.active and self.context.app.flow.can("search"):
            self.context.app.flow.fire("search", "guest has no QR code")

    def _on_picked(self, delegate: Delegate) -> None:
        self.candidate = delegate
        self.context.app.flow.fire("pick", "guest picked a name from the search")

    def _on_confirm_digits(self, digits: str) -> None:
        candidate = self.candidate
        if candidate is None or self.context.app.flow.state is not State.CONFIRM:
            return
        if phone_tail_matches(candidate, digits):
            self.context.app.intake.submit(candidate.code, CodeSource.SEARCH)
        else:
            self.context.app.flow.confirm_failed("phone digits do not match")

    # -- decisions ----------------------------------------------------------------------------

    def _on_decided(self, decision: Decision) -> None:
        if not self.active or not self.context.app.flow.can("decide"):
            return
        self.last_decision = decision
        self._idle_timer.stop()
        self.context.app.flow.fire("decide", f"outcome {decision.outcome}", outcome=str(decision.outcome))
        self.result.show_result(describe(decision, self.context))
        self.pages.setCurrentWidget(self.result)
        self.context.sounds.play_for(decision)
        if self.context.app.passes.wants(decision):
            self.context.app.flow.fire("print", "pass queued")
            self._show_print_status()
        self._reset_timer.start(self.context.app.settings.reset_seconds * 1000)

    def _show_print_status(self) -> None:
        printer = self.context.printer
        lang = self.result_language()
        if printer is not None and printer.printer_down:
            text = self.context.guest_text(lang, "SelfService", AT_DESK)
        else:
            text = self.context.guest_text(lang, "SelfService", TAKE_PASS)
        self.result.set_status(text)

    def result_language(self) -> str:
        from ui.widgets.outcome_text import guest_language

        return (
            guest_language(self.last_decision, self.context.language)
            if self.last_decision
            else self.context.language
        )

    def _on_printer_state(self, state: Any) -> None:
        if self.active and self.context.app.flow.state is State.PRINTING:
            self._show_print_status()
