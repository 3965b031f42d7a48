"""The check-in service's pretix path: resolve a scanned secret, gather history, decide.

``PretixPolicy.decide`` returns a ``Decision`` like the roster rules do; the service journals
it (kiosk.service). Signed secrets the roster does not know yet are verified with the
event's keys and decided on what they carry; revoked and blocked secret lists apply.
"""

from __future__ import annotations

from datetime import datetime

from kiosk.model import Action, Decision, Delegate, Gate, GateHistory, Outcome
from kiosk.pretix import signed
from kiosk.pretix import store as pstore
from kiosk.pretix.decide import RULES_NOT_CHECKED, CheckinList, Ticket, Verdict, decide, outcome_of
from kiosk.pretix.mapping import Mapping
from kiosk.pretix.rules import Entry
from kiosk.store import Store

_ENTRY_ACTIONS = (str(Action.SCAN), str(Action.OVERRIDE))


class PretixPolicy:
    def __init__(self, store: Store, mapping: Mapping) -> None:
        self.store = store
        self.mapping = mapping
        self._keys = signed.public_keys({"pretix_sig1": mapping.public_keys})

    def serves(self, gate: str) -> bool:
        return self.mapping.checkin_list(gate) is not None

    # -- history ---------------------------------------------------------------------------------

    def entries(self, ticket: Ticket, clist: CheckinList) -> tuple[Entry, ...]:
        """This ticket's check-ins on this list: pretix's (as of the last sync) and the kiosk's own."""
        found: dict[tuple[str, datetime], Entry] = {}
        secrets = [ticket.secret]
        if ticket.position_id is not None:
            rows = self.store.query(
                "SELECT type, at FROM pretix_checkins WHERE position_id = ? AND list_id = ?",
                (ticket.position_id, clist.id),
            )
            for kind, at in rows:
                entry = Entry(kind, datetime.fromisoformat(at))
                found[(kind, entry.at)] = entry
            owners = [p for p in (ticket.position_id, ticket.addon_to) if p is not None]
            secrets = [r[0] for r in self.store.query(
                f"SELECT secret FROM pretix_secrets WHERE position_id IN ({', '.join('?' * len(owners))})",
                tuple(owners),
            )] or secrets  # fmt: skip
        local = self.store.query(
            f"SELECT j.action, j.at FROM journal j WHERE j.code IN ({', '.join('?' * len(secrets))}) "
            "AND j.gate = ? AND j.rehearsal = 0 AND ((j.outcome = 'admitted' AND j.action IN (?, ?)) "
            "OR j.action = ?) AND NOT EXISTS (SELECT 1 FROM journal v WHERE v.voids = j.id)",
            (*secrets, clist.gate, *_ENTRY_ACTIONS, str(Action.EXIT)),
        )
        for action, at in local:
            kind = "exit" if action == str(Action.EXIT) else "entry"
            entry = Entry(kind, datetime.fromisoformat(at))
            found.setdefault((kind, entry.at), entry)
        return tuple(found.values())

    # -- deciding --------------------------------------------------------------------------------

    def verdict(self, code: str, clist: CheckinList, now: datetime, kind: str = "entry") -> Verdict:
        """pretix's answer, offline, to scanning ``code`` at ``clist`` at ``now``."""
        candidates = pstore.candidates(self.store, code, clist.addon_match)
        if not candidates:
            if pstore.is_listed(self.store, "pretix_revoked", code):
                return Verdict("revoked")
            ticket = signed.verify(code, self._keys)
            if ticket is None:
                return Verdict("invalid")
            if pstore.is_listed(self.store, "pretix_blocked", code):
                return Verdict("blocked")
            candidates = [Ticket(code, ticket.item, ticket.variation, valid_from=ticket.valid_from,
                                 valid_until=ticket.valid_until, known=False)]  # fmt: skip
        return decide(candidates, clist, lambda t: self.entries(t, clist), self.mapping.times(), now, kind)

    def _holder(self, verdict: Verdict) -> Delegate | None:
        ticket = verdict.ticket
        if ticket is None:
            return None
        if ticket.position_id is not None:
            delegate_id = pstore.delegate_of(self.store, ticket.position_id)
            return self.store.roster.delegate(delegate_id) if delegate_id else None
        return Delegate(id=f"signed-{ticket.secret[-24:]}", code=ticket.secret, name="",
                        category=self.mapping.category_of(ticket.item, ticket.variation))  # fmt: skip

    def decide(self, code: str, gate: Gate, now: datetime, rehearsal: bool, kind: str = "entry") -> Decision:
        clist = self.mapping.checkin_list(gate.id)
        assert clist is not None, "serves() is asked first"
        verdict = self.verdict(code, clist, now, kind)
        delegate = self._holder(verdict)
        history = self.store.journal.history(delegate.id, gate.id, rehearsal) if delegate else GateHistory()
        outcome = outcome_of(verdict)
        admitted, entering = outcome is Outcome.ADMITTED, kind != "exit"
        moves = int(not history.inside) if entering else -int(history.inside)  # the room count's change
        return Decision(
            outcome, gate.id, code, delegate, reentry=admitted and verdict.reentry,
            first_checkin=history.first_admission,
            via_signature=verdict.ticket is not None and not verdict.ticket.known,
            occupancy=history.occupancy + (moves if admitted else 0),
            admitted_today=history.admitted_count + int(admitted and entering and history.first_admission is None),
            exit=not entering,
            reason=verdict.reason, flags=verdict.flags,
        )  # fmt: skip


def journal_reason(decision: Decision) -> str:
    """What the journal entry says: pretix's refusal, or that rules were not checked offline."""
    if RULES_NOT_CHECKED in decision.flags:
        return RULES_NOT_CHECKED
    return "" if decision.admitted else f"pretix: {decision.reason}"


def policy_for(store: Store) -> PretixPolicy | None:
    """The pretix path when this store is connected to a pretix event, else None."""
    if store.get_meta(pstore.MAPPING) is None:
        return None
    mapping = pstore.mapping(store)
    return PretixPolicy(store, mapping) if mapping else None
