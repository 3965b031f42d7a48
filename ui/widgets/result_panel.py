"""The full-screen result: green, amber or red, the name and what to do, big enough for 3 metres."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.widgets.outcome_text import ResultText


def big_font(base: QFont, points: int, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPointSize(points)
    font.setBold(bold)
    return font


class ResultPanel(QWidget):
    """A coloured panel: title, advice, forums, and a status line (printing, reset)."""

    def __init__(self, parent: QWidget | None = None, scale: float = 1.0) -> None:
        super().__init__(parent)
        self.painted: list = []  # callables run after each paint (the benchmark's repaint probe)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        layout.setSpacing(18)
        self.title = QLabel()
        self.advice = QLabel()
        self.forums = QLabel()
        self.status = QLabel()
        sizes = (
            (self.title, 44, True),
            (self.advice, 26, False),
            (self.forums, 24, False),
            (self.status, 26, True),
        )
        for label, points, bold in sizes:
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setFont(big_font(self.font(), int(points * scale), bold))
            label.setStyleSheet("color: white; background: transparent;")
        self.band = QLabel()
        self.band.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.band.setFont(big_font(self.font(), int(22 * scale), True))
        self.band.setMinimumHeight(int(56 * scale))
        self.band.setMinimumWidth(int(420 * scale))
        layout.addStretch(1)
        layout.addWidget(self.band, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(10)
        for label, _, _ in sizes:
            layout.addWidget(label)
        layout.addStretch(1)
        self.color = "#333333"

    def show_result(self, text: ResultText) -> None:
        self.color = text.color
        self.update()
        self.title.setText(text.title)
        self.advice.setText(text.advice)
        self.advice.setVisible(bool(text.advice))
        self.forums.setText("\n".join(text.forums))
        self.forums.setVisible(bool(text.forums))
        self.band.setText(f"  {text.category}  ")
        self.band.setStyleSheet(f"color: white; background: {text.category_color}; border: 3px solid white;"
                                " border-radius: 10px;" if text.category else "background: transparent;")  # fmt: skip
        self.band.setVisible(bool(text.category))
        self.set_status("")

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(self.color))
        painter.end()
        super().paintEvent(event)
        for probe in list(self.painted):
            probe()
