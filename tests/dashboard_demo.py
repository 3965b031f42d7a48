"""A plausible morning on the hub, for the dashboard's screenshots: arrivals, doors, desks."""

from __future__ import annotations

import random
import uuid
from datetime import timedelta

from hub.store.desks import utc_now
from kiosk.model import Action, CheckIn, Outcome
from tests.conftest import at
from tests.hub_support import Hub, active

DESKS = ("entrance-1", "entrance-2", "entrance-3")


def demo_day(hub: Hub) -> None:
    rng = random.Random(15)
    people = active(hub.delegates)
    start = at("2023-12-06T08:00")
    entries: dict[str, list[CheckIn]] = {d: [] for d in DESKS}
    for n, person in enumerate(people[: int(len(people) * 0.8)]):
        when = start + timedelta(minutes=min(175, abs(rng.gauss(60, 35))))
        desk = DESKS[n % 3]
        entries[desk].append(entry(desk, "entrance", person.id, when))
        for forum in person.forums[:1]:
            entries[desk].append(entry(desk, forum, person.id, when + timedelta(minutes=20)))
            if rng.random() < 0.2:
                entries[desk].append(entry(desk, forum, person.id, when + timedelta(minutes=50), Action.EXIT))
    twice = people[0]
    entries["entrance-3"].append(entry("entrance-3", "entrance", twice.id, start + timedelta(minutes=95)))
    for desk, batch in entries.items():
        hub.store.checkins.push(batch, desk)
    desks = hub.store.desks
    healthy = {"mode": "desk", "gate": "entrance", "app_version": "0.1.0", "backlog": 0, "printer_state": "ok",
               "printer_queue": 0, "camera_state": "ok", "clock_offset_s": 0.4, "disk_free_bytes": 48 * 2**30,
               "last_decision_at": utc_now().isoformat()}  # fmt: skip
    desks.report("entrance-1", healthy | {"desk": "entrance-1", "printer_queue": 1})
    desks.report(
        "entrance-2", healthy | {"desk": "entrance-2", "printer_state": "out_of_paper", "printer_queue": 4}
    )
    desks.report("door-p1", healthy | {"desk": "door-p1", "mode": "gate", "gate": "p1", "printer_state": "none",
                                       "camera_state": "no_signal", "clock_offset_s": -42.0})  # fmt: skip
    desks.clock = lambda: utc_now() - timedelta(minutes=3)
    desks.report("entrance-3", healthy | {"desk": "entrance-3", "backlog": 17})
    desks.clock = utc_now


def entry(desk: str, gate: str, delegate_id: str, when, action: Action = Action.SCAN) -> CheckIn:
    return CheckIn(id=str(uuid.uuid4()), at=when, desk=desk, gate=gate, code="", outcome=Outcome.ADMITTED,
                   delegate_id=delegate_id, action=action)  # fmt: skip
