"""What open dashboards cost the hub's sync API: push and pull latency with 20 dashboards vs none.

The hub runs in its own process (``main.py hub serve``), holding ``--preload`` check-ins at
the forum doors already (the counts read them all). One desk pushes a check-in every 0.1 s
(start to start), another desk long-polls for it; in alternating rounds, 20 logged-in
dashboards in a third process hold ``/dashboard/events`` open (each reads every snapshot) or
none do. Push latency is the POST's round trip; visibility is from just before the push to
the moment the other desk's long-poll returns it, and (with dashboards) to the first moment
one of them shows it (``time.monotonic`` is one clock for every process on Linux).

python -m bench.bench_dashboard [--rounds 3] [--per-round 60] [--dashboards 20]
                                [--preload 0,20000] [--backends sqlite,postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import multiprocessing
import queue
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from bench.bench_hub import EVENT, hub_target
from bench.table import median, p95, table
from hub.store import HubStore
from kiosk.demo.roster import generate_roster
from kiosk.importers.event import parse_event
from kiosk.model import CheckIn, Outcome
from tests.hub_support import HubProcess

PACE = 0.1  # seconds from one push's start to the next


def entry(delegate_id: str) -> dict[str, object]:
    return {"id": str(uuid.uuid4()), "at": datetime.now(UTC).isoformat(), "desk": "bench-a", "gate": "entrance",
            "code": "X", "outcome": "admitted", "delegate_id": delegate_id, "action": "scan"}  # fmt: skip


# -- the dashboards' process -----------------------------------------------------------------


async def dashboard(url: str, token: str, seen: list[tuple[float, int]], ready: asyncio.Event) -> None:
    """One organiser's page: log in, then read every snapshot the hub streams."""
    async with httpx.AsyncClient(base_url=url, timeout=httpx.Timeout(30, read=None)) as client:
        (await client.post("/dashboard/login", json={"secret": token})).raise_for_status()
        async with client.stream("GET", "/dashboard/events") as stream:
            async for line in stream.aiter_lines():
                if line.startswith("data: "):
                    seen.append((time.monotonic(), int(json.loads(line[6:])["admitted"])))
                    ready.set()


async def open_pages(url: str, token: str, count: int, ready: Any, stop: Any, out: Any) -> None:
    seen: list[tuple[float, int]] = []
    readies = [asyncio.Event() for _ in range(count)]
    tasks = [asyncio.create_task(dashboard(url, token, seen, r)) for r in readies]
    for r in readies:
        await asyncio.wait_for(r.wait(), 120)
    ready.set()
    while not stop.is_set():
        await asyncio.sleep(0.05)
    for task in tasks:
        task.cancel()
    for task in tasks:
        with contextlib.suppress(asyncio.CancelledError, httpx.HTTPError):
            await task
    out.put(seen)


def pages_process(url: str, token: str, count: int, ready: Any, stop: Any, out: Any) -> None:
    asyncio.run(open_pages(url, token, count, ready, stop, out))


# -- the desks -------------------------------------------------------------------------------


async def desks(
    url: str, tokens: dict[str, str], ids: list[str]
) -> tuple[list[float], list[float], list[float]]:
    """Push one check-in per ``PACE``; (push round trips, visible at the other desk, push start times)."""
    pushes, visible, starts = [], [], []
    headers = {name: {"Authorization": f"Bearer {token}"} for name, token in tokens.items()}
    async with (
        httpx.AsyncClient(base_url=url, timeout=30) as pusher,
        httpx.AsyncClient(base_url=url, timeout=60) as puller,
    ):
        page = await puller.get("/v1/checkins", params={"since": 0, "limit": 1}, headers=headers["b"])
        since = page.json()["cursor"]
        for delegate_id in ids:
            begun = time.monotonic()
            poll = asyncio.create_task(puller.get("/v1/checkins", headers=headers["b"],
                                                  params={"since": since, "wait": 5}))  # fmt: skip
            await asyncio.sleep(0.04)  # the long-poll is (most often) waiting at the hub
            start = time.monotonic()
            response = await pusher.post(
                "/v1/checkins", json={"entries": [entry(delegate_id)]}, headers=headers["a"]
            )
            response.raise_for_status()
            pushes.append(time.monotonic() - start)
            since = (await poll).json()["cursor"]
            visible.append(time.monotonic() - start)
            starts.append(start)
            await asyncio.sleep(max(0.0, begun + PACE - time.monotonic()))
    return pushes, visible, starts


