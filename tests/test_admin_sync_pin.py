"""Admin → Sync over TLS: the enrolment code's pin is kept and used; plain HTTP to another machine
needs the admin's explicit tick (real widgets offscreen, a real HTTPS hub on loopback)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from hub.api.server import ServerThread
from hub.api.tls import init
from kiosk.app.flow import Mode
from kiosk.app.kiosk_app import HUB_PIN_KEY, KioskApp
from kiosk.store import Store
from kiosk.sync.enrol import Enrolment
from tests.hub_support import make_hub, roster
from ui.admin.screen import AdminScreen
from ui.bridge import AppContext

pytestmark = pytest.mark.timeout(600)  # a guard against a hang, not a speed limit


def sync_tab(qtbot, store: Store, language: str):  # type: ignore[no-untyped-def]
    context = AppContext(KioskApp(store))
    context.set_language(language)
    context.app.flow.enter_mode(Mode.ADMIN, "test")
    screen = AdminScreen(context)
    qtbot.addWidget(screen)
    screen.show()
    screen.tabs.setCurrentWidget(screen.sync_tab)
    return context, screen.sync_tab


def test_joining_with_a_pinned_code_keeps_the_pin_and_syncs_over_https(
    qtbot, event_store: Store, tmp_path: Path
):  # type: ignore[no-untyped-def]
    cert, key, pin = init(tmp_path / "tls", [])
    hub = make_hub(str(tmp_path / "hub.sqlite"), roster(12))
    server = ServerThread(hub.store, tls=(cert, key)).start()
    context, tab = sync_tab(qtbot, event_store, "en")
    try:
        tab.code.setText(Enrolment(server.url, "door-b1", hub.store.enrolments.create("door-b1"), pin).text())
        qtbot.mouseClick(tab.join_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Joined the hub at" in tab.joined.text(), timeout=60000)
        assert event_store.get_meta(HUB_PIN_KEY) == pin
        with qtbot.waitSignal(context.events.roster_changed, timeout=60000):
            qtbot.mouseClick(tab.now, Qt.MouseButton.LeftButton)
        assert event_store.roster.count() == 12
        event_store.set_meta(HUB_PIN_KEY, init(tmp_path / "other", [])[2])  # the hub is not the pinned one
        qtbot.mouseClick(tab.now, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Sync failed" in tab.result.text(), timeout=60000)
        assert "not the one this desk pinned" in tab.result.text()
    finally:
        context.close()
        server.stop()
        hub.store.close()


@pytest.mark.parametrize(("language", "refused"), [("en", "over plain HTTP"), ("zh_CN", "明文")])
def test_a_code_for_plain_http_to_another_machine_waits_for_the_admins_tick(  # type: ignore[no-untyped-def]
    qtbot, event_store: Store, language: str, refused: str
):
    context, tab = sync_tab(qtbot, event_store, language)
    try:
        tab.code.setText(Enrolment("http://10.0.0.5:8787", "door-b1", "ABCD-EFGH-JKLM").text())
        qtbot.mouseClick(tab.join_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: refused in tab.result.text(), timeout=60000)
        assert not context.app.settings.hub_insecure
        tab.plain.setChecked(True)
        assert context.app.settings.hub_insecure and "HTTP" in tab.plain.text()
    finally:
        context.close()
