"""The printers this build can drive: the Qt pass renderer, plus the Qt/CUPS ``cups:`` scheme;
the app's print queue for the admin's printer setting.

Imports no Qt itself: the factories import it when a printer is first made, so headless
commands stay fast to start.
"""

from __future__ import annotations

import logging
from pathlib import Path

from kiosk.clock import Clock
from kiosk.errors import KioskError
from kiosk.printing.backends import PassRenderer, PdfFolderPrinter, Printer
from kiosk.printing.queue import PrintQueue
from kiosk.printing.wiring import Printers
from kiosk.store import Store

log = logging.getLogger(__name__)


def _renderer() -> PassRenderer:
    from ui.passes import QtPassRenderer

    return QtPassRenderer()


def _system_printer(target: str, renderer: PassRenderer) -> Printer:
    from ui.passes.system_printer import QtSystemPrinter

    return QtSystemPrinter(target)


def _prepare() -> None:
    """Make the Qt application and load the font on the main thread: passes are then painted on
    the scan and print threads (QImage/QPdfWriter painting is thread-safe; creating the
    application is not)."""
    from ui.passes.fonts import ensure_app, family

    ensure_app()
    family()


def qt_printers() -> Printers:
    return Printers(renderer=_renderer, schemes={"cups": _system_printer}, prepare=_prepare)


def device_for(setting: str, pdf_folder: Path) -> Printer:
    """The printer a setting names — "pdf" (a folder), "cups:QUEUE", "escpos:HOST[:PORT]" — or the
    PDF folder when it cannot be used, so no pass is lost."""
    printers = qt_printers()
    if setting != "pdf":
        try:
            return printers.printer_for(setting)
        except KioskError as exc:
            log.warning("printer setting %r cannot be used (%s); passes go to the PDF folder", setting, exc)
    return PdfFolderPrinter(pdf_folder, printers.renderer())


def make_print_queue(
    store: Store, printer: str, pdf_folder: Path, layout: str, clock: Clock | None = None
) -> PrintQueue | None:
    """The print queue for the admin's printer setting — "pdf" (a folder), "cups:QUEUE",
    "escpos:HOST[:PORT]" — not yet started; None when printing is off. A printer setting that
    cannot be used falls back to the PDF folder, so no pass is lost."""
    if printer in ("none", ""):
        return None
    return PrintQueue(store, device_for(printer, pdf_folder), clock=clock, layout=layout)
