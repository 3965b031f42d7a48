"""One pass of each sync step, as plain functions over a store and a HubClient.

The worker (worker.py) loops over these; ``sync_once`` runs them once
(``python main.py sync --once``).
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from kiosk.model import Action, CheckIn, Delegate
from kiosk.store import Store
from kiosk.sync.apply import (
    CHECKIN_CURSOR,
    EVENT_VERSION,
    PUSH_CURSOR,
    ROSTER_CURSOR,
    apply_checkins,
    apply_event,
    apply_roster_page,
    meta_int,
    set_cursor,
)
from kiosk.sync.client import HubClient, HubProtocolError
from kiosk.sync.wire import MAX_BATCH

log = logging.getLogger(__name__)
_MADE_HERE = (Action.WALKIN, Action.REISSUE)


@dataclass
class SyncReport:
    """What one pass changed (returned, Anki-style, so a screen knows what to redraw)."""

    event: str | None = None
    upserts: int = 0
    revocations: int = 0
    pushed: int = 0
    pulled: int = 0
    roster_cursor: int = 0
    checkin_cursor: int = 0
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "event": self.event, "upserts": self.upserts, "revocations": self.revocations,
            "pushed": self.pushed, "pulled": self.pulled, "roster_cursor": self.roster_cursor,
            "checkin_cursor": self.checkin_cursor,
        }  # fmt: skip


def backlog(store: Store) -> int:
    """Local journal entries the hub has not acknowledged yet."""
    row = store.query_one(
        "SELECT COUNT(*) FROM journal WHERE seq > ? AND origin = 'local'", (meta_int(store, PUSH_CURSOR),)
    )
    return int(row[0]) if row else 0


def pull_event(store: Store, client: HubClient, report: SyncReport, version: int | None = None) -> None:
    """Fetch the event when the desk has none, or the hub's is newer than the desk's."""
    if store.roster.event() is not None and (version is None or version <= meta_int(store, EVENT_VERSION)):
        return
    document = client.event()
    if document is None:
        if store.roster.event() is None:
            report.notes.append("the hub has no event yet")
        return
    report.event = apply_event(store, document)


def pull_roster(store: Store, client: HubClient, report: SyncReport, page_size: int = 5000) -> None:
    """Roster changes since the desk's cursor, page by page, each page atomic.

    The next page is fetched while the current one is applied (one thread of its own).
    """
    with ThreadPoolExecutor(1, thread_name_prefix="roster-fetch") as fetcher:
        pending = fetcher.submit(client.roster, meta_int(store, ROSTER_CURSOR), page_size)
        while True:
            page = pending.result()
            cursor = page.get("cursor") if isinstance(page, dict) else None
            if isinstance(cursor, int) and page.get("more") is True:
                pending = fetcher.submit(client.roster, cursor, page_size)
            if isinstance(page, dict) and isinstance(page.get("event_version"), int):
                pull_event(store, client, report, page["event_version"])
            applied = apply_roster_page(store, page)
            report.upserts += applied.upserts
            report.revocations += applied.revocations
            report.roster_cursor = applied.cursor
            if not applied.more:
                return


def push_outbox(store: Store, client: HubClient, report: SyncReport, batch: int = MAX_BATCH) -> None:
    """Send unsent local entries, oldest first; the cursor moves only after the hub's answer."""
    while True:
        sent = meta_int(store, PUSH_CURSOR)
        pending = store.journal.since(sent, limit=batch, origin="local")
        if not pending:
            return
        entries = [entry for _, entry in pending]
        answer = client.push(entries, delegates_made_here(store, entries))
        if not isinstance(answer, dict) or not isinstance(answer.get("accepted"), int):
            raise HubProtocolError("the hub did not acknowledge the batch")
        set_cursor(store, PUSH_CURSOR, pending[-1][0])
        report.pushed += len(pending)


def delegates_made_here(store: Store, entries: list[CheckIn]) -> list[Delegate]:
    """The delegates that walk-ins and reissues among ``entries`` created or changed here."""
    ids = dict.fromkeys(e.delegate_id for e in entries if e.action in _MADE_HERE and e.delegate_id)
    found = (store.roster.delegate(i) for i in ids if i)
    return [d for d in found if d is not None]


def pull_checkins(store: Store, client: HubClient, report: SyncReport, wait: float = 0.0) -> int:
    """Other desks' entries since the desk's cursor; returns the hub's roster cursor."""
    roster = meta_int(store, ROSTER_CURSOR)
    while True:
        page = client.checkins(meta_int(store, CHECKIN_CURSOR), wait=wait, roster=roster)
        appended, cursor = apply_checkins(store, page)
        report.pulled += appended
        report.checkin_cursor = cursor
        entries = page.get("entries") or []
        hub_roster = page.get("roster_cursor")
        if len(entries) < 500 or not entries:
            return hub_roster if isinstance(hub_roster, int) else roster
        wait = 0.0


def sync_once(store: Store, client: HubClient) -> SyncReport:
    """Event (when needed), roster, outbox, other desks' check-ins: one pass of everything."""
    report = SyncReport()
    pull_event(store, client, report)
    pull_roster(store, client, report)
    push_outbox(store, client, report)
    pull_checkins(store, client, report)
    return report
