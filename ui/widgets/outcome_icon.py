"""The outcome's shape: a tick, an exclamation mark or a cross in a white disc, drawn (no font needed).

The shape, the one-word status beside it and the colour each carry the outcome on their own,
so a guest who cannot tell the colours apart still reads it.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.app.guest import Look


class OutcomeIcon(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.look: Look | None = None
        self.color = QColor("#333333")
        self._side = 120
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("")

    def show_look(self, look: Look | None, color: str, name: str) -> None:
        self.look, self.color = look, QColor(color)
        self.setVisible(look is not None)
        self.setAccessibleName(name)
        self.update()

    def set_side(self, pixels: int) -> None:
        self._side = max(24, pixels)
        self.setFixedSize(self._side, self._side)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(self._side, self._side)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if self.look is None:
            return
        side = min(self.width(), self.height())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("white"))
        painter.drawEllipse(QRectF(0, 0, side, side))
        pen = QPen(self.color, side * 0.13, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)  # fmt: skip
        painter.setPen(pen)

        def at(x: float, y: float) -> QPointF:
            return QPointF(side * x, side * y)

        if self.look is Look.WELCOME:
            painter.drawPolyline([at(0.27, 0.52), at(0.44, 0.69), at(0.74, 0.34)])
        elif self.look is Look.DONE:
            painter.drawLine(at(0.5, 0.24), at(0.5, 0.58))
            painter.drawPoint(at(0.5, 0.76))
        else:
            painter.drawLine(at(0.31, 0.31), at(0.69, 0.69))
            painter.drawLine(at(0.69, 0.31), at(0.31, 0.69))
        painter.end()
