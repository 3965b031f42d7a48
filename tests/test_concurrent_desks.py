"""Several processes on one kiosk database (the app and a CLI, two windows) never admit one badge twice."""

import multiprocessing
from collections import Counter
from pathlib import Path

import pytest

from kiosk.clock import StartedClock, parse_time
from kiosk.demo import generate_roster
from kiosk.importers.apply import ImportReport, apply_delegates
from kiosk.model import Outcome
from kiosk.service import CheckinService
from kiosk.store import Store

PROCESSES = 4


def _desk(db: str, desk: str, gate: str, codes: list[str], start, results) -> None:  # type: ignore[no-untyped-def]
    """One process scanning every code, each at the same instant as the other processes."""
    service = CheckinService(Store(db), StartedClock(parse_time("2023-12-06T08:30")), desk=desk, gate=gate)
    outcomes = []
    for code in codes:
        start.wait()
        outcomes.append((code, str(service.check_in(code).outcome)))
    results.put(outcomes)


@pytest.mark.slow
def test_processes_scanning_the_same_badges_at_once_admit_each_person_once(
    event_store: Store, tmp_path: Path
):
    forums, categories = event_store.roster.forums(), event_store.roster.categories()
    delegates = [d for d in generate_roster(60, forums, categories, seed=3) if d.status == "active"][:40]
    apply_delegates(event_store, list(enumerate(delegates, 2)), ImportReport(), replace=False)
    event_store.close()
    codes = [d.code for d in delegates]
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(PROCESSES), context.Queue()
    workers = [
        context.Process(target=_desk, args=(str(tmp_path / "kiosk.sqlite"), f"desk-{i}", "entrance", codes, start, results))
        for i in range(PROCESSES)
    ]  # fmt: skip
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0

    admitted = Counter(code for desk in outcomes for code, outcome in desk if outcome == Outcome.ADMITTED)
    assert admitted == Counter(codes)  # every badge admitted by exactly one process
    others = {outcome for desk in outcomes for code, outcome in desk if outcome != Outcome.ADMITTED}
    assert others == {Outcome.ALREADY_CHECKED_IN}
    store = Store(tmp_path / "kiosk.sqlite")
    rows = store.query(
        "SELECT delegate_id, COUNT(*) FROM journal WHERE outcome = 'admitted' GROUP BY delegate_id"
    )
    assert {count for _, count in rows} == {1} and len(rows) == len(codes)
