"""QR decoding: zxing-cpp on a grayscale frame, plus only the extra attempts the benchmark justifies.

See docs/scanning.md for the numbers behind each choice. A decoder returns every code it read in
a frame; a payload may be any bytes, and the text is what zxing-cpp makes of them (never raises).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

import cv2
import numpy as np
import zxingcpp

log = logging.getLogger(__name__)

QR_FORMATS = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)


@dataclass(frozen=True, slots=True)
class Read:
    text: str
    raw: bytes
    corners: tuple[tuple[int, int], ...] = ()


class Decoder(Protocol):
    def decode(self, image: np.ndarray) -> list[Read]: ...


def gray(image: np.ndarray) -> np.ndarray:
    return image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


def _corners(barcode: zxingcpp.Barcode) -> tuple[tuple[int, int], ...]:
    p = barcode.position
    return tuple((pt.x, pt.y) for pt in (p.top_left, p.top_right, p.bottom_right, p.bottom_left))


def _read(barcode: zxingcpp.Barcode, offset: tuple[float, float] = (0, 0), scale: float = 1.0) -> Read:
    corners = tuple((int(x / scale + offset[0]), int(y / scale + offset[1])) for x, y in _corners(barcode))
    return Read(barcode.text, bytes(barcode.bytes), corners)


class QrDecoder:
    """zxing-cpp, QR codes only, on the grayscale frame.

    ``invert`` (on): also look for light-on-dark codes: dark-mode phone screens, 0% → 100%.
    ``rescue`` (on): when zxing-cpp located a code but could not decode it, decode that region
    again upscaled, sharpened and contrast-stretched: +2-17 points in the blur, glare and tilt
    categories, no cost on empty frames (nothing is located there).
    ``downscale`` (off): zxing-cpp's extra search on downscaled copies read nothing more on the
    benchmark, at 0.5 ms (720p) to 4 ms (1080p) per empty frame.
    ``located_unread`` is how many codes the last frame had that were located but not read.
    """

    def __init__(self, invert: bool = True, downscale: bool = False, rescue: bool = True) -> None:
        self.invert = invert
        self.downscale = downscale
        self.rescue = rescue
        self.located_unread = 0

    def decode(self, image: np.ndarray) -> list[Read]:
        luma = gray(image)
        found = zxingcpp.read_barcodes(
            luma, formats=QR_FORMATS, try_rotate=False, try_downscale=self.downscale,
            try_invert=self.invert, text_mode=zxingcpp.TextMode.Plain, return_errors=self.rescue,
        )  # fmt: skip
        reads = [_read(b) for b in found if b.valid]
        failed = [b for b in found if not b.valid]
        if self.rescue:
            for barcode in failed:
                reads.extend(self._rescue(luma, barcode, reads))
        self.located_unread = len(failed)
        return reads

    def _rescue(self, luma: np.ndarray, failed: zxingcpp.Barcode, reads: list[Read]) -> list[Read]:
        pts = np.array(_corners(failed), np.float32)
        if any(_inside(pts.mean(axis=0), r.corners) for r in reads):
            return []
        x0, y0 = pts.min(axis=0)
        x1, y1 = pts.max(axis=0)
        pad = 0.25 * max(x1 - x0, y1 - y0, 8)
        h, w = luma.shape
        x0, y0 = int(max(0, x0 - pad)), int(max(0, y0 - pad))
        x1, y1 = int(min(w, x1 + pad)), int(min(h, y1 + pad))
        if x1 - x0 < 8 or y1 - y0 < 8:
            return []
        region = luma[y0:y1, x0:x1]
        scale = 2.0 if max(region.shape) < 400 else 1.0
        region = cv2.resize(region, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
        region = cv2.normalize(region, np.empty_like(region), 0, 255, cv2.NORM_MINMAX)
        blurred = cv2.GaussianBlur(region, (0, 0), 2.0)
        region = cv2.addWeighted(region, 1.8, blurred, -0.8, 0)
        found = zxingcpp.read_barcodes(region, formats=QR_FORMATS, try_rotate=False, try_downscale=True,
                                       try_invert=self.invert, text_mode=zxingcpp.TextMode.Plain)  # fmt: skip
        return [_read(b, (x0, y0), scale) for b in found if b.valid]


def _inside(point: np.ndarray, corners: tuple[tuple[int, int], ...]) -> bool:
    if len(corners) < 3:
        return False
    contour = np.array(corners, np.float32).reshape(-1, 1, 2)
    return cv2.pointPolygonTest(contour, (float(point[0]), float(point[1])), False) >= 0
