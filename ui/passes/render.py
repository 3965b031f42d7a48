"""Rendering a pass: a PDF (text kept as text, the bundled font embedded), a QImage, a 1-bit raster."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPaintDevice, QPainter, QPdfWriter

from kiosk.printing.backends import Raster
from kiosk.printing.content import PassContent
from kiosk.printing.layout import PassLayout
from ui.passes.compose import Flow, fit
from ui.passes.fonts import ensure_app

PDF_DPI = 600
# A pixel at least 41 % covered is ink: thin strokes of small Chinese survive, counters stay open.
INK_BELOW = 150


def page_size(layout: PassLayout, height_mm: float) -> QPageSize:
    return QPageSize(
        QSizeF(layout.width_mm, height_mm),
        QPageSize.Unit.Millimeter,
        layout.name,
        QPageSize.SizeMatchPolicy.ExactMatch,
    )


def paint(flow: Flow, painter: QPainter, device: QPaintDevice) -> Flow:
    """Paint a flow that ``measure`` fitted onto an open painter whose page is already sized."""
    flow.device = device
    flow.painter = painter
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    flow.run()
    flow.painter = None
    return flow


def measure(
    content: PassContent,
    layout: PassLayout,
    device: QPaintDevice,
    dpi: float,
    canvas_mm: float | None = None,
    pixel_exact: bool = False,
) -> tuple[float, Flow]:
    """The page height in mm this pass needs on this stock, and the fitted flow."""
    ensure_app()
    flow = Flow(content, layout, device, dpi, canvas_mm or layout.width_mm, pixel_exact)
    height_px = fit(flow)
    return height_px * 25.4 / dpi, flow


def render_pdf(content: PassContent, layout: PassLayout, path: Path | str | None = None) -> bytes:
    """The pass as a one-page PDF (written to ``path`` when given); returns the PDF bytes."""
    ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setCreator("forum-kiosk")
    writer.setTitle(content.event_name)
    height_mm, flow = measure(content, layout, writer, PDF_DPI)
    writer.setPageLayout(
        QPageLayout(page_size(layout, height_mm), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    painter = QPainter(writer)
    paint(flow, painter, writer)
    painter.end()
    buffer.close()
    pdf = bytes(data.data())
    if path is not None:
        Path(path).write_bytes(pdf)
    return pdf


def _blank(width: int, height: int, dpi: float) -> QImage:
    image = QImage(max(width, 1), max(height, 1), QImage.Format.Format_RGB32)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(QColor("white"))
    return image


def render_image(
    content: PassContent,
    layout: PassLayout,
    dpi: float | None = None,
    printable: bool = False,
) -> QImage:
    """The pass as a colour image at ``dpi`` (default: the stock's). ``printable``: only the
    width a raster printer reaches. The QR is always on whole pixels."""
    ensure_app()
    dpi = dpi or layout.dpi
    canvas = layout.printable_width_mm if printable else layout.width_mm
    probe = _blank(1, 1, dpi)
    height_mm, flow = measure(content, layout, probe, dpi, canvas, pixel_exact=True)
    image = _blank(round(canvas * dpi / 25.4), round(height_mm * dpi / 25.4), dpi)
    painter = QPainter(image)
    paint(flow, painter, image)
    painter.end()
    return image


def _grey_pixels(image: QImage) -> np.ndarray:
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    pixels = np.frombuffer(grey.constBits(), dtype=np.uint8, count=grey.bytesPerLine() * grey.height())
    return pixels.reshape(grey.height(), grey.bytesPerLine())[:, : grey.width()].copy()  # outlives grey


def _packed(ink: np.ndarray) -> Raster:
    return Raster(ink.shape[1], ink.shape[0], np.packbits(ink, axis=1).tobytes())


def to_raster(image: QImage) -> Raster:
    """A 1-bit raster (error-diffusion dithered; ink = 1): a colour pass on a raster printer."""
    mono = image.convertToFormat(
        QImage.Format.Format_Mono, Qt.ImageConversionFlag.MonoOnly | Qt.ImageConversionFlag.DiffuseDither
    )
    return _packed(_grey_pixels(mono) < 128)


def threshold(image: QImage, ink_below: int = INK_BELOW) -> Raster:
    """A 1-bit raster by a fixed threshold (ink = 1): black-and-white art keeps crisp edges
    with no dither speckle, and the anti-aliased greys of small glyphs decide each pixel."""
    return _packed(_grey_pixels(image) < ink_below)


def render_raster(content: PassContent, layout: PassLayout, dpi: float | None = None) -> Raster:
    """What a raster printer prints: the printable width at the stock's dpi, in 1 bit.

    Monochrome stocks are painted in black and white with anti-aliased, fully hinted glyphs
    and thresholded: 9-pt Chinese at 203 dpi keeps its strokes apart (暨, 峰) and colons keep
    both dots, where glyphs drawn without anti-aliasing lost strokes and dithering their grey
    edges left speckle. Colour stocks keep their colour band, which error diffusion turns
    into dots."""
    image = render_image(content, layout, dpi, printable=True)
    return threshold(image) if layout.monochrome else to_raster(image)


def raster_image(raster: Raster) -> QImage:
    """A raster back as an image (to look at what a thermal printer would print)."""
    bits = np.unpackbits(np.frombuffer(raster.bits, dtype=np.uint8).reshape(raster.height, -1), axis=1)
    pixels = np.ascontiguousarray(np.where(bits[:, : raster.width] == 1, 0, 255).astype(np.uint8))
    image = QImage(pixels.data, raster.width, raster.height, raster.width, QImage.Format.Format_Grayscale8)
    return image.copy()
