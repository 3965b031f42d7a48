"""Finding delegates by what a volunteer types: name, pinyin, initials, organisation,
English name or the last four digits of a phone.

Each delegate's search text lists those fields between separators (``kiosk.names``); SQLite's
FTS5 trigram index over it (``kiosk.store.search_index``) is kept in the same transaction as
every roster write, so nothing is rebuilt when the roster changes. A query runs as up to three
index lookups, best first, each stopping after ``limit`` rows in roster order:

1. a whole field equals the query (``张伟``, ``zw``, ``5678``);
2. a field starts with it (``zhang``, ``weiming``);
3. it occurs anywhere (``交通大学``).

A trigram needs three characters. The separators make most short queries long enough (a whole
field ``␟zw␟``, a field start ``␟zw``); a one-character field start and a two-character
substring become the trigrams that can follow them, read from the pairs of characters the
roster holds. A one-character query matches whole fields and field starts only.
"""

from __future__ import annotations

from kiosk.model import Delegate
from kiosk.names import SEP, normalize_query
from kiosk.store import Store
from kiosk.store.search_index import following, matching


def _phrase(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


class SearchIndex:
    def __init__(self, store: Store) -> None:
        self._store = store

    def _expressions(self, q: str) -> list[str]:
        """FTS5 expressions for the query's tiers, best first (empty ones left out)."""
        exact = _phrase(SEP + q + SEP)
        if len(q) >= 2:
            return [exact, _phrase(SEP + q), _phrase(q) if len(q) >= 3 else self._any_of(q, q[-1])]
        return [exact, self._any_of(SEP + q, q)]

    def _any_of(self, start: str, last: str) -> str:
        """``start`` followed by any character that follows ``last`` in the roster."""
        return " OR ".join(_phrase(start + c) for c in following(self._store.conn, last))

    def ids(self, query: str, limit: int = 20) -> list[str]:
        """Delegate ids matching ``query``: whole fields first, then field starts, then anywhere."""
        q = normalize_query(query)
        if not q:
            return []
        seen: set[int] = set()
        found: list[str] = []
        with self._store.lock:
            for expression in self._expressions(q):
                if not expression:
                    continue
                for rowid, delegate_id in matching(self._store.conn, expression, limit + len(seen)):
                    if rowid not in seen:
                        seen.add(rowid)
                        found.append(delegate_id)
                if len(found) >= limit:
                    break
        return found[:limit]

    def search(self, query: str, limit: int = 20) -> list[Delegate]:
        result = []
        for delegate_id in self.ids(query, limit):
            delegate = self._store.roster.delegate(delegate_id)
            if delegate is not None:
                result.append(delegate)
        return result
