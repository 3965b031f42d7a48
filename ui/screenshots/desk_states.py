"""Named states of the desk for the screenshots (``DESK_STATES``): a card after a check-in with the
status strip, the override form, a refusal at a forum door with what to do, F8 calling the
supervisor on that refusal, and a walk-in who is probably someone on the roster.

Runs the real service synchronously on the UI thread (a few milliseconds on a demo store),
so the screen is in its state when ``stage`` returns.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.app.desk import likely_same_person
from kiosk.model import Decision, Delegate, How, Outcome
from kiosk.names import has_han, syllables
from kiosk.service import CheckinService

if TYPE_CHECKING:
    from ui.desk.screen import DeskScreen

DESK_STATES = ("card", "override", "refused", "supervisor", "walkin-duplicate")
OPERATOR = {"zh": "李娜", "en": "Li Na"}
SUPERVISOR = {"zh": "王强", "en": "Wang Qiang"}


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


def _sign_in(screen: DeskScreen) -> None:
    name = OPERATOR[screen.language]
    if screen.context.app.settings.operator != name:
        screen.context.app.update_settings(operator=name)
    screen.status.operator.setText(name)


def _refused_at_a_forum(screen: DeskScreen) -> None:
    """Someone at a forum's door that is not theirs: where to send them, the one-key steps."""
    service = screen.context.app.service
    forums = service.forums
    gate = next(f for f in forums.values() if f.kind != "main" and f.hall)
    delegate = pick(screen, lambda d: d.active, lambda d: gate.id not in d.forums,
                    lambda d: sum(1 for f in d.forums if f in forums and forums[f].hall) >= 2, lambda d: has_han(d.name))  # fmt: skip
    door = CheckinService(service.store, service.clock, desk=service.desk, gate=gate.id)
    door.operator = service.operator
    _search_for(screen, delegate)
    _show(screen, door.check_in(delegate.code, How.DESK_SEARCH))


def _walkin_duplicate(screen: DeskScreen) -> None:
    """A walk-in typed with the phone of someone on the roster."""
    known = pick(screen, lambda d: d.active, lambda d: len(d.phone) >= 11, lambda d: has_han(d.name))
    screen.actions_.start("walkin")
    form = screen.walkin_form
    form.name.setText(known.name[:1] + "晓" if has_han(known.name) else "Alex Doe")
    form.organization.setText(known.organization)
    form.phone.setText(known.phone[-11:])
    form.category.setCurrentIndex(max(0, form.category.findData(known.category)))
    walkin = form.delegate()
    screen.open_duplicates(walkin, likely_same_person(screen.context.app.store, walkin))


def stage(screen: DeskScreen, state: str) -> None:
    service = screen.context.app.service
    categories = screen.actions_.categories()
    _sign_in(screen)

    def vip(d: Delegate) -> bool:
        return bool(categories.get(d.category) and categories[d.category].vip)

    if state == "card":
        delegate = pick(screen, lambda d: d.active, lambda d: bool(d.notes), lambda d: has_han(d.name),
                        vip, lambda d: len(d.forums) >= 2)  # fmt: skip
        _search_for(screen, delegate)
        standing = screen.actions_.standing_admission(delegate)
        if standing is None:
            _show(screen, service.check_in(delegate.code, How.DESK_SEARCH))
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
    elif state == "refused":
        _refused_at_a_forum(screen)
    elif state == "supervisor":
        _refused_at_a_forum(screen)
        screen.context.app.update_settings(supervisor=SUPERVISOR[screen.language],
                                           supervisor_phone="138 0000 1234")  # fmt: skip
        screen.actions_.start("supervisor")
    elif state == "walkin-duplicate":
        _walkin_duplicate(screen)
    else:
        raise ValueError(f"unknown desk state {state!r}: use one of {', '.join(DESK_STATES)}")
    screen.status.show_reading(screen.status.read())  # now, not a moment after the picture is taken
