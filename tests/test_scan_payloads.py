"""Garbage, binary and hostile payloads in QR codes: always a defined outcome, never a crash."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from kiosk.model import Outcome
from kiosk.scan.decoder import QrDecoder
from kiosk.scan.pipeline import ScanPipeline, ScanResult
from kiosk.scan.sources import ImageFolderSource
from tests.test_scan_support import CODES, code_picture, make_service, write_pictures

HOSTILE: list[str | bytes] = [
    b"\x00\x01\x02\xff\xfe\x80binary",  # not UTF-8, with NUL
    "'; DROP TABLE badges; --",  # SQL in a badge
    "\u202eRTL\u200b override\x1b[31m",  # bidi override, zero-width space, terminal escape
    "X" * 900,  # longer than any code (clean_code bounds it)
    "张伟 🎫 Ünïcödé",
    "   ",  # only blanks
    b"\xef\xbb\xbf" + CODES["D2"].encode(),  # a UTF-8 BOM in front of a real code
]


@pytest.fixture
def service(tmp_path: Path):  # type: ignore[no-untyped-def]
    return make_service(tmp_path)


def test_hostile_payloads_each_get_a_defined_outcome(tmp_path: Path, service) -> None:  # type: ignore[no-untyped-def]
    frames = [code_picture([payload], size=(1280, 720), module_px=3.0) for payload in HOSTILE]
    results: list[ScanResult] = []
    ScanPipeline(ImageFolderSource(write_pictures(tmp_path / "frames", frames), fps=0.1), service,
                 listeners=[results.append]).run()  # fmt: skip
    assert len(results) == len(HOSTILE)
    for result in results:
        assert isinstance(result.decision.outcome, Outcome)
        assert result.decision.code.isprintable() or result.decision.code == ""
        assert len(result.decision.code) <= 512
    outcomes = [str(r.decision.outcome) for r in results]
    assert outcomes[:6] == ["unknown_badge"] * 6
    assert outcomes[6] in ("admitted", "unknown_badge")  # the BOM is either stripped or kept: defined
    assert len(service.store.journal.since(0)) == len(HOSTILE)


def test_decoder_never_raises_on_odd_images() -> None:
    decoder = QrDecoder(rescue=True)
    rng = np.random.default_rng(1)
    odd = [
        np.zeros((1, 1), np.uint8), np.zeros((0, 0), np.uint8)[:1, :1], np.full((720, 1280), 255, np.uint8),
        rng.integers(0, 256, (720, 1280), dtype=np.uint8), rng.integers(0, 256, (480, 640, 3), dtype=np.uint8),
        np.asfortranarray(rng.integers(0, 256, (300, 200), dtype=np.uint8)),
    ]  # fmt: skip
    for image in odd:
        if image.size == 0:
            continue
        assert decoder.decode(image) == []


ENCODED: list[tuple[bytes, str]] = [
    ("张伟 Ünïcödé".encode(), "张伟 Ünïcödé"),  # UTF-8: decoded
    ("山田太郎 受付".encode("shift_jis"), "山田太郎 受付"),  # Shift_JIS, as Japanese phones write it
    ("张伟 参会证 王芳".encode("gb18030"), ""),  # GB 18030 with no ECI passes for Latin-1: refused
    ("Müller".encode("latin-1"), ""),  # Latin-1 with no ECI: indistinguishable from the above
    (bytes(range(0x80, 0xA0)) + b"\x00\xff", ""),  # raw bytes
]


def test_non_ascii_payloads_are_decoded_in_their_encoding_or_refused_never_garbled() -> None:
    decoder = QrDecoder()
    for payload, text in ENCODED:
        (read,) = decoder.decode(code_picture([payload], size=(640, 360), module_px=4.0))
        assert read.raw == payload
        assert read.text == text, payload
