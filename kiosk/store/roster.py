"""Roster reads and writes: event, forums, categories, delegates, badges."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime, timedelta
from operator import attrgetter
from typing import Any

from kiosk.model import DELEGATE_FIELDS, DELEGATE_TEXT_FIELDS, Badge, Category, Delegate, Event, Forum
from kiosk.store.db import Database
from kiosk.store.search_index import Pairs, record_pairs

DELEGATE_COLUMNS = (*DELEGATE_FIELDS, "search", "updated_at")

_SEARCH = DELEGATE_COLUMNS.index("search")
BRAND_KEY = "event.brand"  # the event file's "brand": help desk, logo, colour (JSON)
_CHUNK = 2000  # rows per statement of the index's bookkeeping (SQLite allows 32,766 parameters)
_INDEX_DELETE = "INSERT INTO search_index (search_index, rowid, search) VALUES ('delete', ?, ?)"
_UPSERT = (
    f"INSERT INTO delegates ({', '.join(DELEGATE_COLUMNS)}) VALUES ({', '.join('?' * len(DELEGATE_COLUMNS))}) "
    f"ON CONFLICT (id) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in DELEGATE_COLUMNS[1:])}"
)


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def delegate_from_row(row: sqlite3.Row) -> Delegate:
    values: dict[str, Any] = {name: row[name] for name in DELEGATE_TEXT_FIELDS}
    values["forums"] = tuple(f for f in row["forums"].split(",") if f)
    values["notes"] = json.loads(row["notes"] or "{}")
    return Delegate(**values)


_FIELDS_OF = attrgetter(*DELEGATE_FIELDS)
_FORUMS = DELEGATE_FIELDS.index("forums")
_NOTES = DELEGATE_FIELDS.index("notes")


def delegate_to_row(delegate: Delegate, search: str, updated_at: str | None = None) -> tuple[str, ...]:
    """The delegate's row in DELEGATE_COLUMNS order (every field but the forums and notes is text)."""
    values = list(_FIELDS_OF(delegate))
    values[_FORUMS] = ",".join(delegate.forums)
    notes = delegate.notes
    values[_NOTES] = json.dumps(notes, ensure_ascii=False, sort_keys=True) if notes else "{}"
    return (*values, search, updated_at or datetime.now(UTC).isoformat())


