"""Printing turned on and off in the admin's settings takes effect at once in the running app:
real widgets (offscreen), a real SQLite demo store, the real intake and a real PDF printer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.app.flow import Mode
from kiosk.app.intake import CodeSource
from kiosk.app.kiosk_app import KioskApp
from kiosk.app.settings import Settings
from kiosk.model import Delegate, Outcome
from kiosk.service import CheckinService
from kiosk.store import Store
from tests.ui_support import demo_store, event_clock
from ui.admin.screen import AdminScreen
from ui.bridge import AppContext
from ui.desk.status_strip import StatusStrip
from ui.shell.app import make_application

pytestmark = pytest.mark.timeout(600)  # a guard against a hang, not a speed limit


@pytest.fixture
def kiosk(qtbot, tmp_path: Path) -> Iterator[tuple[AppContext, list[Delegate]]]:  # type: ignore[no-untyped-def]
    """A kiosk started with printing off, as ``main.py`` starts one whose printer is "none"."""
    make_application()
    store, delegates = demo_store(tmp_path, 50)
    settings = Settings(language="en", mode=Mode.SELFSERVICE, printer="none", sounds=False)
    service = CheckinService(store, event_clock(store), desk="desk-1")
    context = AppContext(KioskApp(store, service=service, settings=settings))
    context.app.passes.pdf_home = tmp_path / "passes"
    context.set_language("en")
    yield context, [d for d in delegates if d.active]
    context.close()
    store.close()


def choose_printer(context: AppContext, tab, value: str) -> None:  # type: ignore[no-untyped-def]
    context.app.flow.enter_mode(Mode.ADMIN, "test")
    tab.printer.setCurrentIndex(tab.printer.findData(value))
    tab.save()
    context.app.flow.enter_mode(Mode.SELFSERVICE, "test")


def scan(context: AppContext, delegate: Delegate) -> str:
    future = context.app.intake.submit(delegate.code, CodeSource.CAMERA)
    assert future is not None
    decision = future.result(timeout=60)
    assert decision is not None and decision.outcome is Outcome.ADMITTED and decision.checkin_id
    return decision.checkin_id


def passes(store: Store) -> dict[str, str]:
    return {
        row["checkin_id"]: row["state"] for row in store.query("SELECT checkin_id, state FROM print_jobs")
    }


def test_printing_turned_on_and_off_in_admin_applies_to_the_next_scan_without_a_restart(
    qtbot, kiosk, tmp_path
):  # type: ignore[no-untyped-def]
    context, delegates = kiosk
    store = context.app.store
    screen = AdminScreen(context)
    strip = StatusStrip(context)
    qtbot.addWidget(screen)
    qtbot.addWidget(strip)
    tab = screen.settings_tab
    assert tab.printer.currentData() == "none" and context.printer is None
    assert strip.printer.text() == "Printer: none at this desk"

    choose_printer(context, tab, "pdf")  # on: the next admission's pass comes out
    assert tab.status.text() == "Saved and in use." and context.app.print_queue is not None
    first = scan(context, delegates[0])
    qtbot.waitUntil(lambda: passes(store).get(first) == "done", timeout=60000)
    assert len(list((tmp_path / "passes").glob("pass-*.pdf"))) == 1
    qtbot.waitUntil(lambda: strip.printer.text().startswith("Printer: ready"), timeout=60000)

    choose_printer(context, tab, "none")  # off: the next admission queues no pass
    assert tab.status.text() == "Saved. Printing is off at this kiosk." and context.app.print_queue is None
    qtbot.waitUntil(lambda: context.printer is None and strip.printer.text() == "Printer: none at this desk")
    second = scan(context, delegates[1])

    choose_printer(context, tab, "pdf")  # on again: passes are queued in order, so once the third
    third = scan(context, delegates[2])  # is there, the second would be too had it been queued
    qtbot.waitUntil(lambda: passes(store).get(third) == "done", timeout=60000)
    assert second not in passes(store) and set(passes(store)) == {first, third}
    assert len(list((tmp_path / "passes").glob("pass-*.pdf"))) == 2
    assert store.get_meta("settings.printer") == "pdf"  # kept for the next start, too


def test_turning_printing_off_with_passes_waiting_says_they_print_when_it_is_back_on(qtbot, kiosk, tmp_path):  # type: ignore[no-untyped-def]
    context, delegates = kiosk
    store = context.app.store
    screen = AdminScreen(context)
    qtbot.addWidget(screen)
    tab = screen.settings_tab
    (tmp_path / "passes").write_text("a file where the folder should be: the printer cannot write")
    choose_printer(context, tab, "pdf")
    waiting = scan(context, delegates[0])
    qtbot.waitUntil(lambda: waiting in passes(store), timeout=60000)
    choose_printer(context, tab, "none")
    assert tab.status.text() == (
        "Saved. Printing is off: 1 pass(es) waiting will print when a printer is chosen again."
    )
    (tmp_path / "passes").unlink()
    choose_printer(context, tab, "pdf")
    qtbot.waitUntil(lambda: passes(store).get(waiting) == "done", timeout=60000)


def test_another_pass_layout_is_used_from_the_next_pass_without_a_restart(qtbot, kiosk):  # type: ignore[no-untyped-def]
    context, delegates = kiosk
    store = context.app.store
    screen = AdminScreen(context)
    qtbot.addWidget(screen)
    tab = screen.settings_tab
    choose_printer(context, tab, "pdf")
    before = scan(context, delegates[0])
    context.app.flow.enter_mode(Mode.ADMIN, "test")
    tab.layout_box.setCurrentIndex(tab.layout_box.findData("a6-card"))
    tab.save()
    context.app.flow.enter_mode(Mode.SELFSERVICE, "test")
    after = scan(context, delegates[1])
    qtbot.waitUntil(lambda: passes(store).get(after) == "done", timeout=60000)
    layouts = {
        row["checkin_id"]: row["layout"] for row in store.query("SELECT checkin_id, layout FROM print_jobs")
    }
    assert layouts == {before: "thermal-80", after: "a6-card"}
