"""Self-service "No QR code?": find your own name on a big keyboard, confirm with your phone's last 4 digits.

The screen is public: names and organisations are masked (``kiosk.search.public_search``),
nobody is listed until the query gives the full surname and a letter of the given name, and
the phone digits typed show as dots.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.han_picker import HanCandidates, pending_syllable, pick
from kiosk.names import has_han
from kiosk.search import PUBLIC_COUNTED, PublicResults, public_search
from ui.bridge import AppContext
from ui.selfservice.han_row import HanRow
from ui.widgets.bilingual import PairButton, PairLabel
from ui.widgets.keyboard import OnScreenKeyboard

CONTEXT = "SelfService"
HEADING = str(QT_TRANSLATE_NOOP("SelfService", "Type your surname and given name in pinyin or English"))
EXAMPLE = str(QT_TRANSLATE_NOOP("SelfService", "e.g. zhangwei, Smith John"))
BACK = str(QT_TRANSLATE_NOOP("SelfService", "Back"))
NOBODY = str(QT_TRANSLATE_NOOP("SelfService", "No one found. Check the spelling, or go to the help desk."))
KEEP_TYPING = str(
    QT_TRANSLATE_NOOP("SelfService", "Keep typing: your full surname and the first letter of your given name")
)
FOUND = str(QT_TRANSLATE_NOOP("SelfService", "%1 found: tap your name"))
TOO_MANY = str(QT_TRANSLATE_NOOP("SelfService", "%1 found: type more of your name to narrow"))
CONFIRM = str(
    QT_TRANSLATE_NOOP(
        "SelfService", "To confirm it is you, enter the last 4 digits of your mobile phone number"
    )
)
NOT_ME = str(QT_TRANSLATE_NOOP("SelfService", "Not me — back"))
WRONG = str(QT_TRANSLATE_NOOP("SelfService", "Those digits do not match. Tries left: %1"))
DOT, EMPTY = "●", "○"


class SearchPage(QWidget):
    """Type the name (pinyin, English); masked results as you type; tap yours."""

    picked = Signal(object)  # Delegate
    cancelled = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._query_seq = 0
        self._first, self._second = context.language, context.language
        self._last: PublicResults | None = None
        self.text = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 16, 40, 16)
        self.heading = PairLabel(0.04, bold=True)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.query = QLabel()
        self.query.setObjectName("searchQuery")
        self.query.setMinimumHeight(64)
        self.query.setSizePolicy(
            QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred
        )  # long text is cut, never widens
        self.query.setStyleSheet(
            "background: white; color: #1A1A1A; border: 2px solid #888; padding: 4px 12px;"
        )
        self.hint = PairLabel(0.028)
        self.results = QListWidget()
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.itemClicked.connect(self._on_item_clicked)
        self.results.setAccessibleName("names found / 找到的姓名")
        self.han = HanRow()  # pinyin typed: the characters read that way, to tap
        self.han.picked.connect(self._on_han_picked)
        self.han.more.connect(self._on_han_more)
        self._picker: HanCandidates | None = None
        self._han_page = 0
        context.events.roster_changed.connect(self._load_picker)
        self._load_picker()
        self.keyboard = OnScreenKeyboard()
        self.keyboard.typed.connect(self._on_typed)
        self.keyboard.erased.connect(self._on_erased)
        self.back = PairButton(0.03)
        self.back.clicked.connect(self.cancelled.emit)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.back)
        layout.addLayout(top)
        layout.addWidget(self.query)
        layout.addWidget(self.hint)
        layout.addWidget(self.results, 5)
        layout.addWidget(self.han)
        layout.addWidget(self.keyboard, 6)

    def t(self, language: str, source: str) -> str:
        return self.context.guest_text(language, CONTEXT, source)

    def pair(self, source: str, arg: str = "") -> tuple[str, str]:
        return self.t(self._first, source).replace("%1", arg), self.t(self._second, source).replace("%1", arg)

    def retranslate(self, first: str, second: str) -> None:
        self._first, self._second = first, second
        self.heading.set_pair(*self.pair(HEADING))
        self.back.set_pair(*self.pair(BACK))
        self._show_query()
        self._show_results()

    def fit(self, screen_height: int) -> None:
        font = self.query.font()
        font.setPixelSize(max(12, int(0.045 * screen_height)))
        self.query.setFont(font)
        self.query.setMinimumHeight(int(0.075 * screen_height))
        font.setPixelSize(max(12, int(0.034 * screen_height)))
        self.results.setFont(font)
        self.han.fit(screen_height)

    def clear(self) -> None:
        self.text = ""
        self._last = None
        self._offer_han()
        self._query_seq += 1
        self._show_query()
        self._show_results()

    def type_text(self, text: str) -> None:
        self.text += text
        self._search()

    def _on_typed(self, key: str) -> None:
        self.type_text(key)

    def _on_erased(self) -> None:
        self.text = self.text[:-1]
        self._search()

    def _show_query(self) -> None:
        if self.text:
            self.query.setText(self.text)
        else:
            first, second = self.pair(EXAMPLE)
            self.query.setText(f'<span style="color:#777">{first}  ·  {second}</span>')
        self.query.setAccessibleName(self.text or " / ".join(self.pair(EXAMPLE)))

    def _load_picker(self) -> None:
        """The roster's characters by pinyin, read off the UI thread (again when the roster changes)."""
        roster = self.context.app.store.roster
        self.context.run_in_background(lambda: HanCandidates(d.name for d in roster.iter_delegates()),
                                       on_done=self._on_picker)  # fmt: skip

    def _on_picker(self, picker: HanCandidates) -> None:
        self._picker = picker
        self._offer_han()

    def _offer_han(self) -> None:
        syllable = pending_syllable(self.text)
        picker = self._picker
        if picker is None or not syllable:
            self.han.offer([], False)
            return
        self.han.offer(picker.candidates(syllable, self._han_page), picker.pages(syllable) > 1)

    def _on_han_picked(self, unit: str) -> None:
        self.text = pick(self.text, unit)
        self._search()

    def _on_han_more(self) -> None:
        self._han_page += 1
        self._offer_han()

    def _search(self) -> None:
        self._han_page = 0
        self._offer_han()
        self._query_seq += 1
        seq, text = self._query_seq, self.text.strip()
        if has_han(text):  # the characters picked so far, not the pinyin still to be picked
            text = text[: len(text) - len(pending_syllable(text))]
        self._show_query()
        if len(text) < 2:
            self._last = None
            self._show_results()
            return
        self.context.run_in_background(public_search, self.context.app.search, text,
                                       on_done=lambda found: self._on_found(seq, found))  # fmt: skip

    def _on_found(self, seq: int, found: PublicResults) -> None:
        if seq == self._query_seq:  # else a newer query is on its way
            self._last = found
            self._show_results()

    def _show_results(self) -> None:
        self.results.clear()
        found = self._last
        if found is None:
            self.hint.set_pair(*self.pair(KEEP_TYPING))
            return
        if not found.shown:
            self.hint.set_pair(*self.pair(NOBODY if len(self.text.strip()) >= 4 else KEEP_TYPING))
            return
        count = f"{found.total}+" if found.total >= PUBLIC_COUNTED else str(found.total)
        self.hint.set_pair(*self.pair(TOO_MANY if found.more else FOUND, count))
        for match in found.shown:
            label = match.name if match.latin == match.name else f"{match.name}   {match.latin}"
            item = QListWidgetItem(f"{label}   ·   {match.organization}" if match.organization else label)
            item.setData(Qt.ItemDataRole.UserRole, match.delegate)
            self.results.addItem(item)

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        delegate = item.data(Qt.ItemDataRole.UserRole)
        if delegate is not None:
            self.picked.emit(delegate)


