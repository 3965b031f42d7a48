"""The check-in service: resolve a code, decide, journal durably, then tell.

The one entry point for the CLI, the scan pipeline, the UI and sync. A
Decision is returned only after its journal entry is committed.
"""

from __future__ import annotations

import logging
import secrets
import sqlite3
import uuid
from dataclasses import replace
from datetime import datetime, timedelta

from kiosk import codes
from kiosk.changes import Changes
from kiosk.clock import Clock, SystemClock
from kiosk.errors import ErrorCode, NoEventError, NotFoundError, UnknownGateError
from kiosk.events import Listeners
from kiosk.importers.apply import delegate_row
from kiosk.model import (
    ENTRANCE,
    Action,
    Badge,
    Category,
    CheckIn,
    CodeKind,
    Decision,
    Delegate,
    Event,
    Forum,
    Gate,
    GateHistory,
    How,
    Outcome,
    ResolvedCode,
)
from kiosk.pretix.policy import PretixPolicy, journal_reason, policy_for
from kiosk.rules import decide, holder, leave
from kiosk.store import Store

log = logging.getLogger(__name__)
_ADMISSIONS = (Action.SCAN, Action.OVERRIDE, Action.WALKIN)  # the entries a void may cancel

MAX_CODE_LENGTH = 512


def clean_code(raw: str | bytes) -> str:
    """A scanned or typed code as text: trimmed, bounded, control characters made visible."""
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    text = text.strip()[:MAX_CODE_LENGTH]
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else f"\\x{ord(c) % 256:02x}" for c in text)


def new_code() -> str:
    """A fresh opaque badge code in the scanner-safe alphabet (see kiosk.codes)."""
    return "".join(secrets.choice(codes.ALPHABET) for _ in range(16))


