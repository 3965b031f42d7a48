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
_AFTER_ASCII = tuple(string.ascii_lowercase + string.digits + SEP + "'-.&()/,+_@#")


def record_pairs(conn: sqlite3.Connection, texts: Iterable[str]) -> None:
    """Add the character pairs of the fields of ``texts`` that are not plain ASCII (inside the
    caller's transaction)."""
    fields = {f for text in texts for f in text.split(SEP) if not f.isascii()}
    pairs = {pair for f in fields for pair in map(str.__add__, SEP + f, f + SEP)}
    conn.executemany("INSERT OR IGNORE INTO search_pairs (pair) VALUES (?)", [(p,) for p in pairs])


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
