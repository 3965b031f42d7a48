"""The guest at a self-service kiosk, without Qt: language, outcome looks, public search, phone tries."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from kiosk.app.flow import State
from kiosk.app.guest import GuestLanguage, Look, look, result_seconds, says_reason
from kiosk.app.kiosk_app import KioskApp
from kiosk.app.phone_check import MAX_TRIES, PhoneTries
from kiosk.clock import FixedClock
from kiosk.demo.roster import setup_demo
from kiosk.importers.apply import ImportReport, apply_delegates
from kiosk.model import Action, Decision, Delegate, Outcome
from kiosk.names import has_han, syllables
from kiosk.search import (
    PUBLIC_SHOWN,
    SearchIndex,
    mask_latin,
    mask_name,
    mask_organization,
    public_search,
    says_who,
)
from kiosk.service import CheckinService
from kiosk.store import Store

PEOPLE = [
    Delegate("1", "C1", "张伟", organization="西安交通大学", phone="13800001234"),
    Delegate("2", "C2", "张伟明", organization="隆基绿能科技股份有限公司", phone="13900005678"),
    Delegate("3", "C3", "Sophie Dubois", organization="Fraunhofer Institute", phone="+49 170 4321"),
    Delegate("4", "C4", "欧阳美玉", name_en="Meiyu Ouyang", phone="13700009999"),
    Delegate("5", "C5", "张伟强", status="cancelled", phone="13700001111"),
]


@pytest.fixture
def index(event_store: Store) -> SearchIndex:
    apply_delegates(event_store, list(enumerate(PEOPLE, 2)), ImportReport(), replace=False)
    return SearchIndex(event_store)


def test_names_and_organisations_are_masked_for_a_public_screen() -> None:
    assert [mask_name(n) for n in ("张伟", "张伟明", "欧阳美玉", "Sophie Dubois")] == [
        "张*",
        "张*明",
        "欧阳*玉",
        "Sophie D.",
    ]
    assert mask_latin("Zhang Weiming") == "Zhang W."
    assert mask_organization("西安交通大学") == "西安交通…" and mask_organization("西安") == "西安"
    assert mask_organization("Fraunhofer Institute") == "Fraunhofer…"


@pytest.mark.parametrize(
    ("query", "who"),
    [("zhangw", True), ("zhangwei", True), ("张伟", True), ("zhang", False), ("张", False), ("zw", False),
     ("1234", False), ("西安交通", False), ("duboiss", True), ("sophied", True), ("dubois", False)],
)  # fmt: skip
def test_a_guest_search_needs_the_full_surname_and_a_letter_of_the_given_name(query: str, who: bool) -> None:
    person = PEOPLE[0] if not query.startswith(("dub", "sop")) else PEOPLE[2]
    assert says_who(person, query) is who


def test_a_public_search_lists_masked_matches_with_a_count(index: SearchIndex) -> None:
    found = public_search(index, "zhangw")
    assert [m.name for m in found.shown] == ["张*", "张*明"]  # the cancelled 张伟强 is not listed
    assert found.total == 2 and not found.more
    assert found.shown[0].latin == "Zhang W." and found.shown[0].organization == "西安交通…"
    assert public_search(index, "zhang").total == 0  # a surname alone lists nobody
    assert public_search(index, "zw").total == 0 and public_search(index, "1234").total == 0


def test_a_public_search_says_there_are_more_than_it_shows(tmp_path: Path) -> None:
    store = Store(tmp_path / "kiosk.sqlite")
    delegates = setup_demo(store, 3000)
    starts = Counter(
        (lambda p: p[0] + p[1][0])(syllables(d.name))
        for d in delegates
        if d.active and has_han(d.name) and len(d.name) > 1
    )
    query, count = starts.most_common(1)[0]
    found = public_search(SearchIndex(store), query)
    assert found.total >= count > PUBLIC_SHOWN  # (homophone surnames match too: wang is 王 and 汪)
    assert found.total > len(found.shown) and found.more
    assert all("*" in m.name for m in found.shown)


def _decision(outcome: Outcome, active: bool = True, language: str = "") -> Decision:
    delegate = Delegate("1", "C1", "张伟", status="active" if active else "cancelled", language=language)
    return Decision(outcome, "entrance", "C1", delegate)


def test_each_outcome_has_one_of_three_looks_and_personal_reasons_are_not_said() -> None:
    assert look(_decision(Outcome.ADMITTED)) is Look.WELCOME
    assert look(_decision(Outcome.ALREADY_CHECKED_IN)) is Look.DONE
    others = set(Outcome) - {Outcome.ADMITTED, Outcome.ALREADY_CHECKED_IN}
    assert {look(_decision(o)) for o in others} == {Look.STAFF}
    assert not says_reason(_decision(Outcome.REVOKED, active=False))  # cancelled
    assert not says_reason(_decision(Outcome.NOT_REGISTERED))
    assert says_reason(_decision(Outcome.TOO_EARLY)) and says_reason(_decision(Outcome.UNKNOWN_BADGE))


def test_a_welcome_stays_three_seconds_and_a_refusal_the_reading_time() -> None:
    assert result_seconds(_decision(Outcome.ADMITTED), 8) == 3
    assert result_seconds(_decision(Outcome.REVOKED), 8) == 8
    assert result_seconds(None, 8) == 8  # sent to the desk
    assert result_seconds(_decision(Outcome.ADMITTED), 2) == 2


def test_the_guest_language_follows_the_kiosk_then_the_delegate_then_the_guest() -> None:
    kiosk = ["zh_CN"]
    guest = GuestLanguage(lambda: kiosk[0])
    assert (guest.first, guest.second) == ("zh_CN", "en")
    guest.follow(_decision(Outcome.ADMITTED, language="en"))
    assert guest.first == "en"
    assert guest.toggle() == "zh_CN"
    guest.reset()
    kiosk[0] = "en"
    assert (guest.first, guest.second) == ("en", "zh_CN")
    guest.follow(_decision(Outcome.ADMITTED, language=""))  # unknown: stays
    assert guest.first == "en"


def test_the_app_gives_the_next_guest_the_kiosks_language_again(event_store: Store) -> None:
    app = KioskApp(event_store)
    try:
        app.guest.toggle()
        assert app.guest.first != app.language
        app.flow.fire("search", "no code")
        app.flow.fire("reset", "guest left")
        assert app.guest.first == app.language
    finally:
        app.close()


def test_phone_tries_are_counted_per_delegate_in_the_journal_and_survive_a_restart(tmp_path: Path) -> None:
    store = Store(tmp_path / "kiosk.sqlite")
    delegates = setup_demo(store, 30)
    event = store.roster.event()
    assert event is not None
    clock = FixedClock(event.starts_at)
    guest, other = [d for d in delegates if d.active and d.phone][:2]
    wrong = "0000" if not guest.phone.endswith("0000") else "1111"
    tries = PhoneTries(CheckinService(store, clock))
    assert [tries.check(guest, wrong).tries_left for _ in range(2)] == [2, 1]
    assert tries.tries_left(other.id) == MAX_TRIES  # another delegate's count is their own
    store.close()
    store = Store(tmp_path / "kiosk.sqlite")  # the kiosk restarts
    service = CheckinService(store, clock)
    tries = PhoneTries(service)
    assert tries.tries_left(guest.id) == 1
    last = tries.check(guest, wrong)
    assert last.locked and tries.check(guest, guest.phone[-4:]).locked  # even the right digits now
    failures = [e for _, e in store.journal.since(0) if e.action is Action.PHONE_FAILURE]
    assert len(failures) == MAX_TRIES and {e.delegate_id for e in failures} == {guest.id}
    assert all(guest.phone[-4:] not in e.reason and wrong not in e.reason for e in failures)
    service.check_in(guest.code)  # a volunteer checks them in: the lock ends
    assert tries.tries_left(guest.id) == MAX_TRIES


def test_a_wrong_try_on_the_flow_stays_in_confirm_and_the_last_sends_to_the_desk(event_store: Store) -> None:
    app = KioskApp(event_store)
    try:
        app.flow.fire("search", "no code")
        app.flow.fire("pick", "picked")
        assert app.flow.confirm_failed("wrong", tries_left=1).state is State.CONFIRM
        assert app.flow.confirm_failed("wrong", tries_left=0).state is State.SEND_TO_DESK
    finally:
        app.close()
