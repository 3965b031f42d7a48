"""Printable badges: QPainter onto QPdfWriter, A4 sheets or 4x3 in badge stock.

Each badge: the category colour band with the category in both languages, the name in
Chinese and Latin script, the organisation and title, the signed code's QR (error
correction M, drawn as vector runs with a 4-module quiet zone) and the event's name.
The bundled CJK font is loaded through QFontDatabase, so Chinese renders without any
system font. Called by ``badges issue``; no kiosk state is touched here.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import qrcode
from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

FONT_PATH = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "wqy-microhei.ttc"
DPI = 300


@dataclass(frozen=True, slots=True)
class BadgeCard:
    """What one badge shows (plain data, built by the headless command)."""

    code: str
    name: str
    latin_name: str = ""
    organization: str = ""
    title: str = ""
    category_zh: str = ""
    category_en: str = ""
    color: str = "#455A64"
    event_zh: str = ""
    event_en: str = ""


@dataclass(frozen=True, slots=True)
class Stock:
    """A paper stock: page size and badge size in mm, badges per row and column."""

    page: tuple[float, float]
    badge: tuple[float, float]
    columns: int
    rows: int
    cut_marks: bool


STOCKS: dict[str, Stock] = {
    "a4": Stock((210.0, 297.0), (95.0, 70.0), 2, 4, True),
    "4x3": Stock((101.6, 76.2), (101.6, 76.2), 1, 1, False),
}


def _mm(value: float) -> float:
    return value * DPI / 25.4


def _ensure_app() -> QGuiApplication:
    """The running application, or a QApplication (a widget-capable one, so a later
    QApplication user in the same process, such as pytest-qt, is not refused)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    from PySide6.QtWidgets import QApplication

    return QApplication([])


def _family() -> str:
    font_id = QFontDatabase.addApplicationFont(str(FONT_PATH))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    return families[0] if families else "Sans Serif"


def _font(family: str, size_mm: float, bold: bool = False) -> QFont:
    font = QFont(family)
    font.setPixelSize(max(1, round(_mm(size_mm))))
    font.setBold(bold)
    return font


def _fitted(family: str, text: str, width: float, size_mm: float, bold: bool = False) -> QFont:
    """The largest font up to ``size_mm`` in which ``text`` fits ``width`` (device pixels)."""
    while True:
        font = _font(family, size_mm, bold)
        if QFontMetricsF(font).horizontalAdvance(text) <= width or size_mm <= 1.6:
            return font
        size_mm *= 0.92


def _wrapped(family: str, text: str, width: float, size_mm: float, lines: int) -> tuple[QFont, float]:
    """A font up to ``size_mm`` in which ``text`` wraps into at most ``lines`` lines; (font, height)."""
    flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
    while True:
        font = _font(family, size_mm)
        metrics = QFontMetricsF(font)
        height = metrics.boundingRect(QRectF(0, 0, width, 1e6), flags, text).height()
        if height <= metrics.lineSpacing() * lines + 1 or size_mm <= 1.6:
            return font, height
        size_mm *= 0.92


def _ink(color: QColor) -> QColor:
    luminance = 0.299 * color.red() + 0.587 * color.green() + 0.114 * color.blue()
    return QColor("#000000") if luminance > 160 else QColor("#FFFFFF")


def draw_qr(painter: QPainter, code: str, x: float, y: float, side: float) -> None:
    """The code's QR (error correction M) in a square of ``side`` pixels, quiet zone included."""
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
    qr.add_data(code)
    qr.make(fit=True)
    matrix = qr.get_matrix()
    module = side / len(matrix)
    painter.fillRect(QRectF(x, y, side, side), QColor("#FFFFFF"))
    for row, cells in enumerate(matrix):
        col = 0
        while col < len(cells):
            if not cells[col]:
                col += 1
                continue
            start = col
            while col < len(cells) and cells[col]:
                col += 1
            # A hair of overlap so the raster shows no seams between runs.
            painter.fillRect(
                QRectF(x + start * module, y + row * module, (col - start) * module + 0.5, module + 0.5),
                QColor("#000000"),
            )


