"""What long-polls wait on: recent check-ins kept in memory, and a bus that wakes the waiters.

One watcher task per hub process reads the store (after a push in this process at
once, otherwise every ``poll_interval`` seconds, which also catches changes made
by another hub process or by ``hub roster import``) and loads new check-ins into
``RecentCheckins``. Pulls are then answered from memory, with their JSON made once
per entry, so fifty desks waiting cost fifty list scans, not fifty queries.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
from collections import deque

from fastapi.concurrency import run_in_threadpool

from hub.store import HubStore

log = logging.getLogger(__name__)


class RecentCheckins:
    """The last ``size`` check-ins as (seq, origin, JSON text); every entry after ``low`` is here."""

    def __init__(self, store: HubStore, size: int = 50_000) -> None:
        self._store = store
        self._entries: deque[tuple[int, str, str]] = deque(maxlen=size)
        self._lock = threading.Lock()
        self.low = self.high = store.counter("checkins")
        self.roster_cursor = store.counter("roster")

    def refresh(self) -> bool:
        """Load what the store has beyond ``high``; True when anything changed."""
        changed = False
        roster_cursor = self._store.counter("roster")
        if roster_cursor != self.roster_cursor:
            self.roster_cursor, changed = roster_cursor, True
        while True:
            entries, cursor = self._store.checkins.since(self.high, 2000)
            if cursor < self.high:  # the store was replaced under us: start afresh
                with self._lock:
                    self._entries.clear()
                    self.low = self.high = cursor
                return True
            if not entries and cursor == self.high:
                return changed
            texts = [(seq, e.origin, json.dumps(e.to_json() | {"seq": seq}, ensure_ascii=False))
                     for seq, e in entries]  # fmt: skip
            with self._lock:
                self._entries.extend(texts)
                self.high = cursor
                if len(self._entries) == self._entries.maxlen:
                    self.low = self._entries[0][0] - 1
            changed = True
            if len(entries) < 2000:
                return changed

    def since(self, since: int, limit: int, exclude_origin: str) -> tuple[list[str], int] | None:
        """Entries after ``since`` not from ``exclude_origin``, and the cursor; None if not in memory."""
        with self._lock:
            if not self.low <= since <= self.high:
                return None
            found: list[str] = []
            for seq, origin, text in reversed(self._entries):  # the newest first: a waiter is near the end
                if seq <= since:
                    break
                if origin != exclude_origin:
                    found.append(text)
            found.reverse()
            if len(found) > limit:
                found = found[:limit]
                return found, int(json.loads(found[-1])["seq"])
            return found, self.high


class ChangeBus:
    """Wakes long-polls when the recent check-ins or the roster cursor move."""

    def __init__(self, store: HubStore, poll_interval: float = 0.25) -> None:
        self.recent = RecentCheckins(store)
        self.poll_interval = poll_interval
        self._event = asyncio.Event()
        self._kick = asyncio.Event()
        self.loop: asyncio.AbstractEventLoop | None = None

    def current(self) -> asyncio.Event:
        return self._event

    def kick_threadsafe(self) -> None:
        """Something was written in this process: look now, not at the next poll."""
        if self.loop is not None:
            self.loop.call_soon_threadsafe(self._kick.set)

    async def watch(self) -> None:
        self.loop = asyncio.get_running_loop()
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._kick.wait(), timeout=self.poll_interval)
            self._kick.clear()
            try:
                changed = await run_in_threadpool(self.recent.refresh)
            except Exception as exc:  # the database went away for a moment: keep watching
                log.warning("hub: cannot read new check-ins (%s)", type(exc).__name__)
                await asyncio.sleep(self.poll_interval)
                continue
            if changed:
                self._event.set()
                self._event = asyncio.Event()

    def close(self) -> None:
        self._event.set()
