"""What every open dashboard is sent: made once per change and shared by all of them.

The counts (``hub.store.arrivals``) are made again only when the hub's check-in or roster
cursor moves; the desk fleet at most once a second (silence depends on the time). Twenty
dashboards then cost the hub one computation per change, not twenty.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

from fastapi.concurrency import run_in_threadpool

from hub.api.changes import ChangeBus
from hub.store import HubStore
from hub.store.arrivals import Person, overview, people


class Snapshot:
    def __init__(self, store: HubStore, bus: ChangeBus) -> None:
        self._store = store
        self._bus = bus
        self._lock = asyncio.Lock()
        self._people: tuple[int, dict[str, Person]] = (-1, {})
        self._counts: tuple[tuple[int, int], dict[str, Any]] | None = None
        self._text: tuple[tuple[int, int, int, int], str] | None = None

    def _key(self) -> tuple[int, int, int, int]:
        recent = self._bus.recent
        return recent.high, recent.roster_cursor, self._store.desks.version, int(time.monotonic())

    async def text(self) -> str:
        """The dashboard's JSON now (from cache when nothing moved)."""
        key = self._key()
        if self._text and self._text[0] == key:
            return self._text[1]
        async with self._lock:
            if not (self._text and self._text[0] == key):
                self._text = (key, await run_in_threadpool(self._make, key))
            return self._text[1]

    def _make(self, key: tuple[int, int, int, int]) -> str:
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
