"""The help desk with real widgets (offscreen), a real SQLite demo store and the real service."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.app.flow import Mode, State
from kiosk.app.kiosk_app import KioskApp
from kiosk.model import Action, Delegate, Outcome
from kiosk.names import has_han, syllables
from kiosk.printing.queue import PrintQueue
from tests.ui_support import demo_template, show_desk, store_copy
from ui.bridge import AppContext
from ui.desk.screen import DeskScreen
from ui.passes.printers import qt_printers
from ui.screenshots.desk_states import stage

pytestmark = pytest.mark.timeout(600)  # a guard against a hang, not a speed limit


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_template(tmp_path_factory, "desk", 400)


@pytest.fixture
def context(qapp, demo_db: Path, tmp_path: Path) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    store = store_copy(demo_db, tmp_path)
    queue = PrintQueue(store, qt_printers().printer_for(f"pdf:{tmp_path / 'passes'}"))
    ctx = AppContext(KioskApp(store, print_queue=queue))
    ctx.set_language("en")  # the app-wide translator is global: every test starts from English
    ctx.app.flow.enter_mode(Mode.DESK, "test")
    yield ctx
    ctx.set_language("en")  # leave the app as other tests expect it
    ctx.close()
    store.close()


@pytest.fixture
def desk(qtbot, context: AppContext) -> DeskScreen:  # type: ignore[no-untyped-def]
    return show_desk(qtbot, context)  # type: ignore[no-any-return]


def a_delegate(context: AppContext, active: bool = True, chinese: bool = True) -> Delegate:
    for d in context.app.store.roster.iter_delegates():
        if d.active == active and has_han(d.name) == chinese and len(d.phone) >= 4:
            return d
    raise AssertionError("demo roster has no such delegate")


def entries(context: AppContext, delegate_id: str, action: Action) -> list:  # type: ignore[type-arg]
    return [e for e in context.app.store.journal.for_delegate(delegate_id) if e.action is action]


def choose(qtbot, desk: DeskScreen, delegate: Delegate) -> None:  # type: ignore[no-untyped-def]
    desk.search.clear()
    assert delegate.id in searched(qtbot, desk, delegate.name)
    desk.results.setCurrentRow(desk.result_ids().index(delegate.id))
    assert desk.card.delegate is not None and desk.card.delegate.id == delegate.id


def searched(qtbot, desk: DeskScreen, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Type into the search field and return the result ids once the search has run."""
    if text.isascii():
        qtbot.keyClicks(desk.search, text)
    else:
        desk.search.setText(text)  # QTest types ASCII only; a Chinese IME commits whole words
    qtbot.waitUntil(lambda: not desk.search_timer.isActive(), timeout=60000)
    return desk.result_ids()


def give_reason(qtbot, desk: DeskScreen, reason: str) -> None:  # type: ignore[no-untyped-def]
    assert desk.pages.currentWidget() is desk.reason_form
    qtbot.keyClicks(desk.reason_form.reason, reason)
    qtbot.keyClick(desk.reason_form.reason, Qt.Key.Key_Return)


def test_search_as_you_type_finds_by_pinyin_initials_and_phone_tail(qtbot, desk, context):  # type: ignore[no-untyped-def]
    delegate = a_delegate(context)
    initials = "".join(p[0] for p in syllables(delegate.name))
    assert delegate.id in searched(qtbot, desk, initials)
    desk.search.clear()
    assert searched(qtbot, desk, "") == []
    assert delegate.id in searched(qtbot, desk, delegate.phone[-4:])
    assert delegate.phone[-4:] in desk.results.item(desk.result_ids().index(delegate.id)).text()


def test_enter_on_a_scanned_code_checks_in_and_shows_the_card(qtbot, desk, context):  # type: ignore[no-untyped-def]
    delegate = a_delegate(context)
    qtbot.keyClicks(desk.search, delegate.code)
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.last_decision is not None, timeout=60000)
    assert desk.last_decision.outcome is Outcome.ADMITTED
    assert desk.card.delegate is not None and desk.card.delegate.id == delegate.id
    assert context.app.flow.state is State.CARD
    assert desk.card.history.rowCount() == 1


def test_a_refusal_is_explained_in_plain_words(qtbot, desk, context):  # type: ignore[no-untyped-def]
    delegate = a_delegate(context)
    first = context.app.service.check_in(delegate.code)
    choose(qtbot, desk, delegate)
    qtbot.keyClick(desk.search, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: desk.last_decision.checkin_id != first.checkin_id, timeout=60000)
    assert desk.last_decision.outcome is Outcome.ALREADY_CHECKED_IN
    assert "Already checked in" in desk.banner.text() and "desk-1" in desk.banner.text()


