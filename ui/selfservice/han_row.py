"""The row of Chinese characters above the guest's keyboard: the characters read as the pinyin
just typed (``kiosk.app.han_picker``); a tap puts one in place of the syllable, "more" turns to
the next ten."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QWidget

from kiosk.app.han_picker import SHOWN

MORE = "›"


class HanRow(QWidget):
    """``picked(str)`` for a character (or compound surname) tapped; ``more()`` for the next page."""

    picked = Signal(str)
    more = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.buttons: list[QPushButton] = []
        for _ in range(SHOWN):
            button = QPushButton()
            button.setObjectName("hanCandidate")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            button.clicked.connect(lambda _=False, b=button: self.picked.emit(b.text()))
            row.addWidget(button)
            self.buttons.append(button)
        self.next_page = QPushButton(MORE)
        self.next_page.setObjectName("hanCandidate")
        self.next_page.setAccessibleName("more characters / 更多汉字")
        self.next_page.clicked.connect(self.more.emit)
        row.addWidget(self.next_page)
        self.hide()

    def offer(self, characters: list[str], more: bool) -> None:
        for button, text in zip(self.buttons, characters + [""] * SHOWN, strict=False):
            button.setText(text)
            button.setAccessibleName(f"{text} / 选这个字 · pick this character" if text else "")
            button.setVisible(bool(text))
        self.next_page.setVisible(more)
        self.setVisible(bool(characters))

    def fit(self, screen_height: int) -> None:
        for button in (*self.buttons, self.next_page):
            font = button.font()
            font.setPixelSize(max(14, int(0.045 * screen_height)))
            button.setFont(font)
            button.setMinimumHeight(int(0.07 * screen_height))
