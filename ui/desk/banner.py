"""The desk's answer line: every decision in plain words, green or red, and the VIP notice.

Each refusal says what happened and what the volunteer can do about it, in the operator's
language (Qt's translation layer, context "DeskBanner").
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QEasingCurve, QPropertyAnimation, Qt, QTimer, Signal
from PySide6.QtWidgets import QGraphicsOpacityEffect, QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.model import Decision, Outcome

GREEN = "#2E7D32"
RED = "#C62828"
AMBER = "#FFB300"
FADE_AFTER_MS = 8000  # an answer stays this long in full, then fades

translate = QCoreApplication.translate


def outcome_text(outcome: Outcome) -> str:
    """The short name of an outcome (for the history table)."""
    return {
        Outcome.ADMITTED: translate("DeskBanner", "admitted"),
        Outcome.ALREADY_CHECKED_IN: translate("DeskBanner", "already checked in"),
        Outcome.UNKNOWN_BADGE: translate("DeskBanner", "unknown badge"),
        Outcome.REVOKED: translate("DeskBanner", "badge no longer valid"),
        Outcome.NOT_REGISTERED: translate("DeskBanner", "not registered here"),
        Outcome.TOO_EARLY: translate("DeskBanner", "too early"),
        Outcome.TOO_LATE: translate("DeskBanner", "too late"),
        Outcome.FORUM_FULL: translate("DeskBanner", "room full"),
        Outcome.INVALID_SIGNATURE: translate("DeskBanner", "forged code"),
        Outcome.WRONG_EVENT: translate("DeskBanner", "another event"),
    }[outcome]


def explain(decision: Decision, tz: ZoneInfo) -> str:
    """A decision in plain words for the volunteer, with what to do next."""
    outcome = decision.outcome
    if outcome is Outcome.ADMITTED:
        return (
            translate("DeskBanner", "Admitted again (re-entry)")
            if decision.reentry
            else translate("DeskBanner", "Admitted")
        )
    if outcome is Outcome.ALREADY_CHECKED_IN:
        first = decision.first_checkin
        if first is None:
            return translate("DeskBanner", "Already checked in. If the pass was lost, reprint it (F3).")
        when = first.at.astimezone(tz).strftime("%m-%d %H:%M")
        return (
            translate("DeskBanner", "Already checked in on %1 at %2. If the pass was lost, reprint it (F3).")
            .replace("%1", when)
            .replace("%2", first.desk)
        )
    if outcome is Outcome.FORUM_FULL:
        return (
            translate(
                "DeskBanner",
                "The room is full (%1 of %2 seats). Override (F4) only if the hall manager agrees.",
            )
            .replace("%1", str(decision.occupancy or 0))
            .replace("%2", str(decision.capacity or 0))
        )
    if outcome is Outcome.REVOKED and decision.delegate is not None and not decision.delegate.active:
        return translate(
            "DeskBanner",
            "Registration cancelled: this person is not expected. Override (F4) only if the organiser agrees.",
        )
    return {
        Outcome.UNKNOWN_BADGE: translate(
            "DeskBanner",
            "Unknown badge: this code is not in the roster. Search the name, or register a walk-in (F7).",
        ),
        Outcome.REVOKED: translate(
            "DeskBanner", "This badge was replaced by a newer one: ask for the new badge, or search the name."
        ),
        Outcome.NOT_REGISTERED: translate(
            "DeskBanner", "Not registered for this forum. Override (F4) if the organiser agrees."
        ),
        Outcome.TOO_EARLY: translate(
            "DeskBanner", "Check-in has not opened yet. Check the machine's clock and the event dates."
        ),
        Outcome.TOO_LATE: translate("DeskBanner", "Check-in has closed for this gate."),
        Outcome.INVALID_SIGNATURE: translate(
            "DeskBanner", "Forged or damaged code: the signature does not match. Search the name."
        ),
        Outcome.WRONG_EVENT: translate("DeskBanner", "This badge belongs to another event."),
    }[outcome]


class DecisionBanner(QLabel):
    """One line, big, coloured by the outcome; empty and quiet before the first decision.

    An answer stays in full for ``FADE_AFTER_MS``, then fades out (the search column keeps a
    "Last: …" line of it), so the next volunteer does not read the previous person's answer.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionBanner")
        self.setWordWrap(True)
        self.setMinimumHeight(64)
        self.setAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        self.opacity = QGraphicsOpacityEffect(self)
        self.setGraphicsEffect(self.opacity)
        self.fading = QPropertyAnimation(self.opacity, b"opacity", self)
        self.fading.setDuration(600)
        self.fading.setEasingCurve(QEasingCurve.Type.OutQuad)
        self.fading.finished.connect(self._faded)
        self.fade_timer = QTimer(self, singleShot=True, interval=FADE_AFTER_MS)
        self.fade_timer.timeout.connect(self.fade_out)
        self.clear_banner()

    def clear_banner(self) -> None:
        self.fade_timer.stop()
        self.fading.stop()
        self.opacity.setOpacity(1.0)
        self.setText("")
        self.setStyleSheet("background:transparent;")

    def fade_out(self) -> None:
        self.fade_timer.stop()
        self.fading.setStartValue(self.opacity.opacity())
        self.fading.setEndValue(0.0)
        self.fading.start()

    def _faded(self) -> None:
        self.clear_banner()

    def show_message(self, text: str, colour: str, dark_text: bool = False) -> None:
        fg = "#212121" if dark_text else "white"
        self.setStyleSheet(
            f"background:{colour}; color:{fg}; font-size:24px; font-weight:bold; "
            "padding:10px 16px; border-radius:6px;"
        )
        self.setText(text)
        self.fading.stop()
        self.opacity.setOpacity(1.0)
        self.fade_timer.start()

    def show_decision(self, decision: Decision, who: str, tz: ZoneInfo) -> None:
        text = explain(decision, tz)
        if who:
            text = f"{who} — {text}"
        self.show_message(text, GREEN if decision.admitted else RED)


class VipNotice(QWidget):
    """Amber notice for protocol staff; stays until someone acknowledges it."""

    acknowledged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("vipNotice")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            f"#vipNotice {{ background:{AMBER}; border-radius:6px; }}"
            "#vipNotice QLabel { color:#212121; font-size:22px; font-weight:bold; }"
            "#vipNotice QPushButton { font-size:18px; padding:6px 14px; }"
        )
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.ok = QPushButton()
        self.ok.clicked.connect(self.acknowledge)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.ok)
        self.names: list[str] = []
        self.hide()

    def announce(self, who: str, category: str) -> None:
        self.names.append(f"{who} ({category})")
        self.label.setText(
            translate("DeskBanner", "★ VIP arrived: %1. Please inform the protocol staff.").replace(
                "%1", "; ".join(self.names)
            )
        )
        self.ok.setText(translate("DeskBanner", "Protocol informed"))
        self.show()

    def acknowledge(self) -> None:
        self.names.clear()
        self.hide()
        self.acknowledged.emit()
