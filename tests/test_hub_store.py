"""The hub's store on SQLite and on PostgreSQL: one schema, the same behaviour."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from hub.store import HubStore
from kiosk.demo.roster import write_roster_csv
from kiosk.model import CheckIn, Outcome
from tests.hub_support import BACKENDS, EVENT_DATA, hub_target, roster


@pytest.fixture(params=BACKENDS)
def store(request: pytest.FixtureRequest, tmp_path: Path):
    with hub_target(request.param, tmp_path) as target:
        hub = HubStore(target)
        hub.roster.set_event(EVENT_DATA)
        yield hub
        hub.close()


def entry(desk: str = "desk-1", delegate: str = "D000001") -> CheckIn:
    return CheckIn(str(uuid.uuid4()), datetime.now(UTC), desk, "entrance", "CODE", Outcome.ADMITTED, delegate)


def test_roster_import_reports_rows_like_the_kiosk_and_first_pull_is_everything(
    store: HubStore, tmp_path: Path
):
    delegates = roster(30)
    path = tmp_path / "roster.csv"
    write_roster_csv(path, delegates)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("X1,,没有码,,,,,,,,,\n")
    report = store.roster.import_file(path)
    assert (report.imported, len(report.rejected), report.exit_code) == (30, 1, 1)
    assert report.rejected[0].reason == "missing_code"
    changes, cursor, more = store.roster.changes(0, 1000)
    assert {c[2] for c in changes} and len(changes) == 30 and not more
    assert store.roster.import_file(path).unchanged == 30
    assert store.roster.changes(cursor, 1000)[0] == []


def test_roster_changes_are_paginated_and_carry_only_what_changed(store: HubStore):
    delegates = roster(25)
    store.roster.put(delegates)
    seen, cursor, more = [], 0, True
    while more:
        page, cursor, more = store.roster.changes(cursor, 10)
        seen.extend(page)
    assert len(seen) == 25
    store.roster.put([replace(delegates[3], organization="新单位")])
    assert store.roster.revoke([delegates[4].id]) == 1
    page, _, _ = store.roster.changes(cursor, 10)
    assert [(status, '"新单位"' in body) for _, status, body in page] == [
        ("active", True),
        ("cancelled", False),
    ]


def test_a_pushed_batch_sent_twice_adds_nothing(store: HubStore):
    batch = [entry() for _ in range(5)]
    assert store.checkins.push(batch, "desk-1") == (5, 0)
    assert store.checkins.push(batch + [entry()], "desk-1") == (1, 5)
    assert store.checkins.count() == 6


def test_a_desk_pulls_the_other_desks_entries_not_its_own(store: HubStore):
    store.checkins.push([entry("desk-1")], "desk-1")
    theirs = entry("desk-2")
    store.checkins.push([theirs], "desk-2")
    pulled, cursor = store.checkins.since(0, 100, exclude_origin="desk-1")
    assert [e.id for _, e in pulled] == [theirs.id] and pulled[0][1].origin == "desk-2"
    assert cursor == 2 and store.checkins.since(cursor, 100, "desk-1") == ([], 2)


def test_tokens_are_stored_hashed_and_revoked_ones_stop_working(store: HubStore):
    info, token = store.tokens.create("desk-1")
    assert store.tokens.check(token) == info
    with store.read() as conn:
        stored = [tuple(r) for r in conn.execute("SELECT * FROM hub_tokens").fetchall()]
    assert token not in repr(stored)
    assert store.tokens.revoke(desk="desk-1") == 1
    assert store.tokens.check(token) is None
    assert store.tokens.check("kh_made-up") is None