def test_a_reprint_lands_in_the_journal_with_its_reason_and_queues_a_pass(qtbot, desk, context):  # type: ignore[no-untyped-def]
    delegate = a_delegate(context)
    choose(qtbot, desk, delegate)
    qtbot.keyClick(desk.search, Qt.Key.Key_F3)
    give_reason(qtbot, desk, "pass left in taxi")
    qtbot.waitUntil(lambda: bool(entries(context, delegate.id, Action.REPRINT)), timeout=60000)
    assert entries(context, delegate.id, Action.REPRINT)[0].reason == "pass left in taxi"
    qtbot.waitUntil(lambda: "printer again" in desk.banner.text(), timeout=60000)
    jobs = context.app.print_queue.jobs.jobs()
    assert [job.reason for job in jobs] == ["pass left in taxi"]


def test_a_reason_is_required(qtbot, desk, context):  # type: ignore[no-untyped-def]
    delegate = a_delegate(context)
    choose(qtbot, desk, delegate)
    qtbot.keyClick(desk.search, Qt.Key.Key_F3)
    qtbot.keyClick(desk.reason_form.reason, Qt.Key.Key_Return)
    assert "reason" in desk.reason_form.error.text()
    assert entries(context, delegate.id, Action.REPRINT) == []


def test_an_override_admits_a_refused_delegate_with_its_reason(qtbot, desk, context):  # type: ignore[no-untyped-def]
    cancelled = a_delegate(context, active=False)
    qtbot.keyClicks(desk.search, cancelled.code)
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.last_decision is not None, timeout=60000)
    assert desk.last_decision.outcome is Outcome.REVOKED
    assert "cancelled" in desk.banner.text()
    qtbot.keyClick(desk.search, Qt.Key.Key_F4)
    assert context.app.flow.state is State.OVERRIDE
    assert "cancelled" in desk.reason_form.explanation.text()
    give_reason(qtbot, desk, "organiser approved at 9:05")
    qtbot.waitUntil(lambda: bool(entries(context, cancelled.id, Action.OVERRIDE)), timeout=60000)
    override = entries(context, cancelled.id, Action.OVERRIDE)[0]
    assert override.reason == "organiser approved at 9:05" and override.outcome is Outcome.ADMITTED
    qtbot.waitUntil(lambda: desk.last_decision.admitted, timeout=60000)
    assert context.app.store.journal.history(cancelled.id, "entrance", False).first_admission is not None


def test_a_void_lets_the_delegate_check_in_again(qtbot, desk, context):  # type: ignore[no-untyped-def]
    delegate = a_delegate(context)
    first = context.app.service.check_in(delegate.code)
    choose(qtbot, desk, delegate)
    qtbot.keyClick(desk.search, Qt.Key.Key_F5)
    give_reason(qtbot, desk, "wrong person")
    qtbot.waitUntil(lambda: bool(entries(context, delegate.id, Action.VOID)), timeout=60000)
    assert entries(context, delegate.id, Action.VOID)[0].voids == first.checkin_id
    qtbot.waitUntil(lambda: "again" in desk.banner.text(), timeout=60000)
    qtbot.keyClick(desk.search, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: desk.last_decision is not None and desk.last_decision.checkin_id != first.checkin_id,
                    timeout=60000)  # fmt: skip
    assert desk.last_decision.outcome is Outcome.ADMITTED


def test_a_new_badge_supersedes_the_old_code(qtbot, desk, context):  # type: ignore[no-untyped-def]
    delegate = a_delegate(context)
    choose(qtbot, desk, delegate)
    qtbot.keyClick(desk.search, Qt.Key.Key_F6)
    give_reason(qtbot, desk, "badge lost")
    qtbot.waitUntil(lambda: bool(entries(context, delegate.id, Action.REISSUE)), timeout=60000)
    qtbot.waitUntil(lambda: desk.card.delegate is not None and desk.card.delegate.code != delegate.code,
                    timeout=60000)  # fmt: skip
    assert context.app.service.check_in(delegate.code).outcome is Outcome.REVOKED