def round_(
    url: str, tokens: dict[str, str], ids: list[str], dashboards: int, admitted: int
) -> tuple[list[float], ...]:
    """One round; ``admitted`` people were admitted at the entrance before it."""
    if not dashboards:
        pushes, visible, _ = asyncio.run(desks(url, tokens, ids))
        return pushes, visible, []
    spawn = multiprocessing.get_context("spawn")
    ready, stop, out = spawn.Event(), spawn.Event(), spawn.Queue()
    process = spawn.Process(target=pages_process, args=(url, tokens["admin"], dashboards, ready, stop, out))
    process.start()
    try:
        if not ready.wait(180):
            raise RuntimeError("the dashboards did not open")
        pushes, visible, starts = asyncio.run(desks(url, tokens, ids))
        time.sleep(2.0)  # the last snapshots are still on their way (the spacing of snapshots)
        seen: list[tuple[float, int]] = []
        stop.set()
        with contextlib.suppress(queue.Empty):
            seen = out.get(timeout=60)
    finally:
        stop.set()
        process.join(30)
    on_page = []
    for n, start in enumerate(starts, start=admitted + 1):
        shown = [t for t, count in seen if count >= n]
        if shown:
            on_page.append(min(shown) - start)
    return pushes, visible, on_page


def preload(store: HubStore, ids: list[str], count: int) -> None:
    """``count`` admissions at the forum doors, spread over the day (the entrance count stays 0)."""
    _, forums, _ = parse_event(EVENT)
    day = datetime(2023, 12, 6, 1, 0, tzinfo=UTC)
    entries = [CheckIn(id=str(uuid.uuid4()), at=day + timedelta(seconds=i), desk="bench-c", gate=forums[i % len(forums)].id,
                       code="X", outcome=Outcome.ADMITTED, delegate_id=ids[i % len(ids)]) for i in range(count)]  # fmt: skip
    for start in range(0, count, 2000):
        store.checkins.push(entries[start : start + 2000], "bench-c")


def run(backend: str, held: int, rounds: int, per_round: int, dashboards: int) -> list[list[object]]:
    with tempfile.TemporaryDirectory() as folder, hub_target(backend, Path(folder)) as target:
        store = HubStore(target)
        store.roster.set_event(EVENT)
        _, forums, categories = parse_event(EVENT)
        people = generate_roster(2 * rounds * per_round + 50, forums, categories, seed=15)
        store.roster.put(people)
        tokens = {"a": store.tokens.create("bench-a")[1], "b": store.tokens.create("bench-b")[1],
                  "admin": store.tokens.create("office", admin=True)[1]}  # fmt: skip
        ids = [p.id for p in people if p.active]
        preload(store, ids, held)
        store.close()
        hub = HubProcess(target).start(timeout=120)  # a loaded machine starts it slowly
        results: dict[int, tuple[list[float], list[float], list[float]]] = {
            0: ([], [], []),
            dashboards: ([], [], []),
        }
        try:
            first = 0
            for _ in range(rounds):
                for count in (0, dashboards):
                    got = round_(hub.url, tokens, ids[first : first + per_round], count, first)
                    first += per_round
                    for kept, new in zip(results[count], got, strict=True):
                        kept.extend(new)
        finally:
            hub.stop()
        rows = []
        for count, (pushes, visible, on_page) in results.items():
            rows.append([backend, f"{held:,}", count, f"{median(pushes) * 1000:.1f} / {p95(pushes) * 1000:.1f}",
                         f"{median(visible) * 1000:.1f} / {p95(visible) * 1000:.1f}",
                         f"{median(on_page) * 1000:.0f} / {p95(on_page) * 1000:.0f}" if on_page else "–"])  # fmt: skip
        return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--per-round", type=int, default=60)
    parser.add_argument("--dashboards", type=int, default=20)
    parser.add_argument(
        "--preload", default="0,20000", help="check-ins the hub holds already (comma-separated)"
    )
    parser.add_argument("--backends", default="sqlite,postgres")
    args = parser.parse_args()
    rows = []
    for backend in args.backends.split(","):
        for held in (int(n) for n in args.preload.split(",")):
            rows += run(backend, held, args.rounds, args.per_round, args.dashboards)
    print(table(["hub store", "check-ins held", "dashboards open", "push ms (median / p95)",
                 "visible at the other desk ms", "visible on a dashboard ms"], rows))  # fmt: skip


if __name__ == "__main__":
    main()
