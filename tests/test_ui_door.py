"""A forum door: green for the registered, red for the others, re-entry shown, the room count live."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from kiosk.app.flow import Mode
from kiosk.app.intake import CodeSource
from kiosk.clock import FixedClock
from tests.ui_support import State, close, demo_store, first, make_context, wait_state
from ui.shell.main_window import MainWindow
from ui.widgets.outcome_text import GREEN, RED


@pytest.fixture
def door(qtbot: Any, tmp_path: Path) -> Any:
    store, delegates = demo_store(tmp_path)
    forum = next(f for f in store.roster.forums() if f.capacity and f.starts_at)
    assert forum.starts_at is not None
    context = make_context(
        store, tmp_path, mode="door", clock=FixedClock(forum.starts_at + timedelta(minutes=5))
    )
    context.app.update_settings(gate=forum.id)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    yield window.screens[Mode.DOOR], context, delegates, forum
    close(window, context)


def test_a_registered_delegate_is_green_and_counted_in_the_room(door: Any, qtbot: Any) -> None:
    screen, context, delegates, forum = door
    guest = first(delegates, lambda d: d.active and forum.id in d.forums)
    qtbot.waitUntil(lambda: screen.occupancy == 0, timeout=60000)
    assert f"In the room: 0 / {forum.capacity}" == screen.count.text()
    context.app.intake.submit(guest.code, CodeSource.SCANNER)
    wait_state(qtbot, context, State.RESULT)
    assert screen.result.color == GREEN
    assert screen.count.text() == f"In the room: 1 / {forum.capacity}"
    assert forum.name_en in screen.heading.text()


def test_coming_back_in_is_shown_as_a_re_entry_and_not_counted_twice(door: Any, qtbot: Any) -> None:
    screen, context, delegates, forum = door
    guest = first(delegates, lambda d: d.active and forum.id in d.forums)
    context.app.intake.submit(guest.code, CodeSource.SCANNER).result(timeout=60)
    wait_state(qtbot, context, State.RESULT)
    context.app.flow.fire("reset", "next guest")
    context.app.intake.submit(guest.code, CodeSource.SCANNER)
    qtbot.waitUntil(lambda: "Re-entry" in screen.result.status.text(), timeout=60000)
    assert screen.result.title.text().startswith("Welcome back")
    assert screen.count.text() == f"In the room: 1 / {forum.capacity}"


def test_a_delegate_of_other_forums_is_refused_with_the_reason(door: Any, qtbot: Any) -> None:
    screen, context, delegates, forum = door
    other = first(delegates, lambda d: d.active and forum.id not in d.forums)
    context.app.intake.submit(other.code, CodeSource.SCANNER)
    wait_state(qtbot, context, State.RESULT)
    assert screen.result.color == RED
    assert "Not registered for this forum" in screen.result.title.text()
