"""Speaks the scan prompt (请出示二维码 / "Please show your QR code") on the attract screen when
someone has stood in front of the camera for a few seconds with nothing happening; when is
decided by ``kiosk.app.scan_prompt.ScanPrompt``. Settings → sounds and spoken prompts silence it
(``Sounds.say`` honours them)."""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.app.flow import Mode, State
from kiosk.app.scan_prompt import ScanPrompt
from ui.bridge import AppContext

CHECK_MS = 250  # how often the camera's newest frame is looked at


class SpokenScanPrompt(QObject):
    """Watches the camera while ``screen`` shows the attract page; any button tapped on it ends the wait."""

    def __init__(self, context: AppContext, screen: QWidget, language: Callable[[], str],
                 clock: Callable[[], float] = time.monotonic) -> None:  # fmt: skip
        super().__init__(screen)
        self.context = context
        self.language = language
        self.prompt = ScanPrompt(clock)
        self.frames: Callable[[], np.ndarray | None] = self._camera_frame
        for button in screen.findChildren(QAbstractButton):
            button.clicked.connect(lambda _=False: self.prompt.activity())
        self.timer = QTimer(self, interval=CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def _camera_frame(self) -> np.ndarray | None:
        camera = self.context.app.camera
        return camera.latest() if camera is not None else None

    def check(self) -> None:
        flow = self.context.app.flow
        if flow.mode is not Mode.SELFSERVICE or flow.state is not State.IDLE:
            self.prompt.activity()  # a code, a search, a result: this person needs no prompt
            return
        self.prompt.see(self.frames())
        if self.prompt.due():
            self.context.sounds.say("scan", "zh" if self.language().startswith("zh") else "en")
