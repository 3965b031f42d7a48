"""``hub purge``: the hub's copy of the roster and the journal's free text, gone after the event.

Every text column of the hub's tables is classified here (a test fails on one that is not).
Each delegate's stored JSON keeps its id, code, category, forums, status and language; the
personal fields the kiosk's purge blanks are emptied in it too. Check-in reasons and the
volunteers' names are blanked; counts, times, gates and desks stay. Then the store is
compacted: SQLite checkpoints its WAL, vacuums and checkpoints again (old pages gone from the
file, its -wal and its -shm); PostgreSQL gets ``VACUUM FULL`` on the tables it changed, which
rewrites them into new files (the server's own WAL archive, if one is kept, is the DBA's).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Final

from hub.store.base import Database
from kiosk.purge_plan import COLUMNS as KIOSK_COLUMNS
from kiosk.purge_plan import EMPTY

log = logging.getLogger(__name__)

BLANK: Final = "blank"
KEEP: Final = "keep"
SCRUB: Final = "scrub"  # a JSON body: its personal keys are emptied

PERSONAL_KEYS = tuple(c for c, what in KIOSK_COLUMNS["delegates"].items() if what == BLANK)
COLUMNS: dict[str, dict[str, str]] = {
    "hub_migrations": {"name": KEEP, "applied_at": KEEP},
    "hub_meta": {"key": KEEP, "value": KEEP},
    "hub_counters": {"name": KEEP},
    "hub_event": {"id": KEEP, "body": KEEP, "updated_at": KEEP},
    "hub_keys": dict.fromkeys(("key_id", "event_id", "pem", "added_at"), KEEP),
    "hub_delegates": {"body": SCRUB} | dict.fromkeys(("id", "code", "status", "updated_at"), KEEP),
    "hub_checkins": dict.fromkeys(("reason", "operator"), BLANK)
    | dict.fromkeys(
        (
            "id",
            "origin",
            "at",
            "desk",
            "gate",
            "code",
            "outcome",
            "delegate_id",
            "action",
            "voids",
            "received_at",
            "how",
        ),
        KEEP,
    ),  # fmt: skip
    "hub_tokens": dict.fromkeys(("id", "desk", "hash", "created_at", "revoked_at", "can", "event"), KEEP),
    "hub_desks": dict.fromkeys(("desk", "report", "state", "received_at", "backlog_ok_at"), KEEP),
    "hub_desk_changes": dict.fromkeys(("desk", "at", "state"), KEEP),
    "hub_login_codes": dict.fromkeys(("hash", "expires_at", "used_at"), KEEP),
    "hub_sessions": dict.fromkeys(("hash", "who", "token_id"), KEEP),
    "hub_enrolments": dict.fromkeys(("hash", "desk", "expires_at", "used_at", "can"), KEEP),
}


@dataclass(frozen=True, slots=True)
class HubPurgeReport:
    delegates: int
    checkins_cleared: int

    def to_json(self) -> dict[str, object]:
        return {"delegates": self.delegates, "checkins_cleared": self.checkins_cleared}


def text_columns(store: Database) -> list[tuple[str, str]]:
    with store.read() as conn:
        if store.kind == "sqlite":
            tables = [
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
            ]
            return [
                (t, r[1])
                for t in tables
                if not t.startswith("sqlite_")
                for r in conn.execute(f'PRAGMA table_info("{t}")').fetchall()
                if "TEXT" in r[2].upper()
            ]
        rows = conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = "
            "current_schema() AND left(table_name, 4) = ? AND data_type IN ('text', 'character varying')",
            ("hub_",),
        ).fetchall()
        return [(r[0], r[1]) for r in rows]


def unclassified(store: Database) -> list[str]:
    return [f"{t}.{c}" for t, c in text_columns(store) if c not in COLUMNS.get(t, {})]


def _scrubbed(body: str) -> str:
    data = json.loads(body)
    for key in PERSONAL_KEYS:
        if key in data:
            data[key] = {} if key in EMPTY else ""
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def purge_hub(store: Database) -> HubPurgeReport:
    """Blank the hub's personal data and compact the store so no old copy is left in its files."""
    if missing := unclassified(store):
        raise ValueError(f"the purge does not know these columns, nothing was changed: {', '.join(missing)}")
    with store.transaction() as conn:
        if store.kind == "sqlite":
            conn.raw.execute("PRAGMA secure_delete = ON")
        rows = conn.execute("SELECT id, body FROM hub_delegates").fetchall()
        conn.executemany(
            "UPDATE hub_delegates SET body = ? WHERE id = ?", [(_scrubbed(b), i) for i, b in rows]
        )
        cleared = conn.execute(
            "UPDATE hub_checkins SET reason = '', operator = '' WHERE reason != '' OR operator != ''"
        ).rowcount
    _compact(store)
    log.warning("hub: purged personal data of %d delegates", len(rows))
    return HubPurgeReport(len(rows), int(cleared))


def _compact(store: Database) -> None:
    with store.read() as conn:
        if store.kind == "sqlite":
            conn.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.raw.execute("VACUUM")
            conn.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        else:
            conn.raw.execute("VACUUM FULL hub_delegates, hub_checkins")
