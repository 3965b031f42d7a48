"""A located code's modules read on a grid fitted to the picture: creased, turned, light-on-dark."""

from __future__ import annotations

import cv2
import numpy as np
import pytest
import qrcode
import zxingcpp

from kiosk.demo import synth
from kiosk.scan import grid
from kiosk.scan.decoder import QrDecoder
from tests.test_scan_rescue import printed

PAYLOAD = "X" * 60  # version 3 at error correction L: 29×29 modules, one alignment pattern


def creased(turns: int = 0, dark: bool = False) -> np.ndarray:
    """The code at 6 px a module, bent by waves of a third of a module every 12 modules in both
    directions (what cloth does; no perspective flattens it), slightly blurred, turned by 90° steps."""
    frame = printed(PAYLOAD, 6, "L")
    frame = 255 - frame if dark else frame
    h, w = frame.shape
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    wave = 0.3 * 6
    map_x = xs + wave * np.sin(2 * np.pi * ys / 72)
    map_y = ys + wave * np.sin(2 * np.pi * xs / 72 + 1.0)
    bent = cv2.remap(frame, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    return np.ascontiguousarray(np.rot90(cv2.GaussianBlur(bent, (0, 0), 1.0), turns))


@pytest.mark.parametrize("dark", [False, True], ids=["dark-on-light", "light-on-dark"])
@pytest.mark.parametrize("turns", [0, 1, 2, 3])
def test_a_creased_code_is_read_on_a_fitted_grid_when_every_other_step_fails(turns: int, dark: bool) -> None:
    frame = creased(turns, dark)
    decoder = QrDecoder()
    assert [r.text for r in decoder.decode(frame)] == [PAYLOAD]
    assert decoder.located_unread >= 1 and decoder.rescued_by == ["grid"]


def test_a_damaged_code_is_never_read_as_the_micro_qr_code_zxing_finds_inside_it() -> None:
    frame = creased()
    family = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)  # QR, Micro QR, rMQR
    found = zxingcpp.read_barcodes(frame, formats=family, try_rotate=False, try_downscale=False)
    # an M1 symbol (five digits, error detection only) found in the bent code's modules
    assert [(b.format, b.text) for b in found] == [(zxingcpp.BarcodeFormat.MicroQRCode, "8246")]
    assert [r.text for r in QrDecoder().decode(frame)] == [PAYLOAD]


@pytest.mark.parametrize(
    ("version", "centres"),
    [
        (1, []),
        (2, [6, 18]),
        (7, [6, 22, 38]),
        (32, [6, 34, 60, 86, 112, 138]),
        (40, [6, 30, 58, 86, 114, 142, 170]),
    ],
)
def test_alignment_pattern_centres_follow_the_standard(version: int, centres: list[int]) -> None:
    assert grid.alignment_centres(version) == centres


@pytest.mark.parametrize("version", [1, 2, 6, 7, 14, 40])
def test_the_fixed_modules_are_what_every_code_of_that_version_has(version: int) -> None:
    known = grid.fixed_modules(version)
    for payload in ("A", "7BCDEFG1234HJK"):
        code = qrcode.QRCode(version=version, border=0, error_correction=qrcode.constants.ERROR_CORRECT_M)
        code.add_data(payload)
        code.make(fit=False)
        matrix = np.array(code.get_matrix(), dtype=bool)
        assert matrix.shape == known.shape
        assert np.array_equal(matrix[known >= 0], known[known >= 0] == 1)
    assert (known >= 0).sum() >= 3 * 64 + 2 * (grid.side(version) - 16)  # finders, separators, timing


def test_a_flat_code_comes_back_module_for_module() -> None:
    matrix = synth.qr_matrix(PAYLOAD, "L")
    frame = printed(PAYLOAD, 5, "L")
    # printed(): 4 modules of quiet zone at 5 px, the code's top-left corner at (90, 10) + 20
    x0, y0, far = 110.0, 30.0, 110.0 + 29 * 5
    corners = np.array([[x0, y0], [far, y0], [far, y0 + 29 * 5], [x0, y0 + 29 * 5]], np.float32)
    assert np.array_equal(grid.modules(frame, corners, 3), matrix)
