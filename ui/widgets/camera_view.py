"""The live camera picture: polls the feed's latest frame on a timer and paints it.

The hand-off is one lock-guarded reference (``CameraFeed.latest``); converting and
painting happen here on the UI thread, scaled down first so a frame costs a few ms.
A still image can stand in for the camera (screenshots, a fixed demo frame).
"""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.bridge import AppContext


def to_qimage(frame: np.ndarray, width: int, height: int, cover: bool = False) -> QImage:
    """A BGR frame scaled to fit (or, with ``cover``, to fill) ``width`` x ``height``, as a QImage."""
    h, w = frame.shape[:2]
    scale = min(max(width / w, height / h) if cover else min(width / w, height / h), 1.0)
    if scale < 1.0:
        frame = cv2.resize(
            frame, (max(1, int(w * scale)), max(1, int(h * scale))), interpolation=cv2.INTER_AREA
        )
    rgb = (
        cv2.cvtColor(frame, cv2.COLOR_BGR2RGB) if frame.ndim == 3 else cv2.cvtColor(frame, cv2.COLOR_GRAY2RGB)
    )
    rgb = np.ascontiguousarray(rgb)
    image = QImage(rgb.data, rgb.shape[1], rgb.shape[0], rgb.strides[0], QImage.Format.Format_RGB888)
    return image.copy()


BROKEN = str(QT_TRANSLATE_NOOP("CameraView", "Camera not working: %1. Retrying… Please use the scanner or ask a volunteer."))  # fmt: skip # noqa: E501
CANNOT_OPEN = str(QT_TRANSLATE_NOOP("CameraView", "it cannot be opened"))
LOST = str(QT_TRANSLATE_NOOP("CameraView", "it stopped sending pictures"))
NO_CAMERA = str(QT_TRANSLATE_NOOP("CameraView", "no camera"))


CAMERA_HERE = "↑  摄像头在上方  ·  camera above  ↑"


class CameraView(QWidget):
    """Shows the feed of ``context.app.camera`` (anything with ``latest()`` and ``state``)."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, fps: int = 15) -> None:
        super().__init__(parent)
        self.context = context
        self._image: QImage | None = None
        self._frame_id = 0
        self._still: QImage | None = None
        self._message = ""
        self.mirrored = False  # a guest's preview is a mirror: moving the badge left moves it left
        self.guide = False  # the square to aim at, and "camera here ↑"
        self.fill = False  # cover the widget (the picture's sides cut off) instead of letterboxing it
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)
        self._timer = QTimer(self)
        self._timer.setInterval(max(10, 1000 // fps))
        self._timer.timeout.connect(self._on_tick)
        context.events.camera_state.connect(self._on_camera_state)

    def _paint_guide(self, painter: QPainter, picture: QRectF) -> None:
        """A square to hold the code in, and where the camera is: "camera here ↑" in both languages."""
        side = min(picture.width(), picture.height()) * 0.62
        frame = QRectF(picture.center().x() - side / 2, picture.center().y() - side / 2, side, side)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("white"), max(3.0, side / 60), Qt.PenStyle.DashLine))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(frame, side / 14, side / 14)
        font = QFont(self.font())
        font.setPixelSize(max(12, int(picture.height() / 16)))
        font.setBold(True)
        painter.setFont(font)
        band = QRectF(picture.left(), picture.top(), picture.width(), font.pixelSize() * 1.8)
        painter.fillRect(band, QColor(0, 0, 0, 150))
        painter.setPen(QColor("white"))
        painter.drawText(band, Qt.AlignmentFlag.AlignCenter, CAMERA_HERE)

    def set_still(self, frame: np.ndarray | None) -> None:
        """Show a fixed picture instead of the live feed (None: back to live)."""
        self._still = to_qimage(frame, 1280, 720) if frame is not None else None
        self.update()

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self._timer.start()
        self._on_tick()  # the newest frame at once, not a tick later
        super().showEvent(event)

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        self._timer.stop()
        super().hideEvent(event)

    def _on_camera_state(self, state: str) -> None:
        self._message = state if state.startswith("failed") else ""
        self.update()

    def problem_text(self) -> str:
        """What a broken camera says, the kiosk's language first and the other beneath."""
        if self._message == "failed:open":
            problem = CANNOT_OPEN
        elif self._message == "failed:lost":
            problem = LOST
        else:
            problem = NO_CAMERA
        first = self.context.language
        second = "en" if first.startswith("zh") else "zh_CN"
        return "\n".join(
            self.context.guest_text(lang, "CameraView", BROKEN).replace(
                "%1", self.context.guest_text(lang, "CameraView", problem)
            )
            for lang in (first, second)
        )

    @property
    def message(self) -> str:
        return self._message

    def _on_tick(self) -> None:
        feed = self.context.app.camera
        if self._still is not None or feed is None:
            return
        frame = feed.latest()
        if frame is None or id(frame) == self._frame_id:
            return
        self._frame_id = id(frame)
        self._image = to_qimage(frame, max(1, self.width()), max(1, self.height()), cover=self.fill)
        self.update()

    def picture_rect(self) -> QRectF:
        """Where the picture is drawn, in the widget (empty when there is no picture yet)."""
        image = self._still or self._image
        if image is None:
            return QRectF()
        mode = (
            Qt.AspectRatioMode.KeepAspectRatioByExpanding if self.fill else Qt.AspectRatioMode.KeepAspectRatio
        )
        scaled = image.size().scaled(self.size(), mode)
        x, y = (self.width() - scaled.width()) / 2, (self.height() - scaled.height()) / 2
        return QRectF(x, y, scaled.width(), scaled.height())

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#111111"))
        image = self._still or self._image
        if image is not None:
            # The whole picture, so a guest sees where their badge is in the camera's view (or,
            # with ``fill``, its middle, where the square to aim at is).
            picture = self.picture_rect()
            shown = image.mirrored(True, False) if self.mirrored else image
            painter.drawImage(picture, shown)
            if self.guide:
                self._paint_guide(painter, picture.intersected(QRectF(self.rect())))
        if self._message or (image is None and self.context.app.camera is None):
            band = max(90, self.height() // 4)
            painter.fillRect(self.rect().adjusted(0, self.height() - band, 0, 0), QColor(142, 14, 14, 230))
            font = QFont(self.font())
            font.setPixelSize(max(12, band // 6))
            painter.setFont(font)
            painter.setPen(QColor("white"))
            painter.drawText(self.rect().adjusted(12, self.height() - band, -12, 0),
                             Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self.problem_text())  # fmt: skip
        painter.end()
