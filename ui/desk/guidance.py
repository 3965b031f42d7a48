"""What a volunteer should do about a refusal, in words and in one-key buttons under the answer.

The facts come from ``kiosk.app.desk.guidance`` (which forums, where, since when); this module
says them in the operator's language ("Registered for B2 and C5 — B2 is in Hall B") and shows
the keys for the next step: override with a reason, print the pass, call the supervisor.
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.app.desk import Guidance, Step
from kiosk.model import Outcome

translate = QCoreApplication.translate
STEP_KEYS = {Step.OVERRIDE: "F4", Step.PRINT: "F3", Step.WALKIN: "F7", Step.SUPERVISOR: "F8"}


def step_label(step: Step) -> str:
    return {
        Step.OVERRIDE: translate("DeskGuidance", "Override with a reason"),
        Step.PRINT: translate("DeskGuidance", "Print the pass"),
        Step.WALKIN: translate("DeskGuidance", "Register a walk-in"),
        Step.SUPERVISOR: translate("DeskGuidance", "Call the supervisor"),
    }[step]


def guidance_text(guidance: Guidance, language: str, tz: ZoneInfo) -> str:
    """The next thing to do, naming forums, halls and dates; "" when the banner already says it."""
    if guidance.outcome is Outcome.NOT_REGISTERED:
        if not guidance.registered:
            return translate("DeskGuidance", "Not registered for any forum: send to the registration desk.")
        names = [f.name(language) for f in guidance.registered]
        if language.startswith("zh") or len(names) == 1:
            listed = "、".join(names)
        else:
            listed = ", ".join(names[:-1]) + translate("DeskGuidance", " and ") + names[-1]
        text = translate("DeskGuidance", "Registered for %1").replace("%1", listed)
        target = guidance.send_to
        if target is not None and target.hall:
            text += (
                translate("DeskGuidance", " — %1 is in hall %2")
                .replace("%1", target.name(language))
                .replace("%2", target.hall)
            )
        return text
    if guidance.outcome is Outcome.REVOKED and guidance.cancelled_on is not None:
        return translate("DeskGuidance", "Cancelled on %1 — send to the registration desk.").replace(
            "%1", guidance.cancelled_on.astimezone(tz).strftime("%m-%d")
        )
    if guidance.outcome is Outcome.REVOKED and Step.OVERRIDE in guidance.steps:
        return translate("DeskGuidance", "Cancelled — send to the registration desk.")
    return ""


class GuidanceBar(QWidget):
    """The next step in words and a button per one-key action; hidden after an admission."""

    step = Signal(str)  # a Step value

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskGuidance")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.text = QLabel()
        self.text.setObjectName("guidanceText")
        self.text.setWordWrap(True)
        self.row = QHBoxLayout()
        self.buttons: dict[Step, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.text)
        layout.addLayout(self.row)
        self.guidance: Guidance | None = None
        self.hide()

    def show_guidance(self, guidance: Guidance | None, language: str, tz: ZoneInfo) -> None:
        self.guidance = guidance
        for button in self.buttons.values():
            self.row.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.buttons.clear()
        if guidance is None:
            self.hide()
            return
        words = guidance_text(guidance, language, tz)
        self.text.setText(words)
        self.text.setVisible(bool(words))
        for step in guidance.steps:
            button = QPushButton(f"{step_label(step)}  [{STEP_KEYS[step]}]")
            button.setObjectName("guidanceStep")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, s=step: self.step.emit(str(s)))
            self.row.addWidget(button)
            self.buttons[step] = button
        self.show()
