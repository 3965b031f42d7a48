"""The forum-door QR code: vector rectangles for PDF, whole device pixels for rasters."""

from __future__ import annotations

from functools import lru_cache

import qrcode
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QTransform

QUIET_MODULES = 4


@lru_cache(maxsize=256)
def matrix(text: str) -> tuple[tuple[bool, ...], ...]:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=0)
    code.add_data(text)
    code.make(fit=True)
    return tuple(tuple(row) for row in code.get_matrix())


def runs(row: tuple[bool, ...]) -> list[tuple[int, int]]:
    """(start, length) of each dark run in a row: one rectangle per run, not per module."""
    result, start = [], None
    for i, dark in enumerate((*row, False)):
        if dark and start is None:
            start = i
        elif not dark and start is not None:
            result.append((start, i - start))
            start = None
    return result


def module_size(text: str, size: float, pixel_exact: bool) -> float:
    n = len(matrix(text))
    return max(1.0, float(int(size / n))) if pixel_exact else size / n


def draw(painter: QPainter, text: str, x: float, y: float, size: float, pixel_exact: bool) -> float:
    """Draw the code with its top-left at (x, y), at most ``size`` wide; return the drawn size.

    ``pixel_exact`` (rasters): every module is a whole number of device pixels, no smoothing,
    so 1-bit printers get crisp edges. Otherwise modules are exact vector rectangles.
    """
    rows = matrix(text)
    module = module_size(text, size, pixel_exact)
    if pixel_exact:
        x, y = float(round(x)), float(round(y))
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("black"))
    if pixel_exact:
        for r, row in enumerate(rows):
            for start, length in runs(row):
                painter.drawRect(QRectF(x + start * module, y + r * module, length * module, module))
    else:
        painter.drawPath(_outline(text).translated(x, y) if module == 1 else _scaled(text, module, x, y))
    painter.restore()
    return module * len(rows)


@lru_cache(maxsize=64)
def _outline(text: str) -> QPainterPath:
    """The dark modules as one merged outline (unit modules): no seams between rows in a PDF."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for r, row in enumerate(matrix(text)):
        for start, length in runs(row):
            path.addRect(QRectF(start, r, length, 1))
    return path.simplified()


def _scaled(text: str, module: float, x: float, y: float) -> QPainterPath:
    return QTransform(module, 0, 0, module, x, y).map(_outline(text))
