"""Named states of the desk for the screenshots: ``card`` and ``override``.

Runs the real service synchronously on the UI thread (a few milliseconds on a demo store),
so the screen is in its state when ``stage`` returns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.model import Decision, Delegate, Outcome
from kiosk.names import has_han, syllables

if TYPE_CHECKING:
    from ui.desk.screen import DeskScreen


def pick(screen: DeskScreen, *tests: Callable[[Delegate], bool]) -> Delegate:
    """The first delegate passing the most of ``tests`` (in order of preference)."""
    delegates = list(screen.context.app.store.roster.iter_delegates())
    if not delegates:
        raise LookupError("the desk needs a roster to stage")
    for count in range(len(tests), -1, -1):
        for delegate in delegates:
            if all(test(delegate) for test in tests[:count]):
                return delegate
    return delegates[0]


def _show(screen: DeskScreen, decision: Decision) -> None:
    shown = screen.last_decision
    if shown is None or shown.checkin_id != decision.checkin_id:
        screen.show_decision(decision)


def _search_for(screen: DeskScreen, delegate: Delegate) -> None:
    parts = syllables(delegate.name) if has_han(delegate.name) else delegate.name.split()
    initials = "".join(p[0] for p in parts if p).lower()
    for query in (initials, delegate.name):
        screen.search.setText(query)
        screen.run_search()
        if delegate.id in screen.result_ids():
            screen.results.setCurrentRow(screen.result_ids().index(delegate.id))
            return


def stage(screen: DeskScreen, state: str) -> None:
    service = screen.context.app.service
    categories = screen.actions_.categories()

    def vip(d: Delegate) -> bool:
        return bool(categories.get(d.category) and categories[d.category].vip)

    if state == "card":
        delegate = pick(screen, lambda d: d.active, lambda d: bool(d.notes), lambda d: has_han(d.name),
                        vip, lambda d: len(d.forums) >= 2)  # fmt: skip
        _search_for(screen, delegate)
        standing = screen.actions_.standing_admission(delegate)
        if standing is None:
            _show(screen, service.check_in(delegate.code))
        else:  # staged before (the other language): show the same admission again
            _show(screen, Decision(Outcome.ADMITTED, standing.gate, standing.code, delegate,
                                   checkin_id=standing.id))  # fmt: skip
    elif state == "override":
        screen.vip.acknowledge()  # protocol staff have been told; the form gets the room
        delegate = pick(screen, lambda d: not d.active, lambda d: has_han(d.name))
        _search_for(screen, delegate)
        _show(screen, service.check_in(delegate.code))
        screen.actions_.start("override")
        screen.reason_form.step_preset(1)
    else:
        raise ValueError(f"unknown desk state {state!r}: use card or override")
