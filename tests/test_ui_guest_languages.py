"""Both languages on every guest-facing text: each self-service state, on a zh and on an en kiosk.

The walk collects what a guest can read (labels, buttons, the banners, the splash, the painted
camera message) and fails on any text with letters in only one script. Keyboard keys, what the
guest typed, and names (data, not words) are left out.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk.app.flow import Mode
from kiosk.app.intake import CodeSource
from kiosk.names import latin_name, syllables
from tests.ui_support import State, close, demo_store, first, make_context, wait_state, with_language
from ui.shell.main_window import MainWindow

HAN = re.compile("[\u3400-\u9fff]")
LATIN = re.compile("[A-Za-z]")
TAG = re.compile("<[^>]+>")


def readable(window: QWidget, names: set[str]) -> list[str]:
    """Every text a guest can see on the window now."""
    texts = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.objectName() in ("key", "searchQuery"):
            continue
        if isinstance(widget, QLabel):
            text = TAG.sub("\n", widget.text())
        elif isinstance(widget, QAbstractButton):
            text = widget.text()
        else:
            continue
        text = text.strip()
        if text and text not in names and (HAN.search(text) or LATIN.search(text)):
            texts.append(text)
    return texts


def one_script(texts: list[str]) -> list[str]:
    return [t for t in texts if not (HAN.search(t) and LATIN.search(t))]


def name_forms(delegates: list[Any]) -> set[str]:
    return {form for d in delegates for form in (d.name, d.name_en, latin_name(d.name, d.name_en)) if form}


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_self_service_state_speaks_both_languages(qtbot: Any, tmp_path: Path, language: str) -> None:
    store, delegates = demo_store(tmp_path)
    store.set_rehearsal(True)
    context = make_context(store, tmp_path, language=language)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    names = name_forms(delegates)
    page = window.screens[Mode.SELFSERVICE]
    seen: dict[str, list[str]] = {}

    def look(state: str) -> None:
        qtbot.wait(1)  # let queued signals land
        seen[state] = readable(window, names)

    try:
        qtbot.waitUntil(window.rehearsal_banner.isVisible, timeout=60000)
        look("attract")
        page.language_toggle.click()
        look("attract, other language first")
        page.language_toggle.click()
        guest = with_language(
            store, first(delegates, lambda d: d.active and d.name_en == "" and d.forums), ""
        )
        context.app.intake.submit(guest.code, CodeSource.SCANNER)
        wait_state(qtbot, context, State.PRINTING)
        qtbot.waitUntil(lambda: page.result.status.isVisible(), timeout=60000)
        look("welcome, printing")
        context.app.flow.fire("reset", "test")
        context.app.passes.reprint_minutes = 0  # a re-scan now: already checked in
        context.app.intake.submit(guest.code, CodeSource.SCANNER)
        wait_state(qtbot, context, State.RESULT)
        look("already checked in")
        for code in (first(delegates, lambda d: not d.active).code, "NO-SUCH-BADGE"):
            context.app.flow.fire("reset", "test")
            context.app.intake.submit(code, CodeSource.SCANNER)
            wait_state(qtbot, context, State.RESULT)
            look(f"refused {code}")
        context.app.flow.fire("reset", "test")
        context.app.flow.fire("search", "test")
        look("search, nothing typed")
        page.search.type_text("qx")
        look("search, too short to list anyone")
        searched = first(delegates, lambda d: d.active and len(d.name) == 3 and d.phone)
        page.search.clear()
        parts = syllables(searched.name)
        page.search.type_text(parts[0] + parts[1][:1])
        qtbot.waitUntil(lambda: page.search.results.count() > 0, timeout=60000)
        look("search, names found")
        page.search.clear()
        page.search.type_text("zzzzqqqq")
        qtbot.waitUntil(lambda: "No one" in page.search.hint.plain(), timeout=60000)
        look("search, nobody")
        context.app.intake.submit(guest.code, CodeSource.CAMERA)  # held while the guest types
        qtbot.waitUntil(page.held.isVisible, timeout=60000)
        look("search, a badge held")
        page.search.picked.emit(searched)
        look("confirm")
        page.confirm.confirmed.emit("0000" if not searched.phone.endswith("0000") else "1111")
        look("confirm, wrong digits")
        context.app.flow.fire("give_up", "test")
        look("send to the desk")
        camera = page.attract.camera
        seen["camera broken"] = [camera.problem_text()]
        assert camera.problem_text().count("\n") == 1
    finally:
        close(window, context)
    for state, texts in seen.items():
        assert texts, f"nothing readable in {state}"
        assert one_script(texts) == [], f"{language} kiosk, {state}: only one script in {one_script(texts)}"
    assert any("REHEARSAL" in t and "演练" in t for t in seen["attract"])


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_after_a_scan_the_delegates_language_comes_first_and_the_toggle_swaps(qtbot: Any, tmp_path: Path,
                                                                            language: str) -> None:  # fmt: skip
    store, delegates = demo_store(tmp_path)
    context = make_context(store, tmp_path, language=language)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    page = window.screens[Mode.SELFSERVICE]
    try:
        kiosk_first = (
            "请向摄像头出示您的二维码" if language == "zh_CN" else "Please show your QR code to the camera"
        )
        assert page.attract.headline.first == kiosk_first
        other = "en" if language == "zh_CN" else "zh"
        guest = with_language(store, first(delegates, lambda d: d.active), other)
        context.app.intake.submit(guest.code, CodeSource.SCANNER)
        wait_state(qtbot, context, State.PRINTING)
        assert page.result.word.first == ("WELCOME" if other == "en" else "欢迎")
        page.language_toggle.click()
        assert page.result.word.first == ("欢迎" if other == "en" else "WELCOME")
        context.app.flow.fire("reset", "next guest")
        assert page.attract.headline.first == kiosk_first  # the next guest: the kiosk's language again
    finally:
        close(window, context)


def test_the_start_up_splash_says_each_step_in_both_languages(qtbot: Any) -> None:
    from ui.shell.startup_progress import StartupProgress

    splash = StartupProgress()
    qtbot.addWidget(splash)
    splash.report(10, "roster")
    texts = [splash.title.text(), splash.step.text()]
    assert one_script(texts) == [] and "演示" in texts[0] and "demo" in texts[0]
