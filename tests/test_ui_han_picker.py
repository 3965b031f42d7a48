"""On the guest's name search: type pinyin, tap the character, and the name is found in characters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk.app.flow import Mode
from kiosk.names import syllables
from tests.ui_support import State, close, demo_store, first, make_context
from ui.shell.main_window import MainWindow


def test_a_guest_types_pinyin_picks_each_character_and_finds_their_name(qtbot: Any, tmp_path: Path) -> None:
    store, delegates = demo_store(tmp_path, 200)
    context = make_context(store, tmp_path, language="en")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    page = window.screens[Mode.SELFSERVICE].search
    try:
        context.app.flow.fire("search", "guest has no QR code")
        assert context.app.flow.state is State.SEARCH
        guest = first(delegates, lambda d: d.active and len(d.name) == 3)
        qtbot.waitUntil(lambda: page._picker is not None, timeout=60000)
        for char, reading in zip(guest.name, syllables(guest.name), strict=True):
            for letter in reading:
                page.keyboard.typed.emit(letter)
            assert page.han.isVisible()
            for _ in range(20):  # the roster may have more characters read this way: turn the page
                if char in [b.text() for b in page.han.buttons if b.isVisible()]:
                    break
                page.han.next_page.click()
            next(b for b in page.han.buttons if b.text() == char).click()
        assert page.text == guest.name and not page.han.isVisible()
        qtbot.waitUntil(lambda: page.results.count() > 0, timeout=60000)
        shown = [page.results.item(i).data(0x0100).id for i in range(page.results.count())]
        assert guest.id in shown
        names = [b.accessibleName() for b in page.han.buttons]
        assert guest.name not in " ".join(names)  # characters are offered, never a name
    finally:
        close(window, context)
