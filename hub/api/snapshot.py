"""What every open dashboard is sent: one snapshot per change, made by one task and shared.

While at least one dashboard follows it, a single task per hub process makes the snapshot
when the check-in or roster cursor moves (the change bus wakes it), when a desk reports,
and once a second (a desk's silence depends on the time), but never sooner than
``min_interval`` seconds after the last one started, nor sooner than ``spacing`` times what
the last one took after it ended: a burst of pushes costs one snapshot, not one per push,
twenty open dashboards cost one, not twenty, and however many check-ins the counts read
(their cost grows with the event), making snapshots takes at most 1/(1 + ``spacing``) of one
core. The streams only write the text they are handed. The counts (``hub.store.arrivals``)
are made again only when a cursor moved.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections.abc import AsyncGenerator
from typing import Any

from fastapi.concurrency import run_in_threadpool

from hub.api.changes import ChangeBus
from hub.store import HubStore
from hub.store.arrivals import Person, overview, people

log = logging.getLogger(__name__)

Key = tuple[int, int, int, int]


class Snapshot:
    def __init__(
        self, store: HubStore, bus: ChangeBus, min_interval: float = 0.25, spacing: float = 4.0
    ) -> None:
        self._store = store
        self._bus = bus
        self.min_interval = min_interval
        self.spacing = spacing
        self.made = 0  # snapshots made so far (tests read it)
        self.held: Key | None = None  # a change seen and waiting for its turn (the spacing)
        self._lock = asyncio.Lock()
        self._people: tuple[int, dict[str, Person]] = (-1, {})
        self._counts: tuple[tuple[int, int], dict[str, Any]] | None = None
        self._text: tuple[Key, str] | None = None
        self._version = 0  # bumped whenever the text differs from the one before
        self._published = asyncio.Event()  # set (and replaced) at each new version
        self._followers = 0
        self._producer: asyncio.Task[None] | None = None

    def _key(self) -> Key:
        recent = self._bus.recent
        return recent.high, recent.roster_cursor, self._store.desks.version, int(time.monotonic())

    async def text(self) -> str:
        """The dashboard's JSON now (made again only when its key moved)."""
        key = self._key()
        async with self._lock:
            if self._text is None or self._text[0] != key:
                text = await run_in_threadpool(self._make, key)
                self.made += 1
                if self._text is None or self._text[1] != text:
                    self._version += 1
                    self._published.set()
                    self._published = asyncio.Event()
                self._text = (key, text)
            return self._text[1]

    async def follow(self, every: float = 1.0) -> AsyncGenerator[str | None]:
        """Each new snapshot as it is made, the current one first; ``None`` after ``every``
        seconds without one (the caller checks its session and keeps the stream alive)."""
        self._followers += 1
        if self._producer is None or self._producer.done():
            self._producer = asyncio.create_task(self._produce())
        try:
            seen = -1
            while True:
                published = self._published
                if self._text is not None and self._version != seen:
                    seen = self._version
                    yield self._text[1]
                    continue
                try:
                    await asyncio.wait_for(published.wait(), timeout=every)
                except TimeoutError:
                    yield None
        finally:
            self._followers -= 1

    async def _produce(self) -> None:
        """Make a snapshot whenever the key moves, spaced as the module says."""
        started, ended, failing = 0.0, 0.0, False
        first = True
        while self._followers:
            woken = self._bus.current()
            key, now = self._key(), time.monotonic()
            due = self._text is None or self._text[0] != key
            next_at = max(started + self.min_interval, ended + self.spacing * (ended - started))
            if due and (first or now >= next_at):
                self.held, started, first = None, now, False
                try:
                    await self.text()
                    failing = False
                except Exception as exc:  # the database went away for a moment: try again
                    level = logging.DEBUG if failing else logging.WARNING  # once per outage
                    log.log(level, "dashboard: cannot make the snapshot (%s)", type(exc).__name__)
                    failing = True
                ended = time.monotonic()
                continue
            self.held = key if due else None
            timeout = 1.0 - now % 1.0  # the next whole second, when the key's clock moves
            if due:
                timeout = min(timeout, next_at - now)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(woken.wait(), timeout=max(timeout, 0.001))

    def _make(self, key: Key) -> str:
        checkins, roster = key[0], key[1]
        if self._counts is None or self._counts[0] != (checkins, roster):
            if self._people[0] != roster:
                self._people = (roster, people(self._store))
            counts = overview(self._store, self._store.roster.event_document(), self._people[1])
            self._counts = ((checkins, roster), counts)
        desks = self._store.desks
        return json.dumps({
            **self._counts[1], "fleet": desks.fleet(), "changes": desks.changes(limit=30),
            "limits": {"stale_after_s": desks.stale_after, "clock_limit_s": desks.clock_limit},
            "hub_time": desks.clock().isoformat(),
        }, ensure_ascii=False)  # fmt: skip
