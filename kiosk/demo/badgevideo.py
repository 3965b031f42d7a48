"""A synthetic "badge video": delegates holding up badges and phones in front of a desk camera.

The demo plays it in a loop as its camera; the tests and the benchmark use it as a fake camera
whose truth is known. ``write_badge_video(path, [(code, shown_s, gap_s), ...])`` writes the file
(MJPG in ``.avi``, or mp4v in ``.mp4``) and returns what was shown when.

Each presentation gets a variant: ``still`` (a badge held steady), ``motion`` (drifting across
the view, motion-blurred by its speed), ``tilt`` (turned up to 40°), ``blur`` (out of focus),
``phone_light`` / ``phone_dark`` (a phone screen, dark mode drawn light-on-dark), ``low_light``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from kiosk.demo import synth

VARIANTS = ("still", "motion", "tilt", "blur", "phone_light", "phone_dark", "low_light")
EASY = ("still", "tilt", "phone_light")


@dataclass(frozen=True)
class Shown:
    """One presentation in the video: the code was in view from ``first_frame`` to ``last_frame``."""

    code: str | bytes
    first_frame: int
    last_frame: int
    variant: str
    fps: float

    @property
    def start(self) -> float:
        return self.first_frame / self.fps

    @property
    def end(self) -> float:
        return (self.last_frame + 1) / self.fps


def render_frames(
    schedule: Iterable[tuple[str | bytes, float, float]],
    size: tuple[int, int] = (1280, 720),
    fps: float = 30.0,
    variants: Sequence[str] = VARIANTS,
    module_px: tuple[float, float] = (3.0, 6.0),
    seed: int = 7,
) -> Iterator[tuple[np.ndarray, Shown | None]]:
    """Yield ``(frame, shown_or_None)`` for each frame; ``shown`` is set on a presentation's first frame."""
    rng = np.random.default_rng(seed)
    width, height = size
    backgrounds = [synth.sensor_noise(b, rng, 2.0) for b in [synth.scene(width, height, rng)] * 4]
    index = 0
    for number, (code, shown_s, gap_s) in enumerate(schedule):
        variant = variants[number % len(variants)]
        frames = max(1, round(shown_s * fps))
        shown = Shown(code, index, index + frames - 1, variant, fps)
        style = variant if variant.startswith("phone") else "badge"
        card, box = synth.card_image(synth.qr_matrix(code), style, rng)
        m = float(rng.uniform(*module_px))
        x0, y0 = rng.uniform(0.35, 0.65) * width, rng.uniform(0.4, 0.6) * height
        dx = rng.choice([-1.0, 1.0]) * width * 0.15 / max(frames, 1) if variant == "motion" else 0.0
        rot0 = float(rng.uniform(-25, 25))
        tilt = float(rng.uniform(25, 40)) * float(rng.choice([-1, 1])) if variant == "tilt" else 0.0
        for k in range(frames):
            jitter = rng.normal(0, 1.2, 2)
            pose = synth.Pose(x0 + dx * (k - frames / 2) + jitter[0], y0 + jitter[1], m,
                              rot0 + 2 * math.sin(k / 9), tilt_x=tilt * 0.3, tilt_y=tilt)  # fmt: skip
            frame = _ambient(backgrounds, index + k)
            synth.place(frame, card, box, 6, pose, motion=abs(dx) / 2)  # exposure: half a frame
            if variant == "blur":
                frame = synth.gaussian_blur(frame, 1.1)
            elif variant == "low_light":
                frame = synth.low_light(frame, rng, 0.35)
            yield frame, (shown if k == 0 else None)
            index += 1
        for _ in range(max(0, round(gap_s * fps))):
            yield _ambient(backgrounds, index), None
            index += 1


def _ambient(backgrounds: list[np.ndarray], index: int) -> np.ndarray:
    """The empty desk, with a little sensor noise that changes from frame to frame."""
    return backgrounds[index % len(backgrounds)].copy()


def write_badge_video(
    path: Path | str,
    schedule: Iterable[tuple[str | bytes, float, float]],
    size: tuple[int, int] = (1280, 720),
    fps: float = 30.0,
    variants: Sequence[str] = VARIANTS,
    module_px: tuple[float, float] = (3.0, 6.0),
    seed: int = 7,
) -> list[Shown]:
    """Write the video and return the presentations in it, in order."""
    path = Path(path)
    fourcc = "mp4v" if path.suffix.lower() == ".mp4" else "MJPG"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*fourcc), fps, size)
    if not writer.isOpened():
        raise OSError(f"cannot write a {fourcc} video to {path}")
    truth: list[Shown] = []
    try:
        for frame, shown in render_frames(schedule, size, fps, variants, module_px, seed):
            writer.write(frame)
            if shown is not None:
                truth.append(shown)
    finally:
        writer.release()
    return truth