class CheckinService:
    def __init__(
        self,
        store: Store,
        clock: Clock | None = None,
        desk: str = "desk-1",
        gate: str = ENTRANCE,
        forum_opens_before: timedelta = timedelta(minutes=30),
        forum_closes_after: timedelta = timedelta(0),
    ) -> None:
        self.store = store
        self.clock: Clock = clock or SystemClock()
        self.desk = desk
        self.operator = ""  # the volunteer signed in at this desk; journalled with each entry
        self._gate_id = gate
        self._forum_window = (forum_opens_before, forum_closes_after)
        self._cache_version = -1
        self._pretix: PretixPolicy | None = None
        self._event: Event | None = None
        self._forums: dict[str, Forum] = {}
        self._categories: dict[str, Category] = {}
        self.decided: Listeners[Decision] = Listeners()  # told after each decision is journalled
        self.gate  # noqa: B018 - fail early on an unknown gate

    # -- configuration ----------------------------------------------------------------------

    def _refresh(self) -> None:
        if self._cache_version != self.store.roster.version:
            self._event = self.store.roster.event()
            self._forums = {f.id: f for f in self.store.roster.forums()}
            self._pretix = policy_for(self.store)
            self._categories = {c.id: c for c in self.store.roster.categories()}
            self._cache_version = self.store.roster.version

    @property
    def event(self) -> Event:
        self._refresh()
        if self._event is None:
            raise NoEventError()
        return self._event

    @property
    def forums(self) -> dict[str, Forum]:
        self._refresh()
        return self._forums

    @property
    def categories(self) -> dict[str, Category]:
        self._refresh()
        return self._categories

    @property
    def gate(self) -> Gate:
        event = self.event
        if self._gate_id == ENTRANCE:
            return Gate.entrance(event)
        forum = self.forums.get(self._gate_id)
        if forum is None:
            raise UnknownGateError(self._gate_id, list(self.forums))
        return Gate.for_forum(forum, *self._forum_window)

    def set_gate(self, gate: str) -> None:
        previous, self._gate_id = self._gate_id, gate
        try:
            self.gate  # noqa: B018
        except UnknownGateError:
            self._gate_id = previous
            raise

    # -- the scan path ------------------------------------------------------------------------

    def resolve(self, code: str) -> ResolvedCode:
        # A keyboard-wedge scanner typing into a host with Caps Lock on sends lower case;
        # the codes the project issues are upper case, so the upper-case reading is tried too.
        for candidate in dict.fromkeys((code, code.upper())) if code else ():
            found = self.store.roster.lookup(candidate)
            if found is not None:
                badge, delegate = found
                return ResolvedCode(candidate, CodeKind.ROSTER, badge, delegate)
            if codes.looks_signed(candidate):
                return codes.resolve_signed(self.store, candidate, self.event)
        return ResolvedCode(code, CodeKind.UNKNOWN)

    def check_in(self, raw_code: str | bytes, how: How = How.UNKNOWN) -> Decision:
        """Decide on one presented code and journal the decision durably before returning it;
        ``how`` (camera, scanner, desk search …) is journalled with it."""
        code = clean_code(raw_code)
        event, gate = self.event, self.gate
        # One decision at a time per database, across processes: the write lock is taken
        # before the history is read, so another process scanning the same badge waits
        # and then sees this admission.
        with self.store.transaction() as conn:
            rehearsal = self.store.rehearsal
            now = self.clock.now()
            if self._pretix is not None and self._pretix.serves(gate.id):
                decision = self._pretix.decide(code, gate, now, rehearsal)
                reason = journal_reason(decision)
            else:
                decision, reason = self._decide(code, gate, event, now, rehearsal), ""
            changes = self._journal(conn, decision, Action.SCAN, reason, now, rehearsal, how)
        return self._told(changes)

    def _decide(self, code: str, gate: Gate, event: Event, now: datetime, rehearsal: bool) -> Decision:
        """The roster's rules (kiosk.rules) for a code of an imported or hub roster."""
        resolved = self.resolve(code)
        return decide(
            resolved, gate, event, self.forums.get(gate.id), self._history(resolved, gate, rehearsal), now
        )

    def check_out(self, raw_code: str | bytes, how: How = How.UNKNOWN) -> Decision:
        """Journal that the holder of a code left through this gate; the room count goes down.

        A code the kiosk does not know is refused and not journalled (nobody left); the
        listeners hear every answer, so the door shows it."""
        code, gate = clean_code(raw_code), self.gate
        with self.store.transaction() as conn:
            now, rehearsal = self.clock.now(), self.store.rehearsal
            if self._pretix is not None and self._pretix.serves(gate.id):
                decision = self._pretix.decide(code, gate, now, rehearsal, kind="exit")
            else:
                decision = self._leave(code, gate, rehearsal)
            if not decision.admitted:
                self.decided.emit(decision)
                return decision
            changes = self._journal(conn, decision, Action.EXIT, "", now, rehearsal, how)
        return self._told(changes)

    def _leave(self, code: str, gate: Gate, rehearsal: bool) -> Decision:
        resolved = self.resolve(code)
        return leave(resolved, gate, self._history(resolved, gate, rehearsal))

    def _history(self, resolved: ResolvedCode, gate: Gate, rehearsal: bool) -> GateHistory:
        """What the journal says of the code's holder at this gate (nothing for an unknown code)."""
        person = holder(resolved)
        return self.store.journal.history(person.id, gate.id, rehearsal) if person else GateHistory()

    def _record(
        self, decision: Decision, action: Action, reason: str, now: datetime, rehearsal: bool, how: How
    ) -> Changes:
        with self.store.transaction() as conn:
            changes = self._journal(conn, decision, action, reason, now, rehearsal, how)
        self._told(changes)
        return changes

    def _journal(
        self,
        conn: sqlite3.Connection,
        decision: Decision,
        action: Action,
        reason: str,
        now: datetime,
        rehearsal: bool,
        how: How = How.UNKNOWN,
    ) -> Changes:
        """Append the decision inside the caller's transaction; listeners hear it after commit."""
        delegate = decision.delegate
        entry = CheckIn(
            id=str(uuid.uuid4()),
            at=now,
            desk=self.desk,
            gate=decision.gate,
            code=decision.code,
            outcome=decision.outcome,
            delegate_id=delegate.id if delegate else None,
            action=action,
            reason=reason,
            rehearsal=rehearsal,
            how=how,
            operator=self.operator,
        )
        self.store.journal.append_in(conn, entry, category=delegate.category if delegate else "")
        log.info("decision %s at gate %s (%s)", decision.outcome, decision.gate, action)
        decision = replace(decision, checkin_id=entry.id)
        return Changes(entry=entry, decision=decision, delegate=delegate, journal=True)

    def _told(self, changes: Changes) -> Decision:
        """Tell the listeners of a committed decision; the decision."""
        assert changes.decision is not None
        self.decided.emit(changes.decision)
        return changes.decision

    # -- desk actions -------------------------------------------------------------------------

    def override(self, code: str, reason: str) -> Changes:
        """Admit the holder of a code the rules refused; the reason is journalled."""
        resolved = self.resolve(clean_code(code))
        delegate = resolved.delegate
        if delegate is None:
            raise NotFoundError(
                "cannot override an unknown code: register a walk-in instead",
                ErrorCode.UNKNOWN_CODE,
                code=resolved.code,
            )
        decision = Decision(Outcome.ADMITTED, self.gate.id, resolved.code, delegate)
        return self._record(
            decision, Action.OVERRIDE, reason, self.clock.now(), self.store.rehearsal, How.OVERRIDE
        )

    def void(self, checkin_id: str, reason: str) -> Changes:
        """Cancel an admission made by mistake; the delegate may then check in again."""
        original = self.store.journal.get(checkin_id)
        if original is None or original.action is Action.VOID:
            raise NotFoundError(
                f"no check-in {checkin_id!r} to void", ErrorCode.NO_CHECKIN, checkin_id=checkin_id
            )
        if original.outcome is not Outcome.ADMITTED or original.action not in _ADMISSIONS:
            raise NotFoundError(
                f"check-in {checkin_id!r} admitted nobody ({original.outcome}): nothing to void",
                ErrorCode.NOT_AN_ADMISSION,
                checkin_id=checkin_id,
            )
        if not self.store.journal.is_standing(checkin_id):
            raise NotFoundError(
                f"check-in {checkin_id!r} is already void", ErrorCode.ALREADY_VOID, checkin_id=checkin_id
            )
        entry = CheckIn(
            id=str(uuid.uuid4()), at=self.clock.now(), desk=self.desk, gate=original.gate,
            code=original.code, outcome=original.outcome, delegate_id=original.delegate_id,
            action=Action.VOID, reason=reason, voids=original.id, rehearsal=original.rehearsal,
            operator=self.operator,
        )  # fmt: skip
        self.store.journal.append(entry)
        return Changes(entry=entry, journal=True)

    def note(self, delegate: Delegate, action: Action, reason: str) -> Changes:
        """Journal a desk action that is not a decision (reprint, PIN failure …)."""
        entry = CheckIn(
            id=str(uuid.uuid4()), at=self.clock.now(), desk=self.desk, gate=self._gate_id,
            code=delegate.code, outcome=Outcome.ADMITTED, delegate_id=delegate.id, action=action,
            reason=reason, rehearsal=self.store.rehearsal, operator=self.operator,
        )  # fmt: skip
        self.store.journal.append(entry)
        return Changes(entry=entry, delegate=delegate, journal=True)

    def reissue(self, delegate_id: str, reason: str) -> Changes:
        """Give a delegate a new badge code; the old one is superseded (refused as revoked)."""
        delegate = self.store.roster.delegate(delegate_id)
        if delegate is None:
            raise NotFoundError(
                f"no delegate {delegate_id!r}", ErrorCode.NO_DELEGATE, delegate_id=delegate_id
            )
        fresh = replace(delegate, code=new_code())
        with self.store.transaction() as conn:
            self.store.roster.write_delegates(conn, [delegate_row(fresh)])
            self.store.roster.write_badges(conn, [Badge(fresh.code, delegate_id)])
        return Changes(roster=True).merged(self.note(fresh, Action.REISSUE, reason))

    def register_walkin(self, delegate: Delegate) -> Changes:
        """Add a delegate on the spot, with a new code, and admit them at this gate."""
        fresh = replace(delegate, id=delegate.id or f"walkin-{uuid.uuid4().hex[:10]}", code=new_code())
        with self.store.transaction() as conn:
            self.store.roster.write_delegates(conn, [delegate_row(fresh)])
            self.store.roster.write_badges(conn, [Badge(fresh.code, fresh.id)])
        decision = Decision(Outcome.ADMITTED, self.gate.id, fresh.code, fresh)
        changes = self._record(
            decision, Action.WALKIN, "walk-in", self.clock.now(), self.store.rehearsal, How.WALKIN
        )
        return Changes(roster=True).merged(changes)
