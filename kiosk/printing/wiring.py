"""Choosing a printer from a ``--print-to`` spec, and printing a pass for each admission.

Specs: ``pdf:DIR`` (a folder of PDFs, the demo default), ``cups:QUEUE`` (any system printer
through Qt/CUPS), ``escpos:HOST[:PORT]`` or ``escpos:usb:VID:PID`` (raw thermal printers).

Rendering lives in ``ui.passes`` (Qt) and the domain may not import it, so the UI side
registers its renderer and its Qt-only schemes here (``ui.passes.hooks.install``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from kiosk.errors import KioskError
from kiosk.model import ENTRANCE, Decision
from kiosk.printing.backends import PassRenderer, PdfFolderPrinter, Printer
from kiosk.printing.content import build_content
from kiosk.printing.escpos import EscposPrinter
from kiosk.printing.layout import DEFAULT_LAYOUT, load_layout
from kiosk.printing.queue import PrintQueue

log = logging.getLogger(__name__)

SchemeFactory = Callable[[str, PassRenderer], Printer]
_renderer: Callable[[], PassRenderer] | None = None
_schemes: dict[str, SchemeFactory] = {
    "pdf": lambda target, renderer: PdfFolderPrinter(Path(target), renderer),
    "escpos": lambda target, renderer: EscposPrinter(target, renderer),
}
LAYOUT_KEY = "ui.layout"  # the stock the admin picks in the app's settings
SPEC_HELP = "pdf:DIR | cups:QUEUE | escpos:HOST[:PORT] | escpos:usb:VID:PID"


def register_renderer(factory: Callable[[], PassRenderer]) -> None:
    global _renderer
    _renderer = factory


def register_scheme(scheme: str, factory: SchemeFactory) -> None:
    _schemes[scheme] = factory


def printer_for(spec: str) -> Printer:
    """The printer a spec names; a malformed spec is a one-line error."""
    scheme, _, target = spec.partition(":")
    if not target or scheme not in _schemes:
        raise KioskError(f"--print-to {spec!r}: expected {SPEC_HELP}")
    if _renderer is None:
        raise KioskError("printing needs the Qt pass renderer, which is not installed")
    return _schemes[scheme](target, _renderer())


def chosen_layout(store) -> str:  # type: ignore[no-untyped-def]
    """The stock the admin picked in the app (meta ``ui.layout``), else the default."""
    return store.get_meta(LAYOUT_KEY, DEFAULT_LAYOUT) or DEFAULT_LAYOUT


def pass_printer(
    service,
    spec: str,
    layout: str | None = None,  # type: ignore[no-untyped-def]
    language: str = "zh",
) -> tuple[PrintQueue, Callable[[Decision], None]]:
    """A print queue for ``service``'s store and a callable that queues (and prints) the pass of
    an admission at the entrance. Re-entries, forum doors and refusals print nothing."""
    layout = layout or chosen_layout(service.store)
    load_layout(layout)  # fail now, not at the first admission
    queue = PrintQueue(service.store, printer_for(spec), service.clock, layout)

    def on_admitted(decision: Decision) -> None:
        delegate = decision.delegate
        if not decision.admitted or decision.reentry or decision.gate != ENTRANCE or delegate is None:
            return
        if decision.checkin_id is None:
            return
        roster = service.store.roster
        content = build_content(
            delegate,
            service.event,
            list(service.forums.values()),
            roster.categories(),
            service.clock.now(),
            service.desk,
            language,
            decision.code,
        )
        queue.enqueue(decision.checkin_id, content)
        queue.pump()  # print now; a printer that is away leaves the job to the worker's retries

    return queue, on_admitted


def attach_printing(service, spec: str, layout: str | None = None, language: str = "zh") -> PrintQueue:  # type: ignore[no-untyped-def]
    """Print a pass for every admission at the entrance that ``service`` decides, retrying in a
    background thread while the printer is away. Returns the (started) queue."""
    queue, on_admitted = pass_printer(service, spec, layout, language)
    service.listeners.append(on_admitted)
    queue.start()
    return queue
