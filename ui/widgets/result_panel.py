"""The full-screen result: shape, word and colour of the outcome, the name and what to do.

Every size is a share of the window's height (``fit``), so the panel reads the same from the
queue on a 1280x800, a 1920x1080 or a portrait 1080x1920 screen. Labels hold one language, or
the guest's first language large with the other beneath (``ResultText`` with ``*_second``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QBoxLayout, QVBoxLayout, QWidget

from kiosk.app.guest import Look
from ui.widgets.bilingual import PairButton, PairLabel, fit_text, text_basis
from ui.widgets.outcome_icon import OutcomeIcon
from ui.widgets.outcome_text import WORDS, ResultText, ink_for

PORTRAIT_TEXT = 1.25  # text on a portrait screen, relative to its share of the screen's width
PORTRAIT_ICON = 0.45  # the shape's side on a portrait screen (0.14 of the height on a wide one)


def big_font(base: QFont, points: int, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPointSize(points)
    font.setBold(bold)
    return font


class ResultPanel(QWidget):
    """A coloured panel: icon and word, title, advice, forums, category band, status, OK."""

    tapped = Signal()  # a tap anywhere on the panel (the guest has read it)

    def __init__(self, parent: QWidget | None = None, scale: float = 1.0) -> None:
        super().__init__(parent)
        self.scale = scale
        self.painted: list = []  # callables run after each paint (the benchmark's repaint probe)
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 30, 60, 30)
        layout.setSpacing(14)
        self.icon = OutcomeIcon()
        self.word = PairLabel(0.075 * scale, bold=True)
        self.word.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.title = PairLabel(0.06 * scale, bold=True)
        self.advice = PairLabel(0.038 * scale)
        self.forums = PairLabel(0.03 * scale)
        self.status = PairLabel(0.038 * scale, bold=True)
        self.band = PairLabel(0.032 * scale, bold=True)
        self.band.setObjectName("categoryBand")
        self.ok = PairButton(0.04 * scale)
        self.ok.setObjectName("resultOk")
        self.ok.clicked.connect(self.tapped.emit)
        self.ok.hide()
        head = self._head = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        head.setSpacing(24)
        head.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignHCenter)
        head.addWidget(self.word)
        layout.addStretch(1)
        layout.addLayout(head)
        layout.setAlignment(head, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.title)
        layout.addWidget(self.band, 0, Qt.AlignmentFlag.AlignHCenter)
        for label in (self.advice, self.forums, self.status):
            layout.addWidget(label)
        layout.addStretch(1)
        layout.addWidget(self.ok, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(0)  # on a portrait screen the OK follows the text, all in the middle
        self.color = "#333333"
        self.ink = "white"
        self._paint_labels()
        self.band.hide()

    def fit(self, screen_height: int) -> None:
        # on a portrait screen the shape stands above its word, larger, and the text is larger too:
        # the panel fills the tall screen instead of leaving empty bands above and below a strip
        window = self.window()
        portrait = window.height() > window.width()
        self._head.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self.word.setAlignment(Qt.AlignmentFlag.AlignHCenter if portrait else
                               Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)  # fmt: skip
        self._layout.setStretch(self._layout.count() - 3, 0 if portrait else 1)
        self._layout.setStretch(self._layout.count() - 1, 1 if portrait else 0)
        fit_text(self, int(screen_height * (PORTRAIT_TEXT if portrait else 1.0)))
        self.icon.set_side(int((PORTRAIT_ICON if portrait else 0.14) * self.scale * screen_height))
        margin = int(0.04 * screen_height)
        self._layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
        self.ok.setMinimumWidth(int(0.3 * screen_height))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        window = self.window()
        self.fit(text_basis(window.width(), window.height()))

    def show_result(self, text: ResultText) -> None:
        self.color = text.color
        self.ink = ink_for(text.color)
        self._paint_labels()
        look = text.look
        self.icon.show_look(look, text.color, WORDS[look][1] if look else "")
        self.word.setVisible(look is not None)
        if look is not None:
            zh, en = WORDS[look]
            first_zh = text.language.startswith("zh")
            self.word.set_pair(*((zh, en) if first_zh else (en, zh)))
        self.title.set_pair(text.title, text.title_second)
        self.advice.set_pair(text.advice, text.advice_second)
        self.advice.setVisible(bool(text.advice))
        self.forums.set_pair("\n".join(text.forums))
        self.forums.setVisible(bool(text.forums))
        self.band.set_pair(text.category, text.category_second)
        # the band is a white card edged in the category's colour: never an outcome's background
        self.band.setStyleSheet(f"color: #1A1A1A; background: white; border: 6px solid {text.category_color};"
                                " border-radius: 10px; padding: 4px 24px;" if text.category else "")  # fmt: skip
        self.band.setVisible(bool(text.category))
        self.set_status("")

    def show_ok(self, first: str, second: str = "") -> None:
        self.ok.set_pair(first, second)
        self.ok.show()

    def hide_ok(self) -> None:
        self.ok.hide()

    def set_status(self, text: str, second: str = "") -> None:
        self.status.set_pair(text, second)
        self.status.setVisible(bool(text))

    def _paint_labels(self) -> None:
        for label in (self.word, self.title, self.advice, self.forums, self.status):
            label.setStyleSheet(f"color: {self.ink}; background: transparent;")

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.tapped.emit()
        super().mousePressEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self.color))
        painter.end()
        super().paintEvent(event)
        for probe in list(self.painted):
            probe()


__all__ = ["Look", "ResultPanel", "big_font"]