def draw_badge(
    painter: QPainter, card: BadgeCard, origin: QPointF, size: tuple[float, float], family: str
) -> None:
    w, h = _mm(size[0]), _mm(size[1])
    x0, y0 = origin.x(), origin.y()
    pad = _mm(4)
    band = h * 0.17
    color = QColor(card.color) if QColor(card.color).isValid() else QColor("#455A64")
    painter.fillRect(QRectF(x0, y0, w, band), color)
    painter.setPen(_ink(color))
    category = " · ".join(t for t in (card.category_zh, card.category_en) if t)
    painter.setFont(_fitted(family, category, w - 2 * pad, 4.2, bold=True))
    painter.drawText(QRectF(x0 + pad, y0, w - 2 * pad, band), Qt.AlignmentFlag.AlignVCenter, category)

    qr_side = min(h - band - _mm(9), w * 0.45)
    qr_x, qr_y = x0 + w - qr_side - _mm(1.5), y0 + band + _mm(1.5)
    draw_qr(painter, card.code, qr_x, qr_y, qr_side)

    text_w = qr_x - x0 - pad
    cursor = y0 + band + _mm(4)
    painter.setPen(QColor("#111111"))
    names = [(card.name, 9.5, True), (card.latin_name if card.latin_name != card.name else "", 5.0, False)]
    for text, size_mm, bold in names:
        if not text:
            continue
        font = _fitted(family, text, text_w, size_mm, bold)
        metrics = QFontMetricsF(font)
        painter.setFont(font)
        painter.drawText(QRectF(x0 + pad, cursor, text_w, metrics.height()), Qt.AlignmentFlag.AlignLeft, text)
        cursor += metrics.height() + _mm(1.2)
    cursor += _mm(1.5)
    painter.setPen(QColor("#333333"))
    flags = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)
    for text, size_mm, lines in ((card.organization, 3.8, 2), (card.title, 3.4, 1)):
        if not text:
            continue
        font, height = _wrapped(family, text, text_w, size_mm, lines)
        painter.setFont(font)
        painter.drawText(QRectF(x0 + pad, cursor, text_w, height), flags, text)
        cursor += height + _mm(1.0)

    painter.setPen(QColor("#555555"))
    event_text = "  ".join(t for t in (card.event_zh, card.event_en) if t)
    painter.setFont(_fitted(family, event_text, w - 2 * pad, 2.6))
    painter.drawText(
        QRectF(x0 + pad, y0 + h - _mm(7), w - 2 * pad, _mm(5)), Qt.AlignmentFlag.AlignVCenter, event_text
    )


def render_badges(cards: Sequence[BadgeCard], path: Path, stock: str = "a4") -> int:
    """Write the badges to a PDF; returns the number of pages."""
    if stock not in STOCKS:
        raise ValueError(f"unknown stock {stock!r}: {', '.join(STOCKS)}")
    _ensure_app()
    family = _family()
    paper = STOCKS[stock]
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageSize(QPageSize(QSizeF(*paper.page), QPageSize.Unit.Millimeter))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setTitle("Badges")
    per_page = paper.columns * paper.rows
    left = (paper.page[0] - paper.columns * paper.badge[0]) / 2
    top = (paper.page[1] - paper.rows * paper.badge[1]) / 2
    painter = QPainter(writer)
    pages = 0
    try:
        for index, card in enumerate(cards):
            slot = index % per_page
            if slot == 0:
                if index:
                    writer.newPage()
                pages += 1
            col, row = slot % paper.columns, slot // paper.columns
            origin = QPointF(_mm(left + col * paper.badge[0]), _mm(top + row * paper.badge[1]))
            draw_badge(painter, card, origin, paper.badge, family)
            if paper.cut_marks:
                painter.setPen(QPen(QColor("#BBBBBB"), _mm(0.15)))
                painter.drawRect(QRectF(origin.x(), origin.y(), _mm(paper.badge[0]), _mm(paper.badge[1])))
    finally:
        painter.end()
    return pages
