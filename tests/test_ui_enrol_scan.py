"""Admin → Sync → "Scan enrolment code": the kiosk's own camera reads the QR ``hub enrol`` shows,
through the app's intake (handed over, never checked in), and the desk joins a real hub on
loopback. Real widgets (offscreen), a real camera feed playing a video of the QR, real SQLite."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from kiosk.app.flow import Mode
from kiosk.app.intake import CodeSource
from kiosk.app.kiosk_app import KioskApp
from kiosk.demo.badgevideo import write_badge_video
from kiosk.store import Store
from kiosk.sync.enrol import Enrolment
from tests.hub_support import Hub, make_hub, roster
from ui.admin.screen import AdminScreen
from ui.admin.sync_tab import SyncTab
from ui.bridge import AppContext

pytestmark = pytest.mark.timeout(600)  # a guard against a hang, not a speed limit


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    served = make_hub(str(tmp_path / "hub.sqlite"), roster(20)).serve()
    yield served
    served.stop()
    served.store.close()


def qr_video(path: Path, text: str | None) -> Path:
    """A camera's view of one QR code held up, again and again (the feed loops the file; out of
    view long enough in between for each showing to be a new one), or of nothing."""
    schedule = [(text, 1.0, 3.5)] if text else []
    write_badge_video(path, schedule, size=(640, 360), fps=10, variants=("still",))
    return path


def admin_sync(qtbot, store: Store, language: str, video: Path) -> tuple[AppContext, SyncTab]:  # type: ignore[no-untyped-def]
    """The admin screen's sync tab with the camera running on ``video``, paused as the main
    window pauses it on the admin screen."""
    context = AppContext(KioskApp(store))
    context.set_language(language)
    context.app.flow.enter_mode(Mode.ADMIN, "test")
    context.app.start_camera(str(video))
    assert context.app.camera is not None
    context.app.camera.pause(True)
    screen = AdminScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    screen.tabs.setCurrentWidget(screen.sync_tab)
    return context, screen.sync_tab


def test_the_camera_reads_the_enrolment_qr_and_the_desk_joins_the_hub(qtbot, event_store, hub, tmp_path):  # type: ignore[no-untyped-def]
    text = Enrolment(hub.url, "door-b1", hub.store.enrolments.create("door-b1")).text()
    context, tab = admin_sync(qtbot, event_store, "en", qr_video(tmp_path / "enrol.avi", text))
    camera = context.app.camera
    try:
        assert tab.scan_button.text() == "Scan enrolment code" and tab.scan_button.height() >= 48
        qtbot.mouseClick(tab.scan_button, Qt.MouseButton.LeftButton)
        assert tab.scan_button.text() == "Stop scanning" and "up to the camera" in tab.result.text()
        assert not camera.paused  # resumed on the admin screen for the code
        qtbot.waitUntil(lambda: "Joined the hub at" in tab.joined.text(), timeout=60000)
        assert tab.result.text() == "Joined. Press Sync now, or turn on the automatic sync."
        assert context.app.settings.desk == "door-b1" and event_store.get_meta("sync.hub_url") == hub.url
        token = event_store.get_meta("sync.token")
        assert token and token not in tab.joined.text() + tab.result.text()
        assert camera.paused and tab.scan_button.text() == "Scan enrolment code"
        assert event_store.journal.since(0, limit=10) == []  # read for the admin, never checked in
    finally:
        context.close()


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "The camera read a code that is not an enrolment code"), ("zh_CN", "摄像头读到的不是接入码")],
)
def test_a_badge_shown_instead_is_said_in_one_line_and_not_checked_in(
    qtbot, event_store, tmp_path, language, words
):  # type: ignore[no-untyped-def]
    context, tab = admin_sync(
        qtbot, event_store, language, qr_video(tmp_path / "badge.avi", "7BCDEFG1234HJK")
    )
    try:
        qtbot.mouseClick(tab.scan_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tab.result.text().startswith(words), timeout=60000)
        assert "\n" not in tab.result.text() and context.app.camera.paused
        assert event_store.journal.since(0, limit=10) == []  # the badge was not checked in from admin
    finally:
        context.close()


@pytest.mark.parametrize(
    ("language", "stopped"),
    [("en", "Stopped scanning: no code was read."), ("zh_CN", "已停止扫描：未读到二维码。")],
)
def test_pressing_again_stops_waiting_and_gives_the_camera_back(
    qtbot, event_store, tmp_path, language, stopped
):  # type: ignore[no-untyped-def]
    context, tab = admin_sync(qtbot, event_store, language, qr_video(tmp_path / "empty.avi", None))
    try:
        qtbot.mouseClick(tab.scan_button, Qt.MouseButton.LeftButton)
        assert not context.app.camera.paused
        qtbot.mouseClick(tab.scan_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: tab.result.text() == stopped, timeout=60000)
        assert context.app.camera.paused and tab.capture is None
        context.app.flow.enter_mode(Mode.DESK, "test")  # the codes go back to check-in
        assert context.app.intake.submit("7BCDEFG1234HJK", CodeSource.CAMERA) is not None
    finally:
        context.close()


def test_without_a_camera_the_button_says_to_choose_one_or_paste(qtbot, event_store):  # type: ignore[no-untyped-def]
    context = AppContext(KioskApp(event_store))
    context.set_language("en")
    tab = SyncTab(context)
    qtbot.addWidget(tab)
    try:
        qtbot.mouseClick(tab.scan_button, Qt.MouseButton.LeftButton)
        assert tab.result.text() == "No camera at this kiosk: choose one in Settings, or paste the code."
        assert tab.capture is None
    finally:
        context.close()