class ConfirmPage(QWidget):
    """The last 4 digits of the phone the delegate registered with, shown as dots."""

    confirmed = Signal(str)  # the 4 digits typed
    cancelled = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._first, self._second = context.language, context.language
        self._wrong: int | None = None
        self.entered = ""
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(120, 20, 120, 20)
        self.who = PairLabel(0.05, bold=True)
        self.prompt = PairLabel(0.034)
        self.digits = QLabel()
        self.digits.setObjectName("phoneDots")
        self.digits.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.warning = PairLabel(0.03, bold=True)
        self.warning.setStyleSheet("color: #8E0E0E;")
        self.keypad = OnScreenKeyboard(digits_only=True)
        self.keypad.typed.connect(self._on_typed)
        self.keypad.erased.connect(self._on_erased)
        self.back = PairButton(0.03)
        self.back.clicked.connect(self.cancelled.emit)
        for widget in (self.who, self.prompt, self.digits, self.warning):
            layout.addWidget(widget)
        layout.addWidget(self.keypad, 1)
        layout.addWidget(self.back)
        self._show_digits()

    def pair(self, source: str, arg: str = "") -> tuple[str, str]:
        t = self.context.guest_text
        return (
            t(self._first, CONTEXT, source).replace("%1", arg),
            t(self._second, CONTEXT, source).replace("%1", arg),
        )

    def retranslate(self, first: str, second: str) -> None:
        self._first, self._second = first, second
        self.prompt.set_pair(*self.pair(CONFIRM))
        self.back.set_pair(*self.pair(NOT_ME))
        self.warning.set_pair(*self.pair(WRONG, str(self._wrong)) if self._wrong is not None else ("", ""))

    def fit(self, screen_height: int) -> None:
        font = self.digits.font()
        font.setPixelSize(max(16, int(0.08 * screen_height)))
        self.digits.setFont(font)
        margin = int(0.09 * self.window().width()) if self.window() else 120
        self._layout.setContentsMargins(margin, 20, margin, 20)

    def ask(self, name: str, latin: str, tries_left: int, wrong: bool) -> None:
        self.who.set_pair(name, latin)
        self.entered = ""
        self._wrong = tries_left if wrong else None
        self._show_digits()
        self.retranslate(self._first, self._second)

    def _show_digits(self) -> None:
        self.digits.setText(" ".join(DOT * len(self.entered) + EMPTY * (4 - len(self.entered))))
        self.digits.setAccessibleName(f"{len(self.entered)} / 4")

    def _on_erased(self) -> None:
        self.entered = self.entered[:-1]
        self._show_digits()

    def _on_typed(self, key: str) -> None:
        if len(self.entered) < 4:
            self.entered += key
        self._show_digits()
        if len(self.entered) == 4:
            self.confirmed.emit(self.entered)
