"""The ``admissions`` projection: per gate and person, the first standing admission and
whether they are in the room, kept in step with the journal inside each append.

It counts as ``kiosk.occupancy`` does (and the hub with it): a person's movements at a
gate in time order. A first admission made here, now, is one statement; anything else
(an exit, a void, a second admission, an entry another desk made) recounts that one
person at that gate from the journal, so the order entries arrive in never matters.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from kiosk.model import ENTRANCE, Action, CheckIn, Outcome
from kiosk.occupancy import GateCount, Movement, presence

ADMITTING = (Action.SCAN, Action.OVERRIDE, Action.WALKIN)
_ADMITTING_SQL = ", ".join(f"'{a}'" for a in ADMITTING)


def project(conn: sqlite3.Connection, entry: CheckIn, category: str) -> None:
    """Bring the projection in step with ``entry``, just appended inside ``conn``'s transaction."""
    if entry.action is Action.VOID and entry.voids:
        voided = conn.execute("SELECT gate, delegate_id, rehearsal FROM journal WHERE id = ?",
                              (entry.voids,)).fetchone()  # fmt: skip
        if voided is not None and voided[1]:
            recount(conn, voided[0], voided[1], bool(voided[2]), category)
        return
    if not entry.delegate_id:
        return
    admits = entry.outcome is Outcome.ADMITTED and entry.action in ADMITTING
    if not admits and entry.action is not Action.EXIT:
        return
    key = (entry.gate, entry.delegate_id, int(entry.rehearsal))
    if admits and entry.origin == "local":
        inserted = conn.execute(
            "INSERT INTO admissions (gate, delegate_id, rehearsal, checkin_id, at, desk, category) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (*key, entry.id, entry.at.isoformat(), entry.desk, category),
        ).rowcount
        later_exit = (
            inserted
            and conn.execute(
                "SELECT 1 FROM journal WHERE delegate_id = ? AND gate = ? AND rehearsal = ? AND action = 'exit' "
                "AND at > ? LIMIT 1",
                (entry.delegate_id, entry.gate, int(entry.rehearsal), entry.at.isoformat()),
            ).fetchone()
        )
        if inserted and not later_exit:  # the usual case: a first admission, here and now
            return
    recount(conn, entry.gate, entry.delegate_id, entry.rehearsal, category)


def recount(conn: sqlite3.Connection, gate: str, delegate_id: str, rehearsal: bool, category: str) -> None:
    """Count one person at one gate again from the journal and store the answer."""
    rows = conn.execute(
        f"SELECT id, at, desk, action, outcome, voids, origin FROM journal WHERE delegate_id = ? AND gate = ? "
        f"AND rehearsal = ? AND action IN ({_ADMITTING_SQL}, 'exit', 'void')",
        (delegate_id, gate, int(rehearsal)),
    ).fetchall()
    voided = {r[5] for r in rows if r[3] == "void"}
    desks = {r[0]: r[2] for r in rows}
    moves = [
        Movement(datetime.fromisoformat(at), id_, action != "exit", origin)
        for id_, at, _, action, outcome, _, origin in rows
        if id_ not in voided and (action == "exit" or (action != "void" and outcome == "admitted"))
    ]
    person = presence(moves, refuses_reentry=gate == ENTRANCE)
    key = (gate, delegate_id, int(rehearsal))
    if person.first is None:
        conn.execute("DELETE FROM admissions WHERE gate = ? AND delegate_id = ? AND rehearsal = ?", key)
        return
    first = person.first
    conn.execute(
        "INSERT INTO admissions (gate, delegate_id, rehearsal, checkin_id, at, desk, category, "
        "offline_duplicates, inside) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
        "checkin_id = excluded.checkin_id, at = excluded.at, desk = excluded.desk, "
        "category = CASE excluded.category WHEN '' THEN admissions.category ELSE excluded.category END, "
        "offline_duplicates = excluded.offline_duplicates, inside = excluded.inside",
        (
            *key,
            first.id,
            first.at.isoformat(),
            desks[first.id],
            category,
            person.duplicates,
            int(person.inside),
        ),
    )


def gate_count(conn: sqlite3.Connection, gate: str, rehearsal: bool) -> GateCount:
    """People admitted at ``gate`` (each once), in the room now, and offline duplicates."""
    row = conn.execute(
        "SELECT admitted, present, duplicates FROM gate_counts WHERE gate = ? AND rehearsal = ?",
        (gate, int(rehearsal)),
    ).fetchone()
    return GateCount(*row) if row else GateCount()
