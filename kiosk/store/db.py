"""Opening the SQLite file: pragmas, permissions, migrations, settings."""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from kiosk.store.problems import DatabaseProblem, Problem, StoreError, kind_of, problem_from
from kiosk.store.schema import CORE_MIGRATIONS

log = logging.getLogger(__name__)

__all__ = ["Database", "StoreError"]


class Database:
    """One SQLite file: its connection, transactions, migrations and settings.

    All access goes through one connection guarded by a lock, so the scan
    thread, the sync thread and the UI thread can share it. The roster and the
    journal are given a ``Database``; ``kiosk.store.Store`` puts them together.
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.lock = threading.RLock()
        self.conn = _connect(self.path)
        self._after_commit: list[Callable[[], None]] = []
        self.db = sqlite_utils.Database(self.conn)
        self.migrate(CORE_MIGRATIONS)

    # -- transactions ------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction, committed durably (WAL, synchronous=FULL) on exit.

        When the commit fails (disk full, read-only file, damaged page) nothing of it stays:
        the transaction is rolled back and the failure raised as a DatabaseProblem."""
        with self.lock:
            if self.conn.in_transaction:
                with self.db.atomic():
                    yield self.conn
                return
            try:
                self.conn.execute("BEGIN IMMEDIATE")
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException as exc:
                self._after_commit.clear()
                if self.conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self.conn.execute("ROLLBACK")
                problem = problem_from(exc, self.path) if isinstance(exc, sqlite3.Error) else None
                if problem is None:
                    raise
                raise problem from exc
            callbacks, self._after_commit = self._after_commit, []
            for callback in dict.fromkeys(callbacks):
                callback()

    def probe(self) -> None:
        """Raise DatabaseProblem unless the file reads as intact (SQLite's quick check) and a write
        transaction can be taken (not read-only, not held by another program): what a kiosk checks
        before it starts and before it leaves a notice about the database. Writes nothing."""
        with self.lock:
            try:
                result = self.conn.execute("PRAGMA quick_check(1)").fetchone()[0]
                if result != "ok":
                    raise DatabaseProblem(Problem.DAMAGED, self.path, str(result))
                self.conn.execute("BEGIN IMMEDIATE")  # a read-only connection takes this too, so:
                self.conn.execute("CREATE TABLE main.kiosk_write_probe (x)")  # rolled back below
                self.conn.execute("ROLLBACK")
            except sqlite3.Error as exc:
                if self.conn.in_transaction:
                    with contextlib.suppress(sqlite3.Error):
                        self.conn.execute("ROLLBACK")
                raise problem_from(exc, self.path) or exc from exc

    def after_commit(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` once when the current transaction commits (at once outside one)."""
        with self.lock:
            if self.conn.in_transaction:
                self._after_commit.append(callback)
                return
        callback()

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
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                # Owner-only from the first byte: the roster holds personal data.
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
        except OSError as exc:
            raise problem_from(exc, path) or StoreError(f"{path}: {exc.strerror}") from exc
    # A file or disk that cannot be written (a file copied read-only, a read-only mount)
    # still serves the commands that only read; a write then fails as READ_ONLY. On a
    # read-only mount SQLite cannot make the WAL's -shm file, so the file is opened as
    # immutable: nothing can change it there.
    try:
        return _open(path, "")
    except sqlite3.OperationalError as exc:
        if kind_of(exc) is not Problem.READ_ONLY:
            raise
    return connect_read_only(path)


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that can only read ``path``, also on a read-only mount (see _connect)."""
    try:
        return _open(path, "?mode=ro")
    except sqlite3.OperationalError as exc:
        if kind_of(exc) is not Problem.READ_ONLY:
            raise
    return _open(path, "?mode=ro&immutable=1")


def _open(path: Path, mode: str) -> sqlite3.Connection:
    target = f"{path.resolve().as_uri()}{mode}" if mode else str(path)
    conn = sqlite3.connect(target, isolation_level=None, check_same_thread=False, timeout=10, uri=bool(mode))
    try:
        conn.row_factory = sqlite3.Row
        if not mode:
            conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA busy_timeout=10000")
        conn.execute("PRAGMA cache_size=-32000")
    except BaseException:
        conn.close()
        raise
    return conn
