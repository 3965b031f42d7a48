"""Passes at a kiosk: each decision the pass policy says prints one is queued, off the deciding thread.

The policy (``kiosk.printing.policy.wants_pass``) is asked for every decision, whatever
path it took (camera, scanner, desk search, override, walk-in). A volunteer's reprint and the
pass of a new badge are asked for explicitly and journalled with their reason.

**Self-reprint.** A guest whose pass did not come out (a jam, paper out, a pass left behind)
scans again. At a self-service kiosk, within ``reprint_minutes`` of being admitted *at this
kiosk*, that re-scan reprints the pass once (journalled as a reprint with ``SELF_REPRINT`` as
its reason) instead of sending the guest to the desk. A second re-scan, another kiosk or a
later time is "already checked in" as before: the desk decides.

**Printing on and off.** ``use_queue`` turns printing on (a queue) or off (None) in the running
kiosk: the policy is asked with the queue there is at each decision. The previous queue finishes
the pass on its way and stops before the next one starts; the passes it had not sent stay in the
store, and the next queue prints them. Each pass is queued on the layout the settings name then.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta

from kiosk import paths
from kiosk.changes import Changes
from kiosk.events import Listeners
from kiosk.model import ENTRANCE, Action, Decision, Delegate, Mode, Outcome
from kiosk.printing.issue import pass_content
from kiosk.printing.policy import wants_pass
from kiosk.printing.queue import PrintQueue
from kiosk.service import CheckinService

log = logging.getLogger(__name__)
SELF_REPRINT = "self-service re-scan soon after admission"
REPRINT_MINUTES = 10


def may_self_reprint(decision: Decision, mode: Mode, printing: bool, desk: str, now: datetime,
                     minutes: int, reprints_since: Callable[[str, datetime], int]) -> bool:  # fmt: skip
    """Whether a re-scan reprints the pass: the pass policy's first admission, seen again soon, here, once."""
    first = decision.first_checkin
    if not (printing and mode is Mode.SELFSERVICE and decision.outcome is Outcome.ALREADY_CHECKED_IN):
        return False
    if first is None or decision.delegate is None or decision.gate != ENTRANCE or first.desk != desk:
        return False
    if minutes <= 0 or not timedelta(0) <= now - first.at <= timedelta(minutes=minutes):
        return False
    return reprints_since(decision.delegate.id, first.at) == 0


class PassService:
    def __init__(
        self,
        service: CheckinService,
        queue: PrintQueue | None,
        mode: Callable[[], Mode],
        language: Callable[[], str],
        layout: Callable[[], str | None] = lambda: None,
    ) -> None:
        self.service = service
        self.queue = queue
        self.queue_changed: Listeners[PrintQueue | None] = Listeners()  # printing turned on or off
        self.pdf_home = paths.passes_folder()  # where PDF passes go when no folder is set
        self._mode = mode
        self._language = language  # zh | en: the kiosk's, for delegates whose language is unknown
        self._layout = layout  # the pass stock chosen now (None: the queue's)
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="passes")
        self.reprint_minutes = REPRINT_MINUTES
        self._self_reprinted: set[str] = set()  # ids of the re-scan decisions that reprint
        service.decided.connect(self._on_decided)

    @property
    def printing(self) -> bool:
        return self.queue is not None

    def use_queue(self, queue: PrintQueue | None) -> None:
        """Print on ``queue`` (not yet started) from now on, or nothing (None), without a restart."""
        previous, self.queue = self.queue, queue
        if previous is queue:
            return

        def swap() -> None:  # on the passes thread, in order with the passes queued before
            if previous is not None:
                previous.stop()
            if queue is not None:
                queue.start()

        self._worker.submit(swap)
        log.info("printing %s", f"on {queue.printer.name}" if queue is not None else "off")
        self.queue_changed.emit(queue)

    def wants(self, decision: Decision) -> bool:
        return wants_pass(decision, self._mode(), self.printing)

    def self_reprints(self, decision: Decision) -> bool:
        """Did this re-scan reprint the pass (asked by the screen after the decision)?"""
        return decision.checkin_id is not None and decision.checkin_id in self._self_reprinted

    def _reprints_since(self, delegate_id: str, since: datetime) -> int:
        entries = self.service.store.journal.for_delegate(delegate_id)
        return sum(
            1 for e in entries if e.action is Action.REPRINT and e.reason == SELF_REPRINT and e.at >= since
        )

    def _on_decided(self, decision: Decision) -> None:
        """On the deciding thread, before the screens hear of the decision."""
        queue = self.queue  # read once: the pass goes on it even if printing is turned off meanwhile
        if wants_pass(decision, self._mode(), queue is not None):
            self._worker.submit(self._enqueue_on, queue, decision)
        elif decision.checkin_id is not None and may_self_reprint(
            decision, self._mode(), queue is not None, self.service.desk, self.service.clock.now(),
            self.reprint_minutes, self._reprints_since,
        ):  # fmt: skip
            assert decision.delegate is not None
            self._self_reprinted.add(decision.checkin_id)
            self.reprint(decision.delegate, SELF_REPRINT)  # journalled before the screen says so

    def enqueue(self, decision: Decision, reason: str | None = None) -> str | None:
        """Build the pass of a decision and queue it (blocking: the disk); None with no printer."""
        return self._enqueue_on(self.queue, decision, reason)

    def _enqueue_on(
        self, queue: PrintQueue | None, decision: Decision, reason: str | None = None
    ) -> str | None:
        if queue is None or decision.delegate is None or decision.checkin_id is None:
            return None
        content = pass_content(self.service, decision.delegate, self._language(), decision.code)
        return queue.enqueue(decision.checkin_id, content, reason=reason, layout=self._layout())

    def print_for(self, delegate: Delegate, checkin_id: str, reason: str) -> bool:
        """Queue ``delegate``'s pass for a journal entry that is not a decision (a reprint, a new
        badge, a test pass)."""
        queue = self.queue  # read once: printing may be turned off meanwhile
        if queue is None:
            return False
        content = pass_content(self.service, delegate, self._language())
        queue.enqueue(checkin_id, content, reason, layout=self._layout())
        return True

    def reprint(self, delegate: Delegate, reason: str) -> tuple[Changes, bool]:
        """Journal a reprint with its reason and queue the pass; (changes, queued)."""
        changes = self.service.note(delegate, Action.REPRINT, reason)
        assert changes.entry is not None
        return changes, self.print_for(delegate, changes.entry.id, reason)

    def reissue(self, delegate_id: str, reason: str) -> tuple[Changes, bool]:
        """A new badge code for a delegate, and the pass that carries it; (changes, queued)."""
        changes = self.service.reissue(delegate_id, reason)
        assert changes.entry is not None and changes.delegate is not None
        return changes, self.print_for(changes.delegate, changes.entry.id, reason)

    def close(self) -> None:
        self._worker.shutdown(wait=True)
        if self.queue is not None:
            self.queue.stop()
