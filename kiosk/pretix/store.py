"""What the kiosk keeps of pretix, in the kiosk's own SQLite store (owner-only, like the roster).

The connection (with its token) and the mapping live in ``meta``; positions, every secret
ever seen, pretix's own check-ins, the revoked and blocked secret lists and the upload
results in tables of their own (named migrations ``pretix-…``).
"""

from __future__ import annotations

import json
import weakref
from datetime import datetime
from typing import Any

from kiosk.errors import KioskError
from kiosk.pretix.client import Connection
from kiosk.pretix.decide import Ticket
from kiosk.pretix.mapping import Mapping
from kiosk.store import Store

CONNECTION, MAPPING = "pretix.connection", "pretix.mapping"
ORDERS_SINCE, ORDERS_RESUME = "pretix.orders_since", "pretix.orders_resume"
PUSH_CURSOR = "pretix.push_seq"

MIGRATIONS = [
    (
        "pretix-0001-mirror",
        """
        CREATE TABLE pretix_positions (
            id INTEGER PRIMARY KEY, order_code TEXT NOT NULL, positionid INTEGER NOT NULL,
            delegate_id TEXT NOT NULL, secret TEXT NOT NULL, item INTEGER NOT NULL, variation INTEGER,
            addon_to INTEGER, canceled INTEGER NOT NULL, order_status TEXT NOT NULL,
            valid_if_pending INTEGER NOT NULL, require_approval INTEGER NOT NULL, blocked INTEGER NOT NULL,
            valid_from TEXT, valid_until TEXT
        );
        CREATE INDEX pretix_positions_by_secret ON pretix_positions (secret);
        CREATE INDEX pretix_positions_by_parent ON pretix_positions (addon_to);
        CREATE TABLE pretix_secrets (secret TEXT PRIMARY KEY, position_id INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE pretix_checkins (
            id INTEGER PRIMARY KEY, position_id INTEGER NOT NULL, list_id INTEGER NOT NULL,
            type TEXT NOT NULL, at TEXT NOT NULL
        );
        CREATE INDEX pretix_checkins_by_position ON pretix_checkins (position_id, list_id);
        CREATE TABLE pretix_revoked (secret TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE pretix_blocked (secret TEXT PRIMARY KEY) WITHOUT ROWID;
        CREATE TABLE pretix_uploads (
            checkin_id TEXT PRIMARY KEY, list_id INTEGER NOT NULL, status TEXT NOT NULL,
            reason TEXT NOT NULL, answered_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX journal_by_code ON journal (code);
        """,
    ),
    (
        # core-0006-lean-journal rebuilt the journal table, taking this index with it on a
        # kiosk connected to pretix before that migration.
        "pretix-0002-journal-by-code-kept",
        "CREATE INDEX IF NOT EXISTS journal_by_code ON journal (code);",
    ),
]

_ready: weakref.WeakSet[Store] = weakref.WeakSet()


def ensure(store: Store) -> None:
    if store not in _ready:
        store.migrate(MIGRATIONS)
        _ready.add(store)


class NotConnected(KioskError):
    def __init__(self) -> None:
        super().__init__(
            "this kiosk is not connected to pretix: run `pretix connect` first / 尚未连接 pretix"
        )


def connection(store: Store) -> Connection | None:
    raw = store.get_meta(CONNECTION)
    if not raw:
        return None
    data = json.loads(raw)
    return Connection(data["url"], data["organizer"], data["event"], data["token"], tuple(data["lists"]))


def mapping(store: Store) -> Mapping | None:
    raw = store.get_meta(MAPPING)
    return Mapping.from_json(json.loads(raw)) if raw else None


def save(store: Store, conn: Connection, found: Mapping) -> None:
    """Keep the connection and the mapping; install the event, forums and categories."""
    ensure(store)
    store.roster.set_event(found.kiosk_event(), found.kiosk_forums(), found.kiosk_categories())
    with store.transaction() as tx:
        for key, value in ((CONNECTION, conn.to_json()), (MAPPING, found.to_json())):
            tx.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                       "value = excluded.value", (key, json.dumps(value, ensure_ascii=False)))  # fmt: skip


def _ticket(row: Any) -> Ticket:
    return Ticket(
        row["secret"], row["item"], row["variation"], row["id"], row["addon_to"], bool(row["canceled"]),
        row["order_status"], bool(row["valid_if_pending"]), bool(row["require_approval"]), bool(row["blocked"]),
        datetime.fromisoformat(row["valid_from"]) if row["valid_from"] else None,
        datetime.fromisoformat(row["valid_until"]) if row["valid_until"] else None,
    )  # fmt: skip


def candidates(store: Store, secret: str, addon_match: bool) -> list[Ticket]:
    """The positions a scanned secret may mean: its own, then (addon_match) its add-ons."""
    ensure(store)
    rows = store.query(
        "SELECT * FROM pretix_positions WHERE secret = ? ORDER BY addon_to IS NOT NULL, id", (secret,)
    )
    if addon_match and rows:
        parents = tuple(r["id"] for r in rows if r["addon_to"] is None)
        if parents:
            rows += store.query(
                f"SELECT * FROM pretix_positions WHERE addon_to IN ({', '.join('?' * len(parents))}) ORDER BY id",
                parents,
            )
    return [_ticket(r) for r in rows]


def is_listed(store: Store, table: str, secret: str) -> bool:
    ensure(store)
    return store.query_one(f"SELECT 1 FROM {table} WHERE secret = ?", (secret,)) is not None  # noqa: S608


def delegate_of(store: Store, position_id: int) -> str | None:
    row = store.query_one(
        "SELECT COALESCE(p.delegate_id, c.delegate_id) FROM pretix_positions c "
        "LEFT JOIN pretix_positions p ON p.id = c.addon_to WHERE c.id = ?",
        (position_id,),
    )
    return row[0] if row else None
