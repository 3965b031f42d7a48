"""The thin layer between the hub's one SQL schema and its two databases.

The hub's SQL is written once, with ``?`` placeholders and only syntax that
SQLite (3.35+) and PostgreSQL share (``ON CONFLICT``, ``RETURNING``, ``BIGINT``).
A dialect knows how to connect, how to spell a placeholder and how to begin a
write transaction. Connections are kept in a small pool, one per thread at a time.
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from kiosk.errors import KioskError


class HubStoreError(KioskError):
    """The hub database cannot be opened or used."""


class Cursor(Protocol):
    rowcount: int

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...


class Connection:
    """A database connection that speaks the hub's one SQL spelling."""

    def __init__(self, raw: Any, dialect: Dialect) -> None:
        self.raw = raw
        self.dialect = dialect

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        return self.raw.execute(self.dialect.sql(sql), tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if not rows:
            return
        if self.dialect.name == "sqlite":
            self.raw.executemany(sql, rows)
        else:
            with self.raw.cursor() as cursor:
                cursor.executemany(self.dialect.sql(sql), rows)


class Dialect:
    name = "base"
    begin = "BEGIN"

    def sql(self, text: str) -> str:
        return text

    def connect(self) -> Any:
        raise NotImplementedError

    def split(self, script: str) -> list[str]:
        return [s.strip() for s in script.split(";") if s.strip()]


class SQLiteDialect(Dialect):
    name = "sqlite"
    begin = "BEGIN IMMEDIATE"

    def __init__(self, path: Path) -> None:
        self.path = path

    def connect(self) -> sqlite3.Connection:
        if str(self.path) != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not self.path.exists():
                os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.execute("PRAGMA busy_timeout=30000")
        except sqlite3.DatabaseError as exc:
            raise HubStoreError(f"{self.path}: not a usable hub database ({exc})") from exc
        return conn


class PostgresDialect(Dialect):
    name = "postgresql"
    _placeholder = re.compile(r"\?")

    def __init__(self, url: str) -> None:
        self.url = url

    def sql(self, text: str) -> str:
        return self._placeholder.sub("%s", text)

    def connect(self) -> Any:
        import psycopg

        try:
            return psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            raise HubStoreError(f"cannot connect to the hub database: {exc}".splitlines()[0]) from exc


def dialect_for(target: str | Path) -> Dialect:
    """``postgresql://…`` (or ``postgres://…``) is PostgreSQL; anything else is a SQLite file."""
    text = str(target)
    if text.startswith(("postgresql://", "postgres://")):
        return PostgresDialect(text)
    return SQLiteDialect(Path(text))


class Pool:
    """At most ``size`` connections, handed out one at a time; a caller waits for a free one
    rather than opening and closing connections under load."""

    def __init__(self, dialect: Dialect, size: int = 8) -> None:
        self.dialect = dialect
        self._idle: queue.LifoQueue[Connection] = queue.LifoQueue()
        self._slots = threading.BoundedSemaphore(size)
        self._lock = threading.Lock()
        self._closed = False

    @contextlib.contextmanager
    def connection(self) -> Iterator[Connection]:
        if not self._slots.acquire(timeout=60):
            raise HubStoreError("the hub database is overloaded (no free connection for 60 s)")
        try:
            try:
                conn = self._idle.get_nowait()
            except queue.Empty:
                conn = Connection(self.dialect.connect(), self.dialect)
            broken = False
            try:
                yield conn
            except BaseException:
                broken = self._in_trouble(conn)
                raise
            finally:
                with self._lock:
                    broken = broken or self._closed
                    if not broken:
                        self._idle.put(conn)
                if broken:
                    self._discard(conn)
        finally:
            self._slots.release()

    def _in_trouble(self, conn: Connection) -> bool:
        raw = conn.raw
        try:
            if self.dialect.name == "sqlite":
                if raw.in_transaction:
                    raw.execute("ROLLBACK")
                return False
            return bool(raw.closed or raw.broken)
        except Exception:
            return True

    @staticmethod
    def _discard(conn: Connection) -> None:
        with contextlib.suppress(Exception):
            conn.raw.close()

    def close(self) -> None:
        """Close the idle connections now and each one in use when its user hands it back: a
        connection is never closed under a query another thread is running on it (psycopg
        crashes the process when that happens)."""
        with self._lock:
            self._closed = True
            idle = []
            with contextlib.suppress(queue.Empty):
                while True:
                    idle.append(self._idle.get_nowait())
        for conn in idle:
            self._discard(conn)
