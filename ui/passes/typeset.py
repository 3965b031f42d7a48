"""Typesetting primitives for a pass: wrapped text, rules, and a record of everything drawn.

Units are device pixels; ``mm()`` converts. The same code measures (no painter) and paints,
so what was measured is what is drawn. Every item drawn is recorded in ``placed`` with its
rectangle and, for text, its point size (tests check sizes, overlaps and the page edges).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPaintDevice, QPainter, QTextLayout, QTextOption

from kiosk.printing.content import PassContent
from kiosk.printing.layout import PassLayout
from ui.passes.fonts import font

GREY = QColor("#555555")
BLACK = QColor("black")
# On 1-bit stock, type below this size is never emboldened: Qt's synthetic bold fills the
# counters of dense characters (暨, 峰) at 203 dpi, still at 13 pt (looked at, 3x zoom).
# Size, not weight, sets such lines apart there.
MONO_BOLD_MIN_PT = 18.0


@dataclass
class Placed:
    kind: str  # band | text | rule | qr
    rect: QRectF
    text: str = ""
    size: float = 0.0  # points, for text
    bold: bool = False


@dataclass
class Typesetter:
    """One pass on one device at one scale: the page geometry and the drawing primitives."""

    content: PassContent
    layout: PassLayout
    device: QPaintDevice
    dpi: float
    canvas_mm: float  # width of what is drawn: the page, or a raster printer's printable width
    pixel_exact: bool = False
    scale: float = 1.0
    painter: QPainter | None = None
    placed: list[Placed] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.grey = BLACK if self.layout.monochrome else GREY  # dithered grey is speckle on thermal
        # A 1-bit raster is thresholded from anti-aliased, fully hinted glyphs: the hinting puts
        # horizontal strokes on whole pixels, so 旦 under 暨 keeps its bars apart.
        self.hinted = self.pixel_exact and self.layout.monochrome

    def mm(self, value: float) -> float:
        return value * self.dpi / 25.4

    @property
    def left(self) -> float:
        return self.mm(self.layout.margin_mm - (self.layout.width_mm - self.canvas_mm) / 2)

    @property
    def width(self) -> float:
        return self.mm(self.layout.width_mm - 2 * self.layout.margin_mm)

    @property
    def gap(self) -> float:
        return self.mm(1.6) * self.scale

    def bold(self, wanted: bool, size: float) -> bool:
        return wanted and (not self.layout.monochrome or size >= MONO_BOLD_MIN_PT)

    def text(
        self,
        text: str,
        role: str,
        x: float,
        y: float,
        w: float,
        *,
        bold: bool = False,
        color: QColor = BLACK,
        center: bool = False,
        size: float | None = None,
    ) -> float:
        """Wrap ``text`` into width ``w`` at (x, y); return its height (0 for empty text)."""
        if not text.strip():
            return 0.0
        size = size or self.layout.fonts[role] * self.scale
        bold = self.bold(bold, size)
        block, height, natural = self.wrap(text, size, bold, w, center)
        if self.painter is not None:
            self.painter.setPen(color)
            block.draw(self.painter, QPointF(x, y))
        left = x + (w - natural) / 2 if center else x
        shown = text.replace("\u2028", " " if " " in self.content.name else "")
        self.placed.append(Placed("text", QRectF(left, y, natural, height), shown, size, bold))
        return height

    def wrap(
        self, text: str, size: float, bold: bool, w: float, center: bool
    ) -> tuple[QTextLayout, float, float]:
        block = QTextLayout(text, font(size, bold, self.hinted), self.device)
        option = QTextOption(Qt.AlignmentFlag.AlignHCenter if center else Qt.AlignmentFlag.AlignLeft)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        block.setTextOption(option)
        block.beginLayout()
        height = natural = 0.0
        while (line := block.createLine()).isValid():
            line.setLineWidth(w)
            line.setPosition(QPointF(0, height))
            height += line.height()
            natural = max(natural, line.naturalTextWidth())
        block.endLayout()
        return block, height, min(natural, w)

    def lines(self, text: str, size: float, bold: bool, w: float) -> int:
        return self.wrap(text, size, self.bold(bold, size), w, False)[0].lineCount()

    def rule(self, y: float) -> float:
        rect = QRectF(self.left, y, self.width, max(1.0, self.mm(0.25)))
        if self.pixel_exact:  # whole pixels: a grey anti-aliased edge would dither into dots
            rect = QRectF(round(rect.x()), round(rect.y()), round(rect.width()), round(rect.height()))
        if self.painter is not None:
            self.painter.fillRect(rect, self.grey)
        self.placed.append(Placed("rule", rect))
        return self.mm(0.25)
