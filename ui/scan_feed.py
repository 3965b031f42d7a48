"""The camera as the app sees it: frames on a worker thread, decoded, de-duplicated, handed off.

An adapter over OpenCV and zxing-cpp until the scan pipeline (kiosk.scan) offers one: a
device index or a video file (looped, paced at its own frame rate) is read on a thread; each
frame is decoded there; a code seen again within ``repeat_after`` seconds is not reported
twice. The UI picks the latest frame up with ``latest()`` (a lock held for one assignment),
so it never waits on the camera or the decoder.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import zxingcpp

log = logging.getLogger(__name__)

CodeCallback = Callable[[str], object]
StateCallback = Callable[[str], None]


class CameraFeed:
    """Reads a camera or a looped video on its own thread; reports codes and state changes."""

    def __init__(
        self,
        source: str | int | Path,
        on_code: CodeCallback,
        on_state: StateCallback | None = None,
        repeat_after: float = 4.0,
        loop: bool = True,
        realtime: bool = True,
        decode_width: int = 960,
    ) -> None:
        self.source = source
        self.on_code = on_code
        self.on_state = on_state or (lambda state: None)
        self.repeat_after = repeat_after
        self.loop = loop
        self.realtime = realtime
        self.decode_width = decode_width
        self.state = "stopped"
        self.frames = 0
        self.decoded = 0
        self._latest: np.ndarray | None = None
        self._latest_lock = threading.Lock()
        self._recent: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.fail_next_read = False  # tests and the demo: simulate an unplugged camera

    # -- life cycle -------------------------------------------------------------------------

    def start(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="camera", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
        self._set_state("stopped")

    def latest(self) -> np.ndarray | None:
        """The newest frame (BGR), or None before the first one. Never blocks for long."""
        with self._latest_lock:
            return self._latest

    # -- the worker -------------------------------------------------------------------------

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            log.info("camera %s", state)
            self.on_state(state)

    def _open(self) -> cv2.VideoCapture | None:
        source: str | int = int(str(self.source)) if str(self.source).isdigit() else str(self.source)
        capture = cv2.VideoCapture(source)
        if not capture.isOpened():
            capture.release()
            return None
        return capture

    def _run(self) -> None:
        retry = 0.5
        while not self._stop.is_set():
            capture = self._open()
            if capture is None:
                self._set_state("failed:open")
                self._stop.wait(retry)
                retry = min(retry * 2, 5.0)
                continue
            retry = 0.5
            self._set_state("live")
            fps = capture.get(cv2.CAP_PROP_FPS) or 15.0
            fps = fps if 1.0 <= fps <= 120.0 else 15.0
            try:
                self._read_loop(capture, fps)
            finally:
                capture.release()
            if not self.loop and not self._stop.is_set() and self.state == "live":
                self._set_state("stopped")
                return

    def _read_loop(self, capture: cv2.VideoCapture, fps: float) -> None:
        period = 1.0 / fps
        next_at = time.monotonic()
        while not self._stop.is_set():
            ok, frame = capture.read()
            if self.fail_next_read:
                self.fail_next_read, ok = False, False
                self._set_state("failed:lost")
                self._stop.wait(1.0)
                return  # reopened by _run
            if not ok:
                if self.loop and not str(self.source).isdigit():
                    capture.set(cv2.CAP_PROP_POS_FRAMES, 0)
                    ok, frame = capture.read()
                if not ok:
                    self._set_state("failed:lost")
                    self._stop.wait(1.0)
                    return
            self.frames += 1
            with self._latest_lock:
                self._latest = frame
            self._decode(frame)
            if self.realtime:
                next_at += period
                delay = next_at - time.monotonic()
                if delay > 0:
                    self._stop.wait(delay)
                else:
                    next_at = time.monotonic()

    def _decode(self, frame: np.ndarray) -> None:
        gray = cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY) if frame.ndim == 3 else frame
        if gray.shape[1] > self.decode_width:
            scale = self.decode_width / gray.shape[1]
            gray = cv2.resize(gray, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        try:
            results = zxingcpp.read_barcodes(gray)
        except Exception as exc:  # noqa: BLE001 - a decoder hiccup must not stop the camera
            log.warning("decoder failed on a frame: %s", exc)
            return
        now = time.monotonic()
        for result in results:
            text = result.text
            if not text:
                continue
            seen = self._recent.get(text)
            self._recent[text] = now
            if seen is not None and now - seen < self.repeat_after:
                continue
            self.decoded += 1
            self.on_code(text)
        if len(self._recent) > 256:
            self._recent = {k: v for k, v in self._recent.items() if now - v < self.repeat_after}
