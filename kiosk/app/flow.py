"""The screen flow: modes and states, changed only through named transitions with a reason.

Plain Python, no Qt (``ui.bridge`` re-emits its changes as signals). Every change
is logged with its reason, so the log tells the story of what a kiosk showed.

Self-service:  idle -> result -> printing -> idle, idle -> search -> confirm -> result | desk
Desk:          idle -> result -> override | card ...
Door:          idle -> result -> idle
Admin:         idle (settings) — entered behind the PIN
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from kiosk.events import Listeners
from kiosk.model import Mode

__all__ = ["ANY", "FlowChange", "FlowError", "Mode", "ScreenFlow", "State", "TRANSITIONS", "Transition"]

log = logging.getLogger(__name__)


class State(StrEnum):
    IDLE = "idle"  # attract screen / waiting for a scan
    RESULT = "result"  # a decision is on screen
    PRINTING = "printing"  # the pass is being printed (or queued for the desk)
    SEARCH = "search"  # "No QR code?" name search
    CONFIRM = "confirm"  # phone-tail confirmation of a searched delegate
    SEND_TO_DESK = "send_to_desk"  # too many wrong tries: please go to the help desk
    CARD = "card"  # desk: a delegate card is shown
    OVERRIDE = "override"  # desk: override dialog for a refusal
    PIN = "pin"  # the admin PIN is being asked


ANY: frozenset[State] = frozenset(State)


@dataclass(frozen=True, slots=True)
class Transition:
    name: str
    sources: frozenset[State]
    target: State


TRANSITIONS: dict[str, Transition] = {
    t.name: t
    for t in (
        Transition("decide", ANY - {State.PIN}, State.RESULT),
        Transition("print", frozenset({State.RESULT}), State.PRINTING),
        Transition("reset", ANY, State.IDLE),
        Transition(
            "search", frozenset({State.IDLE, State.RESULT, State.SEARCH, State.CONFIRM}), State.SEARCH
        ),
        Transition("pick", frozenset({State.SEARCH, State.CONFIRM}), State.CONFIRM),
        Transition("give_up", frozenset({State.SEARCH, State.CONFIRM}), State.SEND_TO_DESK),
        Transition("card", ANY - {State.PIN}, State.CARD),
        Transition("override", frozenset({State.RESULT, State.CARD}), State.OVERRIDE),
        Transition("ask_pin", ANY, State.PIN),
    )
}


class FlowError(Exception):
    """A transition asked from a state that does not allow it (a programming error)."""


@dataclass(frozen=True, slots=True)
class FlowChange:
    """What one transition did; handed to every listener."""

    transition: str
    mode: Mode
    previous: State
    state: State
    reason: str
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def mode_changed(self) -> bool:
        return self.transition == "enter_mode"


class ScreenFlow:
    """The one state machine behind every screen. Not thread-safe: drive it from the UI thread."""

    def __init__(self, mode: Mode = Mode.SELFSERVICE) -> None:
        self.mode = mode
        self.state = State.IDLE
        self.data: dict[str, Any] = {}
        self._previous_mode = mode
        self.changed: Listeners[FlowChange] = Listeners()

    def can(self, name: str) -> bool:
        transition = TRANSITIONS.get(name)
        return transition is not None and self.state in transition.sources

    def fire(self, name: str, reason: str, **data: Any) -> FlowChange:
        """Take the named transition; raises FlowError if the current state does not allow it."""
        transition = TRANSITIONS.get(name)
        if transition is None:
            raise FlowError(f"no transition {name!r}")
        if self.state not in transition.sources:
            raise FlowError(f"{name!r} is not allowed from {self.state} in {self.mode}")
        return self._move(name, transition.target, reason, data)

    def confirm_failed(self, reason: str, tries_left: int) -> FlowChange:
        """A wrong phone tail: stay in confirm, or send the guest to the desk when no try is left.

        The tries are counted per delegate in the journal (``kiosk.app.phone_check``), not here,
        so going back to the search or restarting does not give them back.
        """
        if tries_left <= 0:
            return self.fire("give_up", f"{reason}; no tries left")
        return self._move("confirm_failed", State.CONFIRM, reason, {"tries_left": tries_left})

    def enter_mode(self, mode: Mode, reason: str) -> FlowChange:
        """Switch mode; the new mode starts idle."""
        self._previous_mode = self.mode
        self.mode = mode
        return self._move("enter_mode", State.IDLE, reason, {"previous_mode": self._previous_mode})

    def leave_admin(self, reason: str) -> FlowChange:
        """Back from admin to the mode the kiosk was in before."""
        target = self._previous_mode if self._previous_mode != Mode.ADMIN else Mode.SELFSERVICE
        return self.enter_mode(target, reason)

    def _move(self, name: str, target: State, reason: str, data: dict[str, Any]) -> FlowChange:
        change = FlowChange(name, self.mode, self.state, target, reason, data)
        self.state = target
        self.data = data
        log.info("flow %s: %s -> %s in %s (%s)", name, change.previous, target, self.mode, reason)
        self.changed.emit(change)
        return change
