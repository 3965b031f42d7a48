"""SyncWorker: the kiosk's background sync, two threads that never block a decision.

- the *pusher* sends the outbox as soon as ``notify()`` is called (wire it to
  ``CheckinService.decided``) and every ``push_interval`` seconds anyway;
- the *puller* long-polls the hub for other desks' check-ins (answers as soon as
  one arrives) and pulls roster changes whenever the hub's roster cursor moves.

Each thread has its own HTTP client; both share the Store (its lock serialises
writes). When the hub is away the worker backs off and retries; the desk
decides alone meanwhile, and ``state().backlog`` counts what is still to send.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from kiosk.errors import KioskError
from kiosk.events import Listeners
from kiosk.store import Store
from kiosk.sync.apply import CHECKIN_CURSOR, ROSTER_CURSOR, meta_int
from kiosk.sync.client import HubClient, HubProtocolError, HubRefused
from kiosk.sync.engine import SyncReport, backlog, pull_checkins, pull_event, pull_roster, push_outbox
from kiosk.sync.health import HealthFacts, collect
from kiosk.sync.trust import HubInsecure, HubUntrusted, normalize_pin

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SyncState:
    """What the admin screen shows. ``last_sync`` is the last successful exchange (UTC)."""

    connected: bool = False
    last_sync: datetime | None = None
    backlog: int = 0
    last_error: str | None = None
    roster_cursor: int = 0
    checkin_cursor: int = 0
    running: bool = False


class SyncWorker:
    """Background sync of one desk with one hub. ``start()``, ``notify()``, ``state()``, ``stop()``."""

    def __init__(
        self,
        store: Store,
        hub_url: str,
        token: str,
        wait: float = 2.0,
        push_interval: float = 0.5,
        retry: float = 0.5,
        max_retry: float = 5.0,
        health: Callable[[], HealthFacts] | None = None,
        health_interval: float = 5.0,
        pin: str = "",
        insecure: bool = False,
    ) -> None:
        self.store = store
        self.hub_url = hub_url
        self._token = token
        self.pin = normalize_pin(pin)  # the hub certificate's fingerprint (kiosk/sync/trust.py)
        self.insecure = insecure  # plain HTTP to a hub off loopback allowed
        self.wait = wait
        self.push_interval = push_interval
        self.retry = retry
        self.max_retry = max_retry
        self.state_changed: Listeners[SyncState] = Listeners()
        self._state = SyncState()
        self._state_lock = threading.Lock()
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._threads: list[threading.Thread] = []
        self._roster_pulled = False
        self.health = health or HealthFacts
        self.health_interval = health_interval
        self._reported: tuple[HealthFacts, float] | None = None
        self.clock_offset: float | None = None  # the hub's clock minus this desk's, in seconds

    # -- the public API ----------------------------------------------------------------------

    def start(self) -> None:
        if self._threads:
            return
        self._stop.clear()
        self._update(running=True)
        for name, loop in (("sync-push", self._push_loop), ("sync-pull", self._pull_loop)):
            thread = threading.Thread(target=self._run, args=(loop,), name=name, daemon=True)
            self._threads.append(thread)
            thread.start()

    def notify(self, *_: Any) -> None:
        """Something was journalled: push now. Usable as a CheckinService listener."""
        self._wake.set()

    def state(self) -> SyncState:
        with self._state_lock:
            state = self._state
        return replace(state, backlog=backlog(self.store))

    def stop(self, timeout: float | None = None) -> None:
        """Ask both threads to finish and wait for them: at most one long-poll (``wait`` s).

        ``stop(timeout=0)`` only asks; calling it on several workers first, then
        ``stop()`` on each, stops them all in one long-poll's time.
        """
        self._stop.set()
        self._wake.set()
        limit = self.wait + 15 if timeout is None else timeout
        for thread in self._threads:
            thread.join(limit)
        self._threads = [t for t in self._threads if t.is_alive()]
        if not self._threads:
            self._update(running=False)

    # -- the loops -----------------------------------------------------------------------------

    def _run(self, loop: Callable[[HubClient], None]) -> None:
        client = HubClient(self.hub_url, self._token, pin=self.pin, insecure=self.insecure)
        delay = self.retry
        try:
            while not self._stop.is_set():
                try:
                    loop(client)
                    delay = self.retry
                except (HubRefused, HubUntrusted, HubInsecure) as exc:  # retrying soon changes nothing
                    self._failed(str(exc))
                    self._stop.wait(self.max_retry)
                except KioskError as exc:
                    self._failed(str(exc))
                    self._stop.wait(delay)
                    delay = min(delay * 2, self.max_retry)
                except Exception as exc:  # a bug must not end sync for the rest of the day
                    log.exception("sync: unexpected error")
                    self._failed(f"{type(exc).__name__}: {exc}")
                    self._stop.wait(self.max_retry)
        finally:
            client.close()

    def _push_loop(self, client: HubClient) -> None:
        self._wake.wait(self.push_interval)
        self._wake.clear()
        if self._stop.is_set():
            return
        report = SyncReport()
        push_outbox(self.store, client, report)
        if report.pushed:
            self._succeeded(report)
        self._report_health(client)

    def _report_health(self, client: HubClient) -> None:
        """Send the desk's health every ``health_interval`` s, and at once when the app's facts change."""
        facts = self.health()
        if self._reported and self._reported[0] == facts and time.monotonic() < self._reported[1]:
            return
        health = collect(self.store, facts, backlog(self.store), self.clock_offset)
        sent = time.time()
        try:
            answer = client.report_health(health)
        except HubProtocolError as exc:  # a hub without the dashboard: sync goes on regardless
            log.debug("sync: health report refused (%s)", exc)
        else:
            with contextlib.suppress(KeyError, TypeError, ValueError):
                hub_time = datetime.fromisoformat(answer["hub_time"]).timestamp()
                self.clock_offset = round(hub_time - (sent + time.time()) / 2, 3)
        self._reported = (facts, time.monotonic() + self.health_interval)

    def _pull_loop(self, client: HubClient) -> None:
        report = SyncReport()
        if not self._roster_pulled:
            pull_event(self.store, client, report)
            pull_roster(self.store, client, report)
            self._roster_pulled = True
            self._succeeded(report)
        hub_roster = pull_checkins(self.store, client, report, wait=self.wait)
        if hub_roster > meta_int(self.store, ROSTER_CURSOR):
            pull_roster(self.store, client, report)
        self._succeeded(report)

    # -- state ---------------------------------------------------------------------------------

    def _update(self, **changes: Any) -> None:
        with self._state_lock:
            before = self._state
            self._state = replace(self._state, **changes)
            changed = self._state != before
        if changed and len(self.state_changed):
            self.state_changed.emit(self.state())

    def _succeeded(self, report: SyncReport) -> None:
        self._update(
            connected=True,
            last_sync=datetime.now(UTC),
            last_error=None,
            roster_cursor=meta_int(self.store, ROSTER_CURSOR),
            checkin_cursor=meta_int(self.store, CHECKIN_CURSOR),
        )
        if report.pulled or report.upserts or report.revocations:
            log.info("sync: %d roster changes, %d check-ins from other desks",
                     report.upserts + report.revocations, report.pulled)  # fmt: skip

    def _failed(self, message: str) -> None:
        with self._state_lock:
            repeated = not self._state.connected and self._state.last_error is not None
        # Once per outage at WARNING, not once per retry.
        log.log(logging.DEBUG if repeated else logging.WARNING, "sync: %s", message)
        self._update(connected=False, last_error=message)
