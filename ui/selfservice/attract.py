"""The attract screen: the event, the live camera, "show your QR code", "No QR code?"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.errors import NoEventError
from ui.bridge import AppContext
from ui.widgets.bilingual import PairButton, PairLabel
from ui.widgets.camera_view import CameraView

CONTEXT = "SelfService"
SHOW_CODE = str(QT_TRANSLATE_NOOP("SelfService", "Please show your QR code to the camera"))
NO_CODE = str(QT_TRANSLATE_NOOP("SelfService", "No QR code? Find your name"))
NO_EVENT = str(QT_TRANSLATE_NOOP("SelfService", "No event loaded"))


class AttractPage(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 12, 40, 24)
        layout.setSpacing(10)
        self.event_name = PairLabel(0.045, bold=True)
        self.event_name.setObjectName("eventName")
        self.camera = CameraView(context)
        self.camera.setAccessibleName("camera / 摄像头")
        self.headline = PairLabel(0.06, bold=True)
        self.no_code = PairButton(0.038)
        self.no_code.setObjectName("secondary")
        layout.addWidget(self.event_name)
        layout.addWidget(self.camera, 1)
        layout.addWidget(self.headline)
        self._gap = QWidget()  # grows on a portrait screen, between the prompt and the button
        layout.addWidget(self._gap, 0)
        layout.addWidget(self.no_code)
        self.headline.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        # on a portrait screen: a square camera window at eye height, the prompt under it, and the
        # "No QR code?" button in the lower half, within reach
        portrait = self.height() > self.width()
        self.camera.setMaximumHeight(self.width() if portrait else 16_777_215)
        self._layout.setStretch(self._layout.indexOf(self._gap), 1 if portrait else 0)

    def retranslate(self, first: str, second: str) -> None:
        ctx = self.context
        self.headline.set_pair(
            ctx.guest_text(first, CONTEXT, SHOW_CODE), ctx.guest_text(second, CONTEXT, SHOW_CODE)
        )
        self.no_code.set_pair(
            ctx.guest_text(first, CONTEXT, NO_CODE), ctx.guest_text(second, CONTEXT, NO_CODE)
        )
        try:
            event = ctx.app.service.event
        except NoEventError:
            self.event_name.set_pair(
                ctx.guest_text(first, CONTEXT, NO_EVENT), ctx.guest_text(second, CONTEXT, NO_EVENT)
            )
            return
        self.event_name.set_pair(event.name(first[:2]), event.name(second[:2]))
