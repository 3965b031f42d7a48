"""USB barcode scanners in every mode, without focusing a field.

An application-wide event filter feeds every key press to kiosk.scan.hid's burst detector.
A burst at scanner speed closed by Enter is a code: it goes to ``context.app.intake`` (the same
check-in path as the camera's codes) and its Enter is swallowed so it triggers nothing else.
People typing are never mistaken for a scanner (they are far slower than its few ms a key).
"""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from kiosk.app.intake import CodeSource
from kiosk.scan.hid import BurstReader
from ui.bridge import AppContext

log = logging.getLogger(__name__)
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScannerInput(QObject):
    """Install with ``app.installEventFilter(scanner)``; emits ``scanned(code)`` for each burst."""

    scanned = Signal(str)

    def __init__(
        self, context: AppContext, parent: QObject | None = None, clock: Any = time.monotonic
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.reader = BurstReader()
        self.clock = clock
        self._last: tuple[QWidget, str] | None = None  # the widget and key last fed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress:
            return False
        if not isinstance(watched, QWidget):
            return False  # the window hands the same key on to a widget: count it there, once
        key_event: QKeyEvent = event  # type: ignore[assignment]
        key = "Enter" if key_event.key() in ENTER_KEYS else key_event.text()
        previous = self._last
        self._last = (watched, key)
        if previous is not None and previous[1] == key and _propagated(previous[0], watched):
            return False  # the same press, ignored by a child and passed on to its parent
        if not key:
            return False
        code = self.reader.feed(key, self.clock())
        if code is None:
            return False
        log.info("code from a USB scanner")
        self.scanned.emit(code)
        self.context.app.intake.submit(code, CodeSource.SCANNER)
        return True  # the burst's Enter must not also press a button or submit a field


def _propagated(child: QWidget, receiver: QWidget) -> bool:
    try:
        return receiver is not child and receiver.isAncestorOf(child)
    except RuntimeError:  # the earlier widget is gone
        return False
