"""The hub's store: one schema on SQLite (WAL) or PostgreSQL, opened from a path or URL."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from hub.store_dialect import Connection, HubStoreError, Pool, dialect_for
from hub.store_schema import MIGRATIONS

log = logging.getLogger(__name__)

ENV_VAR = "KIOSK_HUB_DB"


def now_text() -> str:
    return datetime.now(UTC).isoformat()


class HubStore:
    """Event, roster, check-ins and tokens of the hub. Thread-safe: one connection per call.

    The parts live in their own modules (``store_roster``, ``store_checkins``,
    ``store_tokens``) and are reached as ``store.roster``, ``store.checkins``, ``store.tokens``.
    """

    def __init__(self, target: str | Path, pool_size: int = 12) -> None:
        self.target = str(target)
        self.dialect = dialect_for(target)
        self.pool = Pool(self.dialect, pool_size)
        self.migrate()
        from hub.store_checkins import Checkins
        from hub.store_roster import HubRoster
        from hub.store_tokens import Tokens

        self.roster = HubRoster(self)
        self.checkins = Checkins(self)
        self.tokens = Tokens(self)

    @property
    def kind(self) -> str:
        return self.dialect.name

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with self.pool.connection() as conn:
            yield conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction, committed on exit and rolled back on any error."""
        with self.pool.connection() as conn:
            conn.raw.execute(self.dialect.begin)
            try:
                yield conn
            except BaseException:
                with contextlib.suppress(Exception):
                    conn.raw.execute("ROLLBACK")
                raise
            conn.raw.execute("COMMIT")

    def migrate(self) -> list[str]:
        applied = []
        with self.pool.connection() as conn:
            conn.execute(
                "CREATE TABLE IF NOT EXISTS hub_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
        for name, script in MIGRATIONS:
            with self.transaction() as conn:
                if conn.execute("SELECT 1 FROM hub_migrations WHERE name = ?", (name,)).fetchone():
                    continue
                for statement in self.dialect.split(script):
                    conn.execute(statement)
                conn.execute("INSERT INTO hub_migrations VALUES (?, ?)", (name, now_text()))
            log.info("hub: applied migration %s", name)
            applied.append(name)
        return applied

    # -- counters and settings ---------------------------------------------------------------

    @staticmethod
    def take(conn: Connection, counter: str, n: int) -> int:
        """Reserve ``n`` cursor values; returns the last. Holds the counter's row lock to commit."""
        row = conn.execute(
            "UPDATE hub_counters SET value = value + ? WHERE name = ? RETURNING value", (n, counter)
        ).fetchone()
        return int(row[0])

    def counter(self, name: str) -> int:
        with self.read() as conn:
            row = conn.execute("SELECT value FROM hub_counters WHERE name = ?", (name,)).fetchone()
        return int(row[0])

    def counters(self) -> dict[str, int]:
        with self.read() as conn:
            return {r[0]: int(r[1]) for r in conn.execute("SELECT name, value FROM hub_counters").fetchall()}

    def close(self) -> None:
        self.pool.close()


def open_hub_store(db: str | Path | None = None, database_url: str | None = None) -> HubStore:
    """The hub store named by --db, --database-url or $KIOSK_HUB_DB (in that order)."""
    target = database_url or (str(db) if db else None) or os.environ.get(ENV_VAR)
    if not target:
        raise HubStoreError("no hub database: pass --db PATH or --database-url URL, or set KIOSK_HUB_DB")
    try:
        return HubStore(target)
    except HubStoreError:
        raise
    except Exception as exc:  # sqlite3 / psycopg errors on a file or server that is not a hub store
        raise HubStoreError(f"cannot use the hub database: {exc}".splitlines()[0]) from exc
