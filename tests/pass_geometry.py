"""Measuring rendered passes: the fitted flow of a stock, the empty bands between what is drawn,
the pixels of one character in a 1-bit raster."""

from __future__ import annotations

import numpy as np

from kiosk.printing.content import PassContent
from kiosk.printing.layout import PassLayout


def fitted(content: PassContent, layout: PassLayout, printable: bool = False):  # type: ignore[no-untyped-def]
    """(image, flow) as the renderer draws them at the stock's dpi."""
    from ui.passes.render import measure, render_image

    image = render_image(content, layout, printable=printable)
    canvas = layout.printable_width_mm if printable else layout.width_mm
    return image, measure(content, layout, image, layout.dpi, canvas, True)[1]


def widest_empty_band_mm(flow, height_px: float) -> float:  # type: ignore[no-untyped-def]
    """The tallest horizontal strip of the page with nothing drawn in it, in mm (the QR's
    quiet zone, four modules around it, counts as part of the QR)."""
    from ui.passes import qr

    def span(p):  # type: ignore[no-untyped-def]
        quiet = p.rect.height() / len(qr.matrix(flow.content.qr)) * qr.QUIET_MODULES if p.kind == "qr" else 0
        return p.rect.top() - quiet, p.rect.bottom() + quiet

    spans = sorted(span(p) for p in flow.placed)
    widest, reached = 0.0, 0.0
    for top, bottom in spans:
        widest = max(widest, top - reached)
        reached = max(reached, bottom)
    widest = max(widest, height_px - reached)
    return widest * 25.4 / flow.dpi


def ink(raster) -> np.ndarray:  # type: ignore[no-untyped-def]
    """A raster's dots as a boolean array (True = ink)."""
    bits = np.unpackbits(np.frombuffer(raster.bits, dtype=np.uint8).reshape(raster.height, -1), axis=1)
    return bits[:, : raster.width].astype(bool)


def glyph_box(flow, dots: np.ndarray, line_text: str, char: str) -> np.ndarray:  # type: ignore[no-untyped-def]
    """The dots of the first ``char`` in the drawn line ``line_text`` (its first line)."""
    from PySide6.QtGui import QFontMetricsF

    from ui.passes.fonts import font

    item = next(p for p in flow.placed if p.kind == "text" and p.text == line_text)
    metrics = QFontMetricsF(font(item.size, item.bold, flow.hinted), flow.device)
    before = line_text[: line_text.index(char)]
    x0 = item.rect.left() + metrics.horizontalAdvance(before)
    x1 = x0 + metrics.horizontalAdvance(char)
    top = item.rect.top()
    return dots[round(top) : round(top + metrics.height()), round(x0) : round(x1)]


def runs(column: np.ndarray) -> int:
    """How many separate ink runs a line of dots crosses."""
    padded = np.concatenate(([False], column, [False]))
    return int(np.count_nonzero(padded[1:] & ~padded[:-1]))
