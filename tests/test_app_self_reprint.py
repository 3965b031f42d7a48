"""A guest whose pass did not come out scans again: the kiosk reprints it once, journalled."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.app.intake import CodeSource
from kiosk.app.kiosk_app import KioskApp
from kiosk.app.passes import REPRINT_MINUTES, SELF_REPRINT
from kiosk.app.settings import Settings
from kiosk.clock import FixedClock
from kiosk.demo.roster import setup_demo
from kiosk.model import Action, Delegate, Mode, Outcome
from kiosk.printing.queue import PrintQueue
from kiosk.service import CheckinService
from kiosk.store import Store


class KeptPrinter:
    """Holds jobs (this test is about which passes are queued, not how they print)."""

    name = "kept"

    def send(self, job_id: str, content: Any, layout: Any) -> None:
        pass

    def delivered(self, job_id: str) -> bool | None:
        return None


@pytest.fixture
def kiosk(tmp_path: Path) -> Any:
    store = Store(tmp_path / "kiosk.sqlite")
    delegates = [d for d in setup_demo(store, 30) if d.active]
    event = store.roster.event()
    assert event is not None
    clock = FixedClock(event.starts_at)
    service = CheckinService(store, clock, desk="kiosk-3")
    queue = PrintQueue(store, KeptPrinter(), clock)  # not started: jobs stay queued, countable
    app = KioskApp(
        store, service=service, settings=Settings(mode=Mode.SELFSERVICE, desk="kiosk-3"), print_queue=queue
    )
    yield app, clock, delegates
    app.close()


def reprints(app: KioskApp, delegate: Delegate) -> list[Any]:
    return [e for e in app.store.journal.for_delegate(delegate.id) if e.action is Action.REPRINT]


def test_a_re_scan_soon_after_admission_reprints_the_pass_once(kiosk: Any) -> None:
    app, clock, delegates = kiosk
    guest = delegates[0]
    assert app.intake.decide_now(guest.code, CodeSource.SCANNER).admitted
    clock.advance(minutes=2)
    again = app.intake.decide_now(guest.code, CodeSource.CAMERA)
    assert again.outcome is Outcome.ALREADY_CHECKED_IN and app.passes.self_reprints(again)
    assert [e.reason for e in reprints(app, guest)] == [SELF_REPRINT]  # journalled before the screen hears
    third = app.intake.decide_now(guest.code, CodeSource.CAMERA)
    assert not app.passes.self_reprints(third) and len(reprints(app, guest)) == 1  # once: then the desk
    app.passes.close()
    assert len(app.print_queue.jobs.in_state("queued")) == 2  # the pass and its one reprint


def test_a_late_re_scan_another_kiosks_admission_or_a_desk_does_not_reprint(kiosk: Any) -> None:
    app, clock, delegates = kiosk
    late, elsewhere, at_desk = delegates[1:4]
    for guest in (late, at_desk):
        app.intake.decide_now(guest.code, CodeSource.SCANNER)
    other_kiosk = CheckinService(app.store, clock, desk="kiosk-9")
    assert other_kiosk.check_in(elsewhere.code).admitted
    clock.advance(minutes=REPRINT_MINUTES + 1)
    assert not app.passes.self_reprints(app.intake.decide_now(late.code, CodeSource.SCANNER))
    clock.advance(minutes=-REPRINT_MINUTES)
    assert not app.passes.self_reprints(app.intake.decide_now(elsewhere.code, CodeSource.SCANNER))
    app.flow.enter_mode(Mode.DESK, "a volunteer sits down")
    assert not app.passes.self_reprints(app.intake.decide_now(at_desk.code, CodeSource.TYPED))
    assert all(reprints(app, d) == [] for d in (late, elsewhere, at_desk))
