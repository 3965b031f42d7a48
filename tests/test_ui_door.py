"""A forum door: green for the registered, red for the others, re-entry shown, the room count live."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kiosk.app.flow import Mode
from kiosk.app.intake import CodeSource
from kiosk.clock import FixedClock
from tests.ui_support import State, close, demo_store, first, make_context, wait_state
from ui.shell.main_window import MainWindow
from ui.widgets.outcome_text import GREEN, RED


@pytest.fixture(params=["en"])
def door(request: pytest.FixtureRequest, qtbot: Any, tmp_path: Path) -> Any:
    store, delegates = demo_store(tmp_path)
    forum = next(f for f in store.roster.forums() if f.capacity and f.starts_at)
    assert forum.starts_at is not None
    context = make_context(
        store, tmp_path, language=request.param, mode="door",
        clock=FixedClock(forum.starts_at + timedelta(minutes=5)),
    )  # fmt: skip
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


def scan(qtbot: Any, context: Any, code: str) -> None:
    """Present a code at the door and wait until its result is on the screen."""
    if context.app.flow.state is State.RESULT:
        context.app.flow.fire("reset", "next guest")
    context.app.service.clock.advance(seconds=20)  # people move in time order (a tie has no order)
    context.app.intake.submit(code, CodeSource.SCANNER).result(timeout=60)
    wait_state(qtbot, context, State.RESULT)


def test_going_out_lowers_the_room_count_and_coming_back_is_a_re_entry(door: Any, qtbot: Any) -> None:
    screen, context, delegates, forum = door
    ann, bob = [d for d in delegates if d.active and forum.id in d.forums][:2]
    scan(qtbot, context, ann.code)
    scan(qtbot, context, bob.code)
    assert screen.count.text() == f"In the room: 2 / {forum.capacity}"
    assert screen.today.text() == "Admitted today: 2"
    qtbot.keyClick(screen, Qt.Key.Key_F2)  # the direction toggle's key
    assert screen.leaving and context.app.intake.exits and "Going out" in screen.direction.text()
    scan(qtbot, context, ann.code)
    assert screen.result.color == "#37474F"
    assert screen.result.advice.text() == "Left the room: 1 in the room now."
    assert screen.count.text() == f"In the room: 1 / {forum.capacity}"
    assert screen.today.text() == "Admitted today: 2"
    qtbot.mouseClick(screen.direction, Qt.MouseButton.LeftButton)
    assert not context.app.intake.exits and "Coming in" in screen.direction.text()
    scan(qtbot, context, ann.code)
    assert screen.result.status.text() == "Re-entry: back in the room"
    assert screen.count.text() == f"In the room: 2 / {forum.capacity}"
    assert screen.today.text() == "Admitted today: 2"


def test_an_exit_of_someone_never_counted_in_is_recorded_and_the_count_stays(door: Any, qtbot: Any) -> None:
    screen, context, delegates, forum = door
    guest = first(delegates, lambda d: d.active and forum.id in d.forums)
    screen.set_leaving(True)
    scan(qtbot, context, guest.code)
    assert "not counted in the room" in screen.result.advice.text()
    assert screen.count.text() == f"In the room: 0 / {forum.capacity}"
    assert context.app.store.journal.for_delegate(guest.id)[-1].action == "exit"


def test_an_unknown_badge_going_out_is_refused_and_journals_nothing(door: Any, qtbot: Any) -> None:
    screen, context, _, _ = door
    before = context.app.store.journal.count()
    screen.set_leaving(True)
    scan(qtbot, context, "NOT-A-BADGE")
    assert screen.result.color == RED and context.app.store.journal.count() == before


def test_leaving_door_mode_turns_the_door_back_to_coming_in(door: Any, qtbot: Any) -> None:
    screen, context, _, _ = door
    screen.set_leaving(True)
    context.app.flow.enter_mode(Mode.DESK, "volunteer moved to the desk")
    assert not screen.leaving and not context.app.intake.exits


@pytest.mark.parametrize("door", ["zh_CN"], indirect=True)
def test_the_door_counts_and_turns_around_in_chinese(door: Any, qtbot: Any) -> None:
    screen, context, delegates, forum = door
    guest = first(delegates, lambda d: d.active and forum.id in d.forums)
    scan(qtbot, context, guest.code)
    assert screen.count.text() == f"场内人数：1 / {forum.capacity}"
    assert screen.today.text() == "今日已入场：1"
    screen.set_leaving(True)
    assert screen.direction.text() == "◀ 出场 (F2)"
    scan(qtbot, context, guest.code)
    assert screen.result.advice.text() == "已离场：场内现有 0 人。"
    assert screen.count.text() == f"场内人数：0 / {forum.capacity}"


def test_a_refusal_tells_the_volunteer_where_to_send_the_person(door: Any, qtbot: Any) -> None:
    screen, context, delegates, forum = door
    other = first(delegates, lambda d: d.active and forum.id not in d.forums and len(d.forums) >= 2)
    scan(qtbot, context, other.code)
    forums = context.app.service.forums
    theirs = [forums[f] for f in other.forums]
    guide = screen.bar.guide.text()
    assert screen.bar.isVisible() and guide.startswith("Registered for ")
    for registered in theirs:
        assert registered.name_en in guide and f"Hall {registered.hall}" in guide
    assert "Send to " in guide


def test_f4_lets_a_refused_person_in_with_a_reason_kept_in_the_journal(door: Any, qtbot: Any) -> None:
    screen, context, delegates, forum = door
    other = first(delegates, lambda d: d.active and forum.id not in d.forums)
    scan(qtbot, context, other.code)
    qtbot.keyClick(screen, Qt.Key.Key_F4)
    assert screen.bar.reason.isVisible() and not screen.bar.confirm.isEnabled()  # a reason is required
    assert not screen._reset_timer.isActive()  # the volunteer is on it: the refusal stays
    qtbot.keyClicks(screen.bar.reason, "speaker's assistant")
    qtbot.mouseClick(screen.bar.confirm, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.result.color == GREEN, timeout=60000)
    entry = context.app.store.journal.for_delegate(other.id)[-1]
    assert (entry.action, entry.reason) == ("override", "speaker's assistant")
    assert not screen.bar.isVisible()


def test_f6_names_the_supervisor_and_holds_the_refusal_until_the_next_person(door: Any, qtbot: Any) -> None:
    screen, context, delegates, forum = door
    context.app.update_settings(supervisor="Li Na 138 0000 1234")
    other = first(delegates, lambda d: d.active and forum.id not in d.forums)
    scan(qtbot, context, other.code)
    qtbot.keyClick(screen, Qt.Key.Key_F8)
    assert "Li Na 138 0000 1234" in screen.bar.note.text() and not screen._reset_timer.isActive()
    assert context.app.flow.state is State.RESULT
    qtbot.mouseClick(screen.bar.back, Qt.MouseButton.LeftButton)
    assert context.app.flow.state is State.IDLE


def test_an_unknown_badge_cannot_be_let_in_from_the_door_only_sent_on(door: Any, qtbot: Any) -> None:
    screen, context, _, _ = door
    scan(qtbot, context, "NOT-A-BADGE")
    assert screen.bar.isVisible() and not screen.bar.let_in.isVisible() and screen.bar.call.isVisible()
    assert "help desk" in screen.bar.guide.text()


@pytest.mark.parametrize("door", ["zh_CN"], indirect=True)
def test_the_volunteer_guidance_is_in_chinese(door: Any, qtbot: Any) -> None:
    screen, context, delegates, forum = door
    other = first(delegates, lambda d: d.active and forum.id not in d.forums)
    scan(qtbot, context, other.code)
    forums = context.app.service.forums
    guide = screen.bar.guide.text()
    assert guide.startswith("已报名：") and "请引导至" in guide
    assert all(forums[f].name_zh in guide for f in other.forums)
    assert screen.bar.let_in.text() == "仍然放行 (F4)" and screen.bar.call.text() == "呼叫主管 (F8)"
