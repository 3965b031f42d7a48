"""Applying what the hub sends to the kiosk's store, each page in one transaction.

A page is checked whole before anything is written: one malformed change and
the page is refused, the previous roster stays in force and the cursor does
not move. Cursors live in the store's meta, written in the same transaction
as the data they cover.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kiosk.errors import KioskError
from kiosk.importers.event import EventFileError, parse_event
from kiosk.model import Badge, Delegate
from kiosk.names import search_text
from kiosk.store import Store
from kiosk.store.roster import delegate_to_row
from kiosk.sync.wire import WireError, checkin_from_wire, delegate_from_wire

log = logging.getLogger(__name__)

ROSTER_CURSOR = "sync.roster_cursor"
CHECKIN_CURSOR = "sync.checkin_cursor"
PUSH_CURSOR = "sync.push_seq"
EVENT_VERSION = "sync.event_version"


class MalformedPage(KioskError):
    exit_code = 5


@dataclass
class RosterPage:
    upserts: int
    revocations: int
    cursor: int
    more: bool
    event_version: int


@contextlib.contextmanager
def bookkeeping(store: Store) -> Iterator[sqlite3.Connection]:
    """A transaction of sync data that does not wait for the disk (synchronous=NORMAL).

    Safe because each such write carries its own cursor: lost in a power cut, it is simply
    fetched or sent again. And the kiosk's own decisions still commit with FULL, which
    flushes the WAL up to and including everything a decision was based on. This keeps
    sync's fsyncs from queueing in front of the desk's.
    """
    with store.lock:
        store.conn.execute("PRAGMA synchronous=NORMAL")
        try:
            with store.transaction() as conn:
                yield conn
        finally:
            store.conn.execute("PRAGMA synchronous=FULL")


def set_cursor(store: Store, key: str, value: int) -> None:
    with bookkeeping(store) as conn:
        _set_meta(conn, key, value)


def meta_int(store: Store, key: str) -> int:
    value = store.get_meta(key)
    return int(value) if value and value.lstrip("-").isdigit() else 0


def _set_meta(conn: Any, key: str, value: int) -> None:
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, str(value)),
    )


def trust_event_keys(store: Store, document: dict[str, Any], event_id: str) -> int:
    """Install the hub's public badge keys."""
    from kiosk import keys

    return len(keys.trust_from_event_json(store, document, event_id))


def apply_event(store: Store, document: object, version: int = 0) -> str:
    """Install the hub's event, forums, categories and trusted keys; returns the event id."""
    if not isinstance(document, dict):
        raise MalformedPage("the hub's event is not an object")
    try:
        event, forums, categories = parse_event(document)
    except EventFileError as exc:
        raise MalformedPage(f"the hub's event is malformed: {exc}") from None
    store.roster.set_event(event, forums, categories)
    trust_event_keys(store, document, event.id)
    store.set_meta(EVENT_VERSION, str(version or document.get("version") or 0))
    return event.id


def _int(page: dict[str, Any], key: str) -> int:
    value = page.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise MalformedPage(f"roster page: {key!r} is not a cursor")
    return value


def parse_roster_page(page: object) -> tuple[list[tuple[Delegate, str]], RosterPage]:
    if not isinstance(page, dict) or not isinstance(page.get("changes"), list):
        raise MalformedPage("roster page: no list of changes")
    delegates = []
    for number, change in enumerate(page["changes"], start=1):
        try:
            if not isinstance(change, dict):
                raise WireError("not an object")
            delegates.append(delegate_from_wire(change.get("delegate")))
        except WireError as exc:
            raise MalformedPage(f"roster page refused whole: change {number}: {exc}") from None
    ids = [d.id for d, _ in delegates]
    if len(set(ids)) != len(ids):
        raise MalformedPage("roster page refused whole: a delegate appears twice")
    revocations = sum(1 for d, _ in delegates if not d.active)
    info = RosterPage(len(delegates) - revocations, revocations, _int(page, "cursor"),
                      bool(page.get("more")), _int(page, "event_version"))  # fmt: skip
    return delegates, info


def apply_roster_page(store: Store, page: object) -> RosterPage:
    """Check a whole page, then write it and its cursor in one transaction."""
    delegates, info = parse_roster_page(page)
    rows = [
        delegate_to_row(d, search or search_text(d.name, d.name_en, d.organization, d.phone))
        for d, search in delegates
    ]
    roster = store.roster
    with bookkeeping(store) as conn:
        known: dict[str, tuple[str, str]] = {}
        codes = [d.code for d, _ in delegates]
        for start in range(0, len(codes), 500):
            chunk = codes[start : start + 500]
            for code, owner, status in conn.execute(
                f"SELECT code, delegate_id, status FROM badges WHERE code IN ({', '.join('?' * len(chunk))})",
                chunk,
            ):
                known[code] = (owner, status)
        badges = [Badge(d.code, d.id) for d, _ in delegates if known.get(d.code) != (d.id, "active")]
        roster.write_delegates(conn, rows)
        roster.write_badges(conn, badges)
        _set_meta(conn, ROSTER_CURSOR, info.cursor)
    return info


def apply_checkins(store: Store, page: object) -> tuple[int, int]:
    """Other desks' entries into the local journal (origin = their desk); (appended, cursor)."""
    if not isinstance(page, dict) or not isinstance(page.get("entries"), list):
        raise MalformedPage("check-in page: no list of entries")
    cursor = _int(page, "cursor")
    try:
        entries = [checkin_from_wire(e, origin=_origin(e)) for e in page["entries"]]
    except WireError as exc:
        raise MalformedPage(f"check-in page refused whole: {exc}") from None
    appended = 0
    if not entries and cursor == meta_int(store, CHECKIN_CURSOR):
        return 0, cursor
    with bookkeeping(store) as conn:
        for entry in entries:
            category = ""
            if entry.delegate_id:
                row = conn.execute(
                    "SELECT category FROM delegates WHERE id = ?", (entry.delegate_id,)
                ).fetchone()
                category = row[0] if row else ""
            appended += store.journal.append_in(conn, entry, category)
        _set_meta(conn, CHECKIN_CURSOR, cursor)
    return appended, cursor


def _origin(entry: object) -> str:
    origin = entry.get("origin") if isinstance(entry, dict) else None
    if not isinstance(origin, str) or not origin or origin == "local":
        raise WireError("an entry from the hub must name the desk it came from")
    return origin