def test_a_walkin_gets_a_code_and_is_admitted(qtbot, desk, context):  # type: ignore[no-untyped-def]
    qtbot.keyClick(desk.search, Qt.Key.Key_F7)
    form = desk.walkin_form
    assert desk.pages.currentWidget() is form
    form.name.setText("李明月")
    form.organization.setText("西北大学")
    form.category.setCurrentIndex(form.category.findData("scholar"))
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.last_decision is not None, timeout=60000)
    decision = desk.last_decision
    assert decision.admitted and decision.delegate is not None
    walkin = context.app.store.roster.delegate(decision.delegate.id)
    assert walkin is not None and walkin.name == "李明月" and walkin.code
    assert context.app.store.roster.lookup(walkin.code) is not None
    assert entries(context, walkin.id, Action.WALKIN)[0].outcome is Outcome.ADMITTED
    assert walkin.id in [d.id for d in context.app.search.search("lmy")]


def test_a_walkin_without_a_name_is_not_registered(qtbot, desk, context):  # type: ignore[no-untyped-def]
    before = context.app.store.roster.count()
    qtbot.keyClick(desk.search, Qt.Key.Key_F7)
    qtbot.keyClick(desk.walkin_form.name, Qt.Key.Key_Return)
    assert "name" in desk.walkin_form.error.text()
    assert context.app.store.roster.count() == before


def test_a_vip_arrival_raises_a_notice_for_protocol_staff(qtbot, desk, context):  # type: ignore[no-untyped-def]
    vips = {c.id for c in context.app.store.roster.categories() if c.vip}
    vip = next(d for d in context.app.store.roster.iter_delegates() if d.category in vips and d.active)
    context.app.service.check_in(vip.code)
    assert desk.vip.isVisible() and vip.name in desk.vip.label.text()
    desk.vip.ok.click()
    assert not desk.vip.isVisible()


def test_staged_states_for_the_screenshots(qtbot, desk, context):  # type: ignore[no-untyped-def]
    stage(desk, "card")
    assert desk.card.delegate is not None and desk.card.notes.text()
    stage(desk, "override")
    assert desk.pages.currentWidget() is desk.reason_form and desk.reason_form.reason.text()
    stage(desk, "refused")
    assert desk.last_decision.outcome is Outcome.NOT_REGISTERED and desk.guidance.text.text()
    stage(desk, "supervisor")
    assert "138 0000 1234" in desk.banner.text() and context.app.settings.supervisor_phone == "138 0000 1234"
    stage(desk, "walkin-duplicate")
    assert desk.pages.currentWidget() is desk.duplicates and desk.duplicates.found
    assert "phone" in desk.duplicates.found[0].same and desk.status.counts.text()


def test_switching_language_retranslates_the_desk(qtbot, desk, context):  # type: ignore[no-untyped-def]
    stage(desk, "card")
    context.set_language("en")
    assert desk.buttons["checkin"].text() == "Check in  [F2]"
    assert desk.card.forums_title.text() == "Forums"
    context.set_language("zh_CN")
    assert desk.buttons["checkin"].text() == "签到  [F2]"
    assert desk.card.forums_title.text() == "论坛"


def test_arrow_keys_choose_among_results_and_esc_clears(qtbot, desk, context):  # type: ignore[no-untyped-def]
    ids = searched(qtbot, desk, "zh")
    assert len(ids) > 2 and desk.card.delegate is None  # many matches: nobody is chosen for the volunteer
    qtbot.keyClick(desk.search, Qt.Key.Key_Down)
    qtbot.keyClick(desk.search, Qt.Key.Key_Down)
    qtbot.keyClick(desk.search, Qt.Key.Key_Down)
    assert desk.card.delegate.id == ids[2]
    qtbot.keyClick(desk.search, Qt.Key.Key_Up)
    assert desk.card.delegate.id == ids[1]
    assert desk.search.hasFocus()
    qtbot.keyClick(desk.search, Qt.Key.Key_Escape)
    assert desk.search.text() == "" and desk.card.delegate is None
    assert not desk.buttons["reprint"].isEnabled() and desk.buttons["walkin"].isEnabled()


def test_an_unknown_code_is_explained_and_clears_the_card(qtbot, desk, context):  # type: ignore[no-untyped-def]
    choose(qtbot, desk, a_delegate(context))
    desk.search.clear()
    qtbot.keyClicks(desk.search, "NOSUCHBADGE42")
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.last_decision is not None, timeout=60000)
    assert desk.last_decision.outcome is Outcome.UNKNOWN_BADGE
    assert "walk-in" in desk.banner.text() and desk.card.delegate is None
