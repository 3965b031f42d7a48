"""Self-service "No QR code?": find your own name on a big keyboard, confirm with your phone's last 4 digits."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.model import Delegate
from kiosk.names import latin_name
from ui.bridge import AppContext
from ui.widgets.keyboard import OnScreenKeyboard
from ui.widgets.result_panel import big_font

MAX_RESULTS = 5


def masked_org(organization: str) -> str:
    return organization if len(organization) <= 24 else organization[:23] + "…"


class SearchPage(QWidget):
    """Type letters (pinyin, initials, English) — results as you type; tap yours."""

    picked = Signal(object)  # Delegate
    cancelled = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._query_seq = 0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        self.heading = QLabel()
        self.heading.setFont(big_font(self.font(), 26, True))
        self.heading.setWordWrap(True)
        self.query = QLineEdit()
        self.query.setReadOnly(True)
        self.query.setFont(big_font(self.font(), 26))
        self.query.setMinimumHeight(64)
        self.results = QListWidget()
        self.results.setFont(big_font(self.font(), 20))
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.results.itemClicked.connect(self._on_item_clicked)
        self.keyboard = OnScreenKeyboard()
        self.keyboard.typed.connect(self._on_typed)
        self.keyboard.erased.connect(self._on_erased)
        self.back = QPushButton()
        self.back.setFont(big_font(self.font(), 20))
        self.back.setMinimumHeight(56)
        self.back.clicked.connect(self.cancelled.emit)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.back)
        layout.addLayout(top)
        layout.addWidget(self.query)
        layout.addWidget(self.results, 5)
        layout.addWidget(self.keyboard, 6)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Type your name: pinyin, initials or English"))
        self.query.setPlaceholderText(self.tr("e.g. zhangwei, zw, Smith"))
        self.back.setText(self.tr("Back"))

    def clear(self) -> None:
        self.query.clear()
        self.results.clear()

    def type_text(self, text: str) -> None:
        self.query.setText(self.query.text() + text)
        self._search()

    def _on_typed(self, key: str) -> None:
        self.type_text(key)

    def _on_erased(self) -> None:
        self.query.setText(self.query.text()[:-1])
        self._search()

    def _search(self) -> None:
        self._query_seq += 1
        seq, text = self._query_seq, self.query.text().strip()
        if len(text) < 2:
            self.results.clear()
            return
        self.context.run_in_background(self.context.app.search.search, text, MAX_RESULTS,
                                       on_done=lambda found: self._show(seq, found))  # fmt: skip

    def _show(self, seq: int, found: list[Delegate]) -> None:
        if seq != self._query_seq:
            return  # a newer query is on its way
        self.results.clear()
        for delegate in found[:MAX_RESULTS]:
            latin = latin_name(delegate.name, delegate.name_en)
            label = delegate.name if latin == delegate.name else f"{delegate.name}  {latin}"
            item = QListWidgetItem(f"{label}  ·  {masked_org(delegate.organization)}")
            item.setData(Qt.ItemDataRole.UserRole, delegate)
            self.results.addItem(item)
        if not found:
            self.results.addItem(self.tr("No one found. Check the spelling, or go to the help desk."))

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        delegate = item.data(Qt.ItemDataRole.UserRole)
        if delegate is not None:
            self.picked.emit(delegate)


class ConfirmPage(QWidget):
    """The last 4 digits of the phone the delegate registered with."""

    confirmed = Signal(str)  # the 4 digits typed
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(200, 30, 200, 30)
        self.who = QLabel()
        self.who.setFont(big_font(self.font(), 30, True))
        self.who.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.who.setWordWrap(True)
        self.prompt = QLabel()
        self.prompt.setFont(big_font(self.font(), 22))
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt.setWordWrap(True)
        self.digits = QLineEdit()
        self.digits.setReadOnly(True)
        self.digits.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = big_font(self.font(), 34, True)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 12)
        self.digits.setFont(font)
        self.warning = QLabel()
        self.warning.setFont(big_font(self.font(), 20, True))
        self.warning.setStyleSheet("color: #B71C1C;")
        self.warning.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.keypad = OnScreenKeyboard(digits_only=True)
        self.keypad.typed.connect(self._on_typed)
        self.keypad.erased.connect(lambda: self.digits.setText(self.digits.text()[:-1]))
        self.back = QPushButton()
        self.back.setFont(big_font(self.font(), 20))
        self.back.setMinimumHeight(56)
        self.back.clicked.connect(self.cancelled.emit)
        for widget in (self.who, self.prompt, self.digits, self.warning):
            layout.addWidget(widget)
        layout.addWidget(self.keypad, 1)
        layout.addWidget(self.back)
        self.retranslate()

    def retranslate(self) -> None:
        self.prompt.setText(
            self.tr("To confirm it is you, enter the last 4 digits of your mobile phone number")
        )
        self.back.setText(self.tr("Not me — back"))

    def ask(self, name: str, tries_left: int, wrong: bool) -> None:
        self.who.setText(name)
        self.digits.clear()
        self.warning.setText(self.tr("Those digits do not match. Tries left: %1").replace("%1", str(tries_left))
                             if wrong else "")  # fmt: skip

    def _on_typed(self, key: str) -> None:
        if len(self.digits.text()) < 4:
            self.digits.setText(self.digits.text() + key)
        if len(self.digits.text()) == 4:
            self.confirmed.emit(self.digits.text())


def phone_tail_matches(delegate: Delegate, digits: str) -> bool:
    phone = "".join(c for c in delegate.phone if c.isdigit())
    return len(phone) >= 4 and len(digits) == 4 and phone[-4:] == digits