class Roster:
    def __init__(self, store: Database) -> None:
        self._store = store
        self.version = 0  # bumped when a roster write commits in this process; caches key on it

    def changed(self) -> None:
        """The roster was written: bump the version when the transaction commits (now, outside one).

        Every write method here calls it; code that writes roster tables with its own SQL does too."""
        self._store.after_commit(self._bump)

    def _bump(self) -> None:
        self.version += 1

    # -- event, forums, categories -------------------------------------------------------------

    def event(self) -> Event | None:
        row = self._store.query_one("SELECT * FROM event LIMIT 1")
        if row is None:
            return None
        return Event(
            id=row["id"],
            name_zh=row["name_zh"],
            name_en=row["name_en"],
            starts_at=datetime.fromisoformat(row["starts_at"]),
            ends_at=datetime.fromisoformat(row["ends_at"]),
            timezone=row["timezone"],
            city=row["city"],
            theme_zh=row["theme_zh"],
            theme_en=row["theme_en"],
            checkin_opens_before=timedelta(hours=row["checkin_opens_hours"]),
            **self._brand(),
        )

    def _brand(self) -> dict[str, str]:
        """The event's guest-facing look (help desk, logo, colour), kept as JSON in ``meta``."""
        text = self._store.get_meta(BRAND_KEY)
        try:
            found = json.loads(text) if text else {}
        except json.JSONDecodeError:
            return {}
        keys = ("help_desk_zh", "help_desk_en", "logo_svg", "color")
        return {k: str(found[k]) for k in keys if isinstance(found, dict) and isinstance(found.get(k), str)}

    def forums(self) -> list[Forum]:
        rows = self._store.query("SELECT * FROM forums ORDER BY position")
        return [
            Forum(
                id=r["id"],
                name_zh=r["name_zh"],
                name_en=r["name_en"],
                kind=r["kind"],
                hall=r["hall"],
                capacity=r["capacity"],
                starts_at=_time(r["starts_at"]),
                ends_at=_time(r["ends_at"]),
            )  # fmt: skip
            for r in rows
        ]

    def categories(self) -> list[Category]:
        rows = self._store.query("SELECT * FROM categories ORDER BY position")
        return [Category(r["id"], r["name_zh"], r["name_en"], r["color"], bool(r["vip"])) for r in rows]

    def set_event(self, event: Event, forums: list[Forum], categories: list[Category]) -> None:
        """Install the event, its forums and categories (one transaction; ids are kept)."""
        opens_hours = event.checkin_opens_before.total_seconds() / 3600
        with self._store.transaction() as conn:
            conn.execute("DELETE FROM event WHERE id != ?", (event.id,))
            conn.execute(
                "INSERT OR REPLACE INTO event VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    event.id, event.name_zh, event.name_en, event.starts_at.isoformat(),
                    event.ends_at.isoformat(), event.timezone, event.city, event.theme_zh,
                    event.theme_en, opens_hours,
                ),
            )  # fmt: skip
            brand = {k: getattr(event, k) for k in ("help_desk_zh", "help_desk_en", "logo_svg", "color")}
            conn.execute(
                "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (BRAND_KEY, json.dumps(brand, ensure_ascii=False)),
            )
            conn.execute("DELETE FROM forums")
            conn.executemany(
                "INSERT INTO forums VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        f.id,
                        f.name_zh,
                        f.name_en,
                        f.kind,
                        f.hall,
                        f.capacity,
                        f.starts_at.isoformat() if f.starts_at else None,
                        f.ends_at.isoformat() if f.ends_at else None,
                        i,
                    )  # fmt: skip
                    for i, f in enumerate(forums)
                ],
            )
            conn.execute("DELETE FROM categories")
            conn.executemany(
                "INSERT INTO categories VALUES (?, ?, ?, ?, ?, ?)",
                [(c.id, c.name_zh, c.name_en, c.color, int(c.vip), i) for i, c in enumerate(categories)],
            )
        self.changed()

    # -- delegates and badges ------------------------------------------------------------------

    def delegate(self, delegate_id: str) -> Delegate | None:
        row = self._store.query_one("SELECT * FROM delegates WHERE id = ?", (delegate_id,))
        return delegate_from_row(row) if row else None

    def badge(self, code: str) -> Badge | None:
        row = self._store.query_one(
            "SELECT code, delegate_id, serial, status, kind FROM badges WHERE code = ?", (code,)
        )
        return Badge(*row) if row else None

    def lookup(self, code: str) -> tuple[Badge, Delegate] | None:
        """The badge and its delegate for a code, in one indexed query."""
        row = self._store.query_one(
            "SELECT b.serial, b.status AS badge_status, b.kind, d.* FROM badges b "
            "JOIN delegates d ON d.id = b.delegate_id WHERE b.code = ?",
            (code,),
        )
        if row is None:
            return None
        badge = Badge(code, row["id"], row["serial"], row["badge_status"], row["kind"])
        return badge, delegate_from_row(row)

    def count(self) -> int:
        row = self._store.query_one("SELECT COUNT(*) FROM delegates")
        return int(row[0]) if row else 0

    def iter_delegates(self) -> Iterator[Delegate]:
        with self._store.lock:
            rows = self._store.conn.execute("SELECT * FROM delegates ORDER BY rowid").fetchall()
        for row in rows:
            yield delegate_from_row(row)

    def write_delegates(
        self, conn: sqlite3.Connection, rows: Iterable[tuple], pairs: Pairs | None = None
    ) -> None:
        """Upsert delegate rows (``delegate_to_row`` tuples) inside the caller's transaction,
        with their search index entries (and character pairs: ``pairs``, made in this
        transaction, when the caller writes many batches).

        An upsert keeps each delegate's rowid, which the index refers to. The index is written
        here, a batch at a time, rather than by a trigger per row: a trigger makes every row its
        own statement savepoint, at which FTS5 writes out what it holds (measured: 3× the cost
        of the whole index, and memory growing with the import)."""
        rows = list(rows)
        for start in range(0, len(rows), _CHUNK):
            chunk = rows[start : start + _CHUNK]
            text = {row[0]: row[_SEARCH] for row in chunk}
            marks = ", ".join("?" * len(text))
            before = conn.execute(
                f"SELECT id, rowid, search FROM delegates WHERE id IN ({marks})", list(text)
            )
            known = {r[0]: (r[1], r[2]) for r in before.fetchall()}
            stale = [(rowid, old) for i, (rowid, old) in known.items() if old != text[i]]
            conn.executemany(_INDEX_DELETE, stale)
            conn.executemany(_UPSERT, chunk)
            fresh = [i for i in text if i not in known or known[i][1] != text[i]]
            conn.execute(
                f"INSERT INTO search_index (rowid, search) SELECT rowid, search FROM delegates "
                f"WHERE id IN ({', '.join('?' * len(fresh))})",
                fresh,
            )
        self.changed()
        texts = (row[_SEARCH] for row in rows)
        if pairs is None:
            record_pairs(conn, texts)
        else:
            pairs.record(texts)

    def write_badges(
        self, conn: sqlite3.Connection, badges: Iterable[Badge], new_delegates: bool = False
    ) -> None:
        """Make each code the active badge of its delegate, superseding the delegate's others.

        ``new_delegates``: the delegates have no badge yet (a fresh import), so there is
        nothing to supersede and the serial is the one given.
        """
        now = datetime.now(UTC).isoformat()
        badges = list(badges)
        self.changed()
        if new_delegates:
            conn.executemany(
                "INSERT INTO badges (code, delegate_id, serial, status, kind, issued_at) "
                "VALUES (?, ?, ?, 'active', ?, ?)",
                [(b.code, b.delegate_id, b.serial, b.kind, now) for b in badges],
            )
            return
        conn.executemany(
            "UPDATE badges SET status = 'superseded' WHERE delegate_id = ? AND code != ? "
            "AND status = 'active'",
            [(b.delegate_id, b.code) for b in badges],
        )
        conn.executemany(
            "INSERT INTO badges (code, delegate_id, serial, status, kind, issued_at) "
            "VALUES (?1, ?2, MAX(?3, (SELECT COALESCE(MAX(serial), 0) + 1 FROM badges "
            "WHERE delegate_id = ?2)), 'active', ?4, ?5) ON CONFLICT (code) DO UPDATE SET "
            "status = 'active', delegate_id = excluded.delegate_id",
            [(b.code, b.delegate_id, b.serial, b.kind, now) for b in badges],
        )

    def next_serial(self, delegate_id: str) -> int:
        row = self._store.query_one(
            "SELECT COALESCE(MAX(serial), 0) + 1 FROM badges WHERE delegate_id = ?", (delegate_id,)
        )
        return int(row[0]) if row else 1

    def set_status(self, conn: sqlite3.Connection, delegate_ids: Iterable[str], status: str) -> None:
        self.changed()
        conn.executemany(
            "UPDATE delegates SET status = ?, updated_at = ? WHERE id = ?",
            [(status, datetime.now(UTC).isoformat(), i) for i in delegate_ids],
        )
