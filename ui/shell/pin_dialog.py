"""The admin PIN: the only way out of self-service. Five wrong PINs lock entry,
longer each round (kiosk/security.py); the dialog says for how long, in the operator's language.

Uses kiosk.security.PinGuard (slow salted hash, failures journalled). The check runs off
the UI thread (scrypt takes ~50 ms by design).
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from ui.bridge import AppContext
from ui.widgets.keyboard import OnScreenKeyboard
from ui.widgets.result_panel import big_font

log = logging.getLogger(__name__)


def pin_guard(context: AppContext) -> Any:
    from kiosk.security import PinGuard

    return PinGuard(context.app.store, context.app.service.clock, context.app.service.desk)


class PinDialog(QDialog):
    """Asks for the PIN; ``accepted`` only after a right PIN. ``checked(PinCheck)`` after each try."""

    checked = Signal(object)

    def __init__(self, context: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.context = context
        self.guard = pin_guard(context)
        self.setModal(True)
        self.setWindowTitle(self.tr("Admin PIN"))
        self.setMinimumSize(460, 560)
        layout = QVBoxLayout(self)
        self.prompt = QLabel(self.tr("Enter the admin PIN"))
        self.prompt.setFont(big_font(self.font(), 22, True))
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setFont(big_font(self.font(), 26))
        self.field.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field.returnPressed.connect(self.submit)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setFont(big_font(self.font(), 16, True))
        self.message.setStyleSheet("color: #B71C1C;")
        keypad = OnScreenKeyboard(digits_only=True)
        keypad.typed.connect(lambda key: self.field.setText(self.field.text() + key))
        keypad.erased.connect(lambda: self.field.setText(self.field.text()[:-1]))
        buttons = QHBoxLayout()
        self.cancel = QPushButton(self.tr("Cancel"))
        self.ok = QPushButton(self.tr("Unlock"))
        self.cancel.clicked.connect(self.reject)
        self.ok.clicked.connect(self.submit)
        for button in (self.cancel, self.ok):
            button.setMinimumHeight(52)
            button.setFont(big_font(self.font(), 18, True))
            buttons.addWidget(button)
        for widget in (self.prompt, self.field, self.message):
            layout.addWidget(widget)
        layout.addWidget(keypad, 1)
        layout.addLayout(buttons)

    def submit(self) -> None:
        pin = self.field.text()
        self.field.clear()
        if not pin:
            return
        self.ok.setEnabled(False)
        self.context.run_in_background(
            self.guard.check, pin, on_done=self._on_checked, on_error=self._on_error
        )

    def _on_error(self, exc: BaseException) -> None:
        self.ok.setEnabled(True)
        self.message.setText(str(exc))

    def _on_checked(self, result: Any) -> None:
        self.ok.setEnabled(True)
        self.checked.emit(result)
        if result.ok:
            log.info("admin PIN accepted")
            self.accept()
            return
        if result.locked:
            until = result.locked_until.astimezone()
            minutes = max(1, -(-int(result.wait.total_seconds()) // 60))  # whole minutes, rounded up
            self.message.setText(
                self.tr("Too many wrong PINs. PIN entry is locked for %1 min, until %2.")
                .replace("%1", str(minutes))
                .replace("%2", until.strftime("%H:%M:%S"))
            )
            log.warning("admin PIN entry locked after wrong PINs")
        else:
            self.message.setText(self.tr("Wrong PIN. Tries left: %1").replace("%1", str(result.tries_left)))
