"""Choosing a printer from a ``--print-to`` spec, and printing a pass for each decision that wants one.

Specs: ``pdf:DIR`` (a folder of PDFs, the demo default), ``cups:QUEUE`` (any system printer
through Qt/CUPS), ``escpos:HOST[:PORT]`` or ``escpos:usb:VID:PID`` (raw thermal printers).

Rendering lives in ``ui.passes`` (Qt) and the domain may not import it, so whoever starts
the program (``main.py``, the app) hands a ``Printers`` value with the renderer and its
Qt-only schemes to the code that prints. Nothing here is registered at import time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.errors import ErrorCode, KioskError
from kiosk.model import Decision, Mode
from kiosk.printing.backends import PassRenderer, PdfFolderPrinter, Printer
from kiosk.printing.escpos import EscposPrinter
from kiosk.printing.issue import pass_content
from kiosk.printing.layout import DEFAULT_LAYOUT, LAYOUT_SETTING, load_layout
from kiosk.printing.policy import wants_pass
from kiosk.printing.queue import PrintQueue
from kiosk.service import CheckinService
from kiosk.store import Store

log = logging.getLogger(__name__)

SchemeFactory = Callable[[str, PassRenderer], Printer]
BUILT_IN_SCHEMES: Mapping[str, SchemeFactory] = {
    "pdf": lambda target, renderer: PdfFolderPrinter(Path(target), renderer),
    "escpos": lambda target, renderer: EscposPrinter(target, renderer),
}
SPEC_HELP = "pdf:DIR | cups:QUEUE | escpos:HOST[:PORT] | escpos:usb:VID:PID"


@dataclass(frozen=True)
class Printers:
    """Makes the printer a spec names, with the renderer and extra schemes it was given."""

    renderer: Callable[[], PassRenderer]
    schemes: Mapping[str, SchemeFactory] = field(default_factory=dict)
    prepare: Callable[[], None] = lambda: None  # run once on the main thread before printing

    def printer_for(self, spec: str) -> Printer:
        """The printer ``spec`` names; a malformed spec is a one-line error."""
        schemes = {**BUILT_IN_SCHEMES, **self.schemes}
        scheme, _, target = spec.partition(":")
        if not target or scheme not in schemes:
            raise KioskError(f"--print-to {spec!r}: expected {SPEC_HELP}", ErrorCode.PRINTER, spec=spec)
        return schemes[scheme](target, self.renderer())


def chosen_layout(store: Store) -> str:
    """The stock the admin picked in the app, else the default."""
    return store.get_meta(LAYOUT_SETTING, DEFAULT_LAYOUT) or DEFAULT_LAYOUT


def pass_printer(
    service: CheckinService, printers: Printers, spec: str, layout: str | None = None, language: str = "zh"
) -> tuple[PrintQueue, Callable[[Decision], None]]:
    """A print queue for ``service``'s store and a callable that queues (and prints) the pass of
    each decision the pass policy says prints one, as an unattended scanning station would."""
    layout = layout or chosen_layout(service.store)
    load_layout(layout)  # fail now, not at the first admission
    printers.prepare()
    queue = PrintQueue(service.store, printers.printer_for(spec), service.clock, layout)

    def on_decision(decision: Decision) -> None:
        if not wants_pass(decision, Mode.SELFSERVICE, printing=True):
            return
        assert decision.delegate is not None and decision.checkin_id is not None
        queue.enqueue(decision.checkin_id, pass_content(service, decision.delegate, language, decision.code))
        queue.pump()  # print now; a printer that is away leaves the job to the worker's retries

    return queue, on_decision


def attach_printing(
    service: CheckinService, printers: Printers, spec: str, layout: str | None = None, language: str = "zh"
) -> PrintQueue:
    """Print a pass for every decision of ``service`` that wants one, retrying in a background
    thread while the printer is away. Returns the (started) queue."""
    queue, on_decision = pass_printer(service, printers, spec, layout, language)
    service.decided.connect(on_decision)
    queue.start()
    return queue
