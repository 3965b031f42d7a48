"""Which decisions print a pass: the one answer that the app, the desk and ``scan --print-to`` ask.

A forum access pass lists the delegate's forums, so it is printed once, where people arrive:
for a first admission at the entrance (a scan, an override or a walk-in), by a self-service
kiosk or a desk. Re-entries, refusals and forum doors print nothing; a volunteer's reprint is
asked for explicitly and is not a decision.
"""

from __future__ import annotations

from kiosk.model import ENTRANCE, Decision, Mode

PASS_MODES = frozenset({Mode.SELFSERVICE, Mode.DESK})


def wants_pass(decision: Decision, mode: Mode, printing: bool) -> bool:
    """Whether ``decision``, taken by a kiosk in ``mode``, prints a pass (``printing``: a printer is set)."""
    return (
        printing
        and mode in PASS_MODES
        and decision.admitted
        and not decision.reentry
        and decision.gate == ENTRANCE
        and decision.delegate is not None
        and decision.checkin_id is not None
    )
