"""What open dashboards cost the hub's sync API: push and pull latency with 20 dashboards vs none.

The hub runs in its own process (``main.py hub serve``). One desk pushes a check-in per
request (10 a second), another desk long-polls for it; in alternating rounds, 20 logged-in
dashboards hold ``/dashboard/events`` open (each gets every snapshot) or none do. Push
latency is the POST's round trip; visibility is from just before the push to the moment the
other desk's long-poll returns it; with dashboards, also until the dashboards' stream shows it.

python -m bench.bench_dashboard [--rounds 3] [--per-round 100] [--dashboards 20] [--backends sqlite,postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx

from bench.bench_hub import EVENT, hub_target
from bench.table import median, p95, table
from hub.store import HubStore
from kiosk.demo.roster import generate_roster
from kiosk.importers.event import parse_event
from tests.hub_support import HubProcess


def entry(delegate_id: str) -> dict[str, object]:
    return {"id": str(uuid.uuid4()), "at": datetime.now(UTC).isoformat(), "desk": "bench-a", "gate": "entrance",
            "code": "X", "outcome": "admitted", "delegate_id": delegate_id, "action": "scan"}  # fmt: skip


async def dashboard(url: str, token: str, seen: list[tuple[float, int]], ready: asyncio.Event) -> None:
    """One organiser's page: log in, then read every snapshot the hub streams."""
    async with httpx.AsyncClient(base_url=url, timeout=httpx.Timeout(10, read=None)) as client:
        (await client.post("/dashboard/login", json={"secret": token})).raise_for_status()
        async with client.stream("GET", "/dashboard/events") as stream:
            async for line in stream.aiter_lines():
                if line.startswith("data: "):
                    seen.append((time.perf_counter(), int(json.loads(line[6:])["admitted"])))
                    ready.set()


async def round_(url: str, tokens: dict[str, str], ids: list[str], dashboards: int, per_round: int,
                 first: int) -> tuple[list[float], list[float], list[float]]:  # fmt: skip
    seen: list[tuple[float, int]] = []
    readies = [asyncio.Event() for _ in range(dashboards)]
    pages = [asyncio.create_task(dashboard(url, tokens["admin"], seen, r)) for r in readies]
    for ready in readies:
        await asyncio.wait_for(ready.wait(), 30)
    pushes, visible, on_page = [], [], []
    headers = {name: {"Authorization": f"Bearer {token}"} for name, token in tokens.items()}
    async with (
        httpx.AsyncClient(base_url=url, timeout=30) as pusher,
        httpx.AsyncClient(base_url=url, timeout=60) as puller,
    ):
        cursor = (
            await puller.get("/v1/checkins", params={"since": 0, "limit": 1}, headers=headers["b"])
        ).json()
        since = cursor["cursor"]
        for n in range(per_round):
            body = {"entries": [entry(ids[first + n])]}
            poll = asyncio.create_task(puller.get("/v1/checkins", headers=headers["b"],
                                                  params={"since": since, "wait": 5}))  # fmt: skip
            await asyncio.sleep(0.02)  # the long-poll is waiting at the hub
            start = time.perf_counter()
            (await pusher.post("/v1/checkins", json=body, headers=headers["a"])).raise_for_status()
            pushes.append(time.perf_counter() - start)
            page = (await poll).json()
            visible.append(time.perf_counter() - start)
            since = page["cursor"]
            if dashboards:
                target = first + n + 1
                while not any(count >= target for _, count in seen[-dashboards * 3 :]):
                    await asyncio.sleep(0.005)
                on_page.append(min(t for t, count in seen if count >= target) - start)
            await asyncio.sleep(0.08)
    for task in pages:
        task.cancel()
    for task in pages:
        with contextlib.suppress(asyncio.CancelledError, httpx.HTTPError):
            await task
    return pushes, visible, on_page


def run(backend: str, rounds: int, per_round: int, dashboards: int) -> list[list[object]]:
    with tempfile.TemporaryDirectory() as folder, hub_target(backend, Path(folder)) as target:
        store = HubStore(target)
        store.roster.set_event(EVENT)
        _, forums, categories = parse_event(EVENT)
        people = generate_roster(2 * rounds * per_round + 10, forums, categories, seed=15)
        store.roster.put(people)
        tokens = {"a": store.tokens.create("bench-a")[1], "b": store.tokens.create("bench-b")[1],
                  "admin": store.tokens.create("office", admin=True)[1]}  # fmt: skip
        store.close()
        ids = [p.id for p in people if p.active]
        hub = HubProcess(target).start(timeout=120)  # a loaded machine starts it slowly
        results: dict[int, tuple[list[float], list[float], list[float]]] = {
            0: ([], [], []),
            dashboards: ([], [], []),
        }
        try:
            first = 0
            for _ in range(rounds):
                for count in (0, dashboards):
                    got = asyncio.run(round_(hub.url, tokens, ids, count, per_round, first))
                    first += per_round
                    for kept, new in zip(results[count], got, strict=True):
                        kept.extend(new)
        finally:
            hub.stop()
        rows = []
        for count, (pushes, visible, on_page) in results.items():
            rows.append([backend, count, f"{median(pushes) * 1000:.1f} / {p95(pushes) * 1000:.1f}",
                         f"{median(visible) * 1000:.1f} / {p95(visible) * 1000:.1f}",
                         f"{median(on_page) * 1000:.1f} / {p95(on_page) * 1000:.1f}" if on_page else "–"])  # fmt: skip
        return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--per-round", type=int, default=100)
    parser.add_argument("--dashboards", type=int, default=20)
    parser.add_argument("--backends", default="sqlite,postgres")
    args = parser.parse_args()
    rows = []
    for backend in args.backends.split(","):
        rows += run(backend, args.rounds, args.per_round, args.dashboards)
    print(table(["hub store", "dashboards open", "push ms (median / p95)", "visible at the other desk ms",
                 "visible on the dashboards ms"], rows))  # fmt: skip


if __name__ == "__main__":
    main()
