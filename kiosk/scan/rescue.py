"""Second attempts on a QR code that zxing-cpp located but could not decode.

Each attempt works on that code's region only, so a frame with nothing located (an empty frame)
costs nothing here. In order, stopping at the first read: the region upscaled, stretched and
sharpened; the region through zxing-cpp's global-histogram binariser (uneven light); the code
rectified from its located corners to a square (tilt, curved or creased badges); then zbar, a
second decoder with its own locator and sampling, on the region and on the rectified square;
last, the code's modules read on a grid fitted to the picture (``kiosk.scan.grid``: cloth,
creases), redrawn clean for zxing-cpp.
zbar guesses text encodings on its own, so only its printable-ASCII reads are taken (every badge
code is ASCII); anything else from it is refused rather than risk a garbled code. The numbers
behind each step: docs/scanning.md.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator

import cv2
import numpy as np
import zxingcpp

from kiosk.scan import grid

log = logging.getLogger(__name__)

# The first pass looks for zxing-cpp's whole QR family: a Micro QR finder pattern it fails on
# still marks a region worth a second attempt (one more motion-blurred badge of 40). Only
# full-size codes (Model 2, and the old Model 1) are taken, and every second attempt looks for
# those alone: a Micro QR symbol (M1: five digits, error detection only) can turn up inside a
# damaged full-size code and be read wrong, hiding the code around it (tests/test_scan_grid.py).
QR_FORMATS = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
FULL_SIZE = zxingcpp.BarcodeFormats(
    [zxingcpp.BarcodeFormat.QRCodeModel1, zxingcpp.BarcodeFormat.QRCodeModel2]
)
SQUARE = 240  # side of the rectified code, px (quiet zone added around it)


def small(barcode: zxingcpp.Barcode) -> bool:
    """A Micro QR or rMQR symbol (zxing-cpp reports full-size codes as plain QR)."""
    return barcode.format in (zxingcpp.BarcodeFormat.MicroQRCode, zxingcpp.BarcodeFormat.RMQRCode)


try:  # zbar is a system library (libzbar0); without it the zbar steps are skipped, said once
    from pyzbar import pyzbar
except ImportError as exc:  # pragma: no cover - depends on the machine
    pyzbar = None
    log.warning("zbar unavailable, QR rescue without it: %s", exc)

# A rescued code: the step that read it, its barcode (zxing-cpp) or ASCII bytes (zbar), and its
# corners in the frame.
Found = tuple[str, zxingcpp.Barcode | bytes, np.ndarray]


def region(luma: np.ndarray, corners: np.ndarray) -> tuple[np.ndarray, tuple[int, int]] | None:
    """The located code's bounding box with a quarter of its size around it, and its offset."""
    x0, y0 = corners.min(axis=0)
    x1, y1 = corners.max(axis=0)
    pad = 0.25 * max(x1 - x0, y1 - y0, 8)
    h, w = luma.shape
    x0, y0 = int(max(0, x0 - pad)), int(max(0, y0 - pad))
    x1, y1 = int(min(w, x1 + pad)), int(min(h, y1 + pad))
    if x1 - x0 < 8 or y1 - y0 < 8:
        return None
    return luma[y0:y1, x0:x1], (x0, y0)


def attempts(
    luma: np.ndarray, corners: np.ndarray, invert: bool, version: int | None
) -> Iterator[list[Found]]:
    """What each rescue attempt on one located code read, cheapest first; lazily, so the caller
    stops at the first that read anything (a region can hold a second code: all it read count).
    ``version`` is the located code's QR version when zxing-cpp read it (else no grid step)."""
    cut = region(luma, corners)
    if cut is None:
        return
    crop, (x0, y0) = cut

    def shifted(scale: float) -> Callable[[np.ndarray], np.ndarray]:
        return lambda pts: pts / scale + (x0, y0)

    scale = 2.0 if max(crop.shape) < 400 else 1.0
    sharp = cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    sharp = cv2.normalize(sharp, np.empty_like(sharp), 0, 255, cv2.NORM_MINMAX)
    sharp = cv2.addWeighted(sharp, 1.8, cv2.GaussianBlur(sharp, (0, 0), 2.0), -0.8, 0)
    yield _zxing("sharpened", sharp, invert, shifted(scale), try_downscale=True)
    yield _zxing("histogram", crop, invert, shifted(1.0), binarizer=zxingcpp.Binarizer.GlobalHistogram)
    square, back = _rectified(luma, corners)
    yield _zxing("rectified", square, invert, back, binarizer=zxingcpp.Binarizer.GlobalHistogram)
    yield _zxing("rectified", square, invert, back, binarizer=zxingcpp.Binarizer.LocalAverage)
    yield zbar("zbar", crop, shifted(1.0))
    yield zbar("zbar rectified", square, back)
    if version:
        yield _zxing(
            "grid",
            grid.drawn(grid.modules(luma, corners, version)),
            False,
            _back(grid.drawn_to_frame(corners, version)),
        )


def _zxing(step: str, image: np.ndarray, invert: bool, back, **options) -> list[Found]:  # type: ignore[no-untyped-def]
    found = zxingcpp.read_barcodes(image, formats=FULL_SIZE, try_rotate=False, try_invert=invert,
                                   text_mode=zxingcpp.TextMode.Plain, **options)  # fmt: skip
    hits: list[Found] = []
    for b in found:
        if b.valid:
            p = b.position
            pts = [(c.x, c.y) for c in (p.top_left, p.top_right, p.bottom_right, p.bottom_left)]
            hits.append((step, b, back(np.array(pts, np.float32))))
    return hits


def _rectified(
    luma: np.ndarray, corners: np.ndarray
) -> tuple[np.ndarray, Callable[[np.ndarray], np.ndarray]]:
    """The code warped from its located corners onto a square with a quiet zone."""
    m = SQUARE * 0.15
    square = np.array([[m, m], [SQUARE + m, m], [SQUARE + m, SQUARE + m], [m, SQUARE + m]], np.float32)
    warp = cv2.getPerspectiveTransform(corners, square)
    side = int(SQUARE + 2 * m)
    image = cv2.warpPerspective(
        luma, warp, (side, side), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE
    )
    return image, _back(np.linalg.inv(warp))


def _back(to_frame: np.ndarray) -> Callable[[np.ndarray], np.ndarray]:
    def back(pts: np.ndarray) -> np.ndarray:
        return cv2.perspectiveTransform(pts.reshape(-1, 1, 2).astype(np.float32), to_frame).reshape(-1, 2)

    return back


def zbar(step: str, image: np.ndarray, back: Callable[[np.ndarray], np.ndarray]) -> list[Found]:
    """zbar's printable-ASCII reads in ``image``; any other payload is refused (never guessed)."""
    hits: list[Found] = []
    if pyzbar is None:
        return hits
    for symbol in pyzbar.decode(np.ascontiguousarray(image), symbols=[pyzbar.ZBarSymbol.QRCODE]):
        data = bytes(symbol.data)
        if data.isascii() and data.decode("ascii").isprintable():
            pts = np.array([(p.x, p.y) for p in symbol.polygon], np.float32)
            hits.append((step, data, back(pts)))
    return hits
