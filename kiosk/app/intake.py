"""One path for every presented code: camera, USB scanner, a code typed at the desk, a confirmed search.

``submit(code, source)`` may be called from any thread. It honours the screen flow:

- in admin mode, while the admin PIN is asked, or while paused, codes are ignored;
- while a guest at a self-service kiosk is searching their name or confirming their phone
  digits, a code from the camera or a scanner (often the next person's phone in view) does
  not replace what the guest is doing: it is *held*, the screen offers "a badge was scanned —
  show it?", and the held code is dropped when the guest leaves the search;
- at a door whose direction toggle says "leaving" (``exits``), a code is an exit;
- otherwise the code is decided, one at a time, on a worker of its own (the journal commit is
  a disk write the UI thread must not wait on). The decision reaches the screens through the
  check-in service's ``decided`` listeners.

``capture_next()`` comes before all of these: the next code the camera or a scanner reads, in
any mode, is handed to the future it returns instead of being decided (the admin scanning the
hub's enrolment QR). Cancelling the future gives the codes back to check-in.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from enum import StrEnum

from kiosk.app.flow import FlowChange, Mode, ScreenFlow, State
from kiosk.errors import KioskError
from kiosk.events import Listeners
from kiosk.model import Decision, How
from kiosk.service import CheckinService
from kiosk.store.problems import DatabaseProblem

log = logging.getLogger(__name__)


class CodeSource(StrEnum):
    CAMERA = "camera"
    SCANNER = "scanner"  # a USB barcode scanner (keyboard wedge)
    TYPED = "typed"  # a code typed by a volunteer at the desk
    DESK_SEARCH = "desk_search"  # a volunteer searched a name and checked in the one found
    SEARCH = "search"  # a guest's own name search, confirmed with their phone digits


HOW = {CodeSource.CAMERA: How.CAMERA, CodeSource.SCANNER: How.SCANNER, CodeSource.TYPED: How.TYPED,
       CodeSource.DESK_SEARCH: How.DESK_SEARCH, CodeSource.SEARCH: How.SELF_SEARCH}  # fmt: skip


class Verdict(StrEnum):
    DECIDE = "decide"
    HOLD = "hold"
    IGNORE = "ignore"


GUEST_TYPING = frozenset({State.SEARCH, State.CONFIRM})
PRESENTED = frozenset({CodeSource.CAMERA, CodeSource.SCANNER})


def verdict(flow: ScreenFlow, source: CodeSource, paused: bool = False) -> Verdict:
    """What the intake does with a code from ``source`` in the flow's current mode and state."""
    if paused or flow.mode is Mode.ADMIN or flow.state is State.PIN:
        return Verdict.IGNORE
    if source in PRESENTED and flow.mode is Mode.SELFSERVICE and flow.state in GUEST_TYPING:
        return Verdict.HOLD
    return Verdict.DECIDE


class Intake:
    def __init__(self, service: CheckinService, flow: ScreenFlow) -> None:
        self.service = service
        self.flow = flow
        self.paused = False
        self.exits = False  # a door's direction toggle: codes are people leaving, not coming in
        self.held: str | None = None  # a code shown while a guest was typing
        self.scanned: Listeners[CodeSource] = Listeners()  # a code is being decided
        self.held_changed: Listeners[bool] = Listeners()  # a code is held (True) or no longer (False)
        # the database refused a decision (damaged, read-only, disk full, held by another program):
        # nothing was acknowledged, and the screens show what to do
        self.store_failed: Listeners[DatabaseProblem] = Listeners()
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="decide")
        self._capture: Future[str] | None = None
        self._capture_lock = threading.Lock()
        flow.changed.connect(self._on_flow_change)

    def capture_next(self) -> Future[str]:
        """The next code from the camera or a scanner, not decided; a capture still waiting is cancelled."""
        future: Future[str] = Future()
        with self._capture_lock:
            previous, self._capture = self._capture, future
        if previous is not None:
            previous.cancel()
        return future

    def _captured(self, code: str, source: CodeSource) -> bool:
        """Hand ``code`` to a waiting capture; False when none waits (or it was cancelled)."""
        if source not in PRESENTED:
            return False
        with self._capture_lock:
            capture, self._capture = self._capture, None
        if capture is None or not capture.set_running_or_notify_cancel():
            return False
        log.info("code from %s captured, not decided", source)
        capture.set_result(code)
        return True

    def submit(self, code: str, source: CodeSource) -> Future[Decision | None] | None:
        """Decide on ``code`` in the background, or hold or ignore it (then None)."""
        if self._captured(code, source):
            return None
        answer = verdict(self.flow, source, self.paused)
        if answer is Verdict.IGNORE:
            log.debug("code from %s ignored in %s/%s", source, self.flow.mode, self.flow.state)
            return None
        if answer is Verdict.HOLD:
            log.info("code from %s held while the guest is in %s", source, self.flow.state)
            self.held = code
            self.held_changed.emit(True)
            return None
        return self._decide_later(code, source)

    def decide_now(self, code: str | bytes, source: CodeSource = CodeSource.CAMERA) -> Decision | None:
        """``submit`` and wait for the decision: what the camera's decoder thread calls."""
        text = code.decode("utf-8", "replace") if isinstance(code, bytes) else code
        future = self.submit(text, source)
        return future.result() if future is not None else None

    # the scan pipeline's Decider protocol
    check_in = decide_now

    def release_held(self) -> Future[Decision | None] | None:
        """The guest chose to see the held code's result: decide it now."""
        code, self.held = self.held, None
        if code is None:
            return None
        self.held_changed.emit(False)
        return self._decide_later(code, CodeSource.SCANNER)

    def discard_held(self) -> None:
        if self.held is not None:
            self.held = None
            self.held_changed.emit(False)

    def _decide_later(self, code: str, source: CodeSource) -> Future[Decision | None]:
        self.scanned.emit(source)
        return self._worker.submit(self._decide, code, source, self.exits)

    def _decide(self, code: str, source: CodeSource, leaving: bool) -> Decision | None:
        try:
            how = HOW[source]
            return self.service.check_out(code, how) if leaving else self.service.check_in(code, how)
        except KioskError as exc:
            log.error("code from %s could not be decided: %s", source, exc)
        except DatabaseProblem as problem:
            log.error("code from %s not decided: the database is %s", source, problem.problem)
            self.store_failed.emit(problem)
        except Exception:
            log.exception("code from %s could not be decided", source)
        return None

    def _on_flow_change(self, change: FlowChange) -> None:
        if change.state not in GUEST_TYPING or change.mode_changed:
            self.discard_held()
        if change.mode_changed and change.mode is not Mode.DOOR:
            self.exits = False

    def close(self) -> None:
        with self._capture_lock:
            capture, self._capture = self._capture, None
        if capture is not None:
            capture.cancel()
        self._worker.shutdown(wait=True, cancel_futures=True)
