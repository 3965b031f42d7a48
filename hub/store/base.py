"""The hub's database: one schema on SQLite (WAL) or PostgreSQL, connections, migrations, counters.

The parts of the store (``roster``, ``checkins``, ``tokens``) are given a ``Database``;
``hub.store.HubStore`` puts them together."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from hub.store.dialect import Connection, Pool, dialect_for
from hub.store.schema import MIGRATIONS

log = logging.getLogger(__name__)


def now_text() -> str:
    return datetime.now(UTC).isoformat()


class Database:
    """Connections to the hub's database. Thread-safe: one pooled connection per call."""

    def __init__(self, target: str | Path, pool_size: int = 12) -> None:
        self.target = str(target)
        self.dialect = dialect_for(target)
        self.pool = Pool(self.dialect, pool_size)
        self.migrate()

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
