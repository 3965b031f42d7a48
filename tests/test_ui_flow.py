"""The screen flow is a plain state machine: named transitions, reasons logged, no Qt."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from kiosk.app.flow import FlowChange, FlowError, Mode, ScreenFlow, State


def test_the_flow_module_does_not_need_qt() -> None:
    import kiosk.app.flow  # noqa: F401

    assert "kiosk.app.flow" in sys.modules
    source = Path(kiosk.app.flow.__file__).read_text(encoding="utf-8")
    assert "PySide6" not in source


def test_a_decision_then_printing_then_reset_returns_to_idle() -> None:
    flow = ScreenFlow()
    flow.fire("decide", "outcome admitted")
    flow.fire("print", "pass queued")
    assert flow.state is State.PRINTING
    flow.fire("reset", "shown long enough")
    assert flow.state is State.IDLE


def test_each_transition_is_logged_with_its_reason(caplog: pytest.LogCaptureFixture) -> None:
    flow = ScreenFlow()
    with caplog.at_level(logging.INFO, logger="kiosk.app.flow"):
        flow.fire("search", "guest has no QR code")
    assert "search" in caplog.text and "guest has no QR code" in caplog.text


def test_a_transition_not_allowed_from_the_current_state_is_refused() -> None:
    flow = ScreenFlow()
    with pytest.raises(FlowError):
        flow.fire("print", "nothing decided yet")
    assert flow.state is State.IDLE
    with pytest.raises(FlowError):
        flow.fire("teleport", "no such transition")


def test_a_wrong_phone_tail_stays_in_confirm_until_no_try_is_left() -> None:
    flow = ScreenFlow()
    flow.fire("search", "no code")
    flow.fire("pick", "picked a name")
    change = flow.confirm_failed("wrong digits", tries_left=2)
    assert change.state is State.CONFIRM and change.data == {"tries_left": 2}
    assert flow.confirm_failed("wrong digits", tries_left=0).state is State.SEND_TO_DESK


def test_listeners_hear_every_change_and_mode_switches_start_idle() -> None:
    flow = ScreenFlow(Mode.DOOR)
    heard: list[FlowChange] = []
    flow.changed.connect(heard.append)
    flow.fire("decide", "outcome admitted")
    flow.enter_mode(Mode.ADMIN, "PIN accepted")
    assert flow.state is State.IDLE and flow.mode is Mode.ADMIN
    flow.leave_admin("admin done")
    assert flow.mode is Mode.DOOR
    assert [c.transition for c in heard] == ["decide", "enter_mode", "enter_mode"]
    assert heard[1].mode_changed and heard[1].reason == "PIN accepted"
