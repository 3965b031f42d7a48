"""The desk on a busy floor, with real widgets (offscreen), a real SQLite demo store and the real
service, in both operator languages: Enter never checks in the first of many, the field is ready
for the next name, walk-ins are checked against the roster, refusals say what to do, and the
status strip tells printer, sync, counters and operator."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.app.flow import Mode
from kiosk.app.kiosk_app import KioskApp
from kiosk.model import Action, How, Outcome
from kiosk.printing.queue import PrintQueue
from tests.ui_support import demo_template, event_clock, show_desk, store_copy
from ui.bridge import AppContext
from ui.desk.screen import DeskScreen
from ui.passes.printers import qt_printers

pytestmark = pytest.mark.timeout(600)  # a guard against a hang, not a speed limit
TEXT = {  # what each language must show (the translation is checked, not only the English)
    "en": {"choose": "people match", "last": "Last:", "probably": "This is probably", "ready": "Printer: ready",
           "today": "Today here: 1 in", "registered": "Registered for", "nosync": "Hub: not syncing"},
    "zh_CN": {"choose": "人符合", "last": "上一位：", "probably": "这位可能是", "ready": "打印机：就绪",
              "today": "今日本台：签到 1", "registered": "已报名：", "nosync": "中心：未同步"},
}  # fmt: skip


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_template(tmp_path_factory, "floor", 400)


@pytest.fixture(params=["en", "zh_CN"])
def language(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def context(qapp, demo_db: Path, tmp_path: Path, language: str) -> Iterator[AppContext]:  # type: ignore[no-untyped-def]
    from kiosk.service import CheckinService

    store = store_copy(demo_db, tmp_path)
    queue = PrintQueue(store, qt_printers().printer_for(f"pdf:{tmp_path / 'passes'}"))
    ctx = AppContext(KioskApp(store, service=CheckinService(store, event_clock(store)), print_queue=queue))
    ctx.set_language(language)
    ctx.app.update_settings(operator="李娜")
    ctx.app.flow.enter_mode(Mode.DESK, "test")
    yield ctx
    ctx.set_language("en")  # the app-wide translator is global: leave it as other tests expect
    ctx.close()
    store.close()


@pytest.fixture
def desk(qtbot, context: AppContext) -> DeskScreen:  # type: ignore[no-untyped-def]
    return show_desk(qtbot, context)  # type: ignore[no-any-return]


def search(qtbot, desk: DeskScreen, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    desk.search.selectAll()
    qtbot.keyClicks(desk.search, text)
    qtbot.waitUntil(lambda: not desk.search_timer.isActive(), timeout=60000)
    return desk.result_ids()


def journal(context: AppContext) -> list:  # type: ignore[type-arg]
    return [e for _, e in context.app.store.journal.since(0, limit=100_000)]


def test_enter_on_many_matches_checks_in_nobody_and_asks_to_choose(qtbot, desk, context, language):  # type: ignore[no-untyped-def]
    ids = search(qtbot, desk, "zh")
    assert (
        len(ids) > 2 and desk.panel.count.isVisible() and TEXT[language]["choose"] in desk.panel.count.text()
    )
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    assert TEXT[language]["choose"] in desk.banner.text()
    assert journal(context) == [] and desk.card.delegate is None


def test_enter_after_moving_into_the_list_checks_in_that_row_as_a_desk_search(qtbot, desk, context, language):  # type: ignore[no-untyped-def]
    ids = search(qtbot, desk, "zh")
    qtbot.keyClick(desk.search, Qt.Key.Key_Down)
    qtbot.keyClick(desk.search, Qt.Key.Key_Down)
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.last_decision is not None, timeout=60000)
    entry = journal(context)[-1]
    assert entry.delegate_id == ids[1] and (entry.how, entry.operator) == (How.DESK_SEARCH, "李娜")


def test_after_a_check_in_the_field_is_selected_for_the_next_name_and_the_answer_fades_to_a_last_line(qtbot, desk, context, language):  # type: ignore[no-untyped-def]  # fmt: skip
    person = next(d for d in context.app.store.roster.iter_delegates() if d.active)
    qtbot.keyClicks(desk.search, person.code)
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.last_decision is not None, timeout=60000)
    assert journal(context)[-1].how == How.TYPED
    assert desk.search.hasFocus() and desk.search.selectedText() == person.code
    assert desk.panel.last.isVisible() and TEXT[language]["last"] in desk.panel.last.text()
    assert person.name in desk.panel.last.text()
    qtbot.keyClicks(desk.search, "li")  # the next name replaces the last one, it is not appended
    assert desk.search.text() == "li"
    assert desk.banner.fade_timer.isActive()
    desk.banner.fade_timer.timeout.emit()  # the time the answer stays, without waiting for it
    qtbot.waitUntil(lambda: desk.banner.text() == "", timeout=60000)
    assert person.name in desk.panel.last.text()  # the "Last: …" line stays


def test_a_walkin_has_no_category_until_one_is_chosen(qtbot, desk, context, language):  # type: ignore[no-untyped-def]
    qtbot.keyClick(desk.search, Qt.Key.Key_F7)
    form = desk.walkin_form
    assert form.category.currentData() == "" and "*" in form.labels[-1].text()
    form.name.setText("周小六")
    form.organization.setText("西北大学")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    assert form.error.text() and context.app.store.roster.count() == 400


def fill_walkin(qtbot, desk: DeskScreen, name: str, phone: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(desk.search, Qt.Key.Key_F7)
    form = desk.walkin_form
    form.name.setText(name)
    form.organization.setText("西北大学")
    form.phone.setText(phone)
    form.category.setCurrentIndex(form.category.findData("scholar"))
    qtbot.keyClick(form.name, Qt.Key.Key_Return)


def test_a_walkin_with_a_rosters_phone_is_offered_as_that_person_and_enter_checks_them_in(qtbot, desk, context, language):  # type: ignore[no-untyped-def]  # fmt: skip
    known = next(d for d in context.app.store.roster.iter_delegates() if d.active and len(d.phone) >= 11)
    fill_walkin(qtbot, desk, "别的名字", known.phone[-11:])
    qtbot.waitUntil(lambda: desk.pages.currentWidget() is desk.duplicates, timeout=60000)
    title = desk.duplicates.title.text()
    assert TEXT[language]["probably"] in title and known.name in title and known.id in title
    qtbot.keyClick(desk.duplicates, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.last_decision is not None, timeout=60000)
    entry = journal(context)[-1]
    assert entry.delegate_id == known.id and entry.action is Action.SCAN and entry.how == How.DESK_SEARCH
    assert context.app.store.roster.count() == 400  # nobody new was registered


def test_not_them_registers_the_walkin_after_all(qtbot, desk, context, language):  # type: ignore[no-untyped-def]
    known = next(d for d in context.app.store.roster.iter_delegates() if d.active)
    fill_walkin(qtbot, desk, known.name, "")
    qtbot.waitUntil(lambda: desk.pages.currentWidget() is desk.duplicates, timeout=60000)
    qtbot.keyClick(desk.duplicates, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: desk.last_decision is not None, timeout=60000)
    entry = journal(context)[-1]
    assert entry.action is Action.WALKIN and entry.delegate_id != known.id
    assert context.app.store.roster.count() == 401


def test_a_refusal_at_a_forum_says_where_to_send_them_with_one_key_actions(qtbot, desk, context, language):  # type: ignore[no-untyped-def]
    forums = context.app.service.forums
    gate = next(f for f in forums.values() if f.kind != "main" and f.hall)
    person = next(d for d in context.app.store.roster.iter_delegates() if d.active and gate.id not in d.forums
                  and any(forums[f].hall for f in d.forums if f in forums))  # fmt: skip
    context.app.update_settings(gate=gate.id)
    context.app.service.check_in(person.code)
    qtbot.waitUntil(lambda: desk.last_decision is not None, timeout=60000)
    assert desk.last_decision.outcome is Outcome.NOT_REGISTERED
    words = desk.guidance.text.text()
    lang = "zh" if language.startswith("zh") else "en"
    assert TEXT[language]["registered"] in words
    assert all(forums[f].name(lang) in words for f in person.forums if f in forums)
    assert desk.guidance.guidance is not None and desk.guidance.guidance.send_to is not None
    assert desk.guidance.guidance.send_to.hall in words
    assert {str(s) for s in desk.guidance.buttons} == {"override", "supervisor"}
    desk.guidance.buttons[next(iter(desk.guidance.buttons))].click()  # override: asks the reason
    assert desk.pages.currentWidget() is desk.reason_form
    qtbot.keyClick(desk.search, Qt.Key.Key_F8)
    assert desk.banner.text()  # the supervisor call is said on screen


def test_the_status_strip_shows_printer_sync_todays_counts_and_the_operator(qtbot, desk, context, language):  # type: ignore[no-untyped-def]
    strip = desk.status
    qtbot.waitUntil(lambda: TEXT[language]["ready"] in strip.printer.text(), timeout=60000)
    qtbot.waitUntil(lambda: TEXT[language]["nosync"] in strip.sync.text(), timeout=60000)
    assert strip.operator.text() == "李娜"
    person = next(d for d in context.app.store.roster.iter_delegates() if d.active)
    context.app.service.check_in(person.code)
    qtbot.waitUntil(lambda: TEXT[language]["today"] in strip.counts.text(), timeout=60000)
    strip.operator.setText("Wang Fang")
    strip.operator.editingFinished.emit()
    qtbot.waitUntil(lambda: context.app.service.operator == "Wang Fang", timeout=60000)
    other = next(d for d in context.app.store.roster.iter_delegates() if d.active and d.id != person.id)
    context.app.service.check_in(other.code)
    assert journal(context)[-1].operator == "Wang Fang"


def test_a_printer_out_of_paper_says_so_with_the_passes_waiting(qtbot, desk, context, language):  # type: ignore[no-untyped-def]
    from kiosk.printing.queue import PrinterState

    context.events.printer_state.emit(PrinterState("escpos", "offline", 3, 0, "out of paper", 12.0, True))
    text = desk.status.printer.text()
    assert ("缺纸" if language == "zh_CN" else "paper out") in text and "3" in text


def test_a_cancelled_registration_names_the_date_and_the_registration_desk(qtbot, desk, context, language):  # type: ignore[no-untyped-def]
    from kiosk.importers.apply import delegate_row

    person = replace(
        next(d for d in context.app.store.roster.iter_delegates() if d.active), status="cancelled"
    )
    with context.app.store.transaction() as conn:
        context.app.store.roster.write_delegates(conn, [delegate_row(person)])
    context.app.store.roster.changed()
    context.app.service.check_in(person.code)
    qtbot.waitUntil(lambda: desk.last_decision is not None, timeout=60000)
    words = desk.guidance.text.text()
    assert ("报名处" if language == "zh_CN" else "registration desk") in words
    assert any(ch.isdigit() for ch in words)  # the date it was cancelled
