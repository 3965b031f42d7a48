"""Passes at a kiosk: each decision the pass policy says prints one is queued, off the deciding thread.

The policy (``kiosk.printing.policy.wants_pass``) is asked for every decision, whatever
path it took (camera, scanner, desk search, override, walk-in). A volunteer's reprint and the
pass of a new badge are asked for explicitly and journalled with their reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from kiosk.changes import Changes
from kiosk.model import Action, Decision, Delegate, Mode
from kiosk.printing.issue import pass_content
from kiosk.printing.policy import wants_pass
from kiosk.printing.queue import PrintQueue
from kiosk.service import CheckinService

log = logging.getLogger(__name__)


class PassService:
    def __init__(
        self,
        service: CheckinService,
        queue: PrintQueue | None,
        mode: Callable[[], Mode],
        language: Callable[[], str],
    ) -> None:
        self.service = service
        self.queue = queue
        self._mode = mode
        self._language = language  # zh | en: the kiosk's, for delegates whose language is unknown
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="passes")
        service.decided.connect(self._on_decided)

    @property
    def printing(self) -> bool:
        return self.queue is not None

    def wants(self, decision: Decision) -> bool:
        return wants_pass(decision, self._mode(), self.printing)

    def _on_decided(self, decision: Decision) -> None:
        if self.wants(decision):
            self._worker.submit(self.enqueue, decision)

    def enqueue(self, decision: Decision, reason: str | None = None) -> str | None:
        """Build the pass of a decision and queue it (blocking: the disk); None with no printer."""
        if self.queue is None or decision.delegate is None or decision.checkin_id is None:
            return None
        content = pass_content(self.service, decision.delegate, self._language(), decision.code)
        return self.queue.enqueue(decision.checkin_id, content, reason=reason)

    def print_for(self, delegate: Delegate, checkin_id: str, reason: str) -> bool:
        """Queue ``delegate``'s pass for a journal entry that is not a decision (a reprint, a new badge)."""
        if self.queue is None:
            return False
        self.queue.enqueue(checkin_id, pass_content(self.service, delegate, self._language()), reason)
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
