"""The calls a desk sees from the self-service kiosks: which kiosk and when, one per kiosk and
kind until acknowledged, never who."""

from __future__ import annotations

from dataclasses import asdict
from datetime import timedelta
from pathlib import Path

from kiosk.app.guest import call_help
from kiosk.app.kiosk_calls import RECENT, KioskCalls
from kiosk.app.phone_check import PhoneTries
from kiosk.clock import FixedClock
from kiosk.demo.roster import setup_demo
from kiosk.model import Action
from kiosk.service import CheckinService
from kiosk.store import Store


def test_help_and_wrong_digits_at_a_kiosk_wait_at_the_desk_until_acknowledged(tmp_path: Path) -> None:
    store = Store(tmp_path / "kiosk.sqlite")
    guest = next(d for d in setup_demo(store, 30) if d.active and d.phone)
    event = store.roster.event()
    assert event is not None
    clock = FixedClock(event.starts_at)
    kiosk = CheckinService(store, clock, desk="kiosk-3")
    calls = KioskCalls(store.journal, clock)
    assert calls.poll() == []
    call_help(kiosk)
    clock.advance(minutes=1)
    call_help(kiosk)  # pressed again: the same call, later
    PhoneTries(kiosk).check(guest, "0000" if not guest.phone.endswith("0000") else "1111")
    waiting = calls.poll()
    assert [(c.kind, c.desk, c.count) for c in waiting] == [(Action.HELP_CALL, "kiosk-3", 2),
                                                            (Action.PHONE_FAILURE, "kiosk-3", 1)]  # fmt: skip
    assert waiting[0].at == clock.now()
    said = " ".join(str(v) for c in waiting for v in asdict(c).values())
    assert guest.name not in said and guest.id not in said and guest.phone[-4:] not in said  # nobody named
    calls.acknowledge(waiting[0])
    assert [c.kind for c in calls.poll()] == [Action.PHONE_FAILURE]
    call_help(kiosk)  # a new press after the acknowledgement: a new call
    assert [(c.kind, c.count) for c in calls.poll()] == [(Action.PHONE_FAILURE, 1), (Action.HELP_CALL, 1)]


def test_a_desk_starting_later_does_not_raise_old_calls(tmp_path: Path) -> None:
    store = Store(tmp_path / "kiosk.sqlite")
    setup_demo(store, 5)
    event = store.roster.event()
    assert event is not None
    clock = FixedClock(event.starts_at)
    call_help(CheckinService(store, clock, desk="kiosk-1"))
    clock.advance(minutes=int(RECENT / timedelta(minutes=1)) + 1)
    assert KioskCalls(store.journal, clock).poll() == []
