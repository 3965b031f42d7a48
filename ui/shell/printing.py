"""The app's print queue for the admin's printer setting, rendered with the Qt pass renderer."""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.clock import Clock
from kiosk.errors import KioskError
from kiosk.printing.backends import PdfFolderPrinter, Printer
from kiosk.printing.queue import PrintQueue
from kiosk.store import Store
from ui.passes.printers import qt_printers

log = logging.getLogger(__name__)


def make_print_queue(
    store: Store, printer: str, pdf_folder: Path, layout: str, clock: Clock | None = None
) -> PrintQueue | None:
    """The print queue for the admin's printer setting — "pdf" (a folder), "cups:QUEUE",
    "escpos:HOST[:PORT]" — not yet started; None when printing is off. A printer setting that
    cannot be used falls back to the PDF folder, so no pass is lost."""
    if printer in ("none", ""):
        return None
    printers = qt_printers()
    device: Printer = PdfFolderPrinter(pdf_folder, printers.renderer())
    if printer != "pdf":
        try:
            device = printers.printer_for(printer)
        except KioskError as exc:
            log.warning("printer setting %r cannot be used (%s); passes go to the PDF folder", printer, exc)
    return PrintQueue(store, device, clock=clock, layout=layout)
