"""Opening the SQLite file: pragmas, permissions, migrations, settings."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from kiosk.store.schema import CORE_MIGRATIONS

log = logging.getLogger(__name__)


class StoreError(Exception):
    """The database file cannot be used (unreadable, not a kiosk database, locked)."""


class Store:
    """One SQLite file holding roster, journal and settings.

    All access goes through one connection guarded by a lock, so the scan
    thread, the sync thread and the UI thread can share a store.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.lock = threading.RLock()
        self.conn = _connect(self.path)
        self.db = sqlite_utils.Database(self.conn)
        self.migrate(CORE_MIGRATIONS)
        from kiosk.store.journal import Journal
        from kiosk.store.roster import Roster

        self.roster = Roster(self)
        self.journal = Journal(self)

    # -- transactions ------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction, committed durably (WAL, synchronous=FULL) on exit."""
        with self.lock:
            if self.conn.in_transaction:
                with self.db.atomic():
                    yield self.conn
                return
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        with self.lock:
            return self.conn.execute(sql, params).fetchall()

    def query_one(self, sql: str, params: tuple | dict = ()) -> sqlite3.Row | None:
        with self.lock:
            return self.conn.execute(sql, params).fetchone()

    # -- migrations --------------------------------------------------------------------------

    def migrate(self, migrations: list[tuple[str, str]]) -> list[str]:
        """Apply the named migrations not yet applied, each in its own transaction."""
        with self.lock:
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
            )
            done = {row[0] for row in self.conn.execute("SELECT name FROM migrations")}
            applied = []
            for name, sql in migrations:
                if name in done:
                    continue
                with self.transaction() as conn:
                    for statement in _statements(sql):
                        conn.execute(statement)
                    conn.execute(
                        "INSERT INTO migrations VALUES (?, ?)", (name, datetime.now(UTC).isoformat())
                    )
                log.info("applied migration %s", name)
                applied.append(name)
            return applied

    # -- settings ----------------------------------------------------------------------------

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.query_one("SELECT value FROM meta WHERE key = ?", (key,))
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    @property
    def rehearsal(self) -> bool:
        return self.get_meta("rehearsal", "0") == "1"

    def set_rehearsal(self, on: bool) -> None:
        self.set_meta("rehearsal", "1" if on else "0")

    def close(self) -> None:
        with self.lock:
            self.conn.close()


def _statements(sql: str) -> list[str]:
    """Split a migration script into statements (``executescript`` would commit)."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        if line.strip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


def _connect(path: Path) -> sqlite3.Connection:
    if str(path) != ":memory:":
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists():
            # Owner-only from the first byte: the roster holds personal data.
            os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=10)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=10000")
        conn.execute("PRAGMA cache_size=-32000")
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a usable kiosk database ({exc})") from exc
    return conn


def open_store(path: Path | str) -> Store:
    try:
        return Store(path)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a usable kiosk database ({exc})") from exc
