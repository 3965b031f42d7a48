"""The guest screen at 1280x800, 1920x1080 and portrait 1080x1920: text sized from the screen,
nothing clipped or overlapping; the branded attract screen; Help, larger text, high contrast;
an accessible name on every control."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from kiosk.app.flow import Mode
from kiosk.app.intake import CodeSource
from kiosk.model import Action
from kiosk.names import syllables
from tests.ui_support import State, close, demo_store, first, make_context, wait_state
from ui.shell.main_window import MainWindow
from ui.widgets.bilingual import PairLabel
from ui.widgets.camera_view import CameraView
from ui.widgets.outcome_icon import OutcomeIcon

SIZES = [(1280, 800), (1920, 1080), (1080, 1920)]
EMPTY_BAND = 0.25  # no band across the screen with nothing in it taller than a quarter of its height


def leaves(window: QWidget) -> list[QWidget]:
    found = [
        w for w in window.findChildren(QWidget) if w.isVisible() and isinstance(w, (QLabel, QAbstractButton))
    ]
    return [w for w in found if w.objectName() != "key"]


def box(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def problems(window: QWidget) -> list[str]:
    found = []
    area = window.rect()
    shown = leaves(window)
    for widget in shown:
        name = widget.objectName() or type(widget).__name__
        if not area.contains(box(widget)):
            found.append(f"{name} outside the window: {box(widget)}")
        if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 2:
                found.append(
                    f"{name} clipped: needs {needed} px, has {widget.height()} ({widget.text()[:40]!r})"
                )
    for a, b in itertools.combinations(shown, 2):
        if a.isAncestorOf(b) or b.isAncestorOf(a):
            continue
        if box(a).intersected(box(b)).height() > 2 and box(a).intersected(box(b)).width() > 2:
            found.append(
                f"{a.objectName() or type(a).__name__} overlaps {b.objectName() or type(b).__name__}"
            )
    return found


def empty_band(window: QWidget) -> float:
    """The tallest band across the window with no text, button, outcome shape or camera picture in it, as a share
    of the window's height (the camera's black letterbox counts as empty)."""
    for _ in range(3):  # the layout requests a resize posts (a portrait camera window sets its height)
        QApplication.sendPostedEvents()
        QApplication.processEvents()
    shown = [*leaves(window), *(icon for icon in window.findChildren(OutcomeIcon) if icon.isVisible())]
    spans = [(box(w).top(), box(w).bottom()) for w in shown]
    for camera in window.findChildren(CameraView):
        if camera.isVisible():
            picture = camera.picture_rect().toAlignedRect().translated(box(camera).topLeft())
            spans.append((max(picture.top(), box(camera).top()), min(picture.bottom(), box(camera).bottom())))
    reached, tallest = 0, 0
    for top, bottom in sorted(spans):
        tallest = max(tallest, top - reached)
        reached = max(reached, bottom)
    return max(tallest, window.height() - reached) / window.height()


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_no_guest_state_is_clipped_overlapping_or_mostly_empty_and_the_title_is_about_8_percent(qtbot: Any, tmp_path: Path,
                                                                                  size: tuple[int, int]) -> None:  # fmt: skip
    store, delegates = demo_store(tmp_path)
    context = make_context(store, tmp_path, language="zh_CN")
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitUntil(lambda: window.size().width() == size[0], timeout=60000)
    page = window.screens[Mode.SELFSERVICE]
    page.attract.camera.set_still(np.full((540, 960, 3), 128, np.uint8))  # a 16:9 camera's picture
    seen: dict[str, list[str]] = {}
    bands: dict[str, float] = {}
    try:
        seen["attract"] = problems(window)
        bands["attract"] = empty_band(window)
        basis = min(size[1], int(size[0] * 0.9))
        assert 0.05 * basis <= page.attract.headline.pixels <= 0.09 * basis
        guest = first(delegates, lambda d: d.active and len(d.forums) >= 2)
        context.app.intake.submit(guest.code, CodeSource.SCANNER)
        wait_state(qtbot, context, State.PRINTING)
        qtbot.wait(1)
        seen["welcome"] = problems(window)
        bands["welcome"] = empty_band(window)
        assert page.result.word.pixels >= 0.07 * basis  # the outcome's word: about 8 % of the screen
        context.app.flow.fire("reset", "test")
        context.app.intake.submit(first(delegates, lambda d: not d.active).code, CodeSource.SCANNER)
        wait_state(qtbot, context, State.RESULT)
        qtbot.wait(1)
        seen["see staff"] = problems(window)
        bands["see staff"] = empty_band(window)
        context.app.flow.fire("reset", "test")
        context.app.flow.fire("search", "test")
        searched = first(delegates, lambda d: d.active and len(d.name) == 3 and d.phone)
        parts = syllables(searched.name)
        page.search.type_text(parts[0] + parts[1][:1])
        qtbot.waitUntil(lambda: page.search.results.count() > 0, timeout=60000)
        seen["search"] = problems(window)
        page.search.clear()
        page.search.type_text(parts[0])  # a whole syllable: the characters read that way to pick
        qtbot.waitUntil(lambda: page.search.han.isVisible(), timeout=60000)
        seen["characters"] = problems(window)
        page.search.picked.emit(searched)
        page.confirm.confirmed.emit("0000" if not searched.phone.endswith("0000") else "1111")
        qtbot.wait(1)
        seen["confirm"] = problems(window)
    finally:
        close(window, context)
    assert {state: found for state, found in seen.items() if found} == {}
    assert {state: band for state, band in bands.items() if band > EMPTY_BAND} == {}  # the space is used


@pytest.fixture
def kiosk(qtbot: Any, tmp_path: Path) -> Any:
    store, delegates = demo_store(tmp_path)
    context = make_context(store, tmp_path)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    yield window, context, window.screens[Mode.SELFSERVICE]
    close(window, context)


def test_the_attract_screen_carries_the_events_logo_and_colour_and_a_mirrored_aiming_preview(
    kiosk: Any,
) -> None:
    window, context, page = kiosk
    attract = page.attract
    assert attract.logo.isVisible() and not attract.logo.pixmap().isNull()
    assert "#0B3D91" in attract.brand.styleSheet() and "white" in attract.event_name.styleSheet()
    assert attract.camera.mirrored and attract.camera.guide


def test_help_tells_the_desks_which_kiosk_and_the_guest_that_someone_is_coming(
    kiosk: Any, qtbot: Any
) -> None:
    window, context, page = kiosk
    page.attract.help.click()
    qtbot.waitUntil(
        lambda: any(e.action is Action.HELP_CALL for _, e in context.app.store.journal.since(0)),
        timeout=60000,
    )
    call = next(e for _, e in context.app.store.journal.since(0) if e.action is Action.HELP_CALL)
    assert call.desk == context.app.service.desk and context.app.service.desk in call.reason
    assert "Desk 1" in page.attract.headline.first and "1 号服务台" in page.attract.headline.second


def test_larger_text_and_high_contrast_hold_for_one_guest(kiosk: Any, qtbot: Any) -> None:
    window, context, page = kiosk
    before = page.attract.headline.pixels
    page.attract.large_text.click()
    assert page.attract.headline.pixels >= before * 1.25
    page.attract.high_contrast.click()
    assert "background: black" in page.styleSheet()
    context.app.intake.submit("NO-SUCH-BADGE", CodeSource.SCANNER)
    wait_state(qtbot, context, State.RESULT)
    context.app.flow.fire("reset", "next guest")
    basis = min(window.height(), int(window.width() * 0.9))
    assert page.attract.headline.pixels == int(0.06 * basis) and page.styleSheet() == ""


def test_every_control_a_guest_can_touch_has_an_accessible_name(kiosk: Any, qtbot: Any) -> None:
    window, context, page = kiosk
    unnamed: list[str] = []

    def check(state: str) -> None:
        for widget in page.findChildren(QWidget):
            shown = widget.isVisible() and isinstance(widget, (QAbstractButton, PairLabel))
            if shown and not widget.accessibleName():
                unnamed.append(f"{state}: {widget.objectName() or type(widget).__name__}")

    check("attract")
    context.app.flow.fire("search", "test")
    check("search")
    context.app.intake.submit("NO-SUCH-BADGE", CodeSource.SCANNER)
    check("search")
    assert unnamed == []
    named = [
        w.accessibleName()
        for w in page.findChildren(QAbstractButton)
        if w.isVisible() and w.objectName() != "key"
    ]
    assert named and all(" / " in name or " · " in name for name in named)  # both languages for a reader
