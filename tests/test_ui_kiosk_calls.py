"""The desk sees a guest's Help call and wrong phone digits at a kiosk, translated, naming the
kiosk and the time and never the guest; "On my way" acknowledges it; the card's history names
the wrong-digit entries in words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.app.guest import call_help
from kiosk.app.phone_check import PhoneTries
from kiosk.service import CheckinService
from tests.ui_support import close, demo_store, first, make_context, show_desk


@pytest.mark.parametrize(("language", "help_text", "phone_text", "history"), [
    ("en", "A guest at Kiosk 3 asks for help", "Wrong phone digits at Kiosk 3", "wrong phone digits"),
    ("zh_CN", "3 号自助机有来宾请求帮助", "3 号自助机手机尾号输错", "手机尾号错误"),
])  # fmt: skip
def test_a_help_call_and_wrong_digits_at_a_kiosk_reach_the_desk_without_the_guest(
    qtbot: Any, tmp_path: Path, language: str, help_text: str, phone_text: str, history: str
) -> None:
    store, delegates = demo_store(tmp_path, 40)
    context = make_context(store, tmp_path, language=language, mode="desk")
    desk = show_desk(qtbot, context)
    try:
        notice = desk.kiosk_calls
        assert not notice.isVisible()
        kiosk = CheckinService(store, context.app.service.clock, desk="kiosk-3")
        guest = first(delegates, lambda d: d.active and d.phone)
        call_help(kiosk)
        PhoneTries(kiosk).check(guest, "0000" if not guest.phone.endswith("0000") else "1111")
        notice.refresh()
        qtbot.waitUntil(lambda: len(notice.lines) == 2, timeout=60000)
        assert notice.isVisible()
        texts = [label.text() for _, label, _ in notice.lines]
        when = context.app.service.clock.now().astimezone(desk.tz).strftime("%H:%M")
        assert help_text in texts[0] and phone_text in texts[1] and all(when in t for t in texts)
        assert not any(guest.name in t or guest.phone[-4:] in t for t in texts)  # never who
        notice.lines[0][2].click()  # "On my way"
        assert [label.text() for _, label, _ in notice.lines] == texts[1:]
        notice.lines[0][2].click()
        assert not notice.isVisible()
        desk.show_delegate(guest)
        table = desk.card.history
        cells = [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())
                 if table.item(r, c) is not None]  # fmt: skip
        assert history in cells and "phone_failure" not in cells  # in words, not the raw action name
        assert not any("self-service (" in c for c in cells)  # nor the English line the kiosk logged
    finally:
        close(None, context)
