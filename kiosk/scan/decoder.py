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

from kiosk.scan import rescue
from kiosk.scan.rescue import FULL_SIZE, QR_FORMATS, small

log = logging.getLogger(__name__)

# QR symbology identifiers with ECI (ISO/IEC 18004: ]Q2 model 2, ]Q4 and ]Q6 with FNC1)
ECI_IDENTIFIERS = {"]Q2", "]Q4", "]Q6"}


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


def payload_text(barcode: zxingcpp.Barcode) -> str:
    """The payload as text when its encoding is known, else "" (the bytes stay in ``Read.raw``).

    Known: an ECI says it (zxing-cpp decodes it), the bytes are UTF-8 (ASCII included), or
    zxing-cpp read them as Shift_JIS or GB 18030 (its Kanji and Hanzi modes, and its guess for
    byte mode) and they are valid there. Any other guess without an ECI (mostly Latin-1, which a
    GB 18030 or Big5 payload also passes for, and raw bytes) would be a garbled name on screen,
    so it is refused instead.
    """
    raw = bytes(barcode.bytes)
    if barcode.symbology_identifier in ECI_IDENTIFIERS:
        return barcode.text
    for encoding in ("utf-8", "shift_jis", "gb18030"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8" or text == barcode.text:
            return text
    return ""


def _read(barcode: zxingcpp.Barcode, corners: np.ndarray | None = None) -> Read:
    points = _corners(barcode) if corners is None else tuple((int(x), int(y)) for x, y in corners)
    return Read(payload_text(barcode), bytes(barcode.bytes), points)


class QrDecoder:
    """zxing-cpp, QR codes only, on the grayscale frame.

    ``invert`` (on): also look for light-on-dark codes: dark-mode phone screens, 0% → 100%.
    ``rescue`` (on): when zxing-cpp located a code but could not decode it, try that region again
    (``kiosk.scan.rescue``: sharpened, re-binarised, rectified, then zbar): +2-17 points in the
    blur, glare and tilt categories, +5 real photographs, no cost on empty frames (nothing is
    located there).
    ``downscale`` (off): zxing-cpp's extra search on downscaled copies read nothing more on the
    benchmark, at 0.5 ms (720p) to 4 ms (1080p) per empty frame.
    ``located_unread`` is how many codes the last frame had that were located but not read by
    the first pass; ``rescued_by`` names the rescue step that read each one it then read.
    """

    def __init__(self, invert: bool = True, downscale: bool = False, rescue: bool = True) -> None:
        self.invert = invert
        self.downscale = downscale
        self.rescue = rescue
        self.located_unread = 0
        self.rescued_by: list[str] = []

    def decode(self, image: np.ndarray) -> list[Read]:
        luma = gray(image)
        self.rescued_by = []
        found = self._first_pass(luma, QR_FORMATS)
        if any(b.valid and small(b) for b in found):  # rare: look again for full-size codes only
            found = self._first_pass(luma, FULL_SIZE)
        reads = [_read(b) for b in found if b.valid and not small(b)]
        failed = [b for b in found if not b.valid]
        if self.rescue:
            for barcode in failed:
                reads.extend(
                    r for r in self._rescue(luma, barcode, reads) if r.raw not in {x.raw for x in reads}
                )
        self.located_unread = len(failed)
        return reads

    def _first_pass(self, luma: np.ndarray, formats: zxingcpp.BarcodeFormats) -> list[zxingcpp.Barcode]:
        return zxingcpp.read_barcodes(
            luma, formats=formats, try_rotate=False, try_downscale=self.downscale, try_invert=self.invert,
            text_mode=zxingcpp.TextMode.Plain, return_errors=self.rescue,
        )  # fmt: skip

    def _rescue(self, luma: np.ndarray, failed: zxingcpp.Barcode, reads: list[Read]) -> list[Read]:
        corners = np.array(_corners(failed), np.float32)
        if any(_inside(corners.mean(axis=0), r.corners) for r in reads):
            return []
        hits = next((h for h in rescue.attempts(luma, corners, self.invert, _version(failed)) if h), [])
        rescued: list[Read] = []
        for step, found, points in hits:
            self.rescued_by.append(step)
            if isinstance(found, bytes):  # zbar: printable ASCII only
                rescued.append(Read(found.decode("ascii"), found, tuple((int(x), int(y)) for x, y in points)))
            else:
                rescued.append(_read(found, points))
        return rescued


def _version(barcode: zxingcpp.Barcode) -> int | None:
    """The located code's QR version (1-40) if zxing-cpp read it; Micro QR ("M3") gives None."""
    extra = barcode.extra
    version = str(extra.get("Version", "")) if isinstance(extra, dict) else ""
    return int(version) if version.isdigit() and 1 <= int(version) <= 40 else None


def _inside(point: np.ndarray, corners: tuple[tuple[int, int], ...]) -> bool:
    if len(corners) < 3:
        return False
    contour = np.array(corners, np.float32).reshape(-1, 1, 2)
    return cv2.pointPolygonTest(contour, (float(point[0]), float(point[1])), False) >= 0
