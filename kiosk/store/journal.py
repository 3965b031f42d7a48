"""The journal: every decision, appended and committed durably before anyone is told.

Entries are never rewritten. ``admissions`` is a projection kept in step with
the journal inside the same transaction: the first standing admission of each
delegate at each gate and whether they are in the room (``kiosk.store.admissions``), which
is what the rules and the statistics need.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from datetime import datetime
from enum import StrEnum
from typing import Any

from kiosk.model import Action, CheckIn, GateHistory, Outcome
from kiosk.occupancy import GateCount
from kiosk.store import admissions
from kiosk.store.db import Database

COLUMNS = ("id", "at", "desk", "gate", "code", "outcome", "delegate_id", "action", "reason",
           "voids", "rehearsal", "origin", "how", "operator")  # fmt: skip


_READ: dict[str, Callable[[Any], Any]] = {
    "at": datetime.fromisoformat, "outcome": Outcome, "action": Action, "rehearsal": bool,
}  # fmt: skip


def checkin_from_row(row: sqlite3.Row) -> CheckIn:
    """A journal entry from a row holding (at least) the journal's ``COLUMNS``."""
    return CheckIn(**{c: _READ[c](row[c]) if c in _READ else row[c] for c in COLUMNS})


def _cells(entry: CheckIn) -> list[object]:
    """The entry's values under ``COLUMNS``, as SQLite stores them."""
    values = [getattr(entry, c) for c in COLUMNS]
    return [
        v.isoformat() if isinstance(v, datetime)
        else int(v) if isinstance(v, bool)
        else str(v) if isinstance(v, StrEnum)
        else v
        for v in values
    ]  # fmt: skip


class Journal:
    def __init__(self, store: Database) -> None:
        self._store = store

    def append(self, entry: CheckIn, category: str = "") -> bool:
        """Append and commit one entry; False when its id was already there (idempotent)."""
        with self._store.transaction() as conn:
            return self.append_in(conn, entry, category)

    def append_in(self, conn: sqlite3.Connection, entry: CheckIn, category: str = "") -> bool:
        """Append inside the caller's transaction (batches from the hub)."""
        cursor = conn.execute(
            f"INSERT OR IGNORE INTO journal ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
            _cells(entry),
        )
        if cursor.rowcount == 0:
            return False
        admissions.project(conn, entry, category)
        return True

    def history(self, delegate_id: str, gate: str, rehearsal: bool) -> GateHistory:
        """The delegate's first standing admission here, whether they are in, and how many people
        were admitted and are in the room: one query."""
        row = self._store.query_one(
            "SELECT n.admitted, n.present, a.inside AS is_inside, j.* FROM (SELECT 1) "
            "LEFT JOIN gate_counts n ON n.gate = ?1 AND n.rehearsal = ?3 "
            "LEFT JOIN admissions a ON a.gate = ?1 AND a.delegate_id = ?2 AND a.rehearsal = ?3 "
            "LEFT JOIN journal j ON j.id = a.checkin_id",
            (gate, delegate_id, int(rehearsal)),
        )
        assert row is not None
        first = checkin_from_row(row) if row["id"] else None
        return GateHistory(first, row["admitted"] or 0, row["present"] or 0, bool(row["is_inside"]))

    def gate_count(self, gate: str, rehearsal: bool) -> GateCount:
        """People admitted at ``gate`` (each once) and in the room now."""
        with self._store.lock:
            return admissions.gate_count(self._store.conn, gate, rehearsal)

    def get(self, checkin_id: str) -> CheckIn | None:
        row = self._store.query_one("SELECT * FROM journal WHERE id = ?", (checkin_id,))
        return checkin_from_row(row) if row else None

    def for_delegate(self, delegate_id: str) -> list[CheckIn]:
        rows = self._store.query("SELECT * FROM journal WHERE delegate_id = ? ORDER BY seq", (delegate_id,))
        return [checkin_from_row(r) for r in rows]

    def is_standing(self, checkin_id: str) -> bool:
        """True while an admission has not been voided."""
        return self._store.query_one("SELECT 1 FROM journal WHERE voids = ?", (checkin_id,)) is None

    def since(self, seq: int, limit: int = 1000, origin: str | None = "local") -> list[tuple[int, CheckIn]]:
        """Entries after ``seq`` (the outbox for sync), oldest first."""
        sql = "SELECT * FROM journal WHERE seq > ?" + (" AND origin = ?" if origin else "")
        params: tuple = (seq, origin) if origin else (seq,)
        rows = self._store.query(sql + " ORDER BY seq LIMIT ?", (*params, limit))
        return [(r["seq"], checkin_from_row(r)) for r in rows]

    def of_actions(self, actions: Iterable[Action], after: int) -> tuple[list[CheckIn], int]:
        """Entries of these actions after seq ``after``, oldest first, and the journal's last seq
        (where the next look starts): only the matches are read into entries."""
        names = [str(a) for a in actions]
        with self._store.lock:
            high = self._store.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM journal").fetchone()[0]
            rows = self._store.conn.execute(
                f"SELECT * FROM journal WHERE seq > ? AND seq <= ? AND action IN ({', '.join('?' * len(names))}) "
                "ORDER BY seq",
                (after, high, *names),
            ).fetchall()
        return [checkin_from_row(r) for r in rows], int(high)

    def count(self) -> int:
        row = self._store.query_one("SELECT COUNT(*) FROM journal")
        return int(row[0]) if row else 0
