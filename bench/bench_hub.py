"""Hub and sync on a 100,000-delegate roster, hub on SQLite and on PostgreSQL side by side.

- first full roster sync of an empty desk, and a delta of 1,000 changes (medians);
- 50 simulated desks (asyncio clients on loopback, hub in its own process): check-ins per
  second the hub absorbs, and the time until a check-in is visible at the other desks;
- the local decision time with the sync worker running (other desks' check-ins flowing in)
  against without it, as a ratio of medians measured in the same process.

python -m bench.bench_hub [--delegates 100000] [--desks 50] [--seconds 10] [--backends sqlite,postgres]
PostgreSQL: $KIOSK_BENCH_PG_URL, default postgresql://kiosk:kiosk@127.0.0.1:5432/kiosk_test
(scripts/setup.d/postgres.sh makes it); each run uses a schema of its own and drops it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import httpx

from bench.table import median, p95, table
from hub.store import HubStore
from kiosk.clock import FixedClock, parse_time
from kiosk.demo.roster import generate_roster
from kiosk.importers.event import load_event_file, parse_event
from kiosk.model import Delegate
from kiosk.service import CheckinService
from kiosk.store import Store
from kiosk.sync.client import HubClient
from kiosk.sync.engine import SyncReport, pull_event, pull_roster
from kiosk.sync.worker import SyncWorker
from tests.hub_support import HubProcess, pg_schema

ROOT = Path(__file__).resolve().parent.parent
EVENT = load_event_file(ROOT / "resources" / "demo_event.json")
PG_URL = os.environ.get("KIOSK_BENCH_PG_URL", "postgresql://kiosk:kiosk@127.0.0.1:5432/kiosk_test")


@contextlib.contextmanager
def hub_target(backend: str, work: Path) -> Iterator[str]:
    """A fresh hub database: a SQLite file, or a PostgreSQL schema of its own."""
    if backend == "sqlite":
        yield str(work / "hub.sqlite")
        return
    with pg_schema("bench") as url:
        yield url


@contextlib.contextmanager
def hub_process(target: str) -> Iterator[str]:
    """``main.py hub serve`` in its own process, as in production."""
    process = HubProcess(target).start()
    try:
        yield process.url
    finally:
        process.stop()


def full_sync(store: Store, url: str, token: str) -> float:
    client = HubClient(url, token)
    start = time.perf_counter()
    report = SyncReport()
    pull_event(store, client, report)
    pull_roster(store, client, report)
    client.close()
    return time.perf_counter() - start


def delta_sync(
    hub: HubStore, store: Store, url: str, token: str, delegates: list[Delegate], round_: int
) -> float:
    changed = [
        replace(d, organization=f"{d.organization} ({round_})") for d in delegates[round_ * 1000 :][:1000]
    ]
    hub.roster.put(changed)
    client = HubClient(url, token)
    start = time.perf_counter()
    report = SyncReport()
    pull_roster(store, client, report)
    client.close()
    assert report.upserts + report.revocations == 1000, report
    return time.perf_counter() - start


# -- 50 desks ------------------------------------------------------------------------------------


def entry(desk: str, delegate: Delegate) -> dict[str, object]:
    return {"id": str(uuid.uuid4()), "at": datetime.now(UTC).isoformat(), "desk": desk, "gate": "entrance",
            "code": delegate.code, "outcome": "admitted", "delegate_id": delegate.id, "action": "scan"}  # fmt: skip


async def desks_run(
    url: str, tokens: list[str], delegates: list[Delegate], seconds: float, rate: float | None
):
    """Each desk pushes one check-in at a time (``rate`` per second each, or flat out when None)
    and long-polls the others'. Returns (accepted, elapsed, visibility latencies)."""
    sent: dict[str, float] = {}
    latencies: list[float] = []
    accepted = 0
    stop_at = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=4 * len(tokens), max_keepalive_connections=4 * len(tokens))
    async with httpx.AsyncClient(base_url=url + "/v1", timeout=30, limits=limits) as http:

        async def pusher(i: int, token: str) -> None:
            nonlocal accepted
            headers = {"Authorization": f"Bearer {token}"}
            n = i
            if rate:
                await asyncio.sleep(i / len(tokens) / rate)
            while time.monotonic() < stop_at:
                item = entry(f"sim-{i}", delegates[n % len(delegates)])
                n += len(tokens)
                sent[item["id"]] = time.monotonic()  # type: ignore[index]
                response = await http.post("/checkins", json={"entries": [item]}, headers=headers)
                accepted += response.json()["accepted"]
                if rate:
                    await asyncio.sleep(max(0.0, 1 / rate - 0.0))

        async def puller(token: str, since: int) -> None:
            headers = {"Authorization": f"Bearer {token}"}
            while time.monotonic() < stop_at + 2:
                response = await http.get("/checkins", params={"since": since, "wait": 2}, headers=headers)
                page = response.json()
                now = time.monotonic()
                for item in page["entries"]:
                    if item["id"] in sent:
                        latencies.append(now - sent[item["id"]])
                since = page["cursor"]

        start = (await http.get("/checkins", params={"since": 0, "limit": 1},
                                headers={"Authorization": f"Bearer {tokens[0]}"})).json()["cursor"]  # fmt: skip
        begun = time.monotonic()
        await asyncio.gather(
            *(pusher(i, t) for i, t in enumerate(tokens)), *(puller(t, start) for t in tokens)
        )
    return accepted, min(time.monotonic(), stop_at) - begun, latencies


