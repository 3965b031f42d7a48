"""What the guest at a self-service kiosk is shown, decided without Qt.

- **Which language first**: the kiosk's, until the guest taps 中文 / EN or a scan tells us
  the delegate's language; back to the kiosk's for the next guest.
- **The outcome's look**: one of three shapes and words (✓ 欢迎 WELCOME, ! 已签到 DONE,
  ✕ 请到服务台 SEE STAFF), so colour never carries the outcome alone.
- **What a public screen may say**: a refusal never names the person, and a personal reason
  (a cancelled or replaced registration, a forum not booked) is left to the desk.
- **How long a result stays**: short for a welcome, long enough to read for a refusal.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from kiosk.app.language import normalize_language
from kiosk.errors import KioskError
from kiosk.model import Action, CheckIn, Decision, Outcome
from kiosk.rules import window
from kiosk.service import CheckinService


class Look(StrEnum):
    WELCOME = "welcome"  # ✓ admitted (first time or again)
    DONE = "done"  # ! already checked in
    STAFF = "staff"  # ✕ anything else: please see the staff


# Reasons about the person, not the badge: the queue behind them must not read them.
PERSONAL = frozenset({Outcome.REVOKED, Outcome.NOT_REGISTERED})
WELCOME_SECONDS = 3  # a green result: long enough to see the name, short for the queue


def look(decision: Decision) -> Look:
    if decision.admitted:
        return Look.WELCOME
    if decision.outcome is Outcome.ALREADY_CHECKED_IN:
        return Look.DONE
    return Look.STAFF


def says_reason(decision: Decision) -> bool:
    """May the public screen say why this was refused? Not when the reason is about the person."""
    return not decision.admitted and decision.outcome not in PERSONAL


def result_seconds(decision: Decision | None, reading_seconds: int) -> int:
    """How long a result stays on a self-service screen; a tap dismisses it sooner.

    ``reading_seconds`` is the operator's setting (``Settings.reset_seconds``, 8 by default):
    how long a refusal stays, with its OK button. A welcome stays 3 s (or less, if set lower).
    """
    if decision is not None and look(decision) is Look.WELCOME:
        return min(WELCOME_SECONDS, reading_seconds)
    return reading_seconds


def other_language(language: str) -> str:
    return "en" if normalize_language(language) == "zh_CN" else "zh_CN"


class GuestLanguage:
    """The language a guest reads first; the other is always shown beneath it."""

    def __init__(self, kiosk_language: Callable[[], str]) -> None:
        self._kiosk = kiosk_language
        self._chosen: str | None = None

    @property
    def first(self) -> str:
        return self._chosen or normalize_language(self._kiosk())

    @property
    def second(self) -> str:
        return other_language(self.first)

    def choose(self, language: str) -> None:
        self._chosen = normalize_language(language)

    def toggle(self) -> str:
        self.choose(self.second)
        return self.first

    def follow(self, decision: Decision) -> None:
        """After a scan the delegate's own language comes first (when the roster knows it)."""
        delegate = decision.delegate
        if delegate is not None and delegate.language:
            self.choose(delegate.language)

    def reset(self) -> None:
        self._chosen = None


# -- facts for the next step: when, and where ---------------------------------------------------


@dataclass(frozen=True, slots=True)
class When:
    """A time as a guest reads it: ``day`` is today | tomorrow | yesterday | "" (then ``date``)."""

    day: str
    date: str  # 12-06
    time: str  # 08:31


def when(at: datetime, now: datetime, timezone: str) -> When:
    tz = ZoneInfo(timezone)
    local, today = at.astimezone(tz), now.astimezone(tz).date()
    days = (local.date() - today).days
    day = {0: "today", 1: "tomorrow", -1: "yesterday"}.get(days, "")
    return When(day, local.strftime("%m-%d"), local.strftime("%H:%M"))


def gate_window(service: CheckinService) -> tuple[datetime, datetime] | None:
    """When this kiosk's gate lets people in (for "check-in opens 08:00"); None without an event."""
    try:
        gate, event = service.gate, service.event
    except KioskError:
        return None
    return window(gate, event, service.forums.get(gate.id))


_DESK = re.compile(r"(?:desk|kiosk)[-_ ]?(\d+)", re.IGNORECASE)


def desk_number(desk: str) -> str | None:
    """desk-1 -> "1" (shown as "Desk 1", "1 号服务台"); None for a desk named otherwise."""
    found = _DESK.fullmatch(desk.strip())
    return found.group(1) if found else None


def call_help(service: CheckinService) -> CheckIn:
    """A guest pressed Help: a journal entry naming this kiosk, which syncs to the hub and the desks."""
    entry = CheckIn(
        id=str(uuid.uuid4()), at=service.clock.now(), desk=service.desk, gate=service.gate.id, code="",
        outcome=Outcome.UNKNOWN_BADGE, action=Action.HELP_CALL, reason=f"a guest asks for help at {service.desk}",
        rehearsal=service.store.rehearsal,
    )  # fmt: skip
    service.store.journal.append(entry)
    return entry
