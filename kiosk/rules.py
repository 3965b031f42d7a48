"""The gate policy: one pure function from what is known to one Decision.

No I/O, no clock: ``now`` is an argument, so every branch is a plain test.
"""

from __future__ import annotations

from datetime import datetime

from kiosk.model import (
    CodeKind,
    Decision,
    Delegate,
    Event,
    Forum,
    Gate,
    GateHistory,
    Outcome,
    ResolvedCode,
)

_REFUSED_KIND = {
    CodeKind.UNKNOWN: Outcome.UNKNOWN_BADGE,
    CodeKind.FORGED: Outcome.INVALID_SIGNATURE,
    CodeKind.FOREIGN: Outcome.WRONG_EVENT,
    CodeKind.UNTRUSTED: Outcome.INVALID_SIGNATURE,
}


RETURNED = "returned"  # a re-entry of someone who had left through this gate: back in the room
NOT_INSIDE = "not_inside"  # an exit of someone the journal does not have in the room


def holder(resolved: ResolvedCode) -> Delegate | None:
    """The delegate a code stands for: the roster's record, or one made from signed claims."""
    if resolved.delegate is not None:
        return resolved.delegate
    claims = resolved.claims
    if claims is None:
        return None
    return Delegate(
        id=claims.delegate_id,
        code=resolved.code,
        name="",
        category=claims.category,
        forums=claims.forums,
    )


def window(gate: Gate, event: Event, forum: Forum | None) -> tuple[datetime, datetime]:
    """When the gate lets people in: [opens, closes]."""
    if gate.is_entrance or forum is None or forum.starts_at is None or forum.ends_at is None:
        return event.starts_at - gate.opens_before, event.ends_at + gate.closes_after
    return forum.starts_at - gate.opens_before, forum.ends_at + gate.closes_after


def decide(
    resolved: ResolvedCode,
    gate: Gate,
    event: Event,
    forum: Forum | None,
    history: GateHistory,
    now: datetime,
) -> Decision:
    """Decide whether the holder of ``resolved`` may pass ``gate`` at ``now``."""
    delegate = holder(resolved)
    base = {"gate": gate.id, "code": resolved.code, "delegate": delegate, "capacity": gate.capacity}

    def refuse(outcome: Outcome, **extra: object) -> Decision:
        return Decision(outcome, occupancy=history.occupancy, admitted_today=history.admitted_count,
                        **base, **extra)  # type: ignore[arg-type]  # fmt: skip

    if resolved.kind in _REFUSED_KIND or delegate is None:
        return refuse(_REFUSED_KIND.get(resolved.kind, Outcome.UNKNOWN_BADGE), code_kind=resolved.kind)
    if not delegate.active or (resolved.badge is not None and resolved.badge.superseded):
        return refuse(Outcome.REVOKED)
    claims = resolved.claims
    if claims is not None and claims.valid_until is not None and now > claims.valid_until:
        return refuse(Outcome.TOO_LATE)
    if not gate.is_entrance and gate.id not in delegate.forums:
        return refuse(Outcome.NOT_REGISTERED)

    opens, closes = window(gate, event, forum)
    if now < opens:
        return refuse(Outcome.TOO_EARLY)
    if now > closes:
        return refuse(Outcome.TOO_LATE)

    first = history.first_admission
    if first is not None and history.inside and not gate.allow_reentry:
        return refuse(Outcome.ALREADY_CHECKED_IN, first_checkin=first)
    # Someone already in the room walking in again takes no new seat; anyone else does
    # (a re-entry after an exit through this gate too, even where re-entry is refused).
    joins = not (first is not None and history.inside)
    if joins and gate.capacity is not None and history.occupancy >= gate.capacity:
        return refuse(Outcome.FORUM_FULL, first_checkin=first)
    return Decision(
        Outcome.ADMITTED,
        reentry=first is not None,
        first_checkin=first,
        occupancy=history.occupancy + int(joins),
        admitted_today=history.admitted_count + int(first is None),
        flags=(RETURNED,) if first is not None and joins else (),
        via_signature=resolved.kind is CodeKind.SIGNED,
        **base,  # type: ignore[arg-type]
    )


def leave(resolved: ResolvedCode, gate: Gate, history: GateHistory) -> Decision:
    """Let the holder of ``resolved`` out through ``gate``: anyone the kiosk knows may leave.

    An exit of someone not counted in (they came in while this kiosk could not see the
    other door) is recorded all the same, flagged, and leaves the room count as it is."""
    delegate = holder(resolved)
    base = {"gate": gate.id, "code": resolved.code, "delegate": delegate, "capacity": gate.capacity,
            "admitted_today": history.admitted_count, "exit": True}  # fmt: skip
    if resolved.kind in _REFUSED_KIND or delegate is None:
        outcome = _REFUSED_KIND.get(resolved.kind, Outcome.UNKNOWN_BADGE)
        return Decision(outcome, occupancy=history.occupancy, code_kind=resolved.kind, **base)  # type: ignore[arg-type]
    return Decision(
        Outcome.ADMITTED,
        first_checkin=history.first_admission,
        occupancy=history.occupancy - int(history.inside),
        flags=() if history.inside else (NOT_INSIDE,),
        **base,  # type: ignore[arg-type]
    )
