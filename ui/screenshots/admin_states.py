"""Named states of the admin screen for the screenshots: ``preview``, ``import``, ``stats``, ``settings``, ``sync``.

Each is idempotent per store, so the Chinese and the English shot show the same numbers:
the check's and the import's reports are remembered, and the morning rush is journalled only once.
"""

from __future__ import annotations

import random
import tempfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.clock import FixedClock
from kiosk.demo.roster import generate_roster, write_roster_csv
from kiosk.importers.apply import ImportReport
from kiosk.model import ENTRANCE
from kiosk.service import CheckinService
from kiosk.store import Store
from ui.admin.roster import run_import

if TYPE_CHECKING:
    from ui.admin.screen import AdminScreen

SEEDED = "ui.stage.rush"
_reports: dict[tuple[str, bool], tuple[str, int, ImportReport]] = {}


def staged_roster_file(store: Store, folder: Path) -> tuple[Path, int]:
    """A late registration export: 60 new people, three rows the importer must reject and one it
    keeps with a warning (a category the event does not have)."""
    forums, categories = store.roster.forums(), store.roster.categories()
    fresh = [replace(d, id=f"L{i:05d}", code=f"LATE{i:08d}")
             for i, d in enumerate(generate_roster(60, forums, categories, seed=77), start=1)]  # fmt: skip
    path = folder / "late-registrations.csv"
    write_roster_csv(path, fresh)
    taken = next(store.roster.iter_delegates()).code
    with path.open("a", encoding="utf-8", newline="") as handle:
        handle.write("L09001,LATE90000001,,,西北大学,,13900000000,,scientist,main,,zh\n")
        handle.write("L09002,LATE90000002,周明,,西北大学,,13900000001,,scientist,no-such-forum,,zh\n")
        handle.write(f"L09003,{taken},陈静,,西北大学,,13900000002,,scientist,main,,zh\n")
        handle.write("L09004,LATE90000004,吴刚,,西北大学,,13900000003,,宇航员,main,,zh\n")
    return path, len(fresh) + 4


def stage_import(screen: AdminScreen, dry_run: bool = False) -> None:
    """The roster tab after checking (``dry_run``) or importing the staged late registrations."""
    store = screen.context.app.store
    key = (str(store.path), dry_run)
    if key not in _reports:
        folder = Path(tempfile.gettempdir()) / "kiosk-stage"  # the same path in every language's shot
        folder.mkdir(exist_ok=True)
        path, rows = staged_roster_file(store, folder)
        _reports[key] = (str(path), rows, run_import(store, path, False, lambda *_: None, dry_run=dry_run))
    path_text, rows, report = _reports[key]
    tab = screen.roster_tab
    screen.tabs.setCurrentWidget(tab)
    tab.path.setText(path_text)
    tab._on_progress("total", rows)
    tab._on_done(report)


def seed_rush(store: Store, count: int = 450) -> None:
    """Journal a morning's arrivals once: the entrance rush, then the forum doors."""
    if store.get_meta(SEEDED) == "1":
        return
    event = store.roster.event()
    if event is None:
        return
    rng = random.Random(2023)
    people = [d for d in store.roster.iter_delegates() if d.active]
    rng.shuffle(people)
    clock = FixedClock(event.starts_at)
    entrance = CheckinService(store, clock, desk="desk-2", gate=ENTRANCE)
    with store.transaction():
        for delegate in people[:count]:
            clock.at = event.starts_at + timedelta(minutes=rng.triangular(-100, 50, -25))
            entrance.check_in(delegate.code)
        for forum in store.roster.forums():
            if forum.starts_at is None:
                continue
            door = CheckinService(store, clock, desk=f"door-{forum.id}", gate=forum.id)
            listed = [d for d in people[:count] if forum.id in d.forums]
            for delegate in listed[: int(len(listed) * rng.uniform(0.4, 0.95))]:
                clock.at = forum.starts_at - timedelta(minutes=rng.uniform(0, 25))
                door.check_in(delegate.code)
    store.set_meta(SEEDED, "1")


def stage(screen: AdminScreen, state: str) -> None:
    if state in ("preview", "import"):
        stage_import(screen, dry_run=state == "preview")
    elif state == "stats":
        seed_rush(screen.context.app.store)
        screen.tabs.setCurrentWidget(screen.stats_tab)
        screen.stats_tab._drawn(screen.stats_tab.gather())
    elif state == "settings":  # the pickers: cameras Qt lists, the system's printers, the test print
        screen.tabs.setCurrentWidget(screen.settings_tab)
        screen.settings_tab.load()
    elif state == "sync":  # joining with an enrolment code: no token field
        screen.tabs.setCurrentWidget(screen.sync_tab)
    else:
        raise ValueError(f"unknown admin state {state!r}: use preview, import, stats, settings or sync")
