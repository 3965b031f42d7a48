"""Deciding like pretix, offline: one pure function from what the kiosk knows to a Verdict.

It follows pretix's own order (``checkinrpc/redeem``): find the candidate positions (the
secret, and with ``addon_match`` the add-ons of the ticket with that secret), narrow them by
the list's products and validity, then refuse for ``canceled``, ``blocked``, ``unapproved``,
``invalid_time``, ``product``, ``unpaid``, ``rules``, ``already_redeemed`` in that order.
Reasons are pretix's own codes; ``outcome_of`` maps them onto the kiosk's closed set.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kiosk.model import Outcome
from kiosk.pretix.rules import Entry, RuleContext, UnsupportedRule, evaluate, failed_kind

RULES_NOT_CHECKED = "rules_not_checked_offline"


@dataclass(frozen=True, slots=True)
class CheckinList:
    id: int
    name: str
    gate: str
    all_products: bool = True
    products: frozenset[int] = frozenset()
    addon_match: bool = False
    allow_multiple_entries: bool = False
    allow_entry_after_exit: bool = True
    include_pending: bool = False
    rules: dict[str, Any] = field(default_factory=dict)

    def admits_product(self, item: int) -> bool:
        return self.all_products or item in self.products


@dataclass(frozen=True, slots=True)
class Ticket:
    """One order position as the kiosk last saw it (or as a signed secret says, ``known=False``)."""

    secret: str
    item: int
    variation: int | None = None
    position_id: int | None = None
    addon_to: int | None = None
    canceled: bool = False
    order_status: str = "p"  # p paid, n pending, c canceled, e expired
    valid_if_pending: bool = False
    require_approval: bool = False
    blocked: bool = False
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    known: bool = True


@dataclass(frozen=True, slots=True)
class EventTimes:
    timezone: str
    date_from: datetime
    date_to: datetime | None = None
    date_admission: datetime | None = None


@dataclass(frozen=True, slots=True)
class Verdict:
    reason: str  # "ok" or pretix's reason code
    ticket: Ticket | None = None
    detail: str = ""  # too_early | too_late | entries | other (for invalid_time and rules)
    flags: tuple[str, ...] = ()
    reentry: bool = False

    @property
    def ok(self) -> bool:
        return self.reason == "ok"


def _valid_at(ticket: Ticket, now: datetime) -> bool:
    return (ticket.valid_from is None or ticket.valid_from <= now) and (
        ticket.valid_until is None or ticket.valid_until > now
    )


def choose(candidates: list[Ticket], clist: CheckinList, now: datetime) -> Ticket | None | str:
    """The position a scan is about (pretix's step 3), None when there is none, or ``ambiguous``."""
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    narrowed = [t for t in candidates if clist.admits_product(t.item)]
    if len(narrowed) > 1:
        narrowed = [t for t in narrowed if _valid_at(t, now)]
    if len(narrowed) == 1:
        return narrowed[0]
    if narrowed:
        return "ambiguous"
    upcoming = [t for t in candidates if t.valid_from and t.valid_from > now]
    if upcoming:
        return min(upcoming, key=lambda t: t.valid_from or now)
    past = [t for t in candidates if t.valid_until and t.valid_until < now]
    return max(past, key=lambda t: t.valid_until or now) if past else candidates[0]


def decide(
    candidates: list[Ticket],
    clist: CheckinList,
    entries_of: Callable[[Ticket], tuple[Entry, ...]],
    times: EventTimes,
    now: datetime,
    kind: str = "entry",
) -> Verdict:
    """pretix's answer to scanning a secret whose candidate positions are ``candidates``."""
    chosen = choose(candidates, clist, now)
    if chosen is None:
        return Verdict("invalid")
    if isinstance(chosen, str):
        return Verdict(chosen)
    t = chosen
    if t.canceled or t.order_status not in ("p", "n"):
        return Verdict("canceled", t)
    if t.blocked:
        return Verdict("blocked", t)
    if t.order_status == "n" and t.require_approval:
        return Verdict("unapproved", t)
    if kind != "exit" and t.valid_from and t.valid_from > now:
        return Verdict("invalid_time", t, "too_early")
    if kind != "exit" and t.valid_until and t.valid_until < now:
        return Verdict("invalid_time", t, "too_late")
    if not clist.admits_product(t.item):
        return Verdict("product", t)
    if t.order_status != "p" and not t.valid_if_pending:
        return Verdict("unpaid", t)
    entries = entries_of(t)
    flags: tuple[str, ...] = ()
    if kind == "entry" and clist.rules:
        ctx = RuleContext(now, t.item, t.variation, entries, times.timezone, times.date_from, times.date_to,
                          times.date_admission)  # fmt: skip
        try:
            if not evaluate(clist.rules, ctx):
                return Verdict("rules", t, failed_kind(clist.rules, ctx))
        except UnsupportedRule:
            flags = (RULES_NOT_CHECKED,)
    last = sorted(entries, key=lambda e: e.at)
    allowed = (
        kind == "exit"
        or clist.allow_multiple_entries
        or all(e.type == "exit" for e in last)
        or (clist.allow_entry_after_exit and last[-1].type == "exit")
    )
    if not allowed:
        return Verdict("already_redeemed", t)
    return Verdict("ok", t, flags=flags, reentry=any(e.type == "entry" for e in last))


_OUTCOMES = {
    "ok": Outcome.ADMITTED,
    "already_redeemed": Outcome.ALREADY_CHECKED_IN,
    "invalid": Outcome.UNKNOWN_BADGE,
    "ambiguous": Outcome.UNKNOWN_BADGE,
    "canceled": Outcome.REVOKED,
    "revoked": Outcome.REVOKED,
    "blocked": Outcome.REVOKED,
    "unapproved": Outcome.REVOKED,
    "unpaid": Outcome.REVOKED,
    "product": Outcome.NOT_REGISTERED,
}
_DETAIL = {
    "too_early": Outcome.TOO_EARLY,
    "too_late": Outcome.TOO_LATE,
    "entries": Outcome.ALREADY_CHECKED_IN,
}


def outcome_of(verdict: Verdict) -> Outcome:
    """The kiosk's outcome for pretix's reason (the reason itself is kept in the journal)."""
    if verdict.reason in _OUTCOMES:
        return _OUTCOMES[verdict.reason]
    return _DETAIL.get(verdict.detail, Outcome.NOT_REGISTERED)
