"""Self-service on the real window: results, passes, name search, lockdown, PIN, USB scanner."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk import security
from kiosk.app.guest import Look
from kiosk.app.intake import CodeSource
from kiosk.model import Action, Outcome
from kiosk.names import latin_name
from tests.ui_support import State, close, demo_store, first, make_context, wait_state, with_language
from ui.shell.main_window import MainWindow
from ui.shell.sounds import Sounds
from ui.widgets.outcome_text import GREEN, RED


@pytest.fixture
def kiosk(qtbot: Any, tmp_path: Path) -> Any:
    store, delegates = demo_store(tmp_path)
    context = make_context(store, tmp_path)
    context.sounds = Sounds(context)
    window = MainWindow(context, lockdown=True)
    qtbot.addWidget(window)
    window.show()
    yield window, context, delegates
    close(window, context)


def screen(window: MainWindow) -> Any:
    from kiosk.app.flow import Mode

    return window.screens[Mode.SELFSERVICE]


def test_an_admitted_guest_sees_green_with_their_forums_and_the_pass_prints(kiosk: Any, qtbot: Any,
                                                                            tmp_path: Path) -> None:  # fmt: skip
    window, context, delegates = kiosk
    guest = with_language(
        context.app.store, first(delegates, lambda d: d.active and d.language == "zh"), "en"
    )
    context.app.intake.submit(guest.code, CodeSource.SCANNER)
    wait_state(qtbot, context, State.PRINTING)
    result = screen(window).result
    assert result.color == GREEN and result.icon.look is Look.WELCOME
    assert result.word.first == "WELCOME" and result.title.first == latin_name(guest.name, guest.name_en)
    forum_names = result.forums.first
    assert all(context.app.service.forums[f].name_en in forum_names for f in guest.forums)
    qtbot.waitUntil(lambda: "take your pass" in result.status.first, timeout=60000)
    qtbot.waitUntil(lambda: len(list((tmp_path / "passes").glob("pass-*.pdf"))) == 1, timeout=60000)
    vip = context.app.categories()[guest.category].vip
    assert context.sounds.played == ["vip" if vip else "admitted"]


def test_a_refusal_stays_eight_seconds_with_an_ok_and_a_welcome_three(kiosk: Any, qtbot: Any) -> None:
    window, context, delegates = kiosk
    context.app.update_settings(reset_seconds=8)
    page = screen(window)
    context.app.intake.submit("NO-SUCH-BADGE", CodeSource.SCANNER)
    wait_state(qtbot, context, State.RESULT)
    assert page.dismiss_timer.isActive() and page.dismiss_timer.interval() == 8000
    assert page.result.ok.isVisibleTo(page.result)
    page.dismiss_timer.timeout.emit()  # the time is up (no waiting on the wall clock)
    assert context.app.flow.state is State.IDLE and page.pages.currentWidget() is page.attract
    guest = first(delegates, lambda d: d.active)
    context.app.intake.submit(guest.code, CodeSource.SCANNER)
    wait_state(qtbot, context, State.PRINTING)
    assert page.dismiss_timer.interval() == 3000 and not page.result.ok.isVisibleTo(page.result)


def test_a_tap_anywhere_on_a_result_dismisses_it(kiosk: Any, qtbot: Any) -> None:
    window, context, _ = kiosk
    page = screen(window)
    context.app.intake.submit("NO-SUCH-BADGE", CodeSource.SCANNER)
    wait_state(qtbot, context, State.RESULT)
    qtbot.mouseClick(page.result, Qt.MouseButton.LeftButton)
    assert context.app.flow.state is State.IDLE
    context.app.intake.submit("NO-SUCH-BADGE", CodeSource.SCANNER)
    wait_state(qtbot, context, State.RESULT)
    qtbot.mouseClick(page.result.ok, Qt.MouseButton.LeftButton)
    assert context.app.flow.state is State.IDLE


def test_a_cancelled_registration_is_not_announced_to_the_queue(kiosk: Any, qtbot: Any) -> None:
    window, context, delegates = kiosk
    cancelled = with_language(context.app.store, first(delegates, lambda d: not d.active), "en")
    context.app.intake.submit(cancelled.code, CodeSource.SCANNER)
    wait_state(qtbot, context, State.RESULT)
    result = screen(window).result
    shown = " ".join(label.plain() for label in (result.word, result.title, result.advice, result.status))
    assert result.color == RED and result.icon.look is Look.STAFF
    assert "SEE STAFF" in shown and "help desk" in shown
    assert "cancel" not in shown.lower() and "取消" not in shown
    for name in (cancelled.name, cancelled.name_en, latin_name(cancelled.name, cancelled.name_en)):
        assert not name or name not in shown
    context.app.intake.submit("NO-SUCH-BADGE", CodeSource.SCANNER)
    qtbot.waitUntil(lambda: "not recognised" in result.title.first, timeout=60000)
    assert "无法识别" in result.title.second  # a badge problem, not a personal one: said in both languages
    assert context.sounds.played == ["refused", "refused"]


def test_a_guest_without_a_code_finds_their_name_and_confirms_with_the_phone_tail(
    kiosk: Any, qtbot: Any
) -> None:
    window, context, delegates = kiosk
    guest = first(delegates, lambda d: d.active and d.language == "zh" and len(d.name) == 3)
    page = screen(window)
    qtbot.mouseClick(page.attract.no_code, Qt.MouseButton.LeftButton)
    assert context.app.flow.state is State.SEARCH
    from kiosk.names import syllables

    page.search.type_text("".join(syllables(guest.name)))
    assert guest.phone[-4:] not in page.confirm.digits.text()
    qtbot.waitUntil(lambda: _row_of(page.search, guest.id) is not None, timeout=60000)
    row = _row_of(page.search, guest.id)
    page.search.results.itemClicked.emit(page.search.results.item(row))
    assert context.app.flow.state is State.CONFIRM
    for digit in guest.phone[-4:-1]:
        page.confirm.keypad.typed.emit(digit)
    assert page.confirm.digits.text() == "● ● ● ○"  # the digits are never shown
    page.confirm.keypad.typed.emit(guest.phone[-1])
    wait_state(qtbot, context, State.RESULT, State.PRINTING)
    assert page.last_decision.delegate.id == guest.id and page.last_decision.admitted


def test_a_badge_shown_during_the_name_search_waits_for_the_guest_to_ask_for_it(
    kiosk: Any, qtbot: Any
) -> None:
    window, context, delegates = kiosk
    stranger = first(delegates, lambda d: d.active)
    page = screen(window)
    qtbot.mouseClick(page.attract.no_code, Qt.MouseButton.LeftButton)
    page.search.type_text("zhang")
    typed = page.search.query.text()
    context.app.intake.submit(stranger.code, CodeSource.CAMERA)  # the next person's phone in view
    qtbot.waitUntil(page.held.isVisible, timeout=3000)
    assert context.app.flow.state is State.SEARCH and page.search.query.text() == typed == "zhang"
    assert context.app.store.journal.count() == 0
    qtbot.mouseClick(page.held, Qt.MouseButton.LeftButton)
    wait_state(qtbot, context, State.RESULT, State.PRINTING)
    assert page.last_decision.code == stranger.code and not page.held.isVisible()


def test_three_wrong_phone_tails_lock_the_name_even_after_going_back(kiosk: Any, qtbot: Any) -> None:
    window, context, delegates = kiosk
    guest = first(delegates, lambda d: d.active)
    page = screen(window)
    context.app.flow.fire("search", "test")
    page.search.picked.emit(guest)
    wrong = "0000" if guest.phone[-4:] != "0000" else "1111"
    page.confirm.confirmed.emit(wrong)
    assert "Tries left: 2" in page.confirm.warning.plain() and "剩余次数：2" in page.confirm.warning.plain()
    page.confirm.cancelled.emit()  # back to the search, and the same name again
    page.search.picked.emit(guest)
    assert context.app.flow.state is State.CONFIRM
    page.confirm.confirmed.emit(wrong)
    page.confirm.confirmed.emit(wrong)
    assert context.app.flow.state is State.SEND_TO_DESK
    assert "help desk" in page.result.title.plain() and "服务台" in page.result.title.plain()
    context.app.flow.fire("reset", "next guest")
    context.app.flow.fire("search", "the same guest tries again")
    page.search.picked.emit(guest)
    assert context.app.flow.state is State.SEND_TO_DESK  # locked: no fourth try
    entries = [e for _, e in context.app.store.journal.since(0)]
    assert [e.delegate_id for e in entries if e.action is Action.PHONE_FAILURE] == [guest.id] * 3
    assert not any(e.outcome is Outcome.ADMITTED for e in entries)  # nobody was checked in


def test_escape_keys_and_closing_do_nothing_in_self_service(kiosk: Any, qtbot: Any) -> None:
    window, context, _ = kiosk
    assert window.isFullScreen()
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    QTest.keyClick(window, Qt.Key.Key_Escape)
    QTest.keyClick(window, Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier)
    QTest.keyClick(window, Qt.Key.Key_Tab, Qt.KeyboardModifier.AltModifier)
    assert window.close() is False
    qtbot.wait(50)
    assert window.isVisible() and window.isFullScreen()
    assert context.app.flow.state is State.IDLE


def _row_of(search_page: Any, delegate_id: str) -> int | None:
    for row in range(search_page.results.count()):
        delegate = search_page.results.item(row).data(Qt.ItemDataRole.UserRole)
        if delegate is not None and delegate.id == delegate_id:
            return row
    return None


@pytest.mark.slow
def test_five_wrong_pins_lock_entry_for_a_minute_and_are_journalled(kiosk: Any, qtbot: Any) -> None:
    from kiosk.app.flow import Mode

    window, context, _ = kiosk
    security.set_pin(context.app.store, "2468")
    window.ask_pin()
    dialog = window.pin_dialog
    for _ in range(5):
        dialog.field.setText("1111")
        with qtbot.waitSignal(dialog.checked, timeout=60000):
            dialog.submit()
    assert "locked for 1 min, until" in dialog.message.text()
    dialog.field.setText("2468")
    with qtbot.waitSignal(dialog.checked, timeout=60000) as blocker:
        dialog.submit()
    assert not blocker.args[0].ok  # even the right PIN waits out the minute
    assert context.app.flow.mode is Mode.SELFSERVICE
    failures = [e for _, e in context.app.store.journal.since(0) if e.action is Action.PIN_FAILURE]
    assert len(failures) == 5
    context.app.service.clock.advance(minutes=1, seconds=1)
    dialog.field.setText("2468")
    with qtbot.waitSignal(dialog.checked, timeout=60000):
        dialog.submit()
    assert context.app.flow.mode is Mode.ADMIN
    assert not window.isFullScreen()


def test_a_usb_scanner_checks_in_without_any_focused_field(kiosk: Any, qtbot: Any) -> None:
    window, context, delegates = kiosk
    guest = first(delegates, lambda d: d.active)
    QTest.keyClicks(window, guest.code)  # a scanner types a whole code in a few milliseconds…
    QTest.keyClick(window, Qt.Key.Key_Return)  # …and ends it with Enter
    wait_state(qtbot, context, State.RESULT, State.PRINTING)
    assert screen(window).last_decision.delegate.id == guest.id


def test_keys_typed_at_human_speed_are_not_a_scanned_code(kiosk: Any, qtbot: Any) -> None:
    window, context, delegates = kiosk
    guest = first(delegates, lambda d: d.active)
    clock = iter(range(1000))
    window.scanner.clock = lambda: next(clock) * 0.15  # 150 ms between keys
    QTest.keyClicks(window, guest.code)
    QTest.keyClick(window, Qt.Key.Key_Return)
    qtbot.wait(200)
    assert context.app.flow.state is State.IDLE
    assert context.app.store.journal.count() == 0


def test_a_printer_that_is_down_keeps_the_job_and_says_so(qtbot: Any, tmp_path: Path) -> None:
    store, delegates = demo_store(tmp_path)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the pass folder should be")
    context = make_context(store, tmp_path, printer_dir=blocked)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    try:
        guest = with_language(store, first(delegates, lambda d: d.active), "en")
        context.app.intake.submit(guest.code, CodeSource.SCANNER)
        wait_state(qtbot, context, State.PRINTING)
        result = screen(window).result
        qtbot.waitUntil(lambda: "printed at the help desk" in result.status.first, timeout=60000)
        waiting = context.app.print_queue.jobs.in_state("queued")
        assert len(waiting) == 1 and context.app.print_queue.state().status == "offline"
    finally:
        close(window, context)


def test_starting_in_admin_mode_still_asks_for_the_pin(qtbot: Any, tmp_path: Path) -> None:
    from kiosk.app.flow import Mode

    store, _ = demo_store(tmp_path)
    context = make_context(store, tmp_path, mode="admin")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    try:
        assert context.app.flow.mode is Mode.SELFSERVICE
        qtbot.waitUntil(
            lambda: hasattr(window, "pin_dialog") and window.pin_dialog.isVisible(), timeout=60000
        )
    finally:
        close(window, context)


def test_a_fresh_install_asks_for_an_admin_pin_twice(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from PySide6.QtWidgets import QInputDialog

    from ui.shell.first_start import ensure_pin

    store, _ = demo_store(tmp_path)
    context = make_context(store, tmp_path)
    answers = iter([("1357", True), ("1357", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: next(answers))
    try:
        assert not security.has_pin(store)
        assert ensure_pin(context) is True
        assert security.PinGuard(store, context.app.service.clock).check("1357").ok
    finally:
        close(None, context)


def test_every_screen_warns_of_a_wrong_clock_and_of_rehearsal_mode(qtbot: Any, tmp_path: Path) -> None:
    from datetime import timedelta

    from kiosk.clock import FixedClock

    store, _ = demo_store(tmp_path)
    event = store.roster.event()
    assert event is not None
    store.set_rehearsal(True)
    context = make_context(store, tmp_path, clock=FixedClock(event.ends_at + timedelta(days=30)))
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    try:
        qtbot.waitUntil(
            lambda: window.clock_banner.isVisible() and window.rehearsal_banner.isVisible(), timeout=60000
        )
        assert "Check the clock" in window.clock_banner.text()
        assert "REHEARSAL" in window.rehearsal_banner.text()
    finally:
        close(window, context)
