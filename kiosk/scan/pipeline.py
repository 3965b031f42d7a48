"""The scan pipeline: capture thread -> decoder thread -> decision -> journal -> listeners.

The capture thread only reads frames. From a live source (a camera, a file played at its own
rate) it keeps the newest frame and drops the ones the decoder could not keep up with, as a
camera does; otherwise it hands over every frame. The decoder thread decodes, drops repeats of
a presentation, and asks the check-in service, which journals durably before it answers.
Listeners are called on a thread of their own, so a slow listener never holds up capture or
decoding. Frames are never written anywhere or logged.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from kiosk.events import Listeners
from kiosk.model import Decision
from kiosk.scan.decoder import Decoder, QrDecoder
from kiosk.scan.dedup import DEFAULT_GAP, Presentations
from kiosk.scan.sources import Frame, FrameSource

log = logging.getLogger(__name__)


class Decider(Protocol):
    """Decides on a code read from a frame; None when it did not take the code (the app's
    intake declines camera codes while a guest is typing, for one)."""

    def check_in(self, raw_code: str | bytes) -> Decision | None: ...


@dataclass(frozen=True, slots=True)
class ScanResult:
    decision: Decision
    frame: int  # index, in the source, of the frame the code was decoded from
    frame_t: float  # that frame's timestamp on the source's clock
    t: float  # the source's clock when the decision was made


Listener = Callable[[ScanResult], None]
_END = object()


class LatestFrame:
    """A one-slot mailbox: ``put`` replaces a frame not yet taken; ``take`` waits for a new one.

    The end marker never replaces a frame: the last frame is still decoded, then ``take`` says end.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._item: object = None
        self._ended = False
        self.dropped = 0

    def put(self, item: object) -> None:
        with self._cond:
            if item is _END:
                self._ended = True
            else:
                self.dropped += self._item is not None
                self._item = item
            self._cond.notify()

    def take(self) -> object:
        with self._cond:
            while self._item is None and not self._ended:
                self._cond.wait()
            item, self._item = self._item, None
            return _END if item is None else item


class ScanPipeline:
    def __init__(
        self,
        source: FrameSource,
        service: Decider,
        decoder: Decoder | None = None,
        gap: float = DEFAULT_GAP,
        listeners: list[Listener] | None = None,
    ) -> None:
        self.source = source
        self.service = service
        self.decoder: Decoder = decoder or QrDecoder()
        self.presentations = Presentations(gap)
        self.results: Listeners[ScanResult] = Listeners()
        for listener in listeners or ():
            self.results.connect(listener)
        self.frames_read = 0
        self.frames_decoded = 0
        self._stop = threading.Event()
        self._frames: LatestFrame | queue.Queue[object] = (
            LatestFrame() if source.live else queue.Queue(maxsize=4)
        )
        self._results: queue.Queue[object] = queue.Queue()
        self._threads = [
            threading.Thread(target=self._capture, name="scan-capture", daemon=True),
            threading.Thread(target=self._decode_loop, name="scan-decode", daemon=True),
            threading.Thread(target=self._notify, name="scan-notify", daemon=True),
        ]

    @property
    def dropped(self) -> int:
        return self._frames.dropped if isinstance(self._frames, LatestFrame) else 0

    def start(self) -> ScanPipeline:
        for thread in self._threads:
            thread.start()
        return self

    def stop(self) -> None:
        """Stop reading; frames already taken are finished and their listeners told."""
        self._stop.set()
        self.source.close()

    def join(self, timeout: float | None = None) -> bool:
        """Wait until the source ended (or ``stop``) and every listener was told; True when done."""
        for thread in self._threads:
            thread.join(timeout)
        return not any(t.is_alive() for t in self._threads)

    def run(self) -> None:
        self.start()
        self.join()

    # -- threads --------------------------------------------------------------------------------

    def _put(self, item: object) -> None:
        if isinstance(self._frames, LatestFrame):
            self._frames.put(item)
            return
        while not self._stop.is_set():
            try:
                self._frames.put(item, timeout=0.1)
                return
            except queue.Full:
                continue
        if item is _END:  # stopping: make room for the end marker
            with self._frames.mutex:
                self._frames.queue.clear()
            self._frames.put_nowait(item)

    def _capture(self) -> None:
        try:
            while not self._stop.is_set():
                frame = self.source.read()
                if frame is None:
                    break
                self.frames_read += 1
                self._put(frame)
        except Exception:
            log.exception("frame source failed")
        finally:
            self._put(_END)

    def _take(self) -> object:
        return self._frames.take() if isinstance(self._frames, LatestFrame) else self._frames.get()

    def _decode_loop(self) -> None:
        try:
            while True:
                item = self._take()
                if item is _END:
                    break
                assert isinstance(item, Frame)
                self._handle(item)
        finally:
            self._results.put(_END)

    def _handle(self, frame: Frame) -> None:
        try:
            reads = self.decoder.decode(frame.image)
        except Exception:
            log.exception("decoder failed on frame %d", frame.index)
            return
        self.frames_decoded += 1
        for read in reads:
            key = read.text or read.raw.hex()
            if not self.presentations.is_new(key, frame.t):
                continue
            try:
                decision = self.service.check_in(read.text if read.text else read.raw)
            except Exception:
                log.exception("check-in failed for a code read in frame %d", frame.index)
                continue
            if decision is None:
                continue
            # A live source's clock runs on while we decode; a file read as fast as possible
            # has no "meanwhile": its decision is made at the frame's own time.
            t = self.source.now() if self.source.live else frame.t
            self._results.put(ScanResult(decision, frame.index, frame.t, t))

    def _notify(self) -> None:
        while (item := self._results.get()) is not _END:
            assert isinstance(item, ScanResult)
            self.results.emit(item)
