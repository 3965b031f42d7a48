"""Every mode change, in every direction, with lockdown on and off, leaves a visible window with
the focus, full screen exactly in a locked self-service: the real main window, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import permutations
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from kiosk.app.flow import Mode
from tests.ui_support import close, demo_template, make_context, store_copy
from ui.shell.main_window import MainWindow

pytestmark = pytest.mark.timeout(600)  # a guard against a hang, not a speed limit
PAIRS = list(permutations(Mode, 2))  # all 12 ordered pairs of the four modes
SIZE = (1280, 800)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return demo_template(tmp_path_factory, "modes", 60)


@pytest.fixture(params=[True, False], ids=["lockdown", "no-lockdown"])
def window(request: Any, qtbot: Any, demo_db: Path, tmp_path: Path) -> Iterator[MainWindow]:
    store = store_copy(demo_db, tmp_path)
    context = make_context(store, tmp_path, language="en")
    main = MainWindow(context, lockdown=request.param)
    qtbot.addWidget(main)
    main.resize(*SIZE)
    main.show()
    qtbot.waitExposed(main)
    yield main
    close(main, context)
    store.close()


def enter(qtbot: Any, window: MainWindow, mode: Mode) -> None:
    flow = window.context.app.flow
    if flow.mode is not mode:
        flow.enter_mode(mode, "test")
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.screens.get(mode), timeout=60000)


def assert_shown(qtbot: Any, window: MainWindow, mode: Mode, where: str) -> None:
    locked = window.lockdown and mode is Mode.SELFSERVICE
    qtbot.waitUntil(lambda: window.isVisible() and window.isFullScreen() == locked, timeout=60000)
    frameless = bool(window.windowFlags() & Qt.WindowType.FramelessWindowHint)
    assert frameless == locked, where
    screen = window.screen().geometry()
    if locked:  # covers the screen (offscreen's screen is smaller than the window's minimum)
        assert window.geometry().contains(screen), where
    else:
        assert (window.width(), window.height()) == SIZE, where
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window.windowHandle(), timeout=60000)
    page = window.pages.currentWidget()
    focused = window.focusWidget()
    assert focused is not None and (focused is page or page.isAncestorOf(focused)), where


def test_every_mode_change_in_every_direction_leaves_a_visible_focused_window(qtbot: Any,
                                                                             window: MainWindow) -> None:  # fmt: skip
    """One window walks all 12 ordered pairs (a window per pair would cost seconds each)."""
    for before, after in PAIRS:
        enter(qtbot, window, before)
        assert_shown(qtbot, window, before, f"in {before}")
        enter(qtbot, window, after)
        assert_shown(qtbot, window, after, f"{before} -> {after}")
        if after is Mode.DESK:
            assert window.focusWidget() is window.screens[Mode.DESK].search  # type: ignore[attr-defined]


def test_leaving_admin_after_choosing_desk_in_the_settings_shows_the_desk(
    qtbot: Any, window: MainWindow
) -> None:
    """The reported case: locked self-service, PIN, Settings → mode desk → Save → leave admin."""
    enter(qtbot, window, Mode.ADMIN)
    window.context.app.update_settings(mode="desk")
    admin = window.screens[Mode.ADMIN]
    admin.leave.click()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: window.context.app.flow.mode is Mode.DESK, timeout=60000)
    assert_shown(qtbot, window, Mode.DESK, "admin -> desk through the settings")
