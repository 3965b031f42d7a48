"""AppContext: what every screen is given — the store, the services, settings, signals.

Widgets hold no business state; they call the context and the kiosk services and
listen to ``context.events``. Blocking work (disk, printer, import, export) goes
through ``run_in_background`` so the UI thread never waits on it.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.app import settings as settings_module
from kiosk.app.flow import Mode, ScreenFlow
from kiosk.app.intake import CodeRouter
from kiosk.app.settings import Settings
from kiosk.model import Category
from kiosk.search import SearchIndex
from kiosk.service import CheckinService
from kiosk.store import Store
from ui import i18n
from ui.bridge import FlowEvents
from ui.shell.pass_printing import PassPrinter

log = logging.getLogger(__name__)
HUB_URL_KEY = "sync.hub_url"
HUB_TOKEN_KEY = "sync.token"


class _UiInvoker(QObject):
    """Runs callables on the thread this object lives in (the UI thread), queued."""

    call = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.call.connect(self._run)

    @Slot(object)
    def _run(self, fn: Callable[[], None]) -> None:
        try:
            fn()
        except Exception:
            log.exception("UI callback failed")


class AppContext:
    """One per running app (and per test). Create it on the UI thread."""

    def __init__(
        self,
        store: Store,
        service: CheckinService | None = None,
        settings: Settings | None = None,
        print_queue: Any = None,
        search: SearchIndex | None = None,
    ) -> None:
        self.store = store
        self.settings = settings or settings_module.load(store)
        self.service = service or CheckinService(store, desk=self.settings.desk, gate=self.settings.gate)
        self.search = search or SearchIndex(store)
        self.print_queue = print_queue
        self.closed = False
        self._invoker = _UiInvoker()
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="ui-bg")
        self.flow = ScreenFlow(_mode(self.settings.mode))
        self.events = FlowEvents(self.flow)
        self.service.listeners.append(self.events.on_decision)
        self.camera: Any = None  # ui.scan_feed.CameraFeed (anything with latest()/start()/stop())
        self.camera_spec: str | int | None = None  # the camera to start once the screens listen
        self.codes = CodeRouter(self)  # submit(code, source): camera, scanner and search codes
        self.pass_printer: PassPrinter | None = PassPrinter(self) if print_queue is not None else None
        self.sounds: Any = NoSounds()  # ui.sounds.Sounds once the app has an audio device
        self.sync_worker: Any = None  # kiosk.sync.worker.SyncWorker while the desk syncs with a hub
        self.language = i18n.normalize(self.settings.language)
        self._categories: tuple[int, dict[str, Category]] = (-1, {})

    # -- language ---------------------------------------------------------------------------

    def set_language(self, code: str) -> None:
        """Switch the operator language: installs the translator and tells every screen."""
        code = i18n.normalize(code)
        i18n.install(code)
        changed = code != self.language
        self.language = code
        if code != self.settings.language:
            self.settings = settings_module.save(self.store, self.settings, language=code)
        if changed:
            log.info("language switched to %s", code)
        self.events.language_changed.emit(code)

    def guest_text(self, language: str, context: str, source: str) -> str:
        """``source`` translated into a guest's language (which may differ from the operator's)."""
        return i18n.translate_in(i18n.normalize(language or self.language), context, source)

    def categories(self) -> dict[str, Category]:
        """The event's categories by id (cached until the roster changes)."""
        version = self.store.roster.version
        if self._categories[0] != version:
            self._categories = (version, {c.id: c for c in self.store.roster.categories()})
        return self._categories[1]

    # -- settings ---------------------------------------------------------------------------

    def update_settings(self, **changes: Any) -> Settings:
        """Store changed settings and apply them (gate, desk); an unknown gate changes nothing."""
        if "gate" in changes and changes["gate"] != self.settings.gate:
            self.service.set_gate(changes["gate"])  # raises UnknownGateError before anything is saved
        self.settings = settings_module.save(self.store, self.settings, **changes)
        if "desk" in changes:
            self.service.desk = self.settings.desk
        return self.settings

    # -- background work --------------------------------------------------------------------

    def on_ui_thread(self, fn: Callable[[], None]) -> None:
        """Queue ``fn`` to run on the UI thread (safe to call from any thread)."""
        self._invoker.call.emit(fn)

    def run_in_background(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_progress: Callable[..., None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Future[Any] | None:
        """Run ``fn(*args)`` on a worker; call back on the UI thread (None once the context is closed).

        With ``on_progress``, ``fn`` is also given ``progress=`` — a callable that forwards its
        arguments to ``on_progress`` on the UI thread. Without ``on_error``, failures are logged.
        """
        kwargs: dict[str, Any] = {}
        if on_progress is not None:

            def progress(*p: Any) -> None:
                self.on_ui_thread(lambda: on_progress(*p))

            kwargs["progress"] = progress

        def work() -> Any:
            try:
                result = fn(*args, **kwargs)
            except BaseException as exc:  # noqa: BLE001 - handed to the UI thread
                if on_error is not None:
                    self.on_ui_thread(functools.partial(on_error, exc))
                else:
                    log.error("background %s failed: %s", getattr(fn, "__name__", fn), exc)
                raise
            if on_done is not None:
                self.on_ui_thread(lambda: on_done(result))
            return result

        if self.closed:
            log.debug("context closed: %s not run", getattr(fn, "__name__", fn))
            return None
        return self._pool.submit(work)

    def start_camera(self, source: str | int, opener: Any = None) -> None:
        """Run the scan pipeline on ``source`` (device index or video file) on its own threads."""
        from kiosk.app.camera import CameraFeed

        if self.camera is not None:
            self.camera.stop()
        self.camera = CameraFeed(source, self.service, self.events.camera_state.emit, opener=opener)
        self.camera.start()

    # -- sync with the hub ------------------------------------------------------------------------

    def start_sync(self, url: str, token: str) -> None:
        """Sync with the hub in the background from now on (and after a restart, via settings)."""
        from kiosk.sync.worker import SyncWorker

        self.stop_sync()
        self.store.set_meta(HUB_URL_KEY, url)
        self.store.set_meta(HUB_TOKEN_KEY, token)  # the database file is owner-only (0600)
        self.sync_worker = SyncWorker(self.store, url, token)
        self.service.listeners.append(self.sync_worker.notify)
        self.sync_worker.start()

    def stop_sync(self, wait: bool = False) -> None:
        worker, self.sync_worker = self.sync_worker, None
        if worker is None:
            return
        if worker.notify in self.service.listeners:
            self.service.listeners.remove(worker.notify)
        if wait:
            worker.stop()
        else:
            self.run_in_background(worker.stop)

    def resume_sync(self) -> bool:
        """Start the automatic sync a previous run left on; False when it was off or never set up."""
        url, token = self.store.get_meta(HUB_URL_KEY), self.store.get_meta(HUB_TOKEN_KEY)
        if not (self.settings.auto_sync and url and token):
            return False
        self.start_sync(url, token)
        return True

    def close(self) -> None:
        self.closed = True
        self.stop_sync(wait=True)
        if self.camera is not None and hasattr(self.camera, "stop"):
            self.camera.stop()
        if self.print_queue is not None and hasattr(self.print_queue, "stop"):
            self.print_queue.stop()
        self.codes.close()
        self._pool.shutdown(wait=True, cancel_futures=True)
        if self.events.on_decision in self.service.listeners:
            self.service.listeners.remove(self.events.on_decision)


class NoSounds:
    def play_for(self, decision: Any) -> None:
        pass

    def play(self, name: str) -> None:
        pass


def _mode(text: str) -> Mode:
    try:
        return Mode(text)
    except ValueError:
        log.warning("unknown mode %r in the settings, starting in self-service", text)
        return Mode.SELFSERVICE
