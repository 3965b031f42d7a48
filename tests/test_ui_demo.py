"""The built-in demo end to end: the badge video as the camera, through the scan pipeline, to a PDF pass."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import cv2
import pytest

from kiosk.app.flow import Mode
from tests.ui_support import State, close, wait_state
from ui.shell.app import build_context, make_application
from ui.shell.main_window import MainWindow
from ui.widgets.outcome_text import GREEN

ROOT = Path(__file__).resolve().parent.parent


def demo_args(tmp_path: Path) -> argparse.Namespace:
    return argparse.Namespace(demo=True, db=tmp_path / "demo" / "demo.sqlite", lang="en", mode=None,
                              fullscreen=False, camera=None, verbose=False, demo_delegates=300,
                              demo_video=(1.2, 2.0))  # fmt: skip


@pytest.mark.slow
def test_the_demo_admits_a_badge_from_the_video_prints_its_pass_and_returns_to_idle(qtbot: Any,
                                                                                   tmp_path: Path) -> None:  # fmt: skip
    make_application()
    context = build_context(demo_args(tmp_path))
    context.app.update_settings(reset_seconds=1)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    try:
        assert context.app.flow.mode is Mode.SELFSERVICE
        wait_state(qtbot, context, State.PRINTING, timeout=60000)
        screen = window.screens[Mode.SELFSERVICE]
        assert screen.result.color == GREEN  # type: ignore[attr-defined]
        passes = tmp_path / "demo" / "passes"  # beside --db, kept from run to run
        qtbot.waitUntil(lambda: any(passes.glob("pass-*.pdf")), timeout=60000)
        assert next(passes.glob("pass-*.pdf")).read_bytes().startswith(b"%PDF")
        wait_state(qtbot, context, State.IDLE, timeout=60000)
        assert screen.pages.currentWidget() is screen.attract  # type: ignore[attr-defined]
        assert screen.attract.camera._image is not None  # type: ignore[attr-defined]  # live frames shown
        context.app.flow.enter_mode(Mode.ADMIN, "test")  # no check-ins from the admin screen
        qtbot.waitUntil(lambda: context.app.camera.state == "paused", timeout=60000)
        context.app.flow.leave_admin("test")
        qtbot.waitUntil(lambda: context.app.camera.state == "live", timeout=60000)
    finally:
        close(window, context)


class FlakyCapture:
    """A camera that plays the badge video, and is unplugged for a moment after a few frames."""

    opened = 0

    def __init__(self, path: str) -> None:
        FlakyCapture.opened += 1
        self.cap = cv2.VideoCapture(path)
        self.reads = 0
        self.fails_after = 8 if FlakyCapture.opened == 1 else None

    def isOpened(self) -> bool:  # noqa: N802 - cv2's name
        return bool(self.cap.isOpened())

    def read(self) -> tuple[bool, Any]:
        time.sleep(1 / 15)
        self.reads += 1
        if self.fails_after is not None and self.reads > self.fails_after:
            return False, None
        return self.cap.read()

    def release(self) -> None:
        self.cap.release()


@pytest.mark.slow
def test_a_camera_that_fails_mid_demo_shows_a_message_and_recovers(qtbot: Any, tmp_path: Path) -> None:
    make_application()
    context = build_context(demo_args(tmp_path))
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    view = window.screens[Mode.SELFSERVICE].attract.camera  # type: ignore[attr-defined]
    seen: list[tuple[str, str]] = []
    context.events.camera_state.connect(lambda state: seen.append((state, view.message)))
    try:
        video = str(context.app.camera.spec)
        FlakyCapture.opened = 0
        context.app.start_camera(video, opener=FlakyCapture)
        qtbot.waitUntil(lambda: ("failed:lost", "failed:lost") in seen, timeout=60000)
        qtbot.waitUntil(lambda: seen[-1][0] == "live" and view.message == "", timeout=60000)
        assert FlakyCapture.opened >= 2
        wait_state(qtbot, context, State.RESULT, State.PRINTING, timeout=60000)  # scanning again
    finally:
        close(window, context)


def test_without_a_display_the_app_says_how_to_run_it() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "--demo"], env=env, capture_output=True,
                         text=True, timeout=60)  # fmt: skip
    assert run.returncode != 0
    assert "QT_QPA_PLATFORM=offscreen" in run.stderr and "xvfb-run" in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.slow
def test_the_screenshots_command_renders_every_screen_in_both_languages(tmp_path: Path) -> None:
    from PySide6.QtGui import QImage

    from ui.screenshots.render import COLOUR_CHECK, GUEST_SHOTS, GUEST_SIZES, SHOTS

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    run = subprocess.run([sys.executable, str(ROOT / "main.py"), "screenshots", str(tmp_path), "--demo"], env=env,
                         capture_output=True, text=True, timeout=600)  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    sizes = {f"{shot}-{lang}.png": (1280, 800) for shot in SHOTS for lang in ("zh", "en")}
    sizes |= {f"{shot}-{w}x{h}-{lang}.png": (w, h) for shot in GUEST_SHOTS for w, h in GUEST_SIZES
              for lang in ("zh", "en")}  # fmt: skip
    mine = {name for name in sizes if not name.startswith(("desk-", "admin-"))}
    written = {p.name for p in tmp_path.glob("*.png")} - {f"{COLOUR_CHECK}.png"}
    assert mine <= written and written <= set(sizes)
    for name in written:
        image = QImage(str(tmp_path / name))
        assert (image.width(), image.height()) == sizes[name], name
    assert "protanopia" in (tmp_path / f"{COLOUR_CHECK}.md").read_text(encoding="utf-8")
    zh, en = (
        QImage(str(tmp_path / "selfservice-idle-zh.png")),
        QImage(str(tmp_path / "selfservice-idle-en.png")),
    )
    # The same screen in both languages (letterbox beside the camera, page background) with the
    # languages' order swapped: the larger first line makes the camera window a little smaller.
    assert zh.pixel(60, 300) == en.pixel(60, 300) and zh.pixel(20, 790) == en.pixel(20, 790)
    assert zh != en


def test_first_demo_start_of_the_day_reports_its_slow_steps_and_a_second_start_reuses_them(tmp_path):  # type: ignore[no-untyped-def]
    from kiosk.demo.workspace import prepare_demo

    steps: list[tuple[int, str]] = []
    first = prepare_demo(
        tmp_path, count=60, video_seconds=(0.5, 0.5), progress=lambda p, s: steps.append((p, s))
    )
    first.store.close()
    assert [s for _, s in steps] == ["roster", "video", "ready"]
    assert [p for p, _ in steps] == sorted(p for p, _ in steps)
    steps.clear()
    second = prepare_demo(
        tmp_path, count=60, video_seconds=(0.5, 0.5), progress=lambda p, s: steps.append((p, s))
    )
    second.store.close()
    assert steps == []
