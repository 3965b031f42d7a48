"""``kiosk.printing.backends.PassRenderer`` implemented with Qt."""

from __future__ import annotations

from kiosk.printing.backends import Raster
from kiosk.printing.content import PassContent
from kiosk.printing.layout import PassLayout
from ui.passes.render import render_pdf, render_raster


class QtPassRenderer:
    def pdf(self, content: PassContent, layout: PassLayout) -> bytes:
        return render_pdf(content, layout)

    def raster(self, content: PassContent, layout: PassLayout) -> Raster:
        return render_raster(content, layout)
