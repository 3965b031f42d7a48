"""Two and three desks against one real hub (uvicorn on loopback), on both hub stores."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from kiosk import keys
from kiosk.model import ENTRANCE, Outcome
from kiosk.stats import compute
from kiosk.sync.client import HubClient
from kiosk.sync.engine import backlog, sync_once
from tests.hub_support import (
    BACKENDS,
    EVENT_DATA,
    Desk,
    Hub,
    active,
    hub_target,
    make_desk,
    make_hub,
    roster,
    stop_all,
    wait_until,
)


@pytest.fixture(params=BACKENDS)
def hub(request: pytest.FixtureRequest, tmp_path: Path):
    with hub_target(request.param, tmp_path) as target:
        running = make_hub(target, roster(60)).serve()
        yield running
        running.stop()
        running.store.close()


def sync(desk: Desk):
    client = HubClient(desk.hub_url, desk.token)
    try:
        return sync_once(desk.store, client)
    finally:
        client.close()


def test_first_sync_into_an_empty_desk_brings_event_forums_categories_keys_and_roster(
    hub: Hub, tmp_path: Path
):
    key_dir = tmp_path / "keys"
    keys.generate(key_dir)
    hub.store.roster.set_event(EVENT_DATA | {"public_keys": [(key_dir / "public.pem").read_text()]})
    desk = make_desk(hub, tmp_path, "desk-1")
    report = sync(desk)
    assert desk.store.roster.event().id == "hardtech-demo"
    assert len(desk.store.roster.forums()) == 13 and len(desk.store.roster.categories()) == 9
    assert [event for event, _ in keys.trusted(desk.store)] == ["hardtech-demo"]
    assert desk.store.roster.count() == 60 and report.upserts + report.revocations == 60
    someone = active(hub.delegates)[0]
    assert desk.service.check_in(someone.code).outcome is Outcome.ADMITTED


def test_a_check_in_at_desk_1_is_already_checked_in_at_desk_2_after_sync(hub: Hub, tmp_path: Path):
    one, two = make_desk(hub, tmp_path, "desk-1"), make_desk(hub, tmp_path, "desk-2")
    sync(one), sync(two)
    code = active(hub.delegates)[0].code
    assert one.service.check_in(code).outcome is Outcome.ADMITTED
    assert sync(one).pushed == 1 and backlog(one.store) == 0
    assert sync(two).pulled == 1
    decision = two.service.check_in(code)
    assert decision.outcome is Outcome.ALREADY_CHECKED_IN
    assert decision.first_checkin.desk == "desk-1" and decision.first_checkin.origin == "desk-1"


def test_three_desks_syncing_in_the_background_see_each_others_check_ins(hub: Hub, tmp_path: Path):
    desks = [make_desk(hub, tmp_path, f"desk-{i}") for i in (1, 2, 3)]
    for desk in desks:
        desk.start_sync(wait=1.0)
    try:
        wait_until(lambda: all(d.store.roster.count() == 60 for d in desks))
        people = active(hub.delegates)[:3]
        for desk, person in zip(desks, people, strict=True):
            assert desk.service.check_in(person.code).outcome is Outcome.ADMITTED
        wait_until(lambda: all(len(d.ids()) == 3 for d in desks))
        for desk in desks:
            assert {desk.service.check_in(p.code).outcome for p in people} == {Outcome.ALREADY_CHECKED_IN}
        wait_until(lambda: hub.store.checkins.count() == 12)
        wait_until(lambda: all(d.worker.state().backlog == 0 and d.worker.state().connected for d in desks))
    finally:
        stop_all(desks)


def test_a_roster_change_on_the_hub_reaches_every_desk(hub: Hub, tmp_path: Path):
    desks = [make_desk(hub, tmp_path, f"desk-{i}") for i in (1, 2, 3)]
    for desk in desks:
        sync(desk)
    moved, revoked = active(hub.delegates)[:2]
    hub.store.roster.put([replace(moved, organization="新单位", code="NEWCODE0001")])
    hub.store.roster.revoke([revoked.id])
    for desk in desks:
        report = sync(desk)
        assert (report.upserts, report.revocations) == (1, 1)
        assert desk.store.roster.delegate(moved.id).organization == "新单位"
        assert desk.service.check_in(moved.code).outcome is Outcome.REVOKED  # the old code is superseded
        assert desk.service.check_in("NEWCODE0001").outcome is Outcome.ADMITTED
        assert desk.service.check_in(revoked.code).outcome is Outcome.REVOKED


def test_a_roster_change_reaches_a_syncing_desk_without_waiting_for_a_timer(hub: Hub, tmp_path: Path):
    desk = make_desk(hub, tmp_path, "desk-1")
    desk.start_sync(wait=15.0)  # a long long-poll: only the roster cursor can end it early
    try:
        wait_until(lambda: desk.store.roster.count() == 60)
        wait_until(lambda: desk.worker.state().roster_cursor > 0)
        person = active(hub.delegates)[5]
        hub.store.roster.revoke([person.id])
        wait_until(lambda: not desk.store.roster.delegate(person.id).active, timeout=5)
    finally:
        desk.worker.stop(timeout=0)  # its last long-poll ends when the hub stops


def test_two_desks_admitting_one_person_while_apart_keep_both_entries_and_count_once(
    hub: Hub, tmp_path: Path
):
    one, two = make_desk(hub, tmp_path, "desk-1"), make_desk(hub, tmp_path, "desk-2")
    sync(one), sync(two)
    person = active(hub.delegates)[0]
    first = one.service.check_in(person.code)
    two.clock.advance(minutes=3)
    second = two.service.check_in(person.code)
    assert first.admitted and second.admitted  # apart: each desk decided alone
    for _ in range(2):
        sync(one), sync(two)
    for desk in (one, two):
        entries = desk.store.journal.for_delegate(person.id)
        assert {e.id for e in entries} == {first.checkin_id, second.checkin_id}
        stats = compute(desk.store)
        assert stats.by_gate[ENTRANCE] == 1
    assert compute(one.store).offline_duplicates == 1  # desk 2's later admission, seen at desk 1
    assert compute(two.store).offline_duplicates == 1  # and at desk 2, which made it
    assert hub.store.checkins.summary()[ENTRANCE] == {"admitted": 1, "inside": 1, "offline_duplicates": 1}
    assert one.store.journal.history(person.id, ENTRANCE, False).first_admission.id == first.checkin_id
    assert two.store.journal.history(person.id, ENTRANCE, False).first_admission.id == first.checkin_id


def test_an_unreachable_hub_leaves_the_desk_deciding_alone_and_counting_its_backlog(tmp_path: Path):
    with hub_target("sqlite", tmp_path) as target:
        hub = make_hub(target, roster(20))
        hub.url = "http://127.0.0.1:9"  # nothing listens there
        desk = make_desk(hub, tmp_path, "desk-1")
        from kiosk.importers.apply import ImportReport, apply_delegates
        from kiosk.importers.event import parse_event

        desk.store.roster.set_event(*parse_event(EVENT_DATA))
        apply_delegates(desk.store, list(enumerate(hub.delegates, 2)), ImportReport(), False)
        desk.start_sync(wait=0.5)
        try:
            assert desk.service.check_in(active(hub.delegates)[0].code).admitted
            wait_until(lambda: desk.worker.state().last_error is not None)
            state = desk.worker.state()
            assert not state.connected and state.backlog == 1 and "cannot reach" in state.last_error
        finally:
            desk.worker.stop()


def test_a_walk_in_and_a_reissued_badge_at_one_desk_reach_the_others(hub: Hub, tmp_path: Path):
    from kiosk.model import Delegate

    one, two = make_desk(hub, tmp_path, "desk-1"), make_desk(hub, tmp_path, "desk-2")
    sync(one), sync(two)
    walkin = one.service.register_walkin(
        Delegate("", "", "现场报名", organization="西安交通大学", category="press")
    ).delegate
    lost = active(hub.delegates)[1]
    fresh = one.service.reissue(lost.id, "badge lost").delegate
    assert walkin is not None and fresh is not None
    sync(one), sync(two)
    decision = two.service.check_in(walkin.code)
    assert decision.outcome is Outcome.ALREADY_CHECKED_IN and decision.delegate.name == "现场报名"
    assert two.service.check_in(lost.code).outcome is Outcome.REVOKED
    assert two.service.check_in(fresh.code).outcome is Outcome.ADMITTED
    assert hub.store.roster.count() == 61
