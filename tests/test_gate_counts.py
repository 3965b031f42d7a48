"""The per-gate counts a decision shows stay equal to the admissions they count, whatever
writes the admissions (first admissions, exits, voids, entries from other desks in any order,
rehearsal), and a database from before the counts gets them filled in."""

from __future__ import annotations

import random
import sqlite3
import uuid
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.model import Action, CheckIn, Outcome
from kiosk.store import Store, db
from kiosk.store.schema import CORE_MIGRATIONS
from tests.conftest import at

_SUMMED = (
    "SELECT gate, rehearsal, COUNT(*), SUM(inside), SUM(offline_duplicates) FROM admissions "
    "GROUP BY gate, rehearsal ORDER BY gate, rehearsal"
)
_KEPT = (
    "SELECT gate, rehearsal, admitted, present, duplicates FROM gate_counts WHERE admitted > 0 "
    "ORDER BY gate, rehearsal"
)


def _rows(store: Store, sql: str) -> list[tuple]:
    return [tuple(r) for r in store.query(sql)]


def _entry(rng: random.Random, written: list[CheckIn]) -> CheckIn:
    """A random entry: mostly admissions and exits by a few people at two gates, from this desk
    or another, at times out of order; now and then a void of an earlier entry."""
    if written and rng.random() < 0.15:
        voided = rng.choice(written)
        return CheckIn(str(uuid.uuid4()), voided.at + timedelta(minutes=1), "desk-1", voided.gate,
                       voided.code, Outcome.ADMITTED, voided.delegate_id, Action.VOID,
                       voids=voided.id, rehearsal=voided.rehearsal)  # fmt: skip
    person = f"D{rng.randrange(6):03d}"
    action = rng.choice([Action.SCAN, Action.SCAN, Action.OVERRIDE, Action.WALKIN, Action.EXIT])
    return CheckIn(
        str(uuid.uuid4()),
        at("2023-12-06T08:00") + timedelta(minutes=rng.randrange(240)),
        rng.choice(["desk-1", "desk-2"]),
        rng.choice(["entrance", "A1"]),
        person,
        rng.choice([Outcome.ADMITTED, Outcome.ADMITTED, Outcome.ADMITTED, Outcome.ALREADY_CHECKED_IN]),
        person,
        action,
        rehearsal=rng.random() < 0.2,
        origin=rng.choice(["local", "local", "hub"]),
    )


@pytest.mark.parametrize("seed", range(6))
def test_gate_counts_equal_the_admissions_after_every_journal_entry(event_store: Store, seed: int):
    rng, written = random.Random(seed), []
    for _ in range(120):
        entry = _entry(rng, written)
        event_store.journal.append(entry, category="scientist")
        written.append(entry)
        assert _rows(event_store, _KEPT) == _rows(event_store, _SUMMED), entry
    assert _rows(event_store, _SUMMED), "the sequence admitted somebody"


def test_a_decision_reads_the_counts_of_its_gate_and_rehearsal(event_store: Store):
    for person in ("D001", "D002", "D003"):
        event_store.journal.append(CheckIn(str(uuid.uuid4()), at("2023-12-06T08:30"), "desk-1", "A1",
                                           person, Outcome.ADMITTED, person))  # fmt: skip
    event_store.journal.append(CheckIn(str(uuid.uuid4()), at("2023-12-06T09:00"), "desk-1", "A1", "D002",
                                       Outcome.ADMITTED, "D002", Action.EXIT))  # fmt: skip
    history = event_store.journal.history("D009", "A1", rehearsal=False)
    assert (history.admitted_count, history.occupancy, history.inside) == (3, 2, False)
    assert event_store.journal.history("D009", "A1", rehearsal=True).admitted_count == 0
    assert event_store.journal.history("D009", "entrance", rehearsal=False).occupancy == 0


def test_a_database_from_before_the_counts_gets_them_filled_in(tmp_path: Path, monkeypatch):
    path = tmp_path / "old.sqlite"
    monkeypatch.setattr(
        db, "CORE_MIGRATIONS", [m for m in CORE_MIGRATIONS if m[0] != "core-0009-gate-counts"]
    )
    old = Store(path)
    for person in ("D001", "D002"):
        old.journal.append(CheckIn(str(uuid.uuid4()), at("2023-12-06T08:30"), "desk-1", "entrance",
                                   person, Outcome.ADMITTED, person))  # fmt: skip
    old.close()
    with pytest.raises(sqlite3.OperationalError):
        sqlite3.connect(path).execute("SELECT * FROM gate_counts")
    monkeypatch.undo()
    store = Store(path)
    assert _rows(store, _KEPT) == [("entrance", 0, 2, 2, 0)]