# -- local decisions with and without sync ---------------------------------------------------------


def decision_times(service: CheckinService, codes: list[str], pace: float = 0.05) -> list[float]:
    """Seconds per check-in, scanned at a busy desk's pace (one every ``pace`` s)."""
    result = []
    for code in codes:
        start = time.perf_counter()
        service.check_in(code)
        result.append(time.perf_counter() - start)
        time.sleep(pace)
    return result


def decision_ratio(store: Store, url: str, token: str, load_token: str, codes: list[str], seconds: float):
    event, _, _ = parse_event(EVENT)
    service = CheckinService(store, FixedClock(parse_time("2023-12-06T10:00", event.timezone)), desk="bench")
    decision_times(service, codes[:100], pace=0)  # warm-up
    without, with_sync = [], []
    chunks = [codes[100 + i * 100 : 200 + i * 100] for i in range(6)]
    load = subprocess.Popen(
        [sys.executable, "-m", "bench.bench_hub", "--load", url, load_token, "--seconds", str(seconds)],
        cwd=ROOT,
    )  # other desks' check-ins arriving all along, at 20 per second
    try:
        for i, chunk in enumerate(chunks):
            if i % 2:
                worker = SyncWorker(store, url, token, wait=2.0)
                service.decided.connect(worker.notify)
                worker.start()
                time.sleep(0.5)
                with_sync += decision_times(service, chunk)
                worker.stop()
                service.decided.disconnect(worker.notify)
            else:
                without += decision_times(service, chunk)
    finally:
        load.terminate()
        load.wait(10)
    return median(without), median(with_sync)


def load_main(url: str, token: str, seconds: float, rate: float = 20.0) -> None:
    delegates = generate_roster(2000, *parse_event(EVENT)[1:], seed=99)
    with httpx.Client(base_url=url + "/v1", headers={"Authorization": f"Bearer {token}"}) as http:
        stop_at, n = time.monotonic() + seconds, 0
        while time.monotonic() < stop_at:
            http.post("/checkins", json={"entries": [entry("load", delegates[n % len(delegates)])]})
            n += 1
            time.sleep(1 / rate)


# -- the run ---------------------------------------------------------------------------------------


def run_backend(
    backend: str, delegates: list[Delegate], args: argparse.Namespace, work: Path
) -> dict[str, str]:
    with hub_target(backend, work) as target:
        hub = HubStore(target)
        hub.roster.set_event(EVENT)
        start = time.perf_counter()
        hub.roster.put(delegates)
        imported = time.perf_counter() - start
        token = hub.tokens.create("bench-desk")[1]
        load_token = hub.tokens.create("load-desk")[1]
        desk_tokens = [hub.tokens.create(f"sim-{i}")[1] for i in range(args.desks)]
        with hub_process(target) as url:
            fulls = []
            for i in range(3):
                store = Store(work / f"{backend}-desk-{i}.sqlite")
                fulls.append(full_sync(store, url, token))
                assert store.roster.count() == len(delegates)
            deltas = [delta_sync(hub, store, url, token, delegates, r) for r in range(5)]
            accepted, elapsed, _ = asyncio.run(desks_run(url, desk_tokens, delegates, args.seconds, None))
            _, _, latencies = asyncio.run(desks_run(url, desk_tokens, delegates, args.seconds, 1.0))
            codes = [d.code for d in delegates if d.active][:700]
            alone, synced = decision_ratio(store, url, token, load_token, codes, 60)
        hub.close()
    return {
        "hub import of the roster (s)": f"{imported:.1f}",
        "first full sync, one desk (s, median of 3)": f"{median(fulls):.2f}",
        "delta of 1,000 changes (s, median of 5)": f"{median(deltas):.3f}",
        f"check-ins/s absorbed, {args.desks} desks flat out": f"{accepted / elapsed:.0f}",
        f"visibility latency p50 / p95 (s), {args.desks} desks at 1/s each": f"{median(latencies):.3f} / {p95(latencies):.3f}",
        "local decision median without / with sync (ms)": f"{alone * 1000:.2f} / {synced * 1000:.2f}",
        "decision time ratio, with sync / without": f"{synced / alone:.2f}",
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--delegates", type=int, default=100_000)
    parser.add_argument("--desks", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--backends", default="sqlite,postgres")
    parser.add_argument("--load", nargs=2, metavar=("URL", "TOKEN"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load:
        load_main(args.load[0], args.load[1], args.seconds)
        return
    _, forums, categories = parse_event(EVENT)
    delegates = generate_roster(args.delegates, forums, categories)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for backend in args.backends.split(","):
            results[backend] = run_backend(backend, delegates, args, Path(tmp))
    rows: list[list[object]] = [
        [name, *(results[b][name] for b in results)] for name in next(iter(results.values()))
    ]
    print(f"\nHub and sync, {args.delegates:,} delegates ({os.cpu_count()} cores, hub in its own process)\n")
    print(table(["measure", *results], rows))


if __name__ == "__main__":
    main()
