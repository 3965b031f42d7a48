"""Where frames come from: a camera, a video file or a folder of images, behind one small interface.

Every source stamps its frames with its own clock (seconds since it started): a camera with the
monotonic time the frame arrived, a video file with the frame's position in the file, an image
folder with ``index / fps``. De-duplication and the CLI's ``t`` use that clock, never the wall.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import cv2
import numpy as np

log = logging.getLogger(__name__)

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".webp", ".pgm", ".ppm"}


@dataclass(frozen=True, slots=True)
class Frame:
    image: np.ndarray  # BGR or grayscale, as the source delivers it
    index: int  # 0-based position in the source
    t: float  # seconds since the source started, on the source's own clock


class FrameSource(Protocol):
    """A stream of frames. ``read`` blocks until the next frame; ``None`` means the stream ended."""

    live: bool  # True when frames arrive in real time (a camera, a file played at its own rate)

    def read(self) -> Frame | None: ...

    def now(self) -> float:
        """The source's clock: seconds since it started."""
        ...

    def close(self) -> None: ...


class VideoFileSource:
    """A video file. ``realtime`` plays it at its own frame rate, like a camera; else as fast as read.

    ``loop`` starts it again at the end, its clock and frame index running on (the demo camera).
    """

    def __init__(self, path: Path | str, realtime: bool = True, loop: bool = False) -> None:
        self.path = Path(path)
        self._cap = cv2.VideoCapture(str(self.path))
        if not self._cap.isOpened():
            raise OSError(
                f"{self.path} is a file, but OpenCV cannot read it as a video (tried FFmpeg and its other back ends)"
            )
        fps = self._cap.get(cv2.CAP_PROP_FPS)
        self.fps = fps if fps and 1 <= fps <= 240 else 30.0
        self.live = realtime
        self.loop = loop
        self._index = 0
        self._last_t = 0.0
        self._t0: float | None = None

    def read(self) -> Frame | None:
        ok, image = self._cap.read()
        if (not ok or image is None) and self.loop and self._index > 0:
            self._cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
            ok, image = self._cap.read()
        if not ok or image is None:
            return None
        t = self._index / self.fps
        if self.live:
            if self._t0 is None:
                self._t0 = time.monotonic()
            delay = self._t0 + t - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        frame = Frame(image, self._index, t)
        self._index += 1
        self._last_t = t
        return frame

    def now(self) -> float:
        if self.live:
            return 0.0 if self._t0 is None else time.monotonic() - self._t0
        return self._last_t

    def close(self) -> None:
        self._cap.release()


class ImageFolderSource:
    """Every image in a folder, sorted by name, one frame each at ``fps`` on the source's clock."""

    live = False

    def __init__(self, folder: Path | str, fps: float = 30.0) -> None:
        self.folder = Path(folder)
        self.paths = sorted(p for p in self.folder.iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
        self.fps = fps
        self._index = 0
        self._last_t = 0.0

    def read(self) -> Frame | None:
        while self._index < len(self.paths):
            index = self._index
            self._index += 1
            image = cv2.imread(str(self.paths[index]), cv2.IMREAD_COLOR)
            if image is None:
                log.warning("skipping unreadable image %s", self.paths[index].name)
                continue
            self._last_t = index / self.fps
            return Frame(image, index, self._last_t)
        return None

    def now(self) -> float:
        return self._last_t

    def close(self) -> None:
        self._index = len(self.paths)


def open_capture(device: int | str) -> Any:
    """A camera asked for 1280×720, MJPG where it offers it."""
    cap = cv2.VideoCapture(device)
    if cap.isOpened():
        cap.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*"MJPG"))
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, 1280)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, 720)
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)
    return cap


class CameraSource:
    """A camera by index or device path. A camera that fails is reopened until it is back or closed.

    ``status`` says what the camera is doing ("open", "lost", "reopening", "gave up", "closed");
    ``on_status`` callables are told each change. ``opener`` makes the capture object
    (``cv2.VideoCapture`` by default; anything with ``isOpened``/``read``/``release``).
    ``give_up_after`` seconds without a frame ends the stream ("gave up"); None keeps trying.
    """

    live = True

    def __init__(
        self,
        device: int | str,
        opener: Callable[[int | str], Any] = open_capture,
        retry_interval: float = 1.0,
        give_up_after: float | None = None,
    ) -> None:
        self.device = device
        self.give_up_after = give_up_after
        self._opener = opener
        self.retry_interval = retry_interval
        self.status = "closed"
        self.on_status: list[Callable[[str], None]] = []
        self._cap: Any = None
        self._closed = threading.Event()
        self._lock = threading.Lock()  # held while reading, so close() never frees a busy capture
        self._t0 = time.monotonic()
        self._last_frame = self._t0  # when a frame last came (or the source was made)
        self._index = 0

    def _set_status(self, status: str) -> None:
        if status != self.status:
            self.status = status
            log.info("camera %s: %s", self.device, status)  # on_status is how a person is told
            for callback in list(self.on_status):
                callback(status)

    def _ensure_open(self) -> bool:
        while not self._closed.is_set():
            if self._cap is not None and self._cap.isOpened():
                return True
            self._cap = self._opener(self.device)
            if self._cap is not None and self._cap.isOpened():
                self._set_status("open")
                return True
            if self.give_up_after is not None and time.monotonic() - self._last_frame > self.give_up_after:
                self._set_status("gave up")
                return False
            self._set_status("reopening")
            self._closed.wait(self.retry_interval)
        return False

    def read(self) -> Frame | None:
        with self._lock:
            return self._read()

    def _read(self) -> Frame | None:
        while self._ensure_open():
            ok, image = self._cap.read()
            if self._closed.is_set():
                break
            if ok and image is not None:
                self._last_frame = time.monotonic()
                frame = Frame(image, self._index, self.now())
                self._index += 1
                return frame
            self._set_status("lost")
            self._cap.release()
            self._cap = None
        return None

    def now(self) -> float:
        return time.monotonic() - self._t0

    def close(self) -> None:
        self._closed.set()
        with self._lock:  # an in-flight read returns within a frame
            if self._cap is not None:
                self._cap.release()
                self._cap = None
        self._set_status("closed")


def open_source(spec: str, realtime: bool = True, give_up_after: float | None = None) -> FrameSource:
    """A source from the CLI's SOURCE: a camera index or device path, a video file, an image folder."""
    path = Path(spec)
    if spec.isdigit():
        return CameraSource(int(spec), give_up_after=give_up_after)
    if path.is_dir():
        return ImageFolderSource(path)
    if spec.startswith("/dev/video"):
        return CameraSource(spec, give_up_after=give_up_after)
    if path.is_file():
        return VideoFileSource(path, realtime=realtime)
    raise FileNotFoundError(
        f"{spec} is not a camera index (0, 1 …), a /dev/videoN device, a video file or an image folder"
    )
