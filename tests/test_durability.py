"""Nothing acknowledged is lost: a check-in loop killed with SIGKILL at random moments."""

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.demo.roster import generate_roster
from kiosk.importers.apply import ImportReport, apply_delegates
from kiosk.store import Store
from tests.conftest import ROOT

LOOP = """
import sys
from kiosk.clock import StartedClock, parse_time
from kiosk.service import CheckinService
from kiosk.store import Store
store = Store(sys.argv[1])
service = CheckinService(store, StartedClock(parse_time("2023-12-06T08:30")), desk="kill-test")
for code in sys.stdin:
    decision = service.check_in(code)
    print(decision.checkin_id, decision.outcome, flush=True)
"""


@pytest.mark.slow
def test_every_reported_checkin_survives_sigkill_and_none_is_doubled(event_store: Store, tmp_path: Path):
    forums, categories = event_store.roster.forums(), event_store.roster.categories()
    delegates = generate_roster(600, forums, categories, seed=7)
    apply_delegates(event_store, list(enumerate(delegates, 2)), ImportReport(), replace=False)
    event_store.close()
    db = tmp_path / "kiosk.sqlite"
    codes = "".join(d.code + "\n" for d in delegates)
    rng = random.Random(42)
    acknowledged: list[str] = []
    for _ in range(6):
        process = subprocess.Popen(
            [sys.executable, "-c", LOOP, str(db)], cwd=ROOT, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )  # fmt: skip
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(codes)
        process.stdin.flush()
        wanted = rng.randint(5, 60)
        for _ in range(wanted):
            acknowledged.append(process.stdout.readline().split()[0])
        time.sleep(rng.random() * 0.05)  # kill mid-commit somewhere in the next few check-ins
        process.send_signal(signal.SIGKILL)
        process.wait()
    store = Store(db)
    assert store.query_one("PRAGMA integrity_check")[0] == "ok"
    ids = [r[0] for r in store.query("SELECT id FROM journal")]
    assert len(ids) == len(set(ids))
    assert set(acknowledged) <= set(ids)
    assert len(acknowledged) == len(set(acknowledged))
