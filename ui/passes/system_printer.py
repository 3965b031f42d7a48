"""Any system printer (label, office, CUPS-PDF) through Qt's print support and CUPS."""

from __future__ import annotations

import logging

from kiosk.printing.backends import PrinterUnavailable
from kiosk.printing.content import PassContent
from kiosk.printing.layout import PassLayout

log = logging.getLogger(__name__)


class QtSystemPrinter:
    """Paints the pass straight onto a ``QPrinter`` page sized to the stock (vector, text as text).

    ``send`` returns once CUPS has spooled the job; CUPS then owns it. CUPS keeps no job id
    Qt could give us, so a crash between spooling and ``done`` means one more copy.
    """

    def __init__(self, queue: str) -> None:
        self.queue = queue
        self.name = f"cups:{queue}"

    def send(self, job_id: str, content: PassContent, layout: PassLayout) -> None:
        from PySide6.QtCore import QMarginsF
        from PySide6.QtGui import QPageLayout, QPainter
        from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

        from ui.passes.fonts import ensure_app
        from ui.passes.render import measure, page_size, paint

        ensure_app()
        info = QPrinterInfo.printerInfo(self.queue)
        if info.isNull():
            raise PrinterUnavailable(f"no system printer named {self.queue!r}")
        if info.state() == QPrinter.PrinterState.Error:
            raise PrinterUnavailable(f"printer {self.queue} reports an error")
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
        printer.setDocName(f"pass-{job_id}")
        printer.setFullPage(True)
        printer.setColorMode(QPrinter.ColorMode.GrayScale if layout.monochrome else QPrinter.ColorMode.Color)
        dpi = printer.resolution()
        height_mm, flow = measure(content, layout, printer, dpi)
        printer.setPageLayout(
            QPageLayout(page_size(layout, height_mm), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
        )
        painter = QPainter()
        if not painter.begin(printer):
            raise PrinterUnavailable(f"printer {self.queue} did not accept the job")
        paint(flow, painter, printer)
        if not painter.end() or printer.printerState() in (
            QPrinter.PrinterState.Error,
            QPrinter.PrinterState.Aborted,
        ):
            raise PrinterUnavailable(f"printer {self.queue} failed to spool the job")
        log.debug("pass %s spooled to %s", job_id, self.queue)

    def delivered(self, job_id: str) -> bool | None:
        return None
