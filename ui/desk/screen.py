"""The help desk: keyboard first. Scan or type, see the card, act with one key.

Search runs as you type (name, pinyin, initials, organisation, English name, phone tail).
Every action — check in, reprint, override, void, new badge, walk-in — goes through the
kiosk service on a worker thread and lands in the journal with the desk and the reason;
the screen only shows what the service answered (decisions arrive via ``events.decided``).
"""

from __future__ import annotations

import logging
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.desk import EnterAction, EnterKind, Likely, guidance
from kiosk.app.flow import Mode
from kiosk.app.intake import CodeSource
from kiosk.model import Category, Decision, Delegate, Forum
from kiosk.names import latin_name
from ui.bridge import AppContext
from ui.desk.actions import DeskActions
from ui.desk.banner import AMBER, GREEN, RED, DecisionBanner, VipNotice, explain
from ui.desk.card import DelegateCard
from ui.desk.dialogs import ReasonForm
from ui.desk.guidance import GuidanceBar
from ui.desk.kiosk_calls import KioskCallsNotice
from ui.desk.search_panel import SearchPanel, result_text
from ui.desk.status_strip import StatusStrip
from ui.desk.style import STYLE
from ui.desk.walkin import DuplicatePrompt, WalkinForm

log = logging.getLogger(__name__)
translate = QCoreApplication.translate


