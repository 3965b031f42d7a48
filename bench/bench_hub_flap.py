"""The hub flapping for a minute under three scanning desks: nothing lost, nothing doubled.

The long version of tests/test_sync_outage.py: the hub process is killed with SIGKILL
and started again every couple of seconds while three desks scan; afterwards every
desk must hold every check-in exactly once, and so must the hub.

python -m bench.bench_hub_flap [--seconds 60] [--backends sqlite,postgres]
"""

from __future__ import annotations

import argparse
import collections
import tempfile
import threading
import time
from pathlib import Path

from bench.bench_hub import EVENT, hub_target
from bench.table import table
from hub.store import HubStore
from kiosk.clock import FixedClock, parse_time
from kiosk.demo.roster import generate_roster
from kiosk.importers.event import parse_event
from kiosk.service import CheckinService
from kiosk.store import Store
from kiosk.sync.worker import SyncWorker
from tests.hub_support import HubProcess


def run(backend: str, seconds: float, work: Path) -> list[object]:
    _, forums, categories = parse_event(EVENT)
    people = [d for d in generate_roster(2000, forums, categories) if d.active]
    with hub_target(backend, work) as target:
        store = HubStore(target)
        store.roster.set_event(EVENT)
        store.roster.put(people)
        hub = HubProcess(target).start()
        desks = []
        for i in range(3):
            desk = Store(work / f"{backend}-desk-{i}.sqlite")
            worker = SyncWorker(
                desk, hub.url, store.tokens.create(f"desk-{i}")[1], wait=1.0, retry=0.1, max_retry=1.0
            )
            worker.start()
            desks.append((desk, worker))
        while any(d.roster.count() < len(people) for d, _ in desks):
            time.sleep(0.1)
        stop = threading.Event()

        def scan(i: int, desk: Store, worker: SyncWorker) -> None:
            clock = FixedClock(parse_time("2023-12-06T10:00", "Asia/Shanghai"))
            service = CheckinService(desk, clock, desk=f"desk-{i}")
            service.decided.connect(worker.notify)
            n = i
            while not stop.is_set():
                service.check_in(people[n % len(people)].code)
                clock.advance(seconds=1)
                n += 3
                time.sleep(0.02)

        threads = [threading.Thread(target=scan, args=(i, d, w)) for i, (d, w) in enumerate(desks)]
        for thread in threads:
            thread.start()
        until, restarts = time.monotonic() + seconds, 0
        while time.monotonic() < until:
            time.sleep(1.0)
            hub.kill()
            time.sleep(1.0)
            hub.start()
            restarts += 1
        stop.set()
        for thread in threads:
            thread.join()
        caught_up = time.monotonic()
        made = {r[0] for d, _ in desks for r in d.query("SELECT id FROM journal WHERE origin = 'local'")}
        while any(w.state().backlog or len(d.query("SELECT id FROM journal")) < len(made) for d, w in desks):
            time.sleep(0.05)
        caught_up = time.monotonic() - caught_up
        for _, worker in desks:
            worker.stop(timeout=0)
        for _, worker in desks:
            worker.stop()
        hub.kill()
        arrived = store.checkins.ids()
        store.close()
    doubled = sum(n - 1 for n in collections.Counter(arrived).values())
    at_desks = [len(d.query("SELECT id FROM journal")) for d, _ in desks]
    return [backend, restarts, len(made), len(set(arrived) & made), len(made - set(arrived)), doubled,
            " / ".join(map(str, at_desks)), f"{caught_up:.1f}"]  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--backends", default="sqlite,postgres")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        rows = [run(backend, args.seconds, Path(tmp)) for backend in args.backends.split(",")]
    print(f"\nHub killed and restarted every ~2 s for {args.seconds:.0f} s under three scanning desks\n")
    print(table(["hub store", "restarts", "check-ins made", "arrived", "lost", "doubled",
                 "journal rows at each desk", "catch-up after (s)"], rows))  # fmt: skip


if __name__ == "__main__":
    main()
