"""Search measures for ``bench.bench_core``: what volunteers type, 1 to 12 characters, drawn
from the roster, each timed against ``LIKE '%q%' LIMIT 20`` on the same column in this run."""

from __future__ import annotations

import random
from collections import defaultdict

from bench.table import median, p95, times
from kiosk.model import Delegate
from kiosk.names import SEP, has_han, syllables
from kiosk.search import SearchIndex
from kiosk.store import Store

_LIKE = "SELECT id FROM delegates WHERE search LIKE ? LIMIT 20"
_EXACT = "SELECT count(*) FROM search_index WHERE search_index MATCH ?"


def _initials(name: str) -> str:
    return "".join(p[0] for p in syllables(name) if p)


def typed_queries(delegates: list[Delegate], count: int = 60, seed: int = 3) -> list[tuple[str, str]]:
    """(kind, query) pairs: Chinese 1 character / full name / organisation, pinyin start / full,
    initials, phone tail, English name, and queries nobody matches."""
    rng = random.Random(seed)
    han = [d for d in delegates if has_han(d.name)]
    latin = [d for d in delegates if d.name_en] or han
    found: list[tuple[str, str]] = []
    for _ in range(count):
        d, e = rng.choice(han), rng.choice(latin)
        pinyin = "".join(syllables(d.name))
        start = rng.randrange(max(1, len(d.organization) - 3))
        found += [
            ("Chinese, 1 char", d.name[0]),
            ("Chinese name", d.name),
            ("organisation, 2 chars", d.organization[start : start + 2]),
            ("organisation, 4 chars", d.organization[start : start + 4]),
            ("pinyin, 2 chars", pinyin[:2]),
            ("pinyin, full", pinyin[:12]),
            ("initials", _initials(d.name)),
            ("phone tail", d.phone[-4:]),
            ("English name", e.name_en.split()[-1].lower()[:12]),
            ("nobody", "".join(rng.choice("qxv") for _ in range(rng.randint(1, 12)))),
        ]
    return found


def bench_search(store: Store, delegates: list[Delegate], rows: list[list[object]]) -> list[list[object]]:
    """Adds the target rows; returns a per-kind table."""
    index = SearchIndex(store)
    queries = typed_queries(delegates)
    ours: dict[str, list[float]] = defaultdict(list)
    like: dict[str, list[float]] = defaultdict(list)
    for _ in range(3):  # interleaved, so both see the same machine
        for kind, q in queries:
            ours[kind] += times(lambda q=q: index.ids(q), 1)  # type: ignore[misc]
            like[kind] += times(lambda q=q: store.query(_LIKE, (f"%{q}%",)), 1)  # type: ignore[misc]
    all_ours = [t for v in ours.values() for t in v]
    all_like = [t for v in like.values() for t in v]
    for label, pick in (("median", median), ("p95", p95)):
        rows.append([f"search {label}, 1–12 char queries (ms)", f"{pick(all_ours) * 1e3:.2f}",
                     f"{pick(all_like) * 1e3:.2f}", "`LIKE '%q%' LIMIT 20`, same queries",
                     f"{pick(all_ours) / pick(all_like):.2f}", "≤ 10 ms and ≤ 5×" if label == "p95" else ""])  # fmt: skip
    rows.append(type_ahead(index, store, delegates))
    return [
        [kind, f"{median(ours[kind]) * 1e3:.2f}", f"{p95(ours[kind]) * 1e3:.2f}",
         f"{median(like[kind]) * 1e3:.2f}", f"{p95(like[kind]) * 1e3:.2f}"]
        for kind in ours
    ]  # fmt: skip


def type_ahead(index: SearchIndex, store: Store, delegates: list[Delegate], count: int = 200) -> list[object]:
    """How often the person whose initials (and whose full pinyin) are typed is in the top 20,
    beside the most a ranking that does not know who is meant can expect: each of the N people
    with a field equal to the initials (their own initials, an English name's or a compound
    surname's) has 20 / N of the places when N > 20. A miss with room in the top 20, or a top 20
    holding a lesser match while exact ones are left out, is the ranking's fault, counted apart."""
    han = [d for d in delegates if has_han(d.name)]
    sample = random.Random(11).sample(han, count)
    initials = full = faults = 0
    ceiling = 0.0
    for d in sample:
        typed = _initials(d.name)
        exact = store.query(_EXACT, (f'"{SEP}{typed}{SEP}"',))[0][0]
        found = index.ids(typed)
        initials += d.id in found
        ceiling += min(1.0, 20 / exact)
        texts = store.query(
            f"SELECT search FROM delegates WHERE id IN ({', '.join('?' * len(found))})", tuple(found)
        )
        shown_exact = sum(SEP + typed + SEP in t[0] for t in texts)
        faults += shown_exact < min(20, exact) or (d.id not in found and exact <= 20)
        full += d.id in index.ids("".join(syllables(d.name)))
    return ["type-ahead: in the top 20 for initials / full pinyin", f"{initials} / {full}",
            f"{ceiling:.0f} / {count}", f"initials: expected best (namesakes share them); ranking faults: {faults}",
            "", "≥ 195 / 200"]  # fmt: skip
