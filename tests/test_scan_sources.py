"""Frame sources: a video file's own clock, an image folder in name order."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.demo.badgevideo import write_badge_video
from kiosk.scan.sources import CameraSource, ImageFolderSource, VideoFileSource, open_source


def test_a_video_file_stamps_frames_with_its_own_clock(tmp_path: Path) -> None:
    video = tmp_path / "v.mp4"
    write_badge_video(video, [("ABC", 0.2, 0.1)], size=(320, 240), fps=20.0)
    source = VideoFileSource(video, realtime=False)
    frames = []
    while (frame := source.read()) is not None:
        frames.append(frame)
    assert [f.index for f in frames] == list(range(6))
    assert [f.t for f in frames] == pytest.approx([i / 20 for i in range(6)])
    assert source.now() == pytest.approx(0.25)


def test_a_looping_video_starts_again_with_its_clock_running_on(tmp_path: Path) -> None:
    video = tmp_path / "v.avi"
    write_badge_video(video, [("ABC", 0.1, 0.1)], size=(160, 120), fps=10.0)
    source = VideoFileSource(video, realtime=False, loop=True)
    frames = [source.read() for _ in range(5)]
    assert [f.index for f in frames if f] == [0, 1, 2, 3, 4]
    assert [f.t for f in frames if f] == pytest.approx([0.0, 0.1, 0.2, 0.3, 0.4])
    assert frames[2] is not None and frames[0] is not None
    assert np.array_equal(frames[2].image, frames[0].image)


def test_an_image_folder_is_read_in_name_order_and_skips_unreadable_files(tmp_path: Path) -> None:
    for name, value in (("b.png", 2), ("a.png", 1), ("c.jpg", 3)):
        cv2.imwrite(str(tmp_path / name), np.full((10, 10, 3), value, np.uint8))
    (tmp_path / "broken.png").write_bytes(b"not a picture")
    (tmp_path / "notes.txt").write_text("ignored")
    source = ImageFolderSource(tmp_path, fps=10)
    frames = []
    while (frame := source.read()) is not None:
        frames.append(frame)
    assert [int(f.image[0, 0, 0]) for f in frames] == [1, 2, 3]
    assert [f.t for f in frames] == pytest.approx([0.0, 0.1, 0.3])  # broken.png keeps its place on the clock


def test_open_source_tells_cameras_files_and_folders_apart(tmp_path: Path) -> None:
    video = tmp_path / "v.avi"
    write_badge_video(video, [("A", 0.1, 0.0)], size=(160, 120))
    assert isinstance(open_source(str(tmp_path)), ImageFolderSource)
    assert isinstance(open_source(str(video)), VideoFileSource)
    assert isinstance(open_source("0"), CameraSource)
    with pytest.raises(FileNotFoundError):
        open_source(str(tmp_path / "missing.avi"))


def test_a_closed_camera_that_never_opened_ends_its_stream() -> None:
    camera = CameraSource("/dev/video-none", opener=lambda device: cv2.VideoCapture(), retry_interval=0.01)
    camera.close()
    assert camera.read() is None
    assert camera.status == "closed"
