"""The desk's decisions without Qt: what Enter does, who a walk-in probably is, what to do about a
refusal, today's counters. Real SQLite demo store, real check-in service."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from kiosk.app.desk import (
    EnterKind,
    Step,
    desk_counts,
    guidance,
    likely_same_person,
    on_enter,
    walkin_category,
)
from kiosk.app.intake import CodeSource
from kiosk.clock import FixedClock
from kiosk.demo.roster import setup_demo
from kiosk.importers.apply import delegate_row
from kiosk.model import Category, Delegate, How, Outcome
from kiosk.service import CheckinService
from kiosk.store import Store

PEOPLE = [Delegate(id=f"D{i}", code=f"CODE{i:04d}", name=n) for i, n in enumerate(["王芳", "王方", "汪芳"])]


def never(_code: str) -> bool:
    return False


def test_enter_with_many_matches_and_no_choice_checks_in_nobody() -> None:
    action = on_enter("wang", PEOPLE, highlighted=-1, moved=False, is_code=never)
    assert action.kind is EnterKind.CHOOSE and action.matches == 3 and action.code == ""


def test_enter_checks_in_the_one_match_or_the_row_the_volunteer_moved_to() -> None:
    one = on_enter("wangfang", PEOPLE[:1], highlighted=0, moved=False, is_code=never)
    assert (one.kind, one.code, one.source) == (EnterKind.CHECK_IN, "CODE0000", CodeSource.DESK_SEARCH)
    moved = on_enter("wang", PEOPLE, highlighted=2, moved=True, is_code=never)
    assert (moved.kind, moved.code, moved.source) == (EnterKind.CHECK_IN, "CODE0002", CodeSource.DESK_SEARCH)
    unmoved = on_enter("wang", PEOPLE, highlighted=2, moved=False, is_code=never)
    assert unmoved.kind is EnterKind.CHOOSE


def test_enter_on_a_code_checks_the_code_in_as_typed_and_nothing_is_nothing() -> None:
    code = on_enter(" CODE0001 ", [], highlighted=-1, moved=False, is_code=lambda c: c == "CODE0001")
    assert (code.kind, code.code, code.source) == (EnterKind.CHECK_IN, "CODE0001", CodeSource.TYPED)
    unknown = on_enter("NOSUCHBADGE42", [], highlighted=-1, moved=False, is_code=never)
    assert (unknown.kind, unknown.code) == (EnterKind.CHECK_IN, "NOSUCHBADGE42")  # decided: unknown badge
    assert on_enter("li ming", [], -1, False, never).kind is EnterKind.NOBODY
    assert on_enter("   ", PEOPLE, 0, True, never).kind is EnterKind.NOTHING


def test_a_walkin_starts_with_no_category_unless_the_event_declares_a_guest_one() -> None:
    vip = Category("official", "政府官员", "Officials", vip=True)
    press = Category("press", "媒体", "Press")
    assert walkin_category([vip, press]) == ""
    assert walkin_category([vip, press, Category("guest", "来宾", "Guests")]) == "guest"
    assert walkin_category([Category("guest", "来宾", "Guests", vip=True)]) == ""  # never a VIP by default


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = Store(tmp_path / "kiosk.sqlite")
    setup_demo(store, 80)
    yield store
    store.close()


def on_roster(store: Store) -> Delegate:
    return next(d for d in store.roster.iter_delegates() if d.active and d.email and len(d.phone) >= 11)


def test_a_walkin_with_the_same_name_phone_or_email_is_probably_someone_on_the_roster(store: Store) -> None:
    known = on_roster(store)
    phone = "+86 " + "-".join([known.phone[-11:-8], known.phone[-8:-4], known.phone[-4:]])
    by_phone = likely_same_person(store, Delegate(id="", code="", name="Someone Else", phone=phone))
    assert [(x.delegate.id, x.same) for x in by_phone] == [(known.id, ("phone",))]
    by_all = likely_same_person(store, Delegate(id="", code="", name=known.name, phone=known.phone,
                                                email=known.email.upper()))  # fmt: skip
    assert by_all[0].delegate.id == known.id and by_all[0].same == ("name", "phone", "email")
    assert likely_same_person(store, Delegate(id="", code="", name="无此人", phone="123")) == []


def test_guidance_names_the_forums_and_the_hall_to_send_someone_to(store: Store) -> None:
    forums = {f.id: f for f in store.roster.forums()}
    gate = next(f for f in forums.values() if f.kind != "main" and f.starts_at)
    person = next(d for d in store.roster.iter_delegates() if d.active and gate.id not in d.forums
                  and any(f != "main" for f in d.forums))  # fmt: skip
    assert gate.starts_at is not None
    service = CheckinService(store, FixedClock(gate.starts_at + timedelta(minutes=5)), gate=gate.id)
    refused = service.check_in(person.code, How.SCANNER)
    assert refused.outcome is Outcome.NOT_REGISTERED
    advice = guidance(store, refused, forums, service.clock.now())
    assert advice is not None and advice.steps == (Step.OVERRIDE, Step.SUPERVISOR)
    assert [f.id for f in advice.registered] == [f for f in person.forums if f in forums]
    assert advice.send_to is not None and advice.send_to.id in person.forums


def test_guidance_for_a_cancelled_registration_says_since_when(store: Store) -> None:
    cancelled = replace(next(d for d in store.roster.iter_delegates() if d.active), status="cancelled")
    with store.transaction() as conn:
        store.roster.write_delegates(conn, [delegate_row(cancelled)])
    store.roster.changed()
    event = store.roster.event()
    assert event is not None
    service = CheckinService(store, FixedClock(event.starts_at))
    refused = service.check_in(cancelled.code)
    advice = guidance(store, refused, service.forums, service.clock.now())
    assert advice is not None and advice.outcome is Outcome.REVOKED and advice.cancelled_on is not None
    again = guidance(store, service.check_in(on_roster(store).code), service.forums, service.clock.now())
    assert again is None  # admitted: nothing to do
    already = guidance(store, service.check_in(on_roster(store).code), service.forums, service.clock.now())
    assert already is not None and already.steps == (Step.PRINT, Step.SUPERVISOR)


def test_todays_counters_count_this_desks_decisions_only(store: Store) -> None:
    event = store.roster.event()
    assert event is not None
    tz = ZoneInfo(event.timezone)
    clock = FixedClock(event.starts_at + timedelta(hours=1))
    here, there = CheckinService(store, clock, desk="desk-1"), CheckinService(store, clock, desk="desk-2")
    people = [d for d in store.roster.iter_delegates() if d.active][:4]
    here.check_in(people[0].code)
    here.check_in(people[0].code)  # already checked in: refused
    here.register_walkin(Delegate(id="", code="", name="周六", organization="西北大学"))
    here.override(people[1].code, "organiser approved")
    there.check_in(people[2].code)
    counts = desk_counts(store, "desk-1", clock.now(), tz)
    assert (counts.admitted, counts.refused, counts.walkins, counts.overrides) == (3, 1, 1, 1)
    tomorrow = desk_counts(store, "desk-1", clock.now() + timedelta(days=1), tz)
    assert tomorrow.admitted == 0
    with store.transaction() as conn:  # an unrelated write leaves the counts alone
        store.roster.write_delegates(conn, [delegate_row(replace(people[3], title="CTO"))])
    assert desk_counts(store, "desk-1", clock.now(), tz) == counts
