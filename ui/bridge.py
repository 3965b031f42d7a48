"""The Qt bridge: the one place where the application's events become Qt signals.

``AppContext`` is what every screen is given: the Qt-free ``KioskApp`` (``context.app``:
service, flow, settings, intake, passes, camera, sync) plus what only Qt has — signals
(``context.events``), work in the background with answers on the UI thread, the operator's
translator, sounds and the printer's status.

Decisions may come from any thread (the camera's decoder, the intake's worker); signals
emitted here are delivered to widgets on the UI thread by Qt's queued connections, so no
widget is ever touched from another thread.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Protocol

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from kiosk.app.flow import FlowChange, Mode, ScreenFlow
from kiosk.app.kiosk_app import KioskApp
from kiosk.model import Decision
from kiosk.printing.queue import PrinterState, PrintQueue
from ui import i18n

log = logging.getLogger(__name__)
PRINTER_POLL_MS = 1000


class FlowEvents(QObject):
    """Signals named as events. Connect widgets here; never to the flow or service directly."""

    decided = Signal(object)  # kiosk.model.Decision
    flow_changed = Signal(object)  # kiosk.app.flow.FlowChange
    mode_changed = Signal(str)  # a Mode value
    language_changed = Signal(str)  # zh_CN | en
    printer_state = Signal(object)  # the print queue's state snapshot; None: printing is off
    camera_state = Signal(str)  # live | failed | stopped | none, plus ": detail"
    roster_changed = Signal()
    scanned = Signal(str)  # a code from a USB scanner or the camera, before the decision
    code_held = Signal(bool)  # a code shown while a guest was typing is waiting (True) or gone
    frame = Signal(object)  # latest camera frame (numpy array), for previews
    database_problem = Signal(object)  # kiosk.store.problems.DatabaseProblem: a decision the store refused

    def __init__(self, flow: ScreenFlow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.flow = flow
        flow.changed.connect(self._on_flow_change)

    def _on_flow_change(self, change: FlowChange) -> None:
        self.flow_changed.emit(change)
        if change.mode_changed:
            self.mode_changed.emit(str(change.mode))

    def on_decision(self, decision: Decision) -> None:
        """A CheckinService listener: safe to call from any thread."""
        self.decided.emit(decision)

    @property
    def mode(self) -> Mode:
        return self.flow.mode


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


class Sounds(Protocol):
    def play_for(self, decision: Decision) -> None: ...

    def play(self, name: str) -> None: ...

    def say(self, prompt: str, language: str) -> None: ...  # ui.shell.speech.Prompt, zh | en


class NoSounds:
    def play_for(self, decision: Decision) -> None:
        pass

    def play(self, name: str) -> None:
        pass

    def say(self, prompt: str, language: str) -> None:
        pass


class PrinterStatus(QObject):
    """The print queue's state on the UI thread: told on changes, polled for what it cannot tell.

    A QObject owned by the context's events, so a state still on its way when printing is
    turned off is dropped with it (``deleteLater``) rather than delivered to a freed object."""

    def __init__(self, context: AppContext, queue: PrintQueue) -> None:
        super().__init__(context.events)
        self.context = context
        self.queue = queue
        self.last_state: PrinterState | None = None
        self._forward = context.events.printer_state.emit  # queued to the UI thread
        queue.state_changed.connect(self._forward)
        context.events.printer_state.connect(self._remember)
        self._poll = QTimer(self, interval=PRINTER_POLL_MS)
        self._poll.timeout.connect(self.refresh)
        self._poll.start()
        self.refresh()

    def refresh(self) -> None:
        """Ask the queue for its state in the background (it says when it changes, not when it fails)."""
        self.context.run_in_background(self.queue.state, on_done=self._on_polled)

    def _on_polled(self, state: PrinterState) -> None:
        if state != self.last_state:
            self.context.events.printer_state.emit(state)

    @Slot(object)
    def _remember(self, state: PrinterState | None) -> None:
        self.last_state = state

    @property
    def printer_down(self) -> bool:
        return self.last_state is not None and self.last_state.status in ("offline", "stuck")

    def stop(self) -> None:
        self._poll.stop()
        self.queue.state_changed.disconnect(self._forward)
        self.context.events.printer_state.disconnect(self._remember)


class AppContext:
    """One per running app (and per test). Create it on the UI thread."""

    def __init__(self, app: KioskApp) -> None:
        self.app = app
        self.closed = False
        self.events = FlowEvents(self.app.flow)
        self.sounds: Sounds = NoSounds()  # ui.shell.sounds.Sounds once the app has an audio device
        self._invoker = _UiInvoker()
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="ui-bg")
        app.service.decided.connect(self.events.on_decision)
        app.intake.scanned.connect(lambda source: self.events.scanned.emit(str(source)))
        app.intake.held_changed.connect(self.events.code_held.emit)
        app.intake.store_failed.connect(self.events.database_problem.emit)
        app.camera_state.connect(self.events.camera_state.emit)
        self.printer = PrinterStatus(self, app.print_queue) if app.print_queue is not None else None
        app.passes.queue_changed.connect(lambda _queue: self.on_ui_thread(self._watch_printer))

    def _watch_printer(self) -> None:
        """Printing was turned on or off: watch the queue there is now, or say there is none."""
        queue = None if self.closed else self.app.print_queue
        if self.printer is not None and self.printer.queue is queue:
            return
        if self.printer is not None:
            self.printer.stop()
            self.printer.deleteLater()
        self.printer = PrinterStatus(self, queue) if queue is not None else None
        if self.printer is None:
            self.events.printer_state.emit(None)

    # -- language ---------------------------------------------------------------------------

    @property
    def language(self) -> str:
        return self.app.language

    def set_language(self, code: str) -> None:
        """Switch the operator language: installs the translator and tells every screen."""
        i18n.install(i18n.normalize(code))
        if self.app.set_language(code):
            log.info("language switched to %s", self.app.language)
        self.events.language_changed.emit(self.app.language)

    def guest_text(self, language: str, context: str, source: str) -> str:
        """``source`` translated into a guest's language (which may differ from the operator's)."""
        return i18n.translate_in(i18n.normalize(language or self.language), context, source)

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

    def stop_sync(self) -> None:
        """Stop syncing without waiting on the UI thread for the worker's last push."""
        worker = self.app.stop_sync(wait=False)
        if worker is not None:
            self.run_in_background(worker.stop)

    def close(self) -> None:
        self.closed = True
        if self.printer is not None:
            self.printer.stop()
        self.app.close()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self.app.service.decided.disconnect(self.events.on_decision)
