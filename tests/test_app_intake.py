"""The app layer's one intake path, without Qt: camera and scanner codes honour what the guest is doing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.app.flow import Mode, State
from kiosk.app.intake import CodeSource, Verdict, verdict
from kiosk.app.kiosk_app import KioskApp
from kiosk.app.settings import Settings
from kiosk.clock import FixedClock
from kiosk.demo.roster import setup_demo
from kiosk.model import Decision, Delegate
from kiosk.service import CheckinService
from kiosk.store import Store

PRESENTED = [CodeSource.CAMERA, CodeSource.SCANNER]


@pytest.fixture
def kiosk(tmp_path: Path) -> tuple[KioskApp, list[Delegate]]:
    store = Store(tmp_path / "kiosk.sqlite")
    delegates = setup_demo(store, 40)
    event = store.roster.event()
    assert event is not None
    clock = FixedClock(event.starts_at)
    app = KioskApp(store, CheckinService(store, clock), Settings(mode=Mode.SELFSERVICE))
    yield app, [d for d in delegates if d.status == "active"]
    app.close()


def heard(app: KioskApp) -> list[Decision]:
    decisions: list[Decision] = []
    app.service.decided.connect(decisions.append)
    return decisions


def test_the_app_layer_imports_no_qt() -> None:
    code = "import sys, kiosk.app.kiosk_app; print(any(m.startswith('PySide6') for m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize("source", PRESENTED)
@pytest.mark.parametrize("typing_state", ["search", "confirm"])
def test_a_code_shown_while_the_guest_types_is_held_and_changes_nothing(
    kiosk: tuple[KioskApp, list[Delegate]], source: CodeSource, typing_state: str
) -> None:
    app, delegates = kiosk
    decisions = heard(app)
    app.flow.fire("search", "guest has no QR code")
    search_data = {"typed": "zhang w"}
    if typing_state == "confirm":
        app.flow.fire("pick", "guest picked a name", **search_data)
    state, data = app.flow.state, dict(app.flow.data)
    held: list[bool] = []
    app.intake.held_changed.connect(held.append)

    assert app.intake.submit(delegates[0].code, source) is None

    assert app.flow.state is state and app.flow.data == data  # what the guest typed is untouched
    assert app.intake.held == delegates[0].code and held == [True]
    assert decisions == [] and app.store.journal.count() == 0


def test_the_guest_can_ask_for_the_held_code_and_it_is_decided(
    kiosk: tuple[KioskApp, list[Delegate]],
) -> None:
    app, delegates = kiosk
    app.flow.fire("search", "guest has no QR code")
    app.intake.submit(delegates[1].code, CodeSource.CAMERA)
    future = app.intake.release_held()
    assert future is not None
    decision = future.result(timeout=30)
    assert decision is not None and decision.code == delegates[1].code and app.intake.held is None


def test_a_held_code_is_dropped_when_the_guest_leaves_the_search(
    kiosk: tuple[KioskApp, list[Delegate]],
) -> None:
    app, delegates = kiosk
    app.flow.fire("search", "guest has no QR code")
    app.intake.submit(delegates[2].code, CodeSource.SCANNER)
    app.flow.fire("reset", "guest gave up")
    assert app.intake.held is None and app.intake.release_held() is None
    assert app.store.journal.count() == 0


def test_the_guests_own_confirmed_search_is_decided_while_confirming(
    kiosk: tuple[KioskApp, list[Delegate]],
) -> None:
    app, delegates = kiosk
    app.flow.fire("search", "guest has no QR code")
    app.flow.fire("pick", "guest picked a name")
    future = app.intake.submit(delegates[3].code, CodeSource.SEARCH)
    assert future is not None
    decision = future.result(timeout=30)
    assert decision is not None and decision.admitted


@pytest.mark.parametrize("source", [*PRESENTED, CodeSource.TYPED])
def test_no_code_is_checked_in_in_admin_mode_or_at_the_pin_prompt(
    kiosk: tuple[KioskApp, list[Delegate]], source: CodeSource
) -> None:
    app, delegates = kiosk
    app.flow.fire("ask_pin", "corner taps")
    assert app.intake.submit(delegates[4].code, source) is None
    app.flow.enter_mode(Mode.ADMIN, "right PIN")
    assert app.intake.submit(delegates[4].code, source) is None
    assert app.store.journal.count() == 0 and app.intake.held is None


def test_the_camera_goes_through_the_intake(kiosk: tuple[KioskApp, list[Delegate]]) -> None:
    """The decoder thread calls the intake's ``check_in`` (the pipeline's Decider): same rules."""
    app, delegates = kiosk
    app.flow.fire("search", "guest has no QR code")
    assert app.intake.check_in(delegates[5].code) is None
    app.flow.fire("reset", "guest gave up")
    decision = app.intake.check_in(delegates[5].code.encode())
    assert decision is not None and decision.admitted


@pytest.mark.parametrize(
    ("mode", "state", "source", "expected"),
    [
        (Mode.SELFSERVICE, State.IDLE, CodeSource.CAMERA, Verdict.DECIDE),
        (Mode.SELFSERVICE, State.RESULT, CodeSource.SCANNER, Verdict.DECIDE),
        (Mode.SELFSERVICE, State.SEARCH, CodeSource.CAMERA, Verdict.HOLD),
        (Mode.SELFSERVICE, State.CONFIRM, CodeSource.SCANNER, Verdict.HOLD),
        (Mode.SELFSERVICE, State.CONFIRM, CodeSource.SEARCH, Verdict.DECIDE),
        (Mode.DESK, State.CARD, CodeSource.SCANNER, Verdict.DECIDE),
        (Mode.DOOR, State.IDLE, CodeSource.CAMERA, Verdict.DECIDE),
        (Mode.ADMIN, State.IDLE, CodeSource.SCANNER, Verdict.IGNORE),
        (Mode.DESK, State.PIN, CodeSource.TYPED, Verdict.IGNORE),
    ],
)
def test_what_the_intake_does_in_each_mode_and_state(
    mode: Mode, state: State, source: CodeSource, expected: Verdict
) -> None:
    from kiosk.app.flow import ScreenFlow

    flow = ScreenFlow(mode)
    flow.state = state
    assert verdict(flow, source) is expected
