"""The scan pipeline end to end: a generated badge video as the camera, real zxing-cpp, a real store."""

from __future__ import annotations

import threading
from pathlib import Path

import cv2
import pytest

from kiosk.demo.badgevideo import VARIANTS, write_badge_video
from kiosk.scan.decoder import QrDecoder
from kiosk.scan.pipeline import ScanPipeline, ScanResult
from kiosk.scan.sources import CameraSource, ImageFolderSource, VideoFileSource
from tests.test_scan_support import CODES, code_picture, make_service, write_pictures
from tests.waiting import wait_until

D1, D2, D3 = CODES["D1"], CODES["D2"], CODES["D3"]
# (code, seconds shown, seconds gap after). D1 is back after 2.8 s out of view (the same
# presentation: no new decision), then again after 3.5 s (a new one: already checked in).
SCHEDULE = [
    (D1, 0.8, 0.4),
    (D2, 0.8, 0.4),
    ("NOT-A-BADGE", 0.8, 0.4),
    (D1, 0.8, 3.5),
    (D1, 0.8, 0.4),
    (D3, 0.8, 0.3),
]
EXPECTED = [
    (D1, "admitted"), (D2, "admitted"), ("NOT-A-BADGE", "unknown_badge"),
    (D1, "already_checked_in"), (D3, "admitted"),
]  # fmt: skip


@pytest.fixture
def service(tmp_path: Path):  # type: ignore[no-untyped-def]
    return make_service(tmp_path)


@pytest.fixture(scope="module")
def badge_video(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("video") / "desk.avi"
    truth = write_badge_video(path, SCHEDULE, size=(640, 360), module_px=(3.5, 5.0), variants=VARIANTS)
    return path, truth


def run(source, service) -> list[ScanResult]:  # type: ignore[no-untyped-def]
    results: list[ScanResult] = []
    pipeline = ScanPipeline(source, service, listeners=[results.append])
    pipeline.run()
    return results


def test_every_frame_of_the_badge_video_gives_one_decision_per_presentation(badge_video, service) -> None:  # type: ignore[no-untyped-def]
    path, truth = badge_video
    results = run(VideoFileSource(path, realtime=False), service)
    assert [(r.decision.code, str(r.decision.outcome)) for r in results] == EXPECTED
    shown = [truth[i] for i in (0, 1, 2, 4, 5)]  # truth[3] is D1's quick return
    for result, presentation in zip(results, shown, strict=True):
        assert presentation.first_frame <= result.frame <= presentation.last_frame
        assert result.t == pytest.approx(result.frame / 30.0)
    assert results[3].decision.first_checkin is not None


@pytest.mark.slow
def test_video_played_like_a_live_camera_gives_the_same_decisions(badge_video, service) -> None:  # type: ignore[no-untyped-def]
    path, truth = badge_video
    results = run(VideoFileSource(path, realtime=True), service)
    assert [(r.decision.code, str(r.decision.outcome)) for r in results] == EXPECTED
    assert all(r.t >= r.frame_t for r in results)


def test_two_codes_in_one_frame_are_both_decided(tmp_path: Path, service) -> None:  # type: ignore[no-untyped-def]
    folder = write_pictures(tmp_path / "two", [code_picture([D1, D2])] * 3)
    results = run(ImageFolderSource(folder), service)
    assert sorted(r.decision.code for r in results) == sorted([D1, D2])
    assert {str(r.decision.outcome) for r in results} == {"admitted"}
    assert {r.frame for r in results} == {0}


class PacedDecoder:
    """The real decoder, saying when each frame is done, so a fake camera never outruns it."""

    def __init__(self) -> None:
        self._decoder = QrDecoder()
        self.ready = threading.Semaphore(1)

    def decode(self, image):  # type: ignore[no-untyped-def]
        try:
            return self._decoder.decode(image)
        finally:
            self.ready.release()


class FailingCapture:
    """A real video capture that dies after ``frames`` frames, like an unplugged USB camera.

    It hands over a frame only when the decoder has finished the one before (``ready``), so
    every frame is decoded however busy the machine is: the test is about reopening, not speed.
    """

    def __init__(self, path: Path, frames: int, ready: threading.Semaphore) -> None:
        self._cap = cv2.VideoCapture(str(path))
        self._left = frames
        self._ready = ready

    def isOpened(self) -> bool:  # noqa: N802 - OpenCV's name
        return self._cap.isOpened()

    def read(self):  # type: ignore[no-untyped-def]
        self._left -= 1
        if self._left < 0:
            return False, None
        self._ready.acquire(timeout=60)
        return self._cap.read()

    def release(self) -> None:
        self._cap.release()


def test_a_camera_that_fails_mid_stream_is_reopened_and_scanning_goes_on(tmp_path: Path, service) -> None:  # type: ignore[no-untyped-def]
    first = tmp_path / "first.avi"
    second = tmp_path / "second.avi"
    write_badge_video(first, [(D1, 0.5, 0.2), (D2, 0.5, 0.2)], size=(640, 360), variants=("still",))
    write_badge_video(second, [(D3, 0.5, 0.2)], size=(640, 360), variants=("still",), seed=3)
    attempts: list[str] = []
    decoder = PacedDecoder()

    def opener(device):  # type: ignore[no-untyped-def]
        attempts.append(device)
        if len(attempts) == 1:
            return FailingCapture(
                first, frames=30, ready=decoder.ready
            )  # D1 and part of D2, then the cable is pulled
        if len(attempts) in (2, 3):
            return cv2.VideoCapture(str(tmp_path / "missing.avi"))  # not back yet
        if len(attempts) == 4:
            return FailingCapture(second, frames=10_000, ready=decoder.ready)
        return cv2.VideoCapture(str(tmp_path / "missing.avi"))

    camera = CameraSource(0, opener=opener, retry_interval=0.01)
    statuses: list[str] = []
    camera.on_status.append(statuses.append)
    results: list[ScanResult] = []
    # One decision per code however long decoding takes: the test is not about the repeat gap.
    pipeline = ScanPipeline(camera, service, decoder, gap=3600, listeners=[results.append]).start()
    wait_until(lambda: len(results) >= 3 or pipeline.join(timeout=0), timeout=120)
    pipeline.stop()
    assert pipeline.join(timeout=60)
    assert [r.decision.code for r in results] == [D1, D2, D3]
    assert statuses[:4] == ["open", "lost", "reopening", "open"]
    assert statuses[-1] == "closed"
