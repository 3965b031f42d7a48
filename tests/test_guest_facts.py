"""A guest's next step with real facts: when it opens, when and where a badge was used, where the help desk is."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from kiosk.app.guest import desk_number, when
from kiosk.app.intake import CodeSource
from kiosk.clock import FixedClock
from kiosk.importers.event import EventFileError, import_event, load_event_file, parse_event
from kiosk.store import Store
from tests.conftest import DEMO_EVENT
from tests.ui_support import State, close, demo_store, first, make_context, wait_state, with_language
from ui.shell.main_window import MainWindow

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_times_read_as_today_tomorrow_or_a_date_in_the_events_zone() -> None:
    now = datetime(2023, 12, 6, 1, 0, tzinfo=ZoneInfo("UTC"))  # 09:00 in Xi'an
    assert when(now - timedelta(minutes=29), now, "Asia/Shanghai").day == "today"
    assert when(now - timedelta(minutes=29), now, "Asia/Shanghai").time == "08:31"
    assert when(now + timedelta(days=1), now, "Asia/Shanghai").day == "tomorrow"
    far = when(now + timedelta(days=3), now, "Asia/Shanghai")
    assert (far.day, far.date) == ("", "12-09")


def test_desks_named_by_number_are_shown_by_their_number() -> None:
    assert desk_number("desk-1") == "1" and desk_number("kiosk-12") == "12"
    assert desk_number("main hall east") is None


def test_the_event_file_carries_the_help_desk_logo_and_colour_into_the_store(tmp_path: Path) -> None:
    store = Store(tmp_path / "kiosk.sqlite")
    import_event(store, DEMO_EVENT)
    event = store.roster.event()
    assert event is not None
    assert "Hall A" in event.help_desk("en") and "A 馆" in event.help_desk("zh")
    assert event.logo_svg.startswith("<svg") and event.color == "#0B3D91"
    store.close()
    assert Store(tmp_path / "kiosk.sqlite").roster.event() == event  # kept across a restart


@pytest.mark.parametrize(
    ("brand", "error"),
    [({"color": "blue"}, "#RRGGBB"), ({"logo_svg": "not an image"}, "SVG"), ({"help_desk_en": 3}, "not text"),
     ("a string", "not an object")],
)  # fmt: skip
def test_a_bad_brand_in_the_event_file_is_refused_in_one_line(brand: Any, error: str) -> None:
    data = json.loads(DEMO_EVENT.read_text(encoding="utf-8"))
    data["brand"] = brand
    with pytest.raises(EventFileError, match=error):
        parse_event(data)


def test_a_logo_the_event_file_names_but_cannot_be_read_is_left_out_and_logged(
    tmp_path: Path, caplog: Any
) -> None:
    caplog.set_level("INFO")
    data = json.loads(DEMO_EVENT.read_text(encoding="utf-8"))
    data["brand"]["logo"] = "missing.svg"
    path = tmp_path / "event.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    event = parse_event(load_event_file(path))[0]
    assert event.logo_svg == "" and event.help_desk("en")
    assert "cannot read the logo 'missing.svg'" in caplog.text


@pytest.fixture
def kiosk(qtbot: Any, tmp_path: Path) -> Any:
    store, delegates = demo_store(tmp_path)
    context = make_context(store, tmp_path)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    yield window, context, delegates
    close(window, context)


def _result(window: MainWindow) -> Any:
    from kiosk.app.flow import Mode

    return window.screens[Mode.SELFSERVICE].result  # type: ignore[attr-defined]


def test_a_refusal_says_where_the_help_desk_is_in_both_languages(kiosk: Any, qtbot: Any) -> None:
    window, context, _ = kiosk
    context.app.intake.submit("NO-SUCH-BADGE", CodeSource.SCANNER)
    wait_state(qtbot, context, State.RESULT)
    advice = _result(window).advice
    assert "left of the Hall A entrance" in advice.first and "A 馆入口左侧" in advice.second


def test_already_checked_in_says_today_at_which_desk(kiosk: Any, qtbot: Any) -> None:
    window, context, delegates = kiosk
    guest = with_language(context.app.store, first(delegates, lambda d: d.active), "en")
    context.app.passes.reprint_minutes = 0
    context.app.intake.submit(guest.code, CodeSource.SCANNER)
    wait_state(qtbot, context, State.PRINTING)
    admitted_at = context.app.service.clock.now().astimezone(SHANGHAI).strftime("%H:%M")
    context.app.flow.fire("reset", "next")
    context.app.intake.submit(guest.code, CodeSource.SCANNER)
    wait_state(qtbot, context, State.RESULT)
    advice = _result(window).advice
    assert f"checked in today {admitted_at} at Desk 1" in advice.first
    assert f"今天 {admitted_at}" in advice.second and "1 号服务台" in advice.second


def test_too_early_at_a_forum_door_says_when_it_opens(qtbot: Any, tmp_path: Path) -> None:
    store, delegates = demo_store(tmp_path)
    forum = next(f for f in store.roster.forums() if f.starts_at is not None and f.kind != "main")
    assert forum.starts_at is not None
    context = make_context(store, tmp_path, clock=FixedClock(forum.starts_at - timedelta(hours=3)))
    context.app.update_settings(gate=forum.id)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    try:
        guest = with_language(store, first(delegates, lambda d: d.active and forum.id in d.forums), "en")
        context.app.intake.submit(guest.code, CodeSource.SCANNER)
        wait_state(qtbot, context, State.RESULT)
        assert context.app.service.gate.opens_before < timedelta(hours=3)
        opens = (
            (forum.starts_at - context.app.service.gate.opens_before).astimezone(SHANGHAI).strftime("%H:%M")
        )
        advice = _result(window).advice
        assert f"Check-in opens today {opens}" in advice.first and f"今天 {opens}" in advice.second
    finally:
        close(window, context)
