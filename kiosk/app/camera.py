"""The camera as the app sees it: the scan pipeline (kiosk.scan) behind a preview-able source.

``PreviewSource`` wraps a frame source: it keeps the newest frame for the screen
(``latest()``, one lock-guarded reference, so the UI never waits on the camera or the
decoder), loops a video file (the demo's badge video) with a clock that keeps running,
pauses while the admin screen is open, and turns the camera's status into the app's
camera state ("live", "failed:lost", "failed:open", "paused", "stopped"). Decoding happens on
the pipeline's threads; each code read goes through the app's intake (``kiosk.app.intake``),
like every other code, and decisions reach the screens through the service's ``decided``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from kiosk.scan.pipeline import Decider, ScanPipeline
from kiosk.scan.sources import CameraSource, Frame, FrameSource, VideoFileSource

log = logging.getLogger(__name__)

StateCallback = Callable[[str], None]
CAMERA_STATES = {"open": "live", "lost": "failed:lost", "reopening": "failed:open", "closed": "stopped"}


def open_frames(spec: str | int | Path, opener: Any = None) -> FrameSource:
    """A camera (index or /dev/video*) or a video file played at its own rate."""
    text = str(spec)
    if text.isdigit() or text.startswith("/dev/video") or opener is not None:
        device: int | str = int(text) if text.isdigit() else text
        return CameraSource(device, opener=opener) if opener is not None else CameraSource(device)
    return VideoFileSource(text, realtime=True)


class PreviewSource:
    """A FrameSource that remembers the newest frame, loops files and can be paused."""

    live = True

    def __init__(self, make: Callable[[], FrameSource], on_state: StateCallback, loop: bool = True) -> None:
        self._make = make
        self._on_state = on_state
        self.loop = loop
        self.state = ""
        self._inner: FrameSource | None = None
        self._latest: np.ndarray | None = None
        self._lock = threading.Lock()  # guards the latest frame
        self._read_lock = threading.Lock()  # guards a non-camera source between read and close
        self._running = threading.Event()
        self._running.set()
        self._closed = threading.Event()
        self._index = 0
        self._offset = 0.0  # seconds of earlier loops, so the clock never runs backwards
        self._last_t = 0.0

    def set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            log.info("camera %s", state)
            self._on_state(state)

    def _open(self) -> FrameSource | None:
        try:
            inner = self._make()
        except OSError as exc:
            log.warning("camera cannot be opened: %s", exc)
            self.set_state("failed:open")
            return None
        if isinstance(inner, CameraSource):
            inner.on_status.append(lambda status: self.set_state(CAMERA_STATES.get(status, status)))
        else:
            self.set_state("live" if self._running.is_set() else "paused")  # paused while it opened
        return inner

    def read(self) -> Frame | None:
        while not self._closed.is_set():
            if not self._running.is_set():
                self._running.wait(0.2)
                continue
            if self._inner is None:
                self._inner = self._open()
                if self._inner is None:
                    self._closed.wait(1.0)
                    continue
            frame = self._read_inner(self._inner)
            if frame is None:
                if self._closed.is_set() or not self.loop:
                    break
                self._offset = self._last_t + 0.1  # a file ended: play it again from the start
                self._inner.close()
                self._inner = None
                continue
            frame = replace(frame, index=self._index, t=self._offset + frame.t)
            self._index += 1
            self._last_t = frame.t
            with self._lock:
                self._latest = frame.image
            return frame
        return None

    def _read_inner(self, inner: FrameSource) -> Frame | None:
        if isinstance(inner, CameraSource):
            return inner.read()  # CameraSource guards its own capture against close()
        with self._read_lock:  # a video capture must not be released in the middle of a read
            return None if self._closed.is_set() else inner.read()

    def latest(self) -> np.ndarray | None:
        with self._lock:
            return self._latest

    def now(self) -> float:
        return self._offset + (self._inner.now() if self._inner is not None else 0.0)

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def pause(self, paused: bool) -> None:
        if paused:
            self._running.clear()
            self.set_state("paused")
        else:
            self._running.set()
            self.set_state("live")

    def close(self) -> None:
        self._closed.set()
        self._running.set()
        inner = self._inner
        if isinstance(inner, CameraSource):
            inner.close()
        elif inner is not None:
            with self._read_lock:  # waits for a read in flight (at most one frame)
                inner.close()
        self.set_state("stopped")


class CameraFeed:
    """The running scan pipeline for one source; what ``AppContext.camera`` holds."""

    def __init__(self, spec: str | int | Path, decider: Decider, on_state: StateCallback,
                 opener: Any = None, loop: bool = True) -> None:  # fmt: skip
        self.spec = spec
        self.source = str(spec)  # what the admin screen compares with its camera setting
        self.preview = PreviewSource(lambda: open_frames(spec, opener), on_state, loop)
        self.pipeline = ScanPipeline(self.preview, decider)

    @property
    def state(self) -> str:
        return self.preview.state

    def start(self) -> None:
        self.pipeline.start()

    def latest(self) -> np.ndarray | None:
        return self.preview.latest()

    @property
    def paused(self) -> bool:
        return self.preview.paused

    def pause(self, paused: bool) -> None:
        self.preview.pause(paused)

    def stop(self, timeout: float = 5.0) -> None:
        self.pipeline.stop()
        self.pipeline.join(timeout)
