"""The search index's tables: the trigram index over each delegate's search text (kept in step
by triggers on ``delegates``, see ``core-0004-search-index``) and the pairs of characters that
occur in that text.

A trigram index cannot answer a query shorter than three characters by itself. The pairs table
can: the trigrams that start with ``ab`` are ``ab`` followed by a character that follows ``b``
somewhere, and ``search_pairs`` lists those. It only grows; a pair nobody has any more matches
nothing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

_LAST_CHAR = "\U0010ffff"


def record_pairs(conn: sqlite3.Connection, texts: Iterable[str]) -> None:
    """Add the character pairs of ``texts`` (inside the caller's transaction)."""
    pairs: set[str] = set()
    for text in texts:
        pairs.update(map(str.__add__, text, text[1:]))
    conn.executemany("INSERT OR IGNORE INTO search_pairs (pair) VALUES (?)", [(p,) for p in pairs])


def following(conn: sqlite3.Connection, char: str) -> list[str]:
    """The characters that follow ``char`` somewhere in the search text."""
    rows = conn.execute(
        "SELECT pair FROM search_pairs WHERE pair >= ? AND pair < ?", (char, char + _LAST_CHAR)
    ).fetchall()
    return [r[0][1:] for r in rows]


def matching(conn: sqlite3.Connection, expression: str, limit: int) -> list[tuple[int, str]]:
    """(rowid, delegate id) of the first ``limit`` delegates matching an FTS5 expression, in
    roster order."""
    rows = conn.execute(
        "SELECT d.rowid, d.id FROM search_index s JOIN delegates d ON d.rowid = s.rowid "
        "WHERE search_index MATCH ? LIMIT ?",
        (expression, limit),
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def rebuild(conn: sqlite3.Connection) -> None:
    """Rebuild the index from the delegates' current text and forget the old pairs (purge)."""
    conn.execute("INSERT INTO search_index (search_index) VALUES ('rebuild')")
    conn.execute("DELETE FROM search_pairs")
    record_pairs(conn, (r[0] for r in conn.execute("SELECT search FROM delegates")))
