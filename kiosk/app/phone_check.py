"""A guest's phone digits at a self-service kiosk: three tries per delegate, counted in the journal.

Each wrong try is a journal entry (``Action.PHONE_FAILURE``) for the delegate searched, so the
count survives going back to the search, picking the name again and restarting the kiosk, and
syncs to the other desks. After three the name is locked at self-service: the guest is sent to
the desk, where a volunteer checks them in (an admission ends the lock).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from kiosk.model import Action, CheckIn, Delegate, Outcome
from kiosk.service import CheckinService

MAX_TRIES = 3
_ADMISSIONS = (Action.SCAN, Action.OVERRIDE, Action.WALKIN)


@dataclass(frozen=True, slots=True)
class PhoneCheck:
    ok: bool
    tries_left: int

    @property
    def locked(self) -> bool:
        return not self.ok and self.tries_left == 0


def phone_tail_matches(delegate: Delegate, digits: str) -> bool:
    phone = "".join(c for c in delegate.phone if c.isdigit())
    return len(phone) >= 4 and len(digits) == 4 and phone[-4:] == digits


class PhoneTries:
    def __init__(self, service: CheckinService) -> None:
        self.service = service

    def failures(self, delegate_id: str) -> int:
        """Wrong tries for the delegate since they were last admitted (anywhere, any desk)."""
        count = 0
        for entry in self.service.store.journal.for_delegate(delegate_id):
            if entry.action is Action.PHONE_FAILURE:
                count += 1
            elif entry.action in _ADMISSIONS and entry.outcome is Outcome.ADMITTED:
                count = 0
        return count

    def tries_left(self, delegate_id: str) -> int:
        return max(0, MAX_TRIES - self.failures(delegate_id))

    def check(self, delegate: Delegate, digits: str) -> PhoneCheck:
        """Compare the digits; a wrong try is journalled before the answer is given."""
        left = self.tries_left(delegate.id)
        if left == 0:
            return PhoneCheck(False, 0)
        if phone_tail_matches(delegate, digits):
            return PhoneCheck(True, left)
        service = self.service
        entry = CheckIn(
            id=str(uuid.uuid4()), at=service.clock.now(), desk=service.desk, gate=service.gate.id, code="",
            outcome=Outcome.INVALID_SIGNATURE, delegate_id=delegate.id, action=Action.PHONE_FAILURE,
            reason=f"wrong phone digits at self-service ({MAX_TRIES - left + 1} of {MAX_TRIES})",
            rehearsal=service.store.rehearsal,
        )  # fmt: skip
        service.store.journal.append(entry)
        return PhoneCheck(False, left - 1)
