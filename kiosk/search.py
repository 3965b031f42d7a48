"""Finding delegates by what a volunteer types: name, pinyin, initials, organisation,
English name or the last four digits of a phone.

The index is one string in memory, rebuilt when the roster changes; a query is
a few C-speed substring scans over it, best matches first.
"""

from __future__ import annotations

import bisect
import re

from kiosk.model import Delegate
from kiosk.names import SEP, normalize_query
from kiosk.store import Store

_ROW = "\x1e"


class SearchIndex:
    def __init__(self, store: Store) -> None:
        self._store = store
        self._version = -1
        self._blob = ""
        self._starts: list[int] = []
        self._ids: list[str] = []

    def _refresh(self) -> None:
        if self._version == self._store.roster.version and self._ids:
            return
        rows = self._store.roster.search_rows()
        starts, position, parts = [], 0, []
        for _, text in rows:
            starts.append(position)
            parts.append(text)
            position += len(text) + 1
        self._blob = _ROW.join(parts)
        self._starts = starts
        self._ids = [r[0] for r in rows]
        self._version = self._store.roster.version

    def _rows_matching(self, needle: str, limit: int, seen: set[int]) -> list[int]:
        found: list[int] = []
        for match in re.finditer(re.escape(needle), self._blob):
            row = bisect.bisect_right(self._starts, match.start()) - 1
            if row not in seen:
                seen.add(row)
                found.append(row)
                if len(found) >= limit:
                    break
        return found

    def ids(self, query: str, limit: int = 20) -> list[str]:
        """Delegate ids matching ``query``: exact fields first, then prefixes, then anywhere."""
        q = normalize_query(query)
        if not q:
            return []
        self._refresh()
        seen: set[int] = set()
        rows = self._rows_matching(SEP + q + SEP, limit, seen)
        if len(rows) < limit:
            rows += self._rows_matching(SEP + q, limit - len(rows), seen)
        if len(rows) < limit:
            rows += self._rows_matching(q, limit - len(rows), seen)
        return [self._ids[r] for r in rows]

    def search(self, query: str, limit: int = 20) -> list[Delegate]:
        result = []
        for delegate_id in self.ids(query, limit):
            delegate = self._store.roster.delegate(delegate_id)
            if delegate is not None:
                result.append(delegate)
        return result
