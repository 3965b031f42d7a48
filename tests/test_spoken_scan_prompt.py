"""The scan prompt is spoken when someone has stood in front of the camera for a few seconds at
the attract screen with nothing happening: once per person, never over a code, a tap or another
screen, and not at all with spoken prompts turned off. The clock is a counter, not the wall."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from kiosk.app.flow import Mode
from kiosk.app.scan_prompt import PROMPT_AFTER, QUIET_FOR, ScanPrompt
from tests.ui_support import close, demo_store, make_context
from ui.shell.main_window import MainWindow
from ui.shell.sounds import Sounds


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


STILL = np.full((180, 320, 3), 90, np.uint8)  # an empty hall


def moving(step: int) -> np.ndarray:
    """Someone in front of the camera: a dark shape that is somewhere else in every frame."""
    frame = STILL.copy()
    x = 20 + (step % 2) * 160
    frame[20:170, x : x + 120] = 10
    return frame


def test_the_prompt_is_due_once_when_someone_waits_and_again_only_for_the_next_person() -> None:
    clock = Clock()
    prompt = ScanPrompt(clock)
    for _ in range(3):
        prompt.see(STILL)
        clock.now += 5
    assert not prompt.due()  # nobody there
    prompt.see(moving(0))
    for step in range(1, 4):
        clock.now += (PROMPT_AFTER - 0.5) / 3
        prompt.see(moving(step))
    assert not prompt.due()  # not yet: give them a moment
    clock.now += 0.5
    prompt.see(moving(5))
    assert prompt.due() and not prompt.due()  # once
    clock.now += 3 * PROMPT_AFTER
    prompt.see(moving(6))  # the same person, still moving about
    assert not prompt.due()
    clock.now += QUIET_FOR
    prompt.see(STILL)  # they have gone
    prompt.see(moving(7))  # somebody new
    clock.now += PROMPT_AFTER
    assert prompt.due()


def test_a_code_or_a_tap_before_the_moment_means_no_prompt() -> None:
    clock = Clock()
    prompt = ScanPrompt(clock)
    prompt.see(STILL)
    prompt.see(moving(1))
    clock.now += PROMPT_AFTER / 2
    prompt.activity()  # they scanned or tapped
    clock.now += PROMPT_AFTER
    prompt.see(moving(2))
    assert not prompt.due()


@pytest.fixture
def kiosk(qtbot: Any, tmp_path: Path) -> Any:
    store, _ = demo_store(tmp_path, 20)
    context = make_context(store, tmp_path, language="zh_CN")
    context.app.update_settings(sounds=True, speech=True)
    context.sounds = Sounds(context)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    screen = window.screens[Mode.SELFSERVICE]
    speaker = screen.scan_prompt
    speaker.timer.stop()  # the test looks at the frames itself, on its own clock
    clock = Clock()
    speaker.prompt = ScanPrompt(clock)
    yield screen, context, speaker, clock
    close(window, context)


def _someone_waits(speaker: Any, clock: Clock, tap: Any = None) -> None:
    """The picture still, then someone moving in front of it for a while (tapping ``tap`` midway)."""
    clock.now += QUIET_FOR
    frames = iter([STILL, *(moving(i) for i in range(12))])
    speaker.frames = lambda: next(frames)
    speaker.check()
    for step in range(10):
        clock.now += PROMPT_AFTER / 8
        if step == 3 and tap is not None:
            tap.click()
        speaker.check()


def test_the_attract_screen_speaks_the_prompt_in_the_screens_first_language(kiosk: Any) -> None:
    screen, context, speaker, clock = kiosk
    _someone_waits(speaker, clock)
    assert context.sounds.spoken == ["say-scan-zh"]
    _someone_waits(speaker, clock, tap=screen.language_toggle)  # the next guest switches to English
    assert context.sounds.spoken == ["say-scan-zh"]  # they were doing something: no prompt
    _someone_waits(speaker, clock)
    assert context.sounds.spoken == ["say-scan-zh", "say-scan-en"]


def test_no_prompt_off_the_attract_screen_or_with_spoken_prompts_off(kiosk: Any) -> None:
    screen, context, speaker, clock = kiosk
    context.app.flow.fire("search", "guest has no QR code")
    _someone_waits(speaker, clock)
    context.app.flow.fire("reset", "guest went back")
    context.app.update_settings(speech=False)
    _someone_waits(speaker, clock)
    assert context.sounds.spoken == []
    context.app.update_settings(speech=True)
    _someone_waits(speaker, clock)
    assert context.sounds.spoken == ["say-scan-zh"]  # the same wait, spoken once speech is on
