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

from dataclasses import dataclass

from kiosk.model import Delegate
from kiosk.names import SEP, has_han, latin_name, normalize_query, split_name, syllables
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


# -- a guest's own search on a public screen --------------------------------------------------
#
# Anyone in the queue can read a self-service screen. So a guest's search must say who they
# are before it lists anyone (the full surname and a letter of the given name, or the whole
# name: ``zhangw``, ``张伟``, ``duboiss``), and what it lists is masked: 张*伟, Zhang W.,
# 西安交通…. Initials, an organisation or a phone tail find nobody here.

PUBLIC_SHOWN = 6  # names on screen at once; more: "type more to narrow"
PUBLIC_COUNTED = 60  # how far the count goes ("60+")


@dataclass(frozen=True, slots=True)
class PublicMatch:
    delegate: Delegate
    name: str  # 张*伟 (or the Latin mask for a name without Chinese characters)
    latin: str  # Zhang W.
    organization: str  # 西安交通…


@dataclass(frozen=True, slots=True)
class PublicResults:
    shown: tuple[PublicMatch, ...]
    total: int  # how many match (up to PUBLIC_COUNTED)

    @property
    def more(self) -> bool:
        return self.total > len(self.shown)


def mask_name(name: str) -> str:
    """张伟 -> 张*, 张伟明 -> 张*明, 欧阳美玉 -> 欧阳*玉; Sophie Dubois -> Sophie D."""
    if not has_han(name):
        return mask_latin(name)
    surname, given = split_name(name)
    return surname + "*" + (given[-1] if len(given) >= 2 else "")


def mask_latin(name: str) -> str:
    words = name.split()
    if len(words) < 2:
        return (words[0][:3] + "…") if words and len(words[0]) > 3 else "".join(words)
    return words[0] + " " + " ".join(w[0].upper() + "." for w in words[1:])


def mask_organization(organization: str, keep: int = 4) -> str:
    """西安交通大学 -> 西安交通…, Fraunhofer Institute -> Fraunhofer…"""
    text = organization.strip()
    if has_han(text):
        return text if len(text) <= keep else text[:keep] + "…"
    first = text.split()[0] if text.split() else ""
    return first[:12] + "…" if len(text) > len(first[:12]) else first


def says_who(delegate: Delegate, query: str) -> bool:
    """Does ``query`` give the full surname and at least one letter of the given name?"""
    q = normalize_query(query)
    if not q:
        return False
    if has_han(delegate.name):
        surname, given = split_name(delegate.name)
        if has_han(q):
            return len(q) > len(surname) and delegate.name.replace(" ", "").startswith(q)
        parts = syllables(delegate.name)
        whole = "".join(parts)
        if len(q) > len(parts[0]) and whole.startswith(q):
            return True
    words = (delegate.name_en or ("" if has_han(delegate.name) else delegate.name)).lower().split()
    for i, word in enumerate(words):  # either order: "duboiss" or "sophied"
        rest = "".join(words[:i] + words[i + 1 :])
        if rest and len(q) > len(word) and (word + rest).startswith(q):
            return True
    return False


def public_search(index: SearchIndex, query: str) -> PublicResults:
    """The masked matches a guest may see for ``query`` (none until the query says who)."""
    found = [d for d in index.search(query, PUBLIC_COUNTED * 3) if d.active and says_who(d, query)]
    found = found[:PUBLIC_COUNTED]
    shown = tuple(
        PublicMatch(
            d, mask_name(d.name), mask_latin(latin_name(d.name, d.name_en)), mask_organization(d.organization)
        )
        for d in found[:PUBLIC_SHOWN]
    )
    return PublicResults(shown, len(found))
