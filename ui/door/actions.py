"""The volunteer's bar under a refusal at the door: what to do, and the one-key actions.

F4 lets the person in anyway, with a reason (journalled as an override); F8 calls the
supervisor: the name and number the admin set, and the refusal stays on screen until the
volunteer goes on. Either one stops the door from going back to scanning on its own.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.model import Decision
from ui.widgets.result_panel import big_font

BAR_STYLE = "QWidget#doorActions { background: #FFF8E1; border-top: 3px solid #C25E00; }"
BUTTON_STYLE = "QPushButton { min-height: 56px; padding: 4px 18px; }"


class DoorActions(QWidget):
    engaged = Signal()  # the volunteer started acting on this refusal: keep it on screen
    override = Signal(str, str)  # code, reason
    done = Signal()  # back to scanning

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doorActions")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(BAR_STYLE + BUTTON_STYLE)
        self.decision: Decision | None = None
        self.supervisor = ""
        self.guide = QLabel()
        self.guide.setWordWrap(True)
        self.guide.setFont(big_font(self.font(), 18, True))
        self.note = QLabel()  # the supervisor's contact, or what went wrong
        self.note.setWordWrap(True)
        self.note.setFont(big_font(self.font(), 16))
        self.let_in = QPushButton()
        self.call = QPushButton()
        self.back = QPushButton()
        for button in (self.let_in, self.call, self.back):
            button.setFont(big_font(self.font(), 16, True))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.reason = QLineEdit()
        self.reason.setFont(big_font(self.font(), 16))
        self.reason.setMinimumHeight(56)
        self.confirm = QPushButton()
        self.confirm.setFont(big_font(self.font(), 16, True))
        self.let_in.clicked.connect(self.ask_reason)
        self.call.clicked.connect(self.call_supervisor)
        self.back.clicked.connect(self.done)
        self.confirm.clicked.connect(self._confirm)
        self.reason.returnPressed.connect(self._confirm)
        self.reason.textChanged.connect(lambda text: self.confirm.setEnabled(bool(text.strip())))
        buttons = QHBoxLayout()
        buttons.addWidget(self.let_in)
        buttons.addWidget(self.call)
        buttons.addStretch(1)
        buttons.addWidget(self.back)
        self.reason_row = QWidget()
        row = QHBoxLayout(self.reason_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.reason, 1)
        row.addWidget(self.confirm)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.addWidget(self.guide)
        layout.addWidget(self.note)
        layout.addWidget(self.reason_row)
        layout.addLayout(buttons)
        self.retranslate()
        self.show_for(None, "")

    def retranslate(self) -> None:
        self.let_in.setText(self.tr("Let in anyway (F4)"))
        self.call.setText(self.tr("Call supervisor (F8)"))
        self.back.setText(self.tr("Next person (Esc)"))
        self.reason.setPlaceholderText(self.tr("Why let them in? (required, kept in the journal)"))
        self.confirm.setText(self.tr("Let in"))

    def show_for(self, decision: Decision | None, guide: str) -> None:
        """Show the bar for a refusal (hidden for an admission or nothing)."""
        self.decision = decision if decision is not None and not decision.admitted else None
        self.setVisible(self.decision is not None)
        self.guide.setText(guide)
        self.note.clear()
        self.note.hide()
        self.reason.clear()
        self.reason_row.hide()
        self.confirm.setEnabled(False)
        # Only someone the roster knows can be let in anyway, and only on the way in.
        self.let_in.setVisible(self.decision is not None and self.decision.delegate is not None
                               and not self.decision.exit)  # fmt: skip

    def ask_reason(self) -> None:
        if self.decision is None or not self.let_in.isVisible():
            return
        self.engaged.emit()
        self.reason_row.show()
        self.reason.setFocus()

    def call_supervisor(self) -> None:
        if self.decision is None:
            return
        self.engaged.emit()
        who = self.supervisor.strip()
        self.note.setText(
            self.tr("Supervisor: %1. Keep the person here; this screen waits.").replace("%1", who)
            if who
            else self.tr(
                "No supervisor is set: the admin sets one in Admin → Settings. Keep the person here."
            )
        )
        self.note.show()

    def failed(self, message: str) -> None:
        self.note.setText(message)
        self.note.show()

    def _confirm(self) -> None:
        reason = self.reason.text().strip()
        if self.decision is not None and reason:
            self.override.emit(self.decision.code, reason)
