"""Calls from the self-service kiosks for the volunteers at a desk, decided without Qt.

A guest who presses Help (``Action.HELP_CALL``) or types wrong phone digits
(``Action.PHONE_FAILURE``) leaves a journal entry naming the kiosk; other kiosks' entries reach
a desk's journal by sync. ``KioskCalls.poll`` reads the entries added since it last looked and
keeps one call per kiosk and kind (a second press of Help, or another wrong try, updates its
time and count) until a volunteer acknowledges it. A call says which kiosk and when, never who:
the phone-digit entry's delegate stays in the journal, for the delegate's card.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from kiosk.clock import Clock
from kiosk.model import Action
from kiosk.store.journal import Journal

CALL_ACTIONS = frozenset({Action.HELP_CALL, Action.PHONE_FAILURE})
RECENT = timedelta(minutes=30)  # an older call (from before the desk started) is not raised


@dataclass(frozen=True, slots=True)
class KioskCall:
    kind: Action  # HELP_CALL or PHONE_FAILURE
    desk: str  # the kiosk's desk id (kiosk-3)
    at: datetime  # the latest press or try
    count: int = 1  # presses or wrong tries since the last acknowledgement


class KioskCalls:
    """The calls waiting for a volunteer at this desk; ``poll`` from any thread."""

    def __init__(self, journal: Journal, clock: Clock) -> None:
        self._journal, self._clock = journal, clock
        self._cursor = 0
        self._waiting: dict[tuple[Action, str], KioskCall] = {}
        self._lock = threading.Lock()  # poll runs on a worker, acknowledge on the UI thread

    def poll(self) -> list[KioskCall]:
        """Read the journal entries added since the last poll; the calls waiting, oldest first."""
        oldest = self._clock.now() - RECENT
        with self._lock:
            entries, self._cursor = self._journal.of_actions(CALL_ACTIONS, after=self._cursor)
            for entry in entries:
                if entry.at >= oldest:
                    key = (entry.action, entry.desk)
                    known = self._waiting.get(key)
                    self._waiting[key] = (
                        KioskCall(entry.action, entry.desk, entry.at)
                        if known is None
                        else replace(known, at=max(known.at, entry.at), count=known.count + 1)
                    )
            return self._sorted()

    def waiting(self) -> list[KioskCall]:
        with self._lock:
            return self._sorted()

    def acknowledge(self, call: KioskCall) -> None:
        """A volunteer is on the way: the call goes; the next press or try raises a new one."""
        with self._lock:
            self._waiting.pop((call.kind, call.desk), None)

    def _sorted(self) -> list[KioskCall]:
        return sorted(self._waiting.values(), key=lambda c: c.at)
