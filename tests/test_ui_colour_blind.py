"""The three outcomes stay apart for colour-blind guests, on the rendered screen, and category
bands never take an outcome's colour."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from kiosk.app.flow import Mode
from kiosk.app.guest import Look
from kiosk.app.intake import CodeSource
from kiosk.model import Outcome
from tests.ui_support import State, close, demo_store, first, make_context, wait_state
from ui.screenshots.colour_blind import (
    MACHADO,
    MIN_DISTANCE,
    background,
    delta_e,
    distances,
    read_png,
    simulate,
)
from ui.shell.main_window import MainWindow
from ui.widgets.outcome_text import LOOK_COLORS


def _rgb(hex_colour: str) -> np.ndarray:
    return np.array([int(hex_colour[i : i + 2], 16) for i in (1, 3, 5)])


def test_the_simulation_turns_red_and_green_alike_for_protanopia() -> None:
    red, green = np.array([200, 40, 40]), np.array([46, 125, 50])  # the old pair, told apart by colour only
    assert delta_e(red, green) > 60
    assert delta_e(simulate(red, "protanopia"), simulate(green, "protanopia")) < 30
    assert np.array_equal(simulate(red, "normal"), red)


@pytest.mark.slow
def test_the_three_outcome_screens_stay_apart_under_every_colour_vision(qtbot: Any, tmp_path: Path) -> None:
    store, delegates = demo_store(tmp_path)
    context = make_context(store, tmp_path)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    page = window.screens[Mode.SELFSERVICE]
    guest = first(delegates, lambda d: d.active)
    cancelled = first(delegates, lambda d: not d.active)
    context.app.passes.reprint_minutes = 0
    shots: dict[str, np.ndarray] = {}
    try:
        for name, code in (("welcome", guest.code), ("done", guest.code), ("staff", cancelled.code)):
            context.app.flow.fire("reset", "test")
            context.app.intake.submit(code, CodeSource.SCANNER)
            wait_state(qtbot, context, State.RESULT, State.PRINTING)
            page.dismiss_timer.stop()
            assert page.last_decision.outcome is {"welcome": Outcome.ADMITTED, "done": Outcome.ALREADY_CHECKED_IN,
                                                  "staff": Outcome.REVOKED}[name]  # fmt: skip
            path = tmp_path / f"{name}.png"
            assert window.grab().save(str(path))
            shots[name] = background(read_png(path))
    finally:
        close(window, context)
    for name, colour in shots.items():
        assert delta_e(colour, _rgb(LOOK_COLORS[Look(name)])) < 3  # the screen's colour
    measured = distances(shots)
    assert set(measured) == set(MACHADO)
    worst = min(d for pairs in measured.values() for d in pairs.values())
    assert worst >= MIN_DISTANCE, measured


@pytest.mark.slow
def test_a_category_band_is_a_white_card_whatever_the_categorys_colour(qtbot: Any, tmp_path: Path) -> None:
    store, delegates = demo_store(tmp_path)
    context = make_context(store, tmp_path)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    page = window.screens[Mode.SELFSERVICE]
    categories = context.app.categories()
    checked = 0
    try:
        for category in categories.values():
            guest = next((d for d in delegates if d.active and d.category == category.id), None)
            if guest is None:
                continue
            context.app.flow.fire("reset", "test")
            context.app.intake.submit(guest.code, CodeSource.SCANNER)
            wait_state(qtbot, context, State.RESULT, State.PRINTING)
            band = page.result.band
            qtbot.waitUntil(band.isVisible, timeout=60000)
            path = tmp_path / f"band-{category.id}.png"
            assert band.grab().save(str(path))
            fill = background(read_png(path))
            for outcome_colour in LOOK_COLORS.values():
                assert delta_e(fill, _rgb(outcome_colour)) > MIN_DISTANCE, (category.id, fill)
            checked += 1
    finally:
        close(window, context)
    assert checked >= 5
