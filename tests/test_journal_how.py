"""The journal records how each person was presented and who was at the desk; export, stats and
the hub carry it. Without Qt: the app layer's intake, the real service, real SQLite, a real hub."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.app.flow import Mode
from kiosk.app.intake import CodeSource
from kiosk.app.kiosk_app import KioskApp
from kiosk.app.settings import Settings
from kiosk.clock import FixedClock
from kiosk.demo.roster import setup_demo
from kiosk.export import HEADERS, export_journal
from kiosk.model import Action, CheckIn, Delegate, How, Outcome
from kiosk.service import CheckinService
from kiosk.stats import compute
from kiosk.store import Store
from kiosk.sync.client import HubClient
from kiosk.sync.engine import sync_once
from tests.conftest import ROOT
from tests.hub_support import BACKENDS, active, make_desk, running_hub


@pytest.fixture
def kiosk(tmp_path: Path):  # type: ignore[no-untyped-def]
    store = Store(tmp_path / "kiosk.sqlite")
    delegates = setup_demo(store, 40)
    event = store.roster.event()
    assert event is not None
    service = CheckinService(store, FixedClock(event.starts_at), desk="desk-7")
    app = KioskApp(store, service, Settings(mode=Mode.DESK, operator="李娜"))
    yield app, [d for d in delegates if d.active]
    app.close()
    store.close()


def last_entry(app: KioskApp) -> CheckIn:
    return app.store.journal.since(0, limit=10_000)[-1][1]


@pytest.mark.parametrize(
    ("source", "how"),
    [(CodeSource.CAMERA, How.CAMERA), (CodeSource.SCANNER, How.SCANNER), (CodeSource.TYPED, How.TYPED),
     (CodeSource.DESK_SEARCH, How.DESK_SEARCH), (CodeSource.SEARCH, How.SELF_SEARCH)],
)  # fmt: skip
def test_each_intake_source_is_journalled_as_how_the_person_was_presented(kiosk, source, how) -> None:  # type: ignore[no-untyped-def]
    app, delegates = kiosk
    future = app.intake.submit(delegates[0].code, source)
    assert future is not None and future.result(timeout=60).outcome is Outcome.ADMITTED
    entry = last_entry(app)
    assert (entry.how, entry.operator, entry.desk) == (how, "李娜", "desk-7")


def test_override_and_walkin_say_so_and_desk_notes_keep_the_operator(kiosk) -> None:  # type: ignore[no-untyped-def]
    app, delegates = kiosk
    app.service.check_in(delegates[3].code, How.SCANNER)
    app.service.override(delegates[3].code, "second pass for the interpreter")
    assert (last_entry(app).how, last_entry(app).action) == (How.OVERRIDE, Action.OVERRIDE)
    app.service.register_walkin(Delegate(id="", code="", name="周六", organization="西北大学"))
    assert (last_entry(app).how, last_entry(app).action) == (How.WALKIN, Action.WALKIN)
    app.service.note(delegates[1], Action.REPRINT, "pass lost")
    assert (last_entry(app).how, last_entry(app).operator) == (How.UNKNOWN, "李娜")


def test_a_new_operator_is_journalled_from_the_next_entry_and_kept_in_the_settings(kiosk) -> None:  # type: ignore[no-untyped-def]
    app, delegates = kiosk
    app.service.check_in(delegates[0].code, How.SCANNER)
    app.update_settings(operator="Wang Fang")
    app.service.check_in(delegates[1].code, How.SCANNER)
    operators = [e.operator for _, e in app.store.journal.since(0)]
    assert operators == ["李娜", "Wang Fang"]
    again = KioskApp(app.store)
    assert again.service.operator == "Wang Fang"
    again.close()


def test_export_and_stats_show_how_people_came_in(kiosk, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    app, delegates = kiosk
    app.service.check_in(delegates[0].code, How.CAMERA)
    app.service.check_in(delegates[1].code, How.DESK_SEARCH)
    app.service.check_in(delegates[2].code, How.DESK_SEARCH)
    app.service.check_in(delegates[2].code, How.CAMERA)  # already checked in: not a second person
    assert compute(app.store).by_how == {"desk_search": 2, "camera": 1}
    out = tmp_path / "checkins.csv"
    assert export_journal(app.store, out) == 4
    with out.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == HEADERS
    assert [(r["how"], r["operator"]) for r in rows] == [("camera", "李娜"), ("desk_search", "李娜"),
                                                         ("desk_search", "李娜"), ("camera", "李娜")]  # fmt: skip


@pytest.mark.slow
def test_the_stats_command_prints_how_people_came_in(kiosk) -> None:  # type: ignore[no-untyped-def]
    app, delegates = kiosk
    app.service.check_in(delegates[0].code, How.SCANNER)
    run = [sys.executable, str(ROOT / "main.py"), "stats", "--db", str(app.store.path)]
    text = subprocess.run(run, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert "entrance, by how: scanner 1" in text.stdout, text.stderr
    as_json = subprocess.run([*run, "--json"], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert json.loads(as_json.stdout)["by_how"] == {"scanner": 1}


def test_a_journal_from_before_how_was_recorded_is_upgraded_and_reads_as_unknown(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    store = Store(path)
    delegates = setup_demo(store, 10)
    event = store.roster.event()
    assert event is not None
    CheckinService(store, FixedClock(event.starts_at)).check_in(active(delegates)[0].code)
    with store.transaction() as conn:  # as a kiosk of the previous release left its file
        conn.execute("ALTER TABLE journal DROP COLUMN how")
        conn.execute("ALTER TABLE journal DROP COLUMN operator")
        conn.execute("DELETE FROM migrations WHERE name = 'core-0007-journal-how'")
    store.close()
    upgraded = Store(path)
    (_, entry), = upgraded.journal.since(0)  # fmt: skip
    assert entry.outcome is Outcome.ADMITTED and (entry.how, entry.operator) == ("", "")
    assert compute(upgraded).by_how == {"unknown": 1}
    upgraded.close()


@pytest.mark.parametrize("backend", BACKENDS)
def test_how_and_the_operator_travel_through_a_real_hub_to_the_other_desk(
    backend: str, tmp_path: Path
) -> None:
    with running_hub(backend, tmp_path) as hub:
        one, two = make_desk(hub, tmp_path, "desk-1"), make_desk(hub, tmp_path, "desk-2")
        for desk in (one, two):
            client = HubClient(desk.hub_url, desk.token)
            sync_once(desk.store, client)
            client.close()
        service = one.service
        service.operator = "Li Na"
        code = active(hub.delegates)[0].code
        admitted = service.check_in(code, How.DESK_SEARCH)
        for desk in (one, two):
            client = HubClient(desk.hub_url, desk.token)
            sync_once(desk.store, client)
            client.close()
        (_, on_hub), = [(s, e) for s, e in hub.store.checkins.since(0, 10)[0] if e.id == admitted.checkin_id]  # fmt: skip
        assert (on_hub.how, on_hub.operator) == ("desk_search", "Li Na")
        pulled = two.store.journal.get(admitted.checkin_id)
        assert pulled is not None and pulled.origin == "desk-1"
        assert (pulled.how, pulled.operator) == ("desk_search", "Li Na")
        first = two.service.check_in(code, How.CAMERA).first_checkin
        assert first is not None and first.how == "desk_search"
        one.store.close()
        two.store.close()


def test_purge_blanks_the_volunteers_names_and_keeps_how(kiosk) -> None:  # type: ignore[no-untyped-def]
    from kiosk.app import settings as settings_module
    from kiosk.purge import purge

    app, delegates = kiosk
    app.update_settings(operator="李娜")
    app.service.check_in(delegates[0].code, How.DESK_SEARCH)
    report = purge(app.store)
    assert "journal.operator" in report.columns
    assert [(e.how, e.operator) for _, e in app.store.journal.since(0)] == [("desk_search", "")]
    assert settings_module.load(app.store).operator == ""
