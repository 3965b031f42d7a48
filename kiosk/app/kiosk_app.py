"""KioskApp: one running kiosk, as the screens (and tests, without Qt) drive it.

It owns the check-in service, the screen flow, the settings, the intake every code goes
through, the pass policy's printer, the camera feed and the sync with the hub. Screens
never reach past it into the store's tables; the Qt side (``ui.bridge``) only turns its
events into signals.
"""

from __future__ import annotations

import logging
from concurrent.futures import Future
from typing import Any

from kiosk.app import settings as settings_module
from kiosk.app.camera import CameraFeed
from kiosk.app.flow import FlowChange, Mode, ScreenFlow, State
from kiosk.app.guest import GuestLanguage
from kiosk.app.health import desk_facts
from kiosk.app.intake import Intake
from kiosk.app.language import normalize_language
from kiosk.app.passes import PassService
from kiosk.app.phone_check import PhoneTries
from kiosk.app.settings import Settings
from kiosk.events import Listeners
from kiosk.model import Category
from kiosk.printing.queue import PrintQueue
from kiosk.search import SearchIndex
from kiosk.service import CheckinService
from kiosk.store import Store
from kiosk.sync.worker import SyncWorker

log = logging.getLogger(__name__)
HUB_URL_KEY = "sync.hub_url"
HUB_TOKEN_KEY = "sync.token"
HUB_PIN_KEY = "sync.hub_pin"  # the hub certificate's fingerprint, sha256:AB:… ("" for none)


class KioskApp:
    """One per running kiosk (and per test)."""

    def __init__(
        self,
        store: Store,
        service: CheckinService | None = None,
        settings: Settings | None = None,
        print_queue: PrintQueue | None = None,
        search: SearchIndex | None = None,
    ) -> None:
        self.store = store
        self.settings = settings or settings_module.load(store)
        self.service = service or CheckinService(store, desk=self.settings.desk, gate=self.settings.gate)
        self.service.operator = self.settings.operator
        self.search = search or SearchIndex(store)
        self.flow = ScreenFlow(Mode(self.settings.mode))
        self.language = normalize_language(self.settings.language)
        self.guest = GuestLanguage(lambda: self.language)  # a self-service guest's first language
        self.flow.changed.connect(self._on_flow_change)
        self.intake = Intake(self.service, self.flow)
        self.phone = PhoneTries(self.service)  # a guest's phone digits, three tries per delegate
        self.passes = PassService(
            self.service, print_queue, lambda: self.flow.mode, lambda: self.language[:2],
            lambda: self.settings.layout,
        )  # fmt: skip
        self.camera: CameraFeed | None = None
        self.camera_spec: str | int | None = None  # the camera to start once the screens listen
        self.camera_state: Listeners[str] = Listeners()
        self.sync_worker: SyncWorker | None = None
        self.closed = False

    @property
    def print_queue(self) -> PrintQueue | None:
        return self.passes.queue

    def categories(self) -> dict[str, Category]:
        return self.service.categories

    def _on_flow_change(self, change: FlowChange) -> None:
        if change.state is State.IDLE:
            self.guest.reset()  # the next guest starts in the kiosk's language

    # -- settings and language ----------------------------------------------------------------

    def update_settings(self, **changes: Any) -> Settings:
        """Store changed settings and apply them (gate, desk); an unknown gate or a phone number
        that is not one (KioskError ``BAD_PHONE``) changes nothing."""
        if "supervisor_phone" in changes:
            changes["supervisor_phone"] = settings_module.check_phone(changes["supervisor_phone"])
        if "gate" in changes and changes["gate"] != self.settings.gate:
            self.service.set_gate(changes["gate"])  # raises UnknownGateError before anything is saved
        self.settings = settings_module.save(self.store, self.settings, **changes)
        if "desk" in changes:
            self.service.desk = self.settings.desk
        if "operator" in changes:
            self.service.operator = self.settings.operator
        return self.settings

    def set_language(self, code: str) -> bool:
        """Switch the operator language (kept in the settings); True when it changed."""
        code = normalize_language(code)
        changed, self.language = code != self.language, code
        if code != self.settings.language:
            self.settings = settings_module.save(self.store, self.settings, language=code)
        return changed

    # -- camera -------------------------------------------------------------------------------

    def start_camera(self, source: str | int, opener: Any = None) -> None:
        """Run the scan pipeline on ``source`` (device index or video file); its codes go to the intake."""
        if self.camera is not None:
            self.camera.stop()
        self.camera = CameraFeed(source, self.intake, self.camera_state.emit, opener=opener)
        self.camera.start()

    def capture_code(self) -> Future[str]:
        """The next code the camera (resumed for it on the admin screen) or a scanner reads, handed
        over instead of decided; the camera is paused again once it is read or the wait cancelled."""
        future = self.intake.capture_next()
        camera = self.camera
        if camera is not None and camera.paused:
            camera.pause(False)
            future.add_done_callback(lambda _done: camera.pause(self.flow.mode is Mode.ADMIN))
        return future

    def stop_camera(self) -> None:
        """No camera from now on (the admin chose none)."""
        if self.camera is not None:
            self.camera.stop()
        self.camera = None

    # -- sync with the hub --------------------------------------------------------------------

    def start_sync(self, url: str, token: str, pin: str = "") -> None:
        """Sync with the hub in the background from now on (and after a restart, via the store);
        ``pin`` is its certificate's fingerprint, plain HTTP off loopback as the settings allow."""
        self.stop_sync(wait=False)
        self.store.set_meta(HUB_URL_KEY, url)
        self.store.set_meta(HUB_TOKEN_KEY, token)  # the database file is owner-only (0600)
        self.store.set_meta(HUB_PIN_KEY, pin)
        self.sync_worker = SyncWorker(
            self.store, url, token, health=lambda: desk_facts(self.settings, self.print_queue, self.camera),
            pin=pin, insecure=self.settings.hub_insecure,
        )  # fmt: skip
        self.service.decided.connect(self.sync_worker.notify)
        self.sync_worker.start()

    def stop_sync(self, wait: bool = False) -> SyncWorker | None:
        """Stop syncing; returns the worker, still stopping when ``wait`` is False."""
        worker, self.sync_worker = self.sync_worker, None
        if worker is None:
            return None
        self.service.decided.disconnect(worker.notify)
        if wait:
            worker.stop()
        return worker

    def resume_sync(self) -> bool:
        """Start the automatic sync a previous run left on; False when it was off or never set up."""
        url, token = self.store.get_meta(HUB_URL_KEY), self.store.get_meta(HUB_TOKEN_KEY)
        if not (self.settings.auto_sync and url and token):
            return False
        self.start_sync(url, token, self.store.get_meta(HUB_PIN_KEY) or "")
        return True

    def close(self) -> None:
        self.closed = True
        self.stop_sync(wait=True)
        if self.camera is not None:
            self.camera.stop()
        self.intake.close()
        self.passes.close()
