"""Text in both languages for a public screen: the guest's first language large, the other beneath.

Sizes are shares of the screen's height, not points, so a 1080-pixel screen reads as well from
the queue as an 800-pixel one: ``fit_text(root, height)`` sizes every pair under ``root``.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

SECOND_SCALE = 0.62  # the second language, relative to the first…
SECOND_FLOOR = 0.022  # …but never under 2.2 % of the screen's height


def text_basis(width: int, height: int) -> int:
    """The length text sizes are shares of: the height, or on a portrait screen its width (with margin)."""
    return max(1, min(height, int(width * 0.9)))


def in_both(first: str, second: str, make: Callable[[str], str]) -> tuple[str, str]:
    """``make(language)`` for the guest's first and second language."""
    return make(first), make(second)


def _font(base: QFont, pixels: int, bold: bool) -> QFont:
    font = QFont(base)
    font.setPixelSize(max(8, pixels))
    font.setBold(bold)
    return font


class PairLabel(QLabel):
    """Two lines of text: ``first`` at ``share`` of the screen height, ``second`` smaller beneath."""

    def __init__(self, share: float, bold: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.share, self.bold = share, bold
        self.first, self.second = "", ""
        self._pixels = int(share * 800)
        self._floor = int(SECOND_FLOOR * 800)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setFont(_font(self.font(), self._pixels, bold))

    def set_pair(self, first: str, second: str = "") -> None:
        self.first, self.second = first, (second if second != first else "")
        self._render()

    def fit(self, screen_height: int) -> None:
        self._pixels = max(8, int(self.share * screen_height))
        self._floor = int(SECOND_FLOOR * screen_height)
        self.setFont(_font(self.font(), self._pixels, self.bold))
        self._render()

    @property
    def pixels(self) -> int:
        return self._pixels

    def plain(self) -> str:
        """What the label says, both languages, as plain text (tests, screen readers)."""
        return "\n".join(t for t in (self.first, self.second) if t)

    def _render(self) -> None:
        first = html.escape(self.first).replace("\n", "<br>")
        text = first
        if self.second:
            second = html.escape(self.second).replace("\n", "<br>")
            small = max(8, min(self._pixels, max(self._floor, int(self._pixels * SECOND_SCALE))))
            text = f'{first}<div style="font-size:{small}px; font-weight:normal;">{second}</div>'
        self.setText(text)
        self.setAccessibleName(self.plain().replace("\n", " / "))


class PairButton(QPushButton):
    """A button whose label is in both languages (first line first); sized like ``PairLabel``."""

    def __init__(self, share: float, bold: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.share, self.bold = share, bold
        self.first, self.second = "", ""
        self.fit(800)

    def set_pair(self, first: str, second: str = "") -> None:
        self.first, self.second = first, (second if second != first else "")
        self.setText("\n".join(t for t in (self.first, self.second) if t))
        self.setAccessibleName(self.text().replace("\n", " / "))

    def fit(self, screen_height: int) -> None:
        pixels = max(8, int(self.share * screen_height))
        self.setFont(_font(self.font(), pixels, self.bold))
        lines = 2 if self.second else 1
        self.setMinimumHeight(int(pixels * 1.35 * lines + pixels * 0.8))


def fit_text(root: QWidget, screen_height: int) -> None:
    """Size every bilingual label and button under ``root`` for a screen ``screen_height`` tall."""
    for widget in root.findChildren(QWidget):
        if isinstance(widget, (PairLabel, PairButton)):
            widget.fit(screen_height)
