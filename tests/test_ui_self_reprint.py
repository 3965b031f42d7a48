"""The screen a guest sees when a re-scan reprints their pass: its own title, in both languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from kiosk.app.flow import Mode
from kiosk.app.guest import Look
from kiosk.app.intake import CodeSource
from tests.ui_support import State, close, demo_store, first, make_context, wait_state, with_language
from ui.shell.main_window import MainWindow


@pytest.fixture
def kiosk(qtbot: Any, tmp_path: Path) -> Any:
    store, delegates = demo_store(tmp_path, 40)
    context = make_context(store, tmp_path, language="zh_CN")
    window = MainWindow(context, lockdown=False)
    qtbot.addWidget(window)
    window.show()
    yield window.screens[Mode.SELFSERVICE], context, delegates
    close(window, context)


def _scan(qtbot: Any, context: Any, code: str, *states: State) -> None:
    before = len(context.app.store.journal.since(0))
    context.app.intake.submit(code, CodeSource.SCANNER)
    qtbot.waitUntil(lambda: len(context.app.store.journal.since(0)) > before, timeout=60000)
    wait_state(qtbot, context, *states, timeout=60000)


@pytest.mark.parametrize("language", ["zh", "en"])
def test_a_reprint_on_a_re_scan_says_the_pass_is_printing_again_not_already_checked_in(
    kiosk: Any, qtbot: Any, language: str
) -> None:
    page, context, delegates = kiosk
    guest = with_language(context.app.store, first(delegates, lambda d: d.active), language)
    _scan(qtbot, context, guest.code, State.PRINTING)
    page.dismiss_timer.timeout.emit()
    _scan(qtbot, context, guest.code, State.PRINTING)  # the pass did not come out: printed again
    result = page.result
    titles = {"zh": "正在为您重新打印通行证", "en": "Your pass is being printed again"}
    other = "en" if language == "zh" else "zh"
    assert (result.title.first, result.title.second) == (titles[language], titles[other])
    assert result.icon.look is Look.DONE and "help desk" in result.advice.plain()
    chinese = result.advice.first if language == "zh" else result.advice.second
    assert "请到服务台。服务台位置" in chinese  # where it is, with no stray space between the sentences
    shown = result.title.plain() + result.advice.plain()
    assert "Already checked in" not in shown and "已签到过" not in shown
    page.dismiss_timer.timeout.emit()
    _scan(qtbot, context, guest.code, State.RESULT)  # once only: the next re-scan goes to the desk
    assert "Already checked in" in result.title.plain() and "已签到过" in result.title.plain()
