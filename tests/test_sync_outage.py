"""The hub killed with SIGKILL mid-push, and flapping under a scan loop: nothing lost, nothing doubled."""

from __future__ import annotations

import collections
import contextlib
import threading
import time
from pathlib import Path

import pytest

from hub.store import HubStore
from kiosk.sync.client import HubClient, HubUnreachable
from kiosk.sync.engine import SyncReport, backlog, push_outbox, sync_once
from tests.hub_support import (
    BACKENDS,
    Desk,
    HubProcess,
    active,
    hub_target,
    make_desk,
    make_hub,
    roster,
    stop_all,
    wait_until,
)

pytestmark = pytest.mark.slow


@pytest.fixture(params=BACKENDS)
def target(request: pytest.FixtureRequest, tmp_path: Path):
    with hub_target(request.param, tmp_path) as target:
        yield target


def hub_ids(target: str) -> list[str]:
    store = HubStore(target)
    try:
        return store.checkins.ids()
    finally:
        store.close()


def once(desk: Desk) -> SyncReport:
    client = HubClient(desk.hub_url, desk.token)
    try:
        return sync_once(desk.store, client)
    finally:
        client.close()


def test_hub_killed_mid_push_and_restarted_every_check_in_arrives_exactly_once(target: str, tmp_path: Path):
    hub = make_hub(target, roster(240))
    process = HubProcess(target).start()
    hub.url = process.url
    one, two = make_desk(hub, tmp_path, "desk-1"), make_desk(hub, tmp_path, "desk-2")
    try:
        once(one), once(two)
        service = one.service
        for person in hub.delegates:
            service.check_in(person.code)
        local = one.ids()
        client = HubClient(one.hub_url, one.token)
        pushing = threading.Thread(target=_push_until_cut, args=(one, client), daemon=True)
        pushing.start()
        wait_until(lambda: hub.store.checkins.count() >= 10, timeout=30, every=0.001)
        process.kill()  # in the middle of the outbox: some batches in, the rest not
        pushing.join(30)
        client.close()
        arrived = hub_ids(target)
        assert 0 < len(arrived) < len(local) and backlog(one.store) > 0
        process.start()
        once(one)
        once(two)
    finally:
        process.kill()
    arrived = hub_ids(target)
    assert len(arrived) == len(set(arrived)) == len(local) and set(arrived) == local
    assert backlog(one.store) == 0
    from_one = [r[0] for r in two.store.query("SELECT id FROM journal WHERE origin = 'desk-1'")]
    assert sorted(from_one) == sorted(local)


def _push_until_cut(desk: Desk, client: HubClient) -> None:
    with contextlib.suppress(HubUnreachable):
        push_outbox(desk.store, client, SyncReport(), batch=3)


CYCLES = 3


def test_hub_flapping_during_a_scan_loop_loses_nothing_and_doubles_nothing(target: str, tmp_path: Path):
    hub = make_hub(target, roster(400))
    process = HubProcess(target).start()
    hub.url = process.url
    desks = [make_desk(hub, tmp_path, f"desk-{i}") for i in (1, 2)]
    people = active(hub.delegates)
    for desk in desks:
        desk.start_sync(wait=0.5, retry=0.1, max_retry=0.5, push_interval=0.2)
    stop = threading.Event()
    try:
        wait_until(lambda: all(d.store.roster.count() == 400 for d in desks), timeout=120)

        def scan(desk: Desk, offset: int) -> None:
            service = desk.service
            n = offset
            while not stop.is_set():
                service.check_in(people[n % len(people)].code)
                n += 7
                desk.clock.advance(seconds=1)
                time.sleep(0.02)

        scanners = [threading.Thread(target=scan, args=(d, i * 3), daemon=True) for i, d in enumerate(desks)]
        for thread in scanners:
            thread.start()

        def made() -> int:
            return sum(d.store.journal.count() for d in desks)

        for _ in range(CYCLES):  # up until the desks pushed some, down until they scanned some more
            pushed = hub.store.checkins.count()
            wait_until(lambda pushed=pushed: hub.store.checkins.count() >= pushed + 10, timeout=120)
            process.kill()
            scanned = made()
            wait_until(lambda scanned=scanned: made() >= scanned + 20, timeout=120)
            process.start()
        stop.set()
        for thread in scanners:
            thread.join()
        wait_until(lambda: all(d.worker.state().backlog == 0 for d in desks), timeout=120)
        every = set().union(*(d.store.query("SELECT id FROM journal WHERE origin = 'local'") for d in desks))
        every_id = {row[0] for row in every}
        wait_until(lambda: all(d.ids() == every_id for d in desks), timeout=120)
    finally:
        stop.set()
        stop_all(desks)
        process.kill()
    arrived = hub_ids(target)
    assert collections.Counter(arrived).most_common(1)[0][1] == 1
    assert set(arrived) == every_id and len(every_id) >= CYCLES * 20
    for desk in desks:
        assert desk.store.journal.count() == len(every_id)
