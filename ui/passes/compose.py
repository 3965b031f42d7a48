"""Laying out a pass: band, who, forums, QR, footer; fitted to its stock, then painted.

Fixed stocks (A6, badge) are filled: the text grows up to the layout's ``max_scale`` when the
pass is short and shrinks when it is long, and the room that is left is shared between the
blocks, so no empty band opens above the QR. The name keeps its own size while the rest
shrinks to ``min_scale`` (it is what the door staff read); it shrinks only to fit its line
(then wraps between its parts) or in the last resort.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor

from ui.passes import qr
from ui.passes.typeset import BLACK, Placed, Typesetter

SCALE_STEP = 0.93
LAST_RESORT_SCALE = 0.25  # below the layout's min_scale: smaller, but never cut off
NAME_LINES = 2  # a name with parts may take two lines at full size before it shrinks
SPARE_SLOTS = 3  # spare room on a fixed card: above the name, under it, under the forums


@dataclass
class Flow(Typesetter):
    """One pass laid out on one device at one scale."""

    extra_columns: int = 0  # forum columns beyond the layout's, when a fixed card must hold many
    spare: float = 0.0  # room left on a fixed card, shared between the blocks

    @property
    def name_scale(self) -> float:
        if self.scale >= 1:
            return self.scale
        return 1.0 if self.scale >= self.layout.min_scale else self.scale / self.layout.min_scale

    @property
    def qr_px(self) -> float:
        lay = self.layout
        return self.mm(max(lay.min_qr_mm, lay.qr_mm * min(self.scale, 1.0)))

    # -- pieces --------------------------------------------------------------------------

    def band(self) -> float:
        """The category colour band across the whole width; VIPs in solid black on mono stock."""
        c, height = self.content, self.mm(self.layout.band_mm) * max(min(self.scale, 1.0), 0.7)
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
        text_h = self.wrap(label, size, self.bold(True, size), self.width, True)[1] if label else 0
        self.text(label, "heading", self.left, (height - text_h) / 2, self.width,
                  bold=True, color=ink, center=True, size=size)  # fmt: skip
        return height

    def _name_fits(self, size: float, w: float) -> bool:
        broken = self.name_lines(size, w).split("\u2028")
        limit = NAME_LINES if len(broken) > 1 else 1
        return len(broken) <= limit and all(self.lines(line, size, True, w) == 1 for line in broken)

    def name_size(self, w: float) -> float:
        """The name's size: the layout's, shrunk until it fits its lines, not below min_name_pt."""
        size = self.layout.fonts["name"] * self.name_scale
        floor = min(self.layout.min_name_pt * min(self.name_scale, 1.0), size)
        while size > floor and not self._name_fits(size, w):
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
        """Each forum in the pass's language, then in the other (the Chinese name is always
        there: door signs are Chinese), then its date, time and hall."""
        c, start = self.content, y
        heading = c.label("forums") if c.forums else c.label("no_forums")
        y += self.text(heading, "heading", self.left, y, self.width, bold=True) + self.gap / 2
        columns = self.layout.forum_columns + self.extra_columns
        col_w = (self.width - self.gap * (columns - 1)) / columns
        for row in range(0, len(c.forums), columns):
            heights = []
            for i, forum in enumerate(c.forums[row : row + columns]):
                x = self.left + i * (col_w + self.gap)
                h = self.text(forum.name, "forum", x, y, col_w, bold=True)
                h += self.text(forum.other_name, "when", x, y + h, col_w)
                when = " · ".join(p for p in (forum.when, forum.hall) if p)
                h += self.text(when, "when", x, y + h, col_w, color=self.grey)
                heights.append(h)
            y += max(heights) + self.gap / 2
        return y - start

    def code(self, x: float, y: float, w: float) -> float:
        """The QR with its quiet zone, centred in width ``w``; then its caption."""
        c = self.content
        size = self.qr_px
        module = qr.module_size(c.qr, size, self.pixel_exact)
        quiet, drawn = module * qr.QUIET_MODULES, module * len(qr.matrix(c.qr))
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
        meta = " · ".join(p for p in (f"{c.label('issued')} {c.issued}", c.desk) if p.strip())
        return self.text(meta, "meta", self.left, y, self.width, color=self.grey, center=True)

    # -- whole pass ------------------------------------------------------------------------

    def run(self) -> float:
        """Lay out (and paint, with a painter) the whole pass; return the height used."""
        self.placed.clear()
        share = self.spare / SPARE_SLOTS
        y = self.band() + self.gap * 1.5 + share
        if self.layout.arrangement == "side":
            qr_w = self.qr_px * 1.15
            text_w = self.width - qr_w - self.gap
            left_h = self.identity(self.left, y, text_w, center=False)
            right_h = self.code(self.left + text_w + self.gap, y - self.gap, qr_w)
            y += max(left_h, right_h - self.gap) + self.gap + share
        else:
            y += self.identity(self.left, y, self.width, center=True) + self.gap + share
        y += self.rule(y) + self.gap
        y += self.forums(y) + share
        y += self.rule(y) + self.gap / 2
        if self.layout.arrangement == "stack":
            y += self.code(self.left, y, self.width)
        y += self.gap / 2 + self.footer(y + self.gap / 2)
        return y + self.mm(self.layout.margin_mm) * 0.6


def fit(flow: Flow) -> float:
    """Choose the largest scale at which the pass fits its page; return the page height (px).

    Growing stocks keep scale 1 and grow. Fixed stocks look for the largest of the scales
    ``max_scale`` × 0.93ᵏ that fits, one more forum column before smaller type, down to
    ``min_scale`` and beyond it if they must (a smaller pass beats a cut-off one); the room
    left is shared between the blocks. The height only grows with the scale, so the search
    halves the steps (about five layouts instead of one per step).
    """
    lay = flow.layout
    if lay.height_mm is None:
        flow.scale = 1.0
        return max(flow.mm(lay.min_height_mm), flow.run())
    limit = flow.mm(lay.height_mm)
    widen = (0, 1) if len(flow.content.forums) > 4 else (0,)
    flow.spare = 0.0
    steps = [
        lay.max_scale * SCALE_STEP**k for k in range(200) if lay.max_scale * SCALE_STEP**k > LAST_RESORT_SCALE
    ]

    def fits(k: int) -> tuple[int, float] | None:
        for extra in widen:
            flow.scale, flow.extra_columns = steps[k], extra
            used = flow.run()
            if used <= limit:
                return extra, used
        return None

    low, high, best = 0, len(steps) - 1, None  # the first step that fits lies in [low, high]
    while low <= high:
        middle = (low + high) // 2
        found = fits(middle)
        if found is not None:
            best, high = (middle, *found), middle - 1
        else:
            low = middle + 1
    if best is None:  # nothing fits: the last resort, as small as it goes
        fits(len(steps) - 1)
        return limit
    k, extra, used = best
    flow.scale, flow.extra_columns, flow.spare = steps[k], extra, limit - used
    flow.run()  # placed as it will be painted, the spare room shared
    return limit
