"""The hub's journal: every desk's entries, once each (by UUID), in arrival order.

``seq`` numbers entries as they arrive; a desk pulls the others' entries after
its cursor. An entry is stored exactly as the desk journalled it, plus the
desk (token) it came from as ``origin``.
"""

from __future__ import annotations

from datetime import datetime

from hub.store.arrivals import gate_counts
from hub.store.base import Database, now_text
from kiosk.model import Action, CheckIn, Outcome

_COLUMNS = ("seq", "id", "origin", "at", "desk", "gate", "code", "outcome", "delegate_id", "action",
            "reason", "voids", "rehearsal", "received_at", "how", "operator")  # fmt: skip


def _entry(row: tuple) -> tuple[int, CheckIn]:
    seq, id_, origin, at, desk, gate, code, outcome, delegate_id, action, reason, voids, rehearsal = row[:13]
    entry = CheckIn(
        id=id_, at=datetime.fromisoformat(at), desk=desk, gate=gate, code=code, outcome=Outcome(outcome),
        delegate_id=delegate_id, action=Action(action), reason=reason, voids=voids,
        rehearsal=bool(rehearsal), origin=origin, how=row[14], operator=row[15],
    )  # fmt: skip
    return int(seq), entry


class Checkins:
    def __init__(self, store: Database) -> None:
        self._store = store

    def push(self, entries: list[CheckIn], origin: str) -> tuple[int, int]:
        """Store the entries not stored yet; (new, already there). A repeated batch adds nothing."""
        unique = list({e.id: e for e in entries}.values())
        with self._store.transaction() as conn:
            # Take the counter's row lock first: concurrent pushes of one id then queue up.
            conn.execute("UPDATE hub_counters SET value = value WHERE name = 'checkins'")
            known: set[str] = set()
            ids = [e.id for e in unique]
            for start in range(0, len(ids), 400):
                chunk = ids[start : start + 400]
                marks = ", ".join("?" * len(chunk))
                known.update(r[0] for r in conn.execute(
                    f"SELECT id FROM hub_checkins WHERE id IN ({marks})", chunk).fetchall())  # fmt: skip
            fresh = [e for e in unique if e.id not in known]
            if fresh:
                last = self._store.take(conn, "checkins", len(fresh))
                first, now = last - len(fresh) + 1, now_text()
                conn.executemany(
                    f"INSERT INTO hub_checkins ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})",
                    [
                        (first + i, e.id, origin, e.at.isoformat(), e.desk, e.gate, e.code, str(e.outcome),
                         e.delegate_id, str(e.action), e.reason, e.voids, int(e.rehearsal), now, str(e.how),
                         e.operator)
                        for i, e in enumerate(fresh)
                    ],
                )  # fmt: skip
        return len(fresh), len(entries) - len(fresh)

    def since(
        self, since: int, limit: int, exclude_origin: str | None = None
    ) -> tuple[list[tuple[int, CheckIn]], int]:
        """Entries after ``since`` not from ``exclude_origin``, oldest first, and the new cursor."""
        with self._store.read() as conn:
            high = int(conn.execute("SELECT value FROM hub_counters WHERE name = 'checkins'").fetchone()[0])
            if since > high:  # a cursor from another hub database
                since = 0
            sql = f"SELECT {', '.join(_COLUMNS)} FROM hub_checkins WHERE seq > ? AND seq <= ?"
            params: list[object] = [since, high]
            if exclude_origin is not None:
                sql += " AND origin <> ?"
                params.append(exclude_origin)
            rows = conn.execute(sql + " ORDER BY seq LIMIT ?", (*params, limit)).fetchall()
        entries = [_entry(tuple(r)) for r in rows]
        cursor = entries[-1][0] if len(entries) == limit else high
        return entries, cursor

    def summary(self, rehearsal: bool = False) -> dict[str, dict[str, int]]:
        """Per gate: people admitted (each once), in the room now (entries − exits) and
        admissions made offline by another desk while the person was already in (kept in the
        journal, counted as duplicates): counted as every desk counts (kiosk.occupancy)."""
        return {gate: count.to_json() for gate, count in gate_counts(self._store, rehearsal).items()}

    def count(self) -> int:
        with self._store.read() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM hub_checkins").fetchone()[0])

    def ids(self) -> list[str]:
        with self._store.read() as conn:
            return [r[0] for r in conn.execute("SELECT id FROM hub_checkins ORDER BY seq").fetchall()]
