"""Second attempts on codes zxing-cpp located but could not read: each proven on a damaged code."""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

from kiosk.demo import synth
from kiosk.scan import rescue
from kiosk.scan.decoder import QrDecoder

CODE = "7BCDEFG1234HJK"  # 21×21 modules at error correction M or H
Damage = Callable[[np.ndarray], np.ndarray]


def printed(payload: str | bytes, px: int, error: str = "M", damage: Damage | None = None) -> np.ndarray:
    """A grey 640×480 frame with the code printed at ``px`` pixels per module at (90, 10)."""
    modules = np.where(synth.qr_matrix(payload, error), 30, 235).astype(np.uint8)
    code = cv2.resize(modules, None, fx=px, fy=px, interpolation=cv2.INTER_NEAREST)
    code = cv2.copyMakeBorder(code, 4 * px, 4 * px, 4 * px, 4 * px, cv2.BORDER_CONSTANT, value=235)
    code = damage(code) if damage else code
    frame = np.full((480, 640), 200, np.uint8)
    frame[10 : 10 + code.shape[0], 90 : 90 + code.shape[1]] = code
    return frame


def dark_band(centre: float) -> Damage:
    """A shadow across the code: a horizontal band down to a quarter of the light."""

    def damage(code: np.ndarray) -> np.ndarray:
        y = np.linspace(0, 1, code.shape[0])[:, None]
        return (code * (1 - 0.75 * np.exp(-((y - centre) ** 2) / 0.01))).astype(np.uint8)

    return damage


def thumb(x: float, y: float, radius: float, angle: float) -> Damage:
    """A thumb-like grey blob over part of the code's data (not its finder patterns)."""

    def damage(code: np.ndarray) -> np.ndarray:
        n = code.shape[0]
        axes = (int(radius * n), int(radius * n * 1.6))
        return cv2.ellipse(code.copy(), (int(x * n), int(y * n)), axes, angle, 0, 360, 120, -1)

    return damage


def test_a_code_under_a_shadow_is_read_by_the_rescue_after_zxing_located_it() -> None:
    frame = printed(CODE, 6, damage=dark_band(0.505))
    assert QrDecoder(rescue=False).decode(frame) == []
    decoder = QrDecoder()
    assert [r.text for r in decoder.decode(frame)] == [CODE]
    assert decoder.located_unread >= 1 and decoder.rescued_by == ["rectified"]


def test_zbar_reads_a_shadowed_code_that_every_zxing_attempt_misses() -> None:
    frame = printed(CODE, 7, damage=dark_band(0.581))
    decoder = QrDecoder()
    assert [r.text for r in decoder.decode(frame)] == [CODE]
    assert decoder.rescued_by[0].startswith("zbar")


def test_a_partly_covered_code_is_read_when_its_error_correction_allows() -> None:
    frame = printed(CODE, 7, "H", damage=thumb(0.621, 0.768, 0.145, 106.0))
    assert QrDecoder(rescue=False).decode(frame) == []
    assert [r.text for r in QrDecoder().decode(frame)] == [CODE]


def test_zbar_refuses_a_payload_that_is_not_printable_ascii() -> None:
    same = lambda pts: pts  # noqa: E731
    assert [f[1] for f in rescue.zbar("zbar", printed(CODE, 4), same)] == [CODE.encode()]
    for payload in [
        "张伟 参会证".encode("gb18030"),
        "山田太郎".encode("shift_jis"),
        "Ünï".encode(),
        b"AB\x00\x07",
    ]:
        assert list(rescue.zbar("zbar", printed(payload, 4), same)) == []


def test_rescued_codes_report_their_corners_in_the_frame() -> None:
    (read,) = QrDecoder().decode(printed(CODE, 6, damage=dark_band(0.505)))
    xs, ys = [x for x, _ in read.corners], [y for _, y in read.corners]
    # 4 modules of quiet zone at 6 px, then 21 modules: x 114..240, y 34..160 in the frame
    assert all(abs(x - e) <= 6 for x, e in zip(sorted(xs), [114, 114, 240, 240], strict=True))
    assert all(abs(y - e) <= 6 for y, e in zip(sorted(ys), [34, 34, 160, 160], strict=True))
