"""When the attract screen says "please show your QR code" out loud, decided without Qt.

Someone has come up to the kiosk when the camera's picture changes (a person moving in front
of it); if ``PROMPT_AFTER`` seconds later the attract screen is still waiting (no code read, no
tap, the screen not left), the guest is probably looking for what to do: the scan prompt is
spoken, once. It is not spoken again for the same person: the picture must first stay still for
``QUIET_FOR`` seconds (they have gone) before a new approach counts. A scan, a tap or leaving
the attract screen (``activity``) ends the wait. The clock is given, so tests need no sleeping.
"""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

PROMPT_AFTER = 4.0  # seconds someone is in front of the camera with nothing happening
QUIET_FOR = 10.0  # seconds of a still picture before the next approach is a new person
MOTION = 12.0  # mean change of a grey 32x18 thumbnail (0-255) that counts as someone moving
THUMB = (32, 18)


def thumbnail(frame: np.ndarray) -> np.ndarray:
    grey = frame if frame.ndim == 2 else cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)
    return cv2.resize(grey, THUMB, interpolation=cv2.INTER_AREA).astype(np.float32)


class ScanPrompt:
    """Feed it camera frames (``see``) and the guest's activity; ``due`` says when to speak."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._last: np.ndarray | None = None
        self._approached: float | None = None  # when the current person came into view
        self._moved = float("-inf")  # the last time the picture changed
        self._spoken = False  # said to the person in view already

    def see(self, frame: np.ndarray | None) -> None:
        """A camera frame (None: no camera). A change in the picture is someone moving."""
        if frame is None:
            return
        now, small = self._clock(), thumbnail(frame)
        moving = self._last is not None and float(np.mean(np.abs(small - self._last))) >= MOTION
        self._last = small
        if not moving:
            return
        if now - self._moved >= QUIET_FOR:  # the picture was still: a new person
            self._approached, self._spoken = now, False
        self._moved = now

    def activity(self) -> None:
        """The guest did something (a code, a tap, another screen): no prompt for this person."""
        self._approached, self._spoken = None, True

    def due(self) -> bool:
        """True once, when the person in view has waited ``PROMPT_AFTER`` s with nothing happening."""
        if self._spoken or self._approached is None or self._clock() - self._approached < PROMPT_AFTER:
            return False
        self._spoken = True
        return True
