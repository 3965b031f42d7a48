"""The search index's tables: the trigram index over each delegate's search text (an FTS5
table whose content is ``delegates``, written with the rows by ``Roster.write_delegates``) and
the pairs of characters that occur in that text.

A trigram index cannot answer a query shorter than three characters by itself. The pairs can:
the trigrams that start with ``ab`` are ``ab`` followed by a character that follows ``b``
somewhere. After a letter or digit that is any of a small fixed alphabet; after any other
character (Chinese, accented letters) it is one of the pairs ``search_pairs`` lists, taken from
the fields that hold such characters. The table only grows; a pair nobody has any more matches
nothing.
"""

from __future__ import annotations

import sqlite3
import string
from collections.abc import Iterable

from kiosk.names import SEP

_LAST_CHAR = "\U0010ffff"
_FIELDS_KEPT = 100_000  # distinct fields an import remembers having read
_AFTER_ASCII = tuple(string.ascii_lowercase + string.digits + SEP + "'-.&()/,+_@#")


class Pairs:
    """The pairs ``search_pairs`` holds, for the writes of one transaction (an import: read once,
    so each batch inserts only the pairs new to the roster, and reads each distinct field once)."""

    def __init__(self, conn: sqlite3.Connection, known: Iterable[str] | None = None) -> None:
        self._conn = conn
        self._known = set(
            known if known is not None else (r[0] for r in conn.execute("SELECT pair FROM search_pairs"))
        )
        self._fields: set[str] = set()  # fields whose pairs are known

    def record(self, texts: Iterable[str]) -> None:
        """Add the character pairs of the fields of ``texts`` that are not plain ASCII (inside the
        transaction that made this)."""
        fields = set(SEP.join(texts).split(SEP)).difference(self._fields)
        if len(self._fields) > _FIELDS_KEPT:
            self._fields.clear()
        self._fields |= fields
        pairs = {pair for f in fields if not f.isascii() for pair in map(str.__add__, SEP + f, f + SEP)}
        pairs -= self._known
        self._known |= pairs
        self._conn.executemany("INSERT OR IGNORE INTO search_pairs (pair) VALUES (?)", [(p,) for p in pairs])


def record_pairs(conn: sqlite3.Connection, texts: Iterable[str]) -> None:
    """Add the character pairs of the non-ASCII fields of ``texts`` (inside the caller's transaction)."""
    Pairs(conn, known=()).record(texts)


def following(conn: sqlite3.Connection, char: str) -> list[str]:
    """The characters that may follow ``char`` in the search text."""
    rows = conn.execute(
        "SELECT pair FROM search_pairs WHERE pair >= ? AND pair < ?", (char, char + _LAST_CHAR)
    ).fetchall()
    found = [r[0][1:] for r in rows]
    return sorted({*found, *_AFTER_ASCII}) if char.isascii() else found


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
