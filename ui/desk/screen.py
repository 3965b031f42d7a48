"""The help desk: keyboard first. Scan or type, see the card, act with one key.

Search runs as you type (name, pinyin, initials, organisation, English name, phone tail).
Every action — check in, reprint, override, void, new badge, walk-in — goes through the
kiosk service on a worker thread and lands in the journal with the desk and the reason;
the screen only shows what the service answered (decisions arrive via ``events.decided``).
"""

from __future__ import annotations

import logging
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.flow import Mode
from kiosk.model import Category, Decision, Delegate, Forum
from kiosk.names import latin_name
from kiosk.service import clean_code
from ui.bridge import AppContext
from ui.desk.actions import DeskActions
from ui.desk.banner import AMBER, GREEN, RED, DecisionBanner, VipNotice, explain
from ui.desk.card import DelegateCard
from ui.desk.dialogs import ReasonForm, WalkinForm
from ui.desk.style import STYLE

log = logging.getLogger(__name__)
SEARCH_DELAY_MS = 40  # below what a volunteer notices; a 100,000 roster searches in ≤ 25 ms


translate = QCoreApplication.translate


def result_text(delegate: Delegate) -> str:
    """One search result: both scripts, organisation, phone tail."""
    latin = latin_name(delegate.name, delegate.name_en)
    first = delegate.name if latin == delegate.name else f"{delegate.name}   {latin}"
    digits = "".join(c for c in delegate.phone if c.isdigit())
    second = " · ".join(
        p for p in (delegate.organization, f"…{digits[-4:]}" if len(digits) >= 4 else "") if p
    )
    return f"{first}\n{second}" if second else first


def looks_like_code(text: str) -> bool:
    return len(text) >= 6 and " " not in text and text.isascii() and text.isprintable()


class DeskScreen(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setObjectName("deskScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(STYLE)
        self.actions_ = DeskActions(context, self)
        self.last_decision: Decision | None = None

        self.search = QLineEdit()
        self.search.setObjectName("deskSearch")
        self.search.setClearButtonEnabled(True)
        # results follow the typing, coalesced: a fast typist (or a scanner) costs one search
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        self.search.returnPressed.connect(self._on_return)
        self.setFocusProxy(self.search)  # entering the desk puts the cursor in the search field
        self.results = QListWidget()
        self.results.setObjectName("deskResults")
        self.results.currentItemChanged.connect(self._on_result_chosen)
        self.hint = QLabel()
        self.hint.setObjectName("deskHint")
        self.hint.setWordWrap(True)
        self.banner = DecisionBanner()
        self.vip = VipNotice()
        self.card = DelegateCard()
        self.reason_form = ReasonForm()
        self.reason_form.confirmed.connect(self.actions_.on_reason)
        self.reason_form.cancelled.connect(self.show_card_page)
        self.walkin_form = WalkinForm()
        self.walkin_form.submitted.connect(self.actions_.on_walkin)
        self.walkin_form.cancelled.connect(self.show_card_page)
        self.pages = QStackedWidget()
        for page in (self.card, self.reason_form, self.walkin_form):
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
            grid.addWidget(button, index // 3, index % 3)
        for key in ("F1", "Ctrl+F"):
            QShortcut(QKeySequence(key), self, self.focus_search,
                      context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self._on_escape,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)  # fmt: skip

        left = QVBoxLayout()
        left.addWidget(self.search)
        left.addWidget(self.results, 1)
        left.addWidget(self.hint)
        right = QVBoxLayout()
        right.addWidget(self.banner)
        right.addWidget(self.vip)
        right.addWidget(self.pages, 1)
        right.addLayout(grid)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(12)
        left_box = QWidget()
        left_box.setLayout(left)
        left_box.setFixedWidth(410)
        left.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(left_box)
        layout.addLayout(right, 1)

        context.events.decided.connect(self._on_decided)
        context.events.language_changed.connect(lambda _code: self.retranslate())
        self.retranslate()
        self.update_buttons()

    # -- text -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.search.setPlaceholderText(translate("DeskScreen", "Scan or search  [F1]"))
        self.hint.setText(translate(
            "DeskScreen", "Search by name, pinyin, initials, organisation or the last 4 digits of the phone. "
            "Enter: check in · ↑↓: choose · Esc: clear"))  # fmt: skip
        for name, button in self.buttons.items():
            button.setText(f"{self.actions_.label(name)}  [{self.actions_.KEYS[name]}]")
        if self.card.delegate is not None:
            self.refresh_card()
        else:
            self.card.clear()

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.context.app.service.event.timezone)

    def say(self, text: str, colour: str = AMBER) -> None:
        self.banner.show_message(text, colour, dark_text=colour == AMBER)

    # -- search -----------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.show_card_page()
        self.search.setFocus()
        self.search.selectAll()

    def run_search(self) -> None:
        self.search_timer.stop()
        text = self.search.text()
        self.results.clear()
        for delegate in self.context.app.search.search(text, 20) if text.strip() else []:
            item = QListWidgetItem(result_text(delegate))
            item.setData(Qt.ItemDataRole.UserRole, delegate.id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def result_ids(self) -> list[str]:
        return [self.results.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.results.count())]

    def _on_result_chosen(self, current: QListWidgetItem | None, _previous: object = None) -> None:
        if current is None:
            return
        delegate = self.context.app.store.roster.delegate(current.data(Qt.ItemDataRole.UserRole))
        if delegate is not None:
            self.show_delegate(delegate)

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.results.count():
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            row = max(0, min(self.results.count() - 1, self.results.currentRow() + step))
            self.results.setCurrentRow(row)
            return
        super().keyPressEvent(event)

    def _on_return(self) -> None:
        if self.search_timer.isActive():
            self.run_search()
        text = clean_code(self.search.text())
        if not text:
            return
        if self.context.app.store.roster.lookup(text) is not None:
            self.actions_.check_in_code(text)
        elif self.results.count() and self.card.delegate is not None:
            self.actions_.start("checkin")
        elif looks_like_code(text):
            self.actions_.check_in_code(text)
        else:
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
            self.search.clear()
            self.card.clear()
            self.banner.clear_banner()
            self.actions_.fire("reset", "desk cleared")
            self.update_buttons()
        self.search.setFocus()

    # -- what is shown ------------------------------------------------------------------------

    def selected(self) -> Delegate | None:
        """The delegate whose card is shown."""
        return self.card.delegate

    def open_walkin(self, categories: list[Category], forums: list[Forum], language: str) -> None:
        self.walkin_form.start(categories, forums, language)
        self.pages.setCurrentWidget(self.walkin_form)
        self.walkin_form.name.setFocus()

    def open_reason(self, kind: str, title: str, summary: str, explanation: str, confirm: str) -> None:
        self.reason_form.ask(kind, title, summary, explanation, confirm)
        self.pages.setCurrentWidget(self.reason_form)
        self.reason_form.reason.setFocus()

    def show_card_page(self) -> None:
        self.pages.setCurrentWidget(self.card)
        self.update_buttons()

    def show_delegate(self, delegate: Delegate) -> None:
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
            button.setEnabled(name == "walkin" or chosen)

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
            lang = "zh" if self.context.language.startswith("zh") else "en"
            self.vip.announce(delegate.name, category.name(lang))

    def refusal_text(self) -> str:
        decision = self.last_decision
        delegate = self.card.delegate
        if decision is None or decision.admitted or delegate is None or decision.delegate is None:
            return ""
        return explain(decision, self.tz) if decision.delegate.id == delegate.id else ""


__all__ = ["DeskScreen", "GREEN", "RED"]
