"""A large on-screen keyboard for guests: letters, digits, space, delete; no system keys."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

LETTER_ROWS = ("1234567890", "QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM")
DIGIT_ROWS = ("123", "456", "789", "0")
BACKSPACE, SPACE = "⌫", "␣"
KEY_NAMES = {BACKSPACE: "delete / 删除", SPACE: "space / 空格"}  # a screen reader's words for the glyphs


class OnScreenKeyboard(QWidget):
    """Emits ``typed(str)`` for a key and ``erased()`` for delete."""

    typed = Signal(str)
    erased = Signal()

    def __init__(self, digits_only: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setSpacing(8)
        grid.setContentsMargins(0, 0, 0, 0)
        rows = DIGIT_ROWS if digits_only else LETTER_ROWS
        width = 3 if digits_only else 10
        font = QFont(self.font())
        font.setPointSize(22)
        font.setBold(True)
        for r, row in enumerate(rows):
            offset = (width - len(row)) // 2 if not digits_only else (1 if len(row) == 1 else 0)
            for c, key in enumerate(row):
                grid.addWidget(self._key(key, font), r, offset + c)
        last = len(rows)
        if not digits_only:
            space = self._key(SPACE, font)
            grid.addWidget(space, last, 2, 1, 5)
            grid.addWidget(self._key(BACKSPACE, font), last, 7, 1, 2)
        else:
            grid.addWidget(self._key(BACKSPACE, font), last - 1, 2)

    def _key(self, key: str, font: QFont) -> QPushButton:
        button = QPushButton(key)
        button.setFont(font)
        button.setMinimumSize(64, 60)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.setFocusPolicy(button.focusPolicy().NoFocus)
        button.setObjectName("key")
        button.setAccessibleName(KEY_NAMES.get(key, key))
        if key == BACKSPACE:
            button.clicked.connect(self.erased.emit)
        else:
            button.clicked.connect(lambda _=False, k=key: self.typed.emit(" " if k == SPACE else k.lower()))
        return button
