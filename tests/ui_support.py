"""Shared set-up for the kiosk app's tests: a real demo store, a real context, the real window."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

from kiosk.app.flow import Mode, State
from kiosk.app.kiosk_app import KioskApp
from kiosk.app.settings import Settings
from kiosk.clock import FixedClock
from kiosk.demo.roster import setup_demo
from kiosk.importers.apply import delegate_row
from kiosk.model import Delegate
from kiosk.service import CheckinService
from kiosk.store import Store
from ui.bridge import AppContext
from ui.passes.printers import make_print_queue
from ui.shell.app import make_application


def demo_template(factory: Any, name: str, count: int) -> Path:
    """A demo database made once per module; tests take copies of it (``store_copy``)."""
    path = factory.mktemp(name) / "template.sqlite"
    store = Store(path)
    setup_demo(store, count)
    store.close()
    return path


def store_copy(template: Path, tmp_path: Path) -> Store:
    db = tmp_path / "kiosk.sqlite"
    db.write_bytes(template.read_bytes())
    return Store(db)


def demo_store(tmp_path: Path, count: int = 300) -> tuple[Store, list[Delegate]]:
    store = Store(tmp_path / "kiosk.sqlite")
    return store, setup_demo(store, count)


def event_clock(store: Store) -> FixedClock:
    """Half an hour into the demo event: the entrance is open."""
    event = store.roster.event()
    assert event is not None
    return FixedClock(event.starts_at + timedelta(minutes=30))


def make_context(store: Store, tmp_path: Path, language: str = "en", mode: str = "selfservice",
                 printer_dir: Path | None = None, clock: Any = None, reset_seconds: int = 30) -> AppContext:  # fmt: skip
    make_application()
    clock = clock or event_clock(store)
    settings = Settings(language=language, mode=mode, reset_seconds=reset_seconds, sounds=False)
    queue = make_print_queue(store, "pdf", printer_dir or tmp_path / "passes", settings.layout, clock=clock)
    service = CheckinService(store, clock, desk="desk-1")
    context = AppContext(KioskApp(store, service=service, settings=settings, print_queue=queue))
    context.set_language(language)
    queue.start()
    return context


def with_language(store: Store, delegate: Delegate, language: str) -> Delegate:
    fresh = replace(delegate, language=language)
    with store.transaction() as conn:
        store.roster.write_delegates(conn, [delegate_row(fresh)])
    store.roster.changed()
    return fresh


def first(delegates: list[Delegate], test: Callable[[Delegate], bool]) -> Delegate:
    return next(d for d in delegates if test(d))


def wait_state(qtbot: Any, context: AppContext, *states: State, timeout: int = 5000) -> None:
    qtbot.waitUntil(lambda: context.app.flow.state in states, timeout=timeout)


def show_desk(qtbot: Any, context: AppContext) -> Any:
    """The real desk screen, shown at 1280×800 with the cursor in its search field."""
    from ui.desk.screen import DeskScreen

    screen = DeskScreen(context)
    qtbot.addWidget(screen)
    screen.resize(1280, 800)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    screen.search.setFocus()
    return screen


def close(window: Any, context: AppContext) -> None:
    if window is not None:
        window.allow_close = True
        window.close()
        window.deleteLater()
    context.close()


__all__ = ["Mode", "State", "close", "demo_store", "event_clock", "first", "make_context", "show_desk",
           "wait_state", "with_language"]  # fmt: skip
