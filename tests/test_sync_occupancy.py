"""Doors and desks count who is in the room the same way as the hub, through a real hub.

Two forum doors and two entrance desks, each with its own SQLite file, sync with a real hub
(uvicorn on loopback, both hub stores). People go in and out through different doors and
desks; after sync every kiosk and the hub give the same admitted / in the room / duplicate
numbers, and a re-entry after an exit is a re-entry, not a duplicate.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hub.store.arrivals import overview, people
from kiosk.model import ENTRANCE, Outcome
from kiosk.occupancy import GateCount
from kiosk.rules import NOT_INSIDE
from kiosk.service import CheckinService
from kiosk.sync.client import HubClient
from kiosk.sync.engine import sync_once
from tests.hub_support import BACKENDS, Desk, Hub, active, hub_target, make_desk, make_hub, roster

FORUM = "main"  # 09:00-12:00 on the first day; the desks' clocks stand at 10:00


@pytest.fixture(params=BACKENDS)
def hub(request: pytest.FixtureRequest, tmp_path: Path):
    with hub_target(request.param, tmp_path) as target:
        running = make_hub(target, roster(60)).serve()
        yield running
        running.stop()
        running.store.close()


def sync(desk: Desk) -> None:
    client = HubClient(desk.hub_url, desk.token)
    try:
        sync_once(desk.store, client)
    finally:
        client.close()


def sync_all(kiosks: list[Desk]) -> None:
    for _ in range(2):  # the second round brings each kiosk what the others pushed after it
        for kiosk in kiosks:
            sync(kiosk)


def at_gate(desk: Desk, gate: str) -> CheckinService:
    desk.clock.advance(minutes=1)  # every movement a minute after the last one at this kiosk
    return CheckinService(desk.store, desk.clock, desk=desk.name, gate=gate)


def counts(desk: Desk) -> dict[str, dict[str, int]]:
    return {
        gate: desk.store.journal.gate_count(gate, rehearsal=False).to_json() for gate in (ENTRANCE, FORUM)
    }


@pytest.mark.slow
def test_two_doors_and_two_desks_with_exits_count_the_room_as_the_hub_does(hub: Hub, tmp_path: Path):
    door_a, door_b = make_desk(hub, tmp_path, "door-a"), make_desk(hub, tmp_path, "door-b")
    desk_1, desk_2 = make_desk(hub, tmp_path, "desk-1"), make_desk(hub, tmp_path, "desk-2")
    kiosks = [door_a, door_b, desk_1, desk_2]
    sync_all(kiosks)
    ann, bob, cai, dan = [p for p in active(hub.delegates) if FORUM in p.forums][:4]

    # The entrance: desk 1 lets Ann and Bob in, desk 2 Cai; Ann leaves through desk 2 and
    # comes back through desk 2 (a re-entry, not a duplicate); desk 2 lets Dan out, whom it
    # never saw come in (desk 1 let him in a minute before, not synced yet).
    for person in (ann, bob):
        assert at_gate(desk_1, ENTRANCE).check_in(person.code).admitted
    assert at_gate(desk_2, ENTRANCE).check_in(cai.code).admitted
    sync_all(kiosks)
    assert at_gate(desk_1, ENTRANCE).check_in(dan.code).admitted
    assert at_gate(desk_2, ENTRANCE).check_out(ann.code).occupancy == 2
    again = at_gate(desk_2, ENTRANCE).check_in(ann.code)
    assert again.admitted and again.reentry and again.occupancy == 3
    unseen = at_gate(desk_2, ENTRANCE).check_out(dan.code)
    assert unseen.admitted and unseen.flags == (NOT_INSIDE,) and unseen.occupancy == 3

    # The forum: Ann and Bob in through door A, Cai through door B; Ann out through door B,
    # Bob out through door A and back in through door B; Dan in through door B and out again.
    for person in (ann, bob):
        assert at_gate(door_a, FORUM).check_in(person.code).admitted
    assert at_gate(door_b, FORUM).check_in(cai.code).admitted
    sync_all(kiosks)
    assert at_gate(door_b, FORUM).check_out(ann.code).occupancy == 2
    assert at_gate(door_a, FORUM).check_out(bob.code).occupancy == 2  # door A has not seen Ann leave
    assert at_gate(door_b, FORUM).check_in(dan.code).admitted
    assert at_gate(door_b, FORUM).check_out(dan.code).admitted
    back = at_gate(door_b, FORUM).check_in(bob.code)
    assert back.admitted and back.reentry

    sync_all(kiosks)
    expected = {ENTRANCE: GateCount(4, 3, 0).to_json(), FORUM: GateCount(4, 2, 0).to_json()}
    assert {gate: hub.store.checkins.summary()[gate] for gate in expected} == expected
    for kiosk in kiosks:
        assert counts(kiosk) == expected, kiosk.name
    dashboard = overview(hub.store, hub.store.roster.event_document(), people(hub.store))
    forum = next(f for f in dashboard["forums"] if f["id"] == FORUM)
    assert (dashboard["admitted"], forum["admitted"], forum["inside"], dashboard["duplicates"]) == (
        4,
        4,
        2,
        [],
    )
    assert at_gate(door_a, FORUM).check_in(ann.code).occupancy == 3  # door A now knows Ann had left


@pytest.mark.slow
def test_an_offline_double_admission_at_the_entrance_is_one_duplicate_everywhere(hub: Hub, tmp_path: Path):
    desk_1, desk_2 = make_desk(hub, tmp_path, "desk-1"), make_desk(hub, tmp_path, "desk-2")
    door = make_desk(hub, tmp_path, "door-a")
    sync_all([desk_1, desk_2, door])
    person = active(hub.delegates)[0]
    assert at_gate(desk_1, ENTRANCE).check_in(person.code).admitted
    assert at_gate(desk_2, ENTRANCE).check_in(person.code).outcome is Outcome.ADMITTED  # apart
    sync_all([desk_1, desk_2, door])
    expected = GateCount(1, 1, 1).to_json()
    assert hub.store.checkins.summary()[ENTRANCE] == expected
    for kiosk in (desk_1, desk_2, door):
        assert counts(kiosk)[ENTRANCE] == expected, kiosk.name
