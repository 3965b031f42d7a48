"""The app's print queue for the admin's printer setting, rendered with the Qt pass renderer."""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.clock import Clock
from kiosk.printing.queue import PrintQueue
from kiosk.store import Store
from ui.passes.printers import device_for

log = logging.getLogger(__name__)


def make_print_queue(
    store: Store, printer: str, pdf_folder: Path, layout: str, clock: Clock | None = None
) -> PrintQueue | None:
    """The print queue for the admin's printer setting — "pdf" (a folder), "cups:QUEUE",
    "escpos:HOST[:PORT]" — not yet started; None when printing is off. A printer setting that
    cannot be used falls back to the PDF folder, so no pass is lost."""
    if printer in ("none", ""):
        return None
    return PrintQueue(store, device_for(printer, pdf_folder), clock=clock, layout=layout)
