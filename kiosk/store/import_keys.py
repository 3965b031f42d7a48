"""What a roster file has used so far, kept in temporary tables of the importing connection,
so an import of a million rows holds none of it in Python's memory.

The tables live in SQLite's temporary database (spilled to a temporary file, not kept in RAM)
and their rows belong to the import's transaction: a rolled-back import leaves nothing behind.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable


class KeysInTempTable:
    """``kiosk.importers.duplicates.UsedKeys`` in a temporary table."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        conn.execute(
            "CREATE TEMP TABLE IF NOT EXISTS import_keys (key TEXT PRIMARY KEY, line INTEGER NOT NULL) "
            "WITHOUT ROWID"
        )
        conn.execute("DELETE FROM temp.import_keys")

    def first_lines(self, keys: list[str]) -> dict[str, int]:
        marks = ", ".join("?" * len(keys))
        rows = self._conn.execute(f"SELECT key, line FROM temp.import_keys WHERE key IN ({marks})", keys)
        return dict(rows.fetchall())

    def use(self, keys: list[tuple[str, int]]) -> None:
        self._conn.executemany("INSERT INTO temp.import_keys (key, line) VALUES (?, ?)", keys)


class NamedIds:
    """The delegate ids a file names, for ``--replace``: whoever is not named is revoked."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS import_named (id TEXT PRIMARY KEY) WITHOUT ROWID")
        conn.execute("DELETE FROM temp.import_named")

    def add(self, ids: Iterable[str]) -> None:
        self._conn.executemany("INSERT OR IGNORE INTO temp.import_named (id) VALUES (?)", ((i,) for i in ids))

    def revoke_the_others(self, updated_at: str) -> int:
        """Cancel every active delegate the file did not name; returns how many."""
        return self._conn.execute(
            "UPDATE delegates SET status = 'cancelled', updated_at = ? WHERE status = 'active' "
            "AND id NOT IN (SELECT id FROM temp.import_named)",
            (updated_at,),
        ).rowcount
