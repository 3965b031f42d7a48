"""Laying out a pass on any Qt paint device: measure at a scale, shrink until it fits, paint.

Units are device pixels; ``mm()`` converts. The same flow measures (no painter) and paints,
so what was measured is what is drawn. Every item drawn is recorded in ``placed`` (tests
check that nothing leaves the page and nothing overlaps).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPaintDevice, QPainter, QTextLayout, QTextOption

from kiosk.printing.content import PassContent
from kiosk.printing.layout import PassLayout
from ui.passes import qr
from ui.passes.fonts import font

GREY = QColor("#555555")
BLACK = QColor("black")
SCALE_STEP = 0.93
LAST_RESORT_SCALE = 0.25  # below the layout's min_scale: smaller, but never cut off


@dataclass
class Placed:
    kind: str  # band | text | rule | qr
    rect: QRectF
    text: str = ""


@dataclass
class Flow:
    """One pass laid out on one device at one scale."""

    content: PassContent
    layout: PassLayout
    device: QPaintDevice
    dpi: float
    canvas_mm: float  # width of what is drawn: the page, or a raster printer's printable width
    pixel_exact: bool = False
    scale: float = 1.0
    painter: QPainter | None = None
    placed: list[Placed] = field(default_factory=list)
    extra_columns: int = 0  # forum columns beyond the layout's, when a fixed card must hold many
    spare: float = 0.0  # room left on a fixed card: the QR and footer sit at the bottom

    def __post_init__(self) -> None:
        self.grey = BLACK if self.layout.monochrome else GREY  # dithered grey is speckle on thermal

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

    # -- primitives ------------------------------------------------------------------------

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
        block, height, natural = self._wrap(
            text, size or self.layout.fonts[role] * self.scale, bold, w, center
        )
        if self.painter is not None:
            self.painter.setPen(color)
            block.draw(self.painter, QPointF(x, y))
        left = x + (w - natural) / 2 if center else x
        self.placed.append(
            Placed(
                "text",
                QRectF(left, y, natural, height),
                text.replace("\u2028", " " if " " in self.content.name else ""),
            )
        )
        return height

    def _wrap(
        self, text: str, size: float, bold: bool, w: float, center: bool
    ) -> tuple[QTextLayout, float, float]:
        block = QTextLayout(text, font(size, bold), self.device)
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
        return self._wrap(text, size, bold, w, False)[0].lineCount()

    def rule(self, y: float) -> float:
        rect = QRectF(self.left, y, self.width, max(1.0, self.mm(0.25)))
        if self.pixel_exact:  # whole pixels: a grey anti-aliased edge would dither into dots
            rect = QRectF(round(rect.x()), round(rect.y()), round(rect.width()), round(rect.height()))
        if self.painter is not None:
            self.painter.fillRect(rect, self.grey)
        self.placed.append(Placed("rule", rect))
        return self.mm(0.25)

    # -- pieces --------------------------------------------------------------------------

    def band(self) -> float:
        """The category colour band across the whole width; VIPs in solid black on mono stock."""
        c, height = self.content, self.mm(self.layout.band_mm) * max(self.scale, 0.7)
        rect = QRectF(0, 0, self.mm(self.canvas_mm), height)
        fill = QColor(c.color)
        if self.layout.monochrome:
            fill = BLACK if c.vip else QColor("white")
        ink = QColor("white") if fill.lightnessF() < 0.6 else BLACK
        if self.painter is not None:
            self.painter.fillRect(rect, fill)
            if fill == QColor("white"):
                self.painter.fillRect(QRectF(0, height - self.mm(0.5), rect.width(), self.mm(0.5)), BLACK)
        self.placed.append(Placed("band", rect))
        label = (
            f"★ {c.label('vip')} · {c.category}"
            if c.vip and c.category
            else (f"★ {c.label('vip')}" if c.vip else c.category)
        )
        size = min(self.layout.fonts["heading"] * 1.3, height * 0.5 * 72 / self.dpi)
        text_h = self._wrap(label, size, True, self.width, True)[1] if label else 0
        self.text(
            label,
            "heading",
            self.left,
            (height - text_h) / 2,
            self.width,
            bold=True,
            color=ink,
            center=True,
            size=size,
        )
        return height

    def name_size(self, w: float) -> float:
        """The name's size: as large as the layout says, shrunk until it fits on one line."""
        c, fonts = self.content, self.layout.fonts
        size, floor = fonts["name"] * self.scale, min(self.layout.min_name_pt, fonts["name"] * self.scale)
        while size > floor and self.lines(c.name, size, True, w) > 1:
            size = max(floor, size * SCALE_STEP)
        return size

    def name_lines(self, size: float, w: float) -> str:
        """A name too long for one line breaks between its parts (阿卜杜勒·克里木, or words),
        never inside one: not at the hyphen of Fernández-Castellanos, not inside 克里木."""
        name = self.content.name
        sep = "·" if "·" in name else " " if " " in name.strip() else ""
        if not sep or self.lines(name, size, True, w) == 1:
            return name
        keep = "·" if sep == "·" else ""  # a dot stays at the end of its line; a space becomes the break
        lines: list[str] = []
        for part in name.split(sep):
            if lines and self.lines(lines[-1] + sep + part + keep, size, True, w) == 1:
                lines[-1] += sep + part
                continue
            if lines:
                lines[-1] += keep
            lines.append(part)
        return "\u2028".join(lines)

    def identity(self, x: float, y: float, w: float, center: bool) -> float:
        c, start = self.content, y
        y += self.text(c.event_name, "event", x, y, w, color=self.grey, center=center) + self.gap / 2
        size = self.name_size(w)
        y += self.text(self.name_lines(size, w), "name", x, y, w, bold=True, center=center, size=size)
        y += self.text(c.latin_name, "latin", x, y, w, center=center) + self.gap / 2
        y += self.text(c.organization, "organization", x, y, w, center=center)
        y += self.text(c.title, "title", x, y, w, color=self.grey, center=center)
        return y - start

    def forums(self, y: float) -> float:
        c, start = self.content, y
        y += (
            self.text(
                c.label("forums") if c.forums else c.label("no_forums"),
                "heading",
                self.left,
                y,
                self.width,
                bold=True,
            )
            + self.gap / 2
        )
        columns = self.layout.forum_columns + self.extra_columns
        col_w = (self.width - self.gap * (columns - 1)) / columns
        for row in range(0, len(c.forums), columns):
            heights = []
            for i, forum in enumerate(c.forums[row : row + columns]):
                x = self.left + i * (col_w + self.gap)
                hall = (
                    (
                        f"{forum.hall}{c.label('hall')}"
                        if c.language == "zh"
                        else f"{c.label('hall')} {forum.hall}"
                    )
                    if forum.hall
                    else ""
                )
                when = " · ".join(p for p in (forum.when, hall) if p)
                h = self.text(forum.name, "forum", x, y, col_w, bold=True)
                h += self.text(when, "when", x, y + h, col_w, color=self.grey)
                heights.append(h)
            y += max(heights) + self.gap / 2
        return y - start

    def code(self, x: float, y: float, w: float) -> float:
        """The QR with its quiet zone, centred in width ``w``; then its caption."""
        c, lay = self.content, self.layout
        size = self.mm(max(lay.min_qr_mm, lay.qr_mm * self.scale))
        n = len(qr.matrix(c.qr))
        quiet = qr.module_size(c.qr, size, self.pixel_exact) * qr.QUIET_MODULES
        drawn = qr.module_size(c.qr, size, self.pixel_exact) * n
        top = y + quiet
        left = x + (w - drawn) / 2
        if self.painter is not None:
            qr.draw(self.painter, c.qr, left, top, size, self.pixel_exact)
        self.placed.append(Placed("qr", QRectF(left, top, drawn, drawn)))
        y = top + drawn + quiet
        y += self.text(c.label("scan"), "meta", x, y, w, color=self.grey, center=True)
        return y - (top - quiet)

    def footer(self, y: float) -> float:
        c = self.content
        meta = f"{c.label('issued')} {c.issued} · {c.label('desk')} {c.desk}"
        return self.text(meta, "meta", self.left, y, self.width, color=self.grey, center=True)

    # -- whole pass ------------------------------------------------------------------------

    def run(self) -> float:
        """Lay out (and paint, with a painter) the whole pass; return the height used."""
        self.placed.clear()
        y = self.band() + self.gap * 1.5
        if self.layout.arrangement == "side":
            qr_w = self.mm(max(self.layout.min_qr_mm, self.layout.qr_mm * self.scale)) * 1.15
            text_w = self.width - qr_w - self.gap
            left_h = self.identity(self.left, y, text_w, center=False)
            right_h = self.code(self.left + text_w + self.gap, y - self.gap, qr_w)
            y += max(left_h, right_h - self.gap) + self.gap
        else:
            y += self.identity(self.left, y, self.width, center=True) + self.gap
        y += self.rule(y) + self.gap
        y += self.forums(y)
        y += self.rule(y) + self.gap / 2 + self.spare
        if self.layout.arrangement == "stack":
            y += self.code(self.left, y, self.width)
        y += self.gap / 2 + self.footer(y + self.gap / 2)
        return y + self.mm(self.layout.margin_mm) * 0.6


def fit(flow: Flow) -> float:
    """Choose the largest scale at which the pass fits its page; return the page height (px).

    Growing stocks keep scale 1 and grow. Fixed stocks shrink step by step to the layout's
    ``min_scale``, and beyond it if they must: a smaller pass beats a cut-off one.
    """
    lay = flow.layout
    if lay.height_mm is None:
        flow.scale = 1.0
        return max(flow.mm(lay.min_height_mm), flow.run())
    limit = flow.mm(lay.height_mm)
    widen = (0, 1) if len(flow.content.forums) > 4 else (0,)
    flow.scale, flow.spare = 1.0, 0.0
    while flow.scale > LAST_RESORT_SCALE:
        for extra in widen:  # one more forum column before smaller type
            flow.extra_columns = extra
            used = flow.run()
            if used <= limit:
                flow.spare = limit - used
                return limit
        flow.scale *= SCALE_STEP
    return limit
