"""Self-service: the attract screen with the live camera, the result, "No QR code?", auto reset.

The screen follows the flow (``context.app.flow``): it shows the page for the flow's state and
fires transitions for what the guest does. Business state stays in the app: the guest's first
language (``app.guest``), the phone tries (``app.phone``), how long a result stays
(``kiosk.app.guest.result_seconds``). Every guest-facing text is in both languages.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer
from PySide6.QtWidgets import QPushButton, QStackedWidget, QVBoxLayout, QWidget

from kiosk.app.flow import FlowChange, Mode, State
from kiosk.app.guest import Look, call_help, look, result_seconds
from kiosk.app.intake import CodeSource
from kiosk.model import Decision, Delegate
from kiosk.names import latin_name
from kiosk.search import mask_latin, mask_name
from ui.bridge import AppContext
from ui.selfservice.attract import AttractPage
from ui.selfservice.facts import desk_text
from ui.selfservice.result_text import guest_result, send_to_desk
from ui.selfservice.scan_prompt import SpokenScanPrompt
from ui.selfservice.search import ConfirmPage, SearchPage
from ui.widgets.bilingual import PairButton, fit_text, text_basis
from ui.widgets.result_panel import ResultPanel

log = logging.getLogger(__name__)
CONTEXT = "SelfService"
IDLE_TIMEOUT_MS = 45_000  # search/confirm left alone: back to the attract screen
AT_DESK = str(QT_TRANSLATE_NOOP("SelfService", "Your pass will be printed at the help desk"))
TAKE_PASS = str(QT_TRANSLATE_NOOP("SelfService", "Please take your pass below ↓"))
HELD = str(QT_TRANSLATE_NOOP("SelfService", "A badge was just scanned: tap here to show its result"))
OK = str(QT_TRANSLATE_NOOP("SelfService", "OK"))
LANGUAGE_TOGGLE = "中文 / EN"
HELP_CALLED = str(
    QT_TRANSLATE_NOOP("SelfService", "A volunteer has been called to this kiosk (%1). Please wait here.")
)
HELP_SHOWN_MS = 20_000
LARGE_TEXT_SCALE = 1.3
HIGH_CONTRAST_STYLE = (
    "SelfServiceScreen, AttractPage, SearchPage, ConfirmPage { background: black; }"
    " QLabel { color: white; } QPushButton { background: #FFD600; color: black; border: 3px solid white; }"
)


class SelfServiceScreen(QWidget):
    """The guest-facing screen. ``context.app.flow`` in mode selfservice drives it."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.pages = QStackedWidget(self)
        self.attract = AttractPage(context)
        self.result = ResultPanel()
        self.search = SearchPage(context)
        self.confirm = ConfirmPage(context)
        for page in (self.attract, self.result, self.search, self.confirm):
            self.pages.addWidget(page)
        self.language_toggle = QPushButton(LANGUAGE_TOGGLE)
        self.language_toggle.setObjectName("languageToggle")
        self.language_toggle.setAccessibleName("中文 / English: switch the language / 切换语言")
        self.language_toggle.clicked.connect(self._on_toggle_language)
        self.held = PairButton(0.022)  # a badge shown while the guest types: show it only if asked
        self.held.setObjectName("secondary")
        self.held.hide()
        self.held.clicked.connect(self._on_show_held)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.pages, 1)
        for floating in (self.held, self.language_toggle):  # above every page, in its top band
            floating.setParent(self)
            floating.raise_()
        self.candidate: Delegate | None = None
        self.last_decision: Decision | None = None
        self.dismiss_timer = QTimer(self, singleShot=True)
        self.dismiss_timer.timeout.connect(lambda: self._reset("result shown long enough"))
        self._idle_timer = QTimer(self, singleShot=True, interval=IDLE_TIMEOUT_MS)
        self._idle_timer.timeout.connect(lambda: self._reset("guest left the search"))
        self.attract.no_code.clicked.connect(self._on_no_code)
        self.attract.help.clicked.connect(self._on_help)
        self.attract.large_text.toggled.connect(lambda _: self.fit())
        self.attract.high_contrast.toggled.connect(self._on_high_contrast)
        self._help_timer = QTimer(self, singleShot=True, interval=HELP_SHOWN_MS)
        self._help_timer.timeout.connect(self.retranslate)
        self.search.picked.connect(self._on_picked)
        self.search.cancelled.connect(lambda: self._reset("guest went back"))
        self.confirm.confirmed.connect(self._on_confirm_digits)
        self.confirm.cancelled.connect(self._on_no_code)
        self.result.tapped.connect(self._on_result_tapped)
        context.events.decided.connect(self._on_decided)
        context.events.code_held.connect(self._on_code_held)
        context.events.flow_changed.connect(self._on_flow_changed)
        context.events.printer_state.connect(self._on_printer_state)
        context.events.language_changed.connect(lambda _: self.retranslate())
        self.scan_prompt = SpokenScanPrompt(context, self, lambda: self.first)  # said when someone waits
        self.retranslate()

    @property
    def active(self) -> bool:
        return self.context.app.flow.mode is Mode.SELFSERVICE

    @property
    def first(self) -> str:
        return self.context.app.guest.first

    @property
    def second(self) -> str:
        return self.context.app.guest.second

    def pair(self, source: str) -> tuple[str, str]:
        return (self.context.guest_text(self.first, CONTEXT, source),
                self.context.guest_text(self.second, CONTEXT, source))  # fmt: skip

    def retranslate(self) -> None:
        """Every text again, in the guest's first language with the other beneath."""
        first, second = self.first, self.second
        self.held.set_pair("  ·  ".join(self.pair(HELD)))  # one line: it sits in the top band
        self.attract.retranslate(first, second)
        self.search.retranslate(first, second)
        self.confirm.retranslate(first, second)
        if self.pages.currentWidget() is self.result:
            self._show_current_result()
        self.fit()

    def fit(self) -> None:
        window = self.window() or self
        scale = LARGE_TEXT_SCALE if self.attract.large_text.isChecked() else 1.0
        height = int(text_basis(window.width(), window.height()) * scale)
        fit_text(self, height)
        self.result.fit(height)
        self.search.fit(height)
        self.confirm.fit(height)
        font = self.language_toggle.font()
        font.setPixelSize(max(12, int(0.03 * height)))
        font.setBold(True)
        self.language_toggle.setFont(font)
        self.language_toggle.setFixedSize(int(0.2 * height), int(0.065 * height))
        band = self.language_toggle.height() + 16  # the top band the floating buttons sit in
        for page in (self.attract, self.search, self.confirm):
            layout = page.layout()
            assert layout is not None
            margins = layout.contentsMargins()
            layout.setContentsMargins(margins.left(), band, margins.right(), margins.bottom())
        self.language_toggle.move(self.width() - self.language_toggle.width() - 12, 8)
        self.held.setFixedSize(
            max(200, self.width() - self.language_toggle.width() - 48), self.language_toggle.height()
        )
        self.held.move(12, 8)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit()

    # -- flow ---------------------------------------------------------------------------------

    def _reset(self, reason: str) -> None:
        if self.active and self.context.app.flow.state is not State.PIN:
            self.context.app.flow.fire("reset", reason)

    def _on_flow_changed(self, change: FlowChange) -> None:
        if change.mode is not Mode.SELFSERVICE:
            return
        self._idle_timer.stop()
        if change.state is State.IDLE:
            self.dismiss_timer.stop()
            if change.previous is not State.IDLE:  # the next guest: the usual text and colours
                self.attract.large_text.setChecked(False)
                self.attract.high_contrast.setChecked(False)
            self.search.clear()
            self.candidate = None
            self.last_decision = None
            self.retranslate()  # the next guest: the kiosk's language first again
            self.pages.setCurrentWidget(self.attract)
        elif change.state is State.SEARCH:
            self.dismiss_timer.stop()
            self._idle_timer.start()
            self.pages.setCurrentWidget(self.search)
        elif change.state is State.CONFIRM:
            self._idle_timer.start()
            candidate = self.candidate
            assert candidate is not None
            tries = change.data.get("tries_left", self.context.app.phone.tries_left(candidate.id))
            self.confirm.ask(mask_name(candidate.name), mask_latin(latin_name(candidate.name, candidate.name_en)),
                             tries, change.transition == "confirm_failed")  # fmt: skip
            self.pages.setCurrentWidget(self.confirm)
        elif change.state is State.SEND_TO_DESK:
            self.last_decision = None
            self._show_current_result()
            self.pages.setCurrentWidget(self.result)
            self._start_dismiss(None)

    def _show_current_result(self) -> None:
        decision = self.last_decision
        if decision is None:
            self.result.show_result(send_to_desk(self.context, self.first, self.second))
        else:
            reprinted = self.context.app.passes.self_reprints(decision)
            self.result.show_result(guest_result(decision, self.context, self.first, self.second, reprinted))
            if self.context.app.flow.state is State.PRINTING:
                self._show_print_status()
        if decision is None or look(decision) is not Look.WELCOME:
            self.result.show_ok(*self.pair(OK))
        else:
            self.result.hide_ok()

    def _start_dismiss(self, decision: Decision | None) -> None:
        seconds = result_seconds(decision, self.context.app.settings.reset_seconds)
        self.dismiss_timer.start(seconds * 1000)

    def _on_result_tapped(self) -> None:
        if self.active and self.context.app.flow.state in (State.RESULT, State.PRINTING, State.SEND_TO_DESK):
            self._reset("guest tapped the result")

    def _on_code_held(self, held: bool) -> None:
        self.held.setVisible(held and self.active)

    def _on_show_held(self) -> None:
        self.held.hide()
        self.context.app.intake.release_held()

    def _on_toggle_language(self) -> None:
        self.context.app.guest.toggle()
        log.info("guest switched the screen to %s first", self.first)
        self.retranslate()

    # -- guest actions ------------------------------------------------------------------------

    def _on_help(self) -> None:
        """Journal the call (it reaches the desks with this kiosk's name) and say so."""
        app = self.context.app
        self.context.run_in_background(call_help, app.service)
        desk = app.service.desk
        self.attract.headline.set_pair(*(self.context.guest_text(lang, CONTEXT, HELP_CALLED)
                                         .replace("%1", desk_text(self.context, lang, desk)) for lang in (self.first, self.second)))  # fmt: skip
        self._help_timer.start()

    def _on_high_contrast(self, on: bool) -> None:
        self.setStyleSheet(HIGH_CONTRAST_STYLE if on else "")
        self.result.setStyleSheet("")  # the outcome keeps its colour

    def _on_no_code(self) -> None:
        if self.active and self.context.app.flow.can("search"):
            self.context.app.flow.fire("search", "guest has no QR code")

    def _on_picked(self, delegate: Delegate) -> None:
        self.candidate = delegate
        if self.context.app.phone.tries_left(delegate.id) == 0:
            self.context.app.flow.fire("give_up", "phone digits locked for this delegate")
            return
        self.context.app.flow.fire("pick", "guest picked a name from the search")

    def _on_confirm_digits(self, digits: str) -> None:
        candidate = self.candidate
        if candidate is None or self.context.app.flow.state is not State.CONFIRM:
            return
        check = self.context.app.phone.check(candidate, digits)
        if check.ok:
            self.context.app.intake.submit(candidate.code, CodeSource.SEARCH)
        else:
            self.context.app.flow.confirm_failed("phone digits do not match", check.tries_left)

    # -- decisions ----------------------------------------------------------------------------

    def _on_decided(self, decision: Decision) -> None:
        if not self.active or not self.context.app.flow.can("decide"):
            return
        self.last_decision = decision
        self._idle_timer.stop()
        self.context.app.guest.follow(decision)
        self.context.app.flow.fire("decide", f"outcome {decision.outcome}", outcome=str(decision.outcome))
        passes = self.context.app.passes
        if passes.wants(decision):
            self.context.app.flow.fire("print", "pass queued")
        elif passes.self_reprints(decision):
            self.context.app.flow.fire("print", "pass reprinted on a re-scan")
        self.retranslate()  # the delegate's language first, on every text
        self._show_current_result()
        self.pages.setCurrentWidget(self.result)
        self.context.sounds.play_for(decision)
        self._start_dismiss(decision)

    def _show_print_status(self) -> None:
        printer = self.context.printer
        source = AT_DESK if printer is not None and printer.printer_down else TAKE_PASS
        self.result.set_status(*self.pair(source))

    def _on_printer_state(self, state: Any) -> None:
        if self.active and self.context.app.flow.state is State.PRINTING:
            self._show_print_status()