class DeskScreen(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("deskScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.actions_ = DeskActions(context, self)
        self.last_decision: Decision | None = None
        self.from_search = False  # the card on show was chosen from the search results

        self.panel = SearchPanel(context)
        self.panel.chosen.connect(self._on_chosen)
        self.panel.entered.connect(self._on_enter)
        self.search, self.results, self.hint = self.panel.search, self.panel.results, self.panel.hint
        self.search_timer = self.panel.timer
        self.setFocusProxy(self.search)  # entering the desk puts the cursor in the search field
        self.banner = DecisionBanner()
        self.guidance = GuidanceBar()
        self.guidance.step.connect(self.actions_.start)
        self.vip = VipNotice()
        self.status = StatusStrip(context)
        self.card = DelegateCard()
        self.reason_form = ReasonForm()
        self.reason_form.confirmed.connect(self.actions_.on_reason)
        self.reason_form.cancelled.connect(self.show_card_page)
        self.walkin_form = WalkinForm()
        self.walkin_form.submitted.connect(self.actions_.on_walkin)
        self.walkin_form.cancelled.connect(self.show_card_page)
        self.duplicates = DuplicatePrompt()
        self.duplicates.check_in_instead.connect(self.actions_.check_in_instead)
        self.duplicates.register_anyway.connect(self.actions_.register_walkin)
        self.pages = QStackedWidget()
        self.duplicates.cancelled.connect(lambda: self.pages.setCurrentWidget(self.walkin_form))
        for page in (self.card, self.reason_form, self.walkin_form, self.duplicates):
            self.pages.addWidget(page)

        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setSpacing(8)
        for index, (name, key) in enumerate(self.actions_.KEYS.items()):
            button = QPushButton()
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if name == "checkin":
                button.setObjectName("primaryAction")
            button.clicked.connect(lambda _=False, n=name: self.actions_.start(n))
            QShortcut(QKeySequence(key), self, lambda n=name: self.actions_.start(n),
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
            self.buttons[name] = button
            grid.addWidget(button, index // 4, index % 4)
        for key in ("F1", "Ctrl+F"):
            QShortcut(QKeySequence(key), self, self.focus_search,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._on_escape,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip

        self.kiosk_calls = KioskCallsNotice(context)  # a guest at a kiosk pressed Help
        right = QVBoxLayout()
        right.addWidget(self.kiosk_calls)
        right.addWidget(self.banner)
        right.addWidget(self.guidance)
        right.addWidget(self.vip)
        right.addWidget(self.pages, 1)
        right.addLayout(grid)
        columns = QHBoxLayout()
        columns.setSpacing(12)
        self.panel.setFixedWidth(410)
        columns.addWidget(self.panel)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 6)
        layout.setSpacing(8)
        layout.addLayout(columns, 1)
        layout.addWidget(self.status)

        context.events.decided.connect(self._on_decided)
        context.events.language_changed.connect(lambda _code: self.retranslate())
        self.retranslate()
        self.update_buttons()

    # -- text -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.panel.retranslate()
        self.status.retranslate()
        self.kiosk_calls.retranslate()
        for name, button in self.buttons.items():
            button.setText(f"{self.actions_.label(name)}  [{self.actions_.KEYS[name]}]")
        if self.card.delegate is not None:
            self.refresh_card()
        else:
            self.card.clear()

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.context.app.service.event.timezone)

    @property
    def language(self) -> str:
        return "zh" if self.context.language.startswith("zh") else "en"

    def say(self, text: str, colour: str = AMBER) -> None:
        self.guidance.show_guidance(None, self.language, self.tz)
        self.banner.show_message(text, colour, dark_text=colour == AMBER)

    # -- search -----------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.show_card_page()
        self.panel.ready_for_next()

    def run_search(self) -> None:
        self.panel.run_search()

    def result_ids(self) -> list[str]:
        return self.panel.result_ids()

    def _on_chosen(self, delegate: Delegate) -> None:
        fresh = self.context.app.store.roster.delegate(delegate.id) or delegate
        self.show_delegate(fresh)
        self.from_search = True

    def card_source(self) -> CodeSource:
        return CodeSource.DESK_SEARCH if self.from_search else CodeSource.TYPED

    def _on_enter(self, action: EnterAction) -> None:
        if action.kind is EnterKind.CHECK_IN:
            self.actions_.check_in_code(action.code, action.source)
        elif action.kind is EnterKind.CHOOSE:
            self.say(translate("DeskScreen", "%1 people match: nobody was checked in. Choose one with ↓ and "
                               "press Enter, or type more of the name.").replace("%1", str(action.matches)))  # fmt: skip
        elif action.kind is EnterKind.NOBODY:
            self.say(
                translate(
                    "DeskScreen",
                    "Nobody found. Try pinyin initials, the organisation or the phone tail, or register a walk-in [F7].",
                )
            )

    def _on_escape(self) -> None:
        if self.pages.currentWidget() is not self.card:
            self.show_card_page()
            self.actions_.fire("card", "form cancelled")
        else:
            self.panel.clear()
            self.card.clear()
            self.from_search = False
            self.banner.clear_banner()
            self.guidance.show_guidance(None, self.language, self.tz)
            self.actions_.fire("reset", "desk cleared")
            self.update_buttons()
        self.search.setFocus()

    # -- what is shown ------------------------------------------------------------------------

    def selected(self) -> Delegate | None:
        """The delegate whose card is shown."""
        return self.card.delegate

    def open_walkin(self, categories: list[Category], forums: list[Forum], language: str) -> None:
        self.guidance.show_guidance(None, self.language, self.tz)  # it was about the previous person
        self.walkin_form.start(categories, forums, language)
        self.pages.setCurrentWidget(self.walkin_form)
        self.walkin_form.name.setFocus()

    def open_reason(self, kind: str, title: str, summary: str, explanation: str, confirm: str) -> None:
        self.reason_form.ask(kind, title, summary, explanation, confirm)
        self.pages.setCurrentWidget(self.reason_form)
        self.reason_form.reason.setFocus()

    def open_duplicates(self, walkin: Delegate, found: list[Likely]) -> None:
        self.duplicates.ask(walkin, found, self.language)
        self.pages.setCurrentWidget(self.duplicates)

    def show_card_page(self) -> None:
        self.pages.setCurrentWidget(self.card)
        self.update_buttons()

    def show_delegate(self, delegate: Delegate) -> None:
        self.from_search = False
        self.render_card(delegate)
        self.show_card_page()
        self.actions_.fire("card", "delegate chosen")

    def render_card(self, delegate: Delegate) -> None:
        self.card.show_delegate(
            delegate,
            self.actions_.categories().get(delegate.category),
            self.context.app.service.forums,
            self.context.app.store.journal.for_delegate(delegate.id),
            "zh" if self.context.language.startswith("zh") else "en",
            self.tz,
        )
        self.update_buttons()

    def refresh_card(self) -> None:
        """Redraw the card from the store (after an action, or in a new language); no transition."""
        if self.card.delegate is not None:
            fresh = self.context.app.store.roster.delegate(self.card.delegate.id) or self.card.delegate
            self.render_card(fresh)

    def update_buttons(self) -> None:
        chosen = self.card.delegate is not None
        for name, button in self.buttons.items():
            button.setEnabled(name in ("walkin", "supervisor") or chosen)

    def _on_decided(self, decision: Decision) -> None:
        if self.context.app.flow.mode is not Mode.DESK:
            return
        self.show_decision(decision)

    def show_decision(self, decision: Decision) -> None:
        """Show a decision: the answer in plain words, the card, the VIP notice, the pass."""
        self.last_decision = decision
        delegate = decision.delegate
        who = ""
        if delegate is not None:
            latin = latin_name(delegate.name, delegate.name_en)
            who = delegate.name if latin == delegate.name else f"{delegate.name} {latin}"
        self.banner.show_decision(decision, who, self.tz)
        advice = guidance(self.context.app.store, decision, self.context.app.service.forums,
                          self.context.app.service.clock.now())  # fmt: skip
        self.guidance.show_guidance(advice, self.language, self.tz)
        when = decision.delegate and self.context.app.service.clock.now().astimezone(self.tz).strftime(
            "%H:%M"
        )
        self.panel.ready_for_next(
            f"{who or decision.code} — {explain(decision, self.tz)} · {when or ''}".rstrip(" ·")
        )
        self.actions_.fire("decide", f"desk decision {decision.outcome}")
        if delegate is not None:
            self.show_delegate(self.context.app.store.roster.delegate(delegate.id) or delegate)
        else:  # nobody behind this code: the previous person's card must not linger
            self.card.clear()
            self.show_card_page()
        category = self.actions_.categories().get(delegate.category) if delegate else None
        vip = category is not None and category.vip
        if (
            decision.admitted
            and not decision.reentry
            and delegate is not None
            and category is not None
            and vip
        ):
            self.vip.announce(delegate.name, category.name(self.language))

    def refusal_text(self) -> str:
        decision = self.last_decision
        delegate = self.card.delegate
        if decision is None or decision.admitted or delegate is None or decision.delegate is None:
            return ""
        return explain(decision, self.tz) if decision.delegate.id == delegate.id else ""


__all__ = ["DeskScreen", "GREEN", "RED", "result_text"]
