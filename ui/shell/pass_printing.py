"""Passes for admitted delegates: the print queue wired to the app, off the UI thread.

``make_print_queue`` builds the printing engineer's ``PrintQueue`` for the configured
printer (a PDF folder in the demo). ``PassPrinter`` enqueues a pass for each admission
(not for re-entries or refusals) in self-service mode (the desk queues its own), and forwards the queue's
state to ``context.events.printer_state``.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer

from kiosk.app.flow import Mode
from kiosk.model import Decision

log = logging.getLogger(__name__)

PRINTING_MODES = (Mode.SELFSERVICE,)  # the desk queues its own passes (ui/desk/actions.py)
POLL_MS = 1000


def make_print_queue(store: Any, printer: str, pdf_folder: Path, layout: str, clock: Any = None) -> Any:
    """The print queue for the admin's printer setting — "pdf" (a folder), "cups:QUEUE",
    "escpos:HOST[:PORT]" — not yet started; None when printing is off. A printer setting that
    cannot be used falls back to the PDF folder, so no pass is lost."""
    if printer in ("none", ""):
        return None
    from kiosk.errors import KioskError
    from kiosk.printing import wiring
    from kiosk.printing.backends import PdfFolderPrinter
    from kiosk.printing.queue import PrintQueue
    from ui.passes import QtPassRenderer, hooks

    hooks.install()
    device: Any = PdfFolderPrinter(pdf_folder, QtPassRenderer())
    if printer != "pdf":
        try:
            device = wiring.printer_for(printer)
        except KioskError as exc:
            log.warning("printer setting %r cannot be used (%s); passes go to the PDF folder", printer, exc)
    return PrintQueue(store, device, clock=clock, layout=layout)


class PassPrinter:
    """Enqueues passes for admissions; all of it on background threads."""

    def __init__(self, context: Any) -> None:
        self.context = context
        self.last_state: Any = None  # the queue's latest PrinterState, kept on the UI thread
        queue = context.print_queue
        self._poll = QTimer(interval=POLL_MS)
        if queue is not None:
            queue.listeners.append(self._on_queue_state)
            self._poll.timeout.connect(self.refresh)
            self._poll.start()
            self.refresh()
        context.events.decided.connect(self._on_decided)
        context.events.printer_state.connect(self._remember)

    def refresh(self) -> None:
        """Ask the queue for its state in the background (it says when it changes, not when it fails)."""
        if self.context.print_queue is not None:
            self.context.run_in_background(self.context.print_queue.state, on_done=self._on_polled)

    def _on_polled(self, state: Any) -> None:
        if state != self.last_state:
            self.context.events.printer_state.emit(state)

    def _remember(self, state: Any) -> None:
        self.last_state = state

    @property
    def printer_down(self) -> bool:
        return self.last_state is not None and self.last_state.status in ("offline", "stuck")

    def wants_pass(self, decision: Decision) -> bool:
        return (
            self.context.print_queue is not None
            and decision.admitted
            and not decision.reentry
            and decision.delegate is not None
            and decision.checkin_id is not None
            and self.context.flow.mode in PRINTING_MODES
        )

    def _on_decided(self, decision: Decision) -> None:
        if self.wants_pass(decision):
            self.context.run_in_background(self.enqueue, decision)

    def enqueue(self, decision: Decision, reason: str | None = None) -> str:
        """Build the pass and queue it (blocking: call it in the background)."""
        from kiosk.printing.content import build_content

        service = self.context.service
        assert decision.delegate is not None and decision.checkin_id is not None
        content = build_content(
            decision.delegate, service.event, service.forums, self.context.categories(),
            service.clock.now(), service.desk, language=self.context.language[:2],
        )  # fmt: skip
        return str(self.context.print_queue.enqueue(decision.checkin_id, content, reason=reason))

    def _on_queue_state(self, state: Any) -> None:
        # Called on the print thread: the signal is queued to the UI thread.
        self.context.events.printer_state.emit(state)
