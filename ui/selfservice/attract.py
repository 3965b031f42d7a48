"""The attract screen: the event's logo, name and colour, the live camera (a mirror, with a square
to aim at), "show your QR code", "No QR code?", and Help, large text and high contrast."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QByteArray, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.errors import NoEventError
from kiosk.model import Event
from ui.bridge import AppContext
from ui.widgets.bilingual import PairButton, PairLabel
from ui.widgets.camera_view import CameraView
from ui.widgets.outcome_text import ink_for

CONTEXT = "SelfService"
SHOW_CODE = str(QT_TRANSLATE_NOOP("SelfService", "Please show your QR code to the camera"))
NO_CODE = str(QT_TRANSLATE_NOOP("SelfService", "No QR code? Find your name"))
NO_EVENT = str(QT_TRANSLATE_NOOP("SelfService", "No event loaded"))
HELP = str(QT_TRANSLATE_NOOP("SelfService", "Help"))
LARGE_TEXT = str(QT_TRANSLATE_NOOP("SelfService", "Larger text"))
HIGH_CONTRAST = str(QT_TRANSLATE_NOOP("SelfService", "High contrast"))
PORTRAIT_CAMERA = 0.75  # the camera window's height on a portrait screen, as a share of its width


def logo_pixmap(svg: str, side: int) -> QPixmap | None:
    """The event's SVG logo drawn ``side`` pixels tall (None when there is none or it is broken)."""
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8"))) if svg else None
    if renderer is None or not renderer.isValid():
        return None
    size = renderer.defaultSize()
    width = max(1, int(side * size.width() / max(1, size.height())))
    image = QImage(width, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return QPixmap.fromImage(image)


class AttractPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._event: Event | None = None
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 12, 40, 24)
        layout.setSpacing(10)
        self.brand = QWidget()
        self.brand.setObjectName("eventBrand")
        self.logo = QLabel()
        self.logo.setObjectName("eventLogo")
        self.event_name = PairLabel(0.045, bold=True)
        self.event_name.setObjectName("eventName")
        head = QHBoxLayout(self.brand)
        head.setContentsMargins(16, 6, 16, 6)
        head.addWidget(self.logo)
        head.addWidget(self.event_name, 1)
        self.camera = CameraView(context)
        self.camera.mirrored = self.camera.guide = True
        self.camera.setAccessibleName("camera preview / 摄像头画面")
        self.headline = PairLabel(0.06, bold=True)
        self.no_code = PairButton(0.038)
        self.no_code.setObjectName("secondary")
        self.help = PairButton(0.026)
        self.help.setObjectName("helpButton")
        self.large_text = PairButton(0.026)
        self.large_text.setCheckable(True)
        self.high_contrast = PairButton(0.026)
        self.high_contrast.setCheckable(True)
        tools = QHBoxLayout()
        for button in (self.help, self.large_text, self.high_contrast):
            button.setObjectName(button.objectName() or "secondary")
            tools.addWidget(button, 1)
        layout.addWidget(self.brand)
        layout.addWidget(self.camera, 1)
        # on a portrait screen the prompt sits in the middle of the space between the camera
        # window and the buttons: these two gaps share it there, and take none on a wide screen
        self._gaps = (QWidget(), QWidget())
        layout.addWidget(self._gaps[0], 0)
        layout.addWidget(self.headline)
        layout.addWidget(self._gaps[1], 0)
        layout.addWidget(self.no_code)
        layout.addLayout(tools)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        # on a portrait screen: a 4:3 camera window at eye height, filled with the middle of the
        # picture (no black bands), the prompt under it, the buttons in the lower half, within reach
        portrait = self.height() > self.width()
        margins = self._layout.contentsMargins()
        window = int((self.width() - margins.left() - margins.right()) * PORTRAIT_CAMERA)
        self.camera.fill = portrait
        self.camera.setMinimumHeight(window if portrait else 180)
        self.camera.setMaximumHeight(window if portrait else 16_777_215)
        for gap in self._gaps:
            self._layout.setStretch(self._layout.indexOf(gap), 1 if portrait else 0)
        self._show_logo()
        self._fit_name()

    def _fit_name(self) -> None:
        """The event's name may wrap: keep the band as tall as its lines at the width it has."""
        margins = self._layout.contentsMargins()
        logo = self.logo.width() + 12 if self.logo.isVisible() else 0
        width = max(100, self.width() - margins.left() - margins.right() - 32 - logo)
        self.event_name.setMinimumHeight(self.event_name.heightForWidth(width))

    def _show_logo(self) -> None:
        svg = self._event.logo_svg if self._event is not None else ""
        pixmap = logo_pixmap(svg, max(24, int(self.event_name.pixels * 2.2)))
        self.logo.setVisible(pixmap is not None)
        if pixmap is not None:
            self.logo.setPixmap(pixmap)
            self.logo.setAccessibleName("logo / 标志")

    def retranslate(self, first: str, second: str) -> None:
        ctx = self.context

        def pair(source: str) -> tuple[str, str]:
            return ctx.guest_text(first, CONTEXT, source), ctx.guest_text(second, CONTEXT, source)

        self.headline.set_pair(*pair(SHOW_CODE))
        self.no_code.set_pair(*pair(NO_CODE))
        self.help.set_pair(*pair(HELP))
        self.large_text.set_pair(*pair(LARGE_TEXT))
        self.high_contrast.set_pair(*pair(HIGH_CONTRAST))
        try:
            self._event = ctx.app.service.event
        except NoEventError:
            self._event = None
            self.event_name.set_pair(*pair(NO_EVENT))
            return
        self.event_name.set_pair(self._event.name(first[:2]), self._event.name(second[:2]))
        self._fit_name()
        colour = self._event.color
        self.brand.setStyleSheet(
            f"#eventBrand {{ background: {colour}; border-radius: 12px; }}" if colour else ""
        )
        self.event_name.setStyleSheet(f"color: {ink_for(colour)};" if colour else "")
        self._show_logo()
