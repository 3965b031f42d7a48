"""A roster page is applied whole or not at all; the previous roster stays in force."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from kiosk.importers.event import parse_event
from kiosk.model import Outcome
from kiosk.store import Store
from kiosk.sync.apply import ROSTER_CURSOR, MalformedPage, apply_checkins, apply_roster_page, meta_int
from kiosk.sync.client import HubClient
from kiosk.sync.engine import SyncReport, pull_roster
from kiosk.sync.wire import delegate_to_wire
from tests.hub_support import EVENT_DATA, active, roster

PEOPLE = roster(12)


def page(delegates: list, cursor: int, more: bool = False) -> dict:
    changes = [
        {"rev": i, "op": "upsert", "delegate": delegate_to_wire(d)} for i, d in enumerate(delegates, 1)
    ]
    return {"changes": changes, "cursor": cursor, "more": more, "event_version": 0}


@pytest.fixture
def desk(tmp_path: Path) -> Store:
    store = Store(tmp_path / "desk.sqlite")
    store.roster.set_event(*parse_event(EVENT_DATA))
    apply_roster_page(store, page(PEOPLE[:6], cursor=6))
    return store


@pytest.mark.parametrize(
    "spoil",
    [
        lambda c: c[3]["delegate"].update(name=17),
        lambda c: c[3]["delegate"].pop("code"),
        lambda c: c[3]["delegate"].update(forums="main"),
        lambda c: c[3]["delegate"].update(status="maybe"),
        lambda c: c.__setitem__(3, "not a change"),
        lambda c: c.append(c[0]),  # the same delegate twice
    ],
    ids=["name-not-text", "no-code", "forums-not-a-list", "unknown-status", "not-an-object", "twice"],
)
def test_a_malformed_roster_page_is_refused_whole(desk: Store, spoil):
    bad = page([*PEOPLE[:2], *PEOPLE[6:]], cursor=20)
    bad["changes"][0]["delegate"]["organization"] = "改过的单位"
    spoil(bad["changes"])
    with pytest.raises(MalformedPage):
        apply_roster_page(desk, json.loads(json.dumps(bad)))
    assert desk.roster.count() == 6 and meta_int(desk, ROSTER_CURSOR) == 6
    assert desk.roster.delegate(PEOPLE[0].id).organization == PEOPLE[0].organization
    assert desk.roster.lookup(PEOPLE[7].code) is None


def test_pages_before_a_malformed_one_stand_and_the_cursor_stops_there(desk: Store):
    good = page(PEOPLE[6:9], cursor=9, more=True)
    bad = page(PEOPLE[9:], cursor=12)
    bad["changes"][1]["delegate"]["name"] = ["not", "text"]
    served = iter([good, bad])
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=next(served)))
    client = HubClient("http://hub.invalid", "kh_token", transport=transport, insecure=True)
    with pytest.raises(MalformedPage):
        pull_roster(desk, client, SyncReport())
    assert desk.roster.count() == 9 and meta_int(desk, ROSTER_CURSOR) == 9
    code = active(PEOPLE[6:9])[0].code
    from kiosk.clock import FixedClock
    from kiosk.service import CheckinService
    from tests.conftest import at

    assert CheckinService(desk, FixedClock(at("2023-12-06T10:00"))).check_in(code).outcome is Outcome.ADMITTED


def test_a_malformed_check_in_page_appends_nothing(desk: Store):
    entry = {"id": "e1", "at": "2023-12-06T10:00:00+08:00", "desk": "d2", "gate": "entrance", "code": "X",
             "outcome": "admitted", "delegate_id": PEOPLE[0].id, "action": "scan", "origin": "d2"}  # fmt: skip
    broken = dict(entry, id="e2", at="2023-12-06T10:00:00")  # no UTC offset
    with pytest.raises(MalformedPage):
        apply_checkins(desk, {"entries": [entry, broken], "cursor": 2, "roster_cursor": 6})
    assert desk.journal.count() == 0
    assert apply_checkins(desk, {"entries": [entry], "cursor": 1, "roster_cursor": 6}) == (1, 1)
