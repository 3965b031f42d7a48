"""The benchmark's synthetic frame set: one category per difficulty, each frame with its truth.

``build_set(per_category, seed)`` returns ``[(category, frame_bgr, {payloads}), ...]``; an empty
payload set is a frame with no code (false-positive check). Payloads mix the project's opaque
16-character codes and ~90-character signed-code-sized payloads (a denser QR).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable

import numpy as np

from kiosk import codes
from kiosk.demo import synth

Sample = tuple[str, np.ndarray, frozenset[str]]


def _payload(rng: np.random.Generator) -> str:
    length = 16 if rng.random() < 0.6 else 90
    return "".join(codes.ALPHABET[int(i)] for i in rng.integers(0, len(codes.ALPHABET), length))


def _frame(rng: np.random.Generator, size: tuple[int, int] = (1280, 720), module=(2.5, 6.0), style="badge",
           rotation=25.0, tilt=15.0, brightness=1.0) -> tuple[np.ndarray, np.ndarray, str]:  # fmt: skip
    payload = _payload(rng)
    card, box = synth.card_image(synth.qr_matrix(payload), style, rng)
    frame = synth.scene(*size, rng, brightness=brightness)
    m = float(rng.uniform(*module))
    pose = synth.Pose(rng.uniform(0.3, 0.7) * size[0], rng.uniform(0.35, 0.65) * size[1], m,
                      float(rng.uniform(-rotation, rotation)),
                      float(rng.uniform(-tilt, tilt)), float(rng.uniform(-tilt, tilt)))  # fmt: skip
    corners = synth.place(frame, card, box, 6, pose)
    return frame, corners, payload


def _tilted(rng: np.random.Generator):  # type: ignore[no-untyped-def]
    payload = _payload(rng)
    card, box = synth.card_image(synth.qr_matrix(payload), "badge", rng)
    frame = synth.scene(1280, 720, rng)
    angle = float(rng.uniform(30, 45)) * float(rng.choice([-1, 1]))
    axis = rng.random() < 0.5
    pose = synth.Pose(640 + rng.uniform(-200, 200), 360 + rng.uniform(-80, 80), float(rng.uniform(3.5, 6)),
                      float(rng.uniform(-20, 20)), angle if axis else angle / 3, angle / 3 if axis else angle)  # fmt: skip
    return frame, synth.place(frame, card, box, 6, pose), payload


def _category(name: str, rng: np.random.Generator) -> tuple[np.ndarray, str | None]:
    """One frame of a category and its payload (None for an empty frame)."""
    if name == "empty 720p":
        return synth.sensor_noise(synth.scene(1280, 720, rng), rng, 3), None
    if name == "empty 1080p":
        return synth.sensor_noise(synth.scene(1920, 1080, rng), rng, 3), None
    if name == "tilt 30-45°":
        frame, _, payload = _tilted(rng)
        return frame, payload
    settings: dict[str, dict] = {
        "badge 720p": {},
        "badge 1080p": {"size": (1920, 1080), "module": (2.5, 8.0)},
        "small modules 1.5-2.5px": {"module": (1.5, 2.5), "tilt": 5.0},
        "large modules 6-8px": {"module": (6.0, 8.0)},
        "rotation 0-360°": {"rotation": 180.0},
        "phone light": {"style": "phone_light"},
        "phone dark mode": {"style": "phone_dark"},
        "low light": {"brightness": 0.3},
    }
    if name in settings:
        frame, corners, payload = _frame(rng, **settings[name])
        if name == "low light":
            frame = synth.low_light(frame, rng, float(rng.uniform(0.4, 0.8)))
        return frame, payload
    frame, corners, payload = _frame(rng, module=(3.0, 6.0))
    degrade: dict[str, Callable[[], np.ndarray]] = {
        "gaussian blur": lambda: synth.gaussian_blur(frame, float(rng.uniform(0.8, 2.0))),
        "motion blur": lambda: synth.motion_blur(frame, int(rng.integers(4, 10)), float(rng.uniform(0, 180))),
        "low contrast": lambda: synth.low_contrast(frame, float(rng.uniform(0.15, 0.3))),
        "glare": lambda: synth.glare(frame, rng, corners, float(rng.uniform(0.5, 0.9))),
        "sensor noise": lambda: synth.sensor_noise(frame, rng, float(rng.uniform(10, 25))),
        "jpeg q10-30": lambda: synth.jpeg(frame, int(rng.integers(10, 30))),
        "thumb over code": lambda: synth.thumb(frame, rng, corners, float(rng.uniform(0.15, 0.3))),
    }
    return degrade[name](), payload


CATEGORIES = (
    "badge 720p", "badge 1080p", "small modules 1.5-2.5px", "large modules 6-8px", "rotation 0-360°",
    "tilt 30-45°", "gaussian blur", "motion blur", "low light", "low contrast", "glare", "sensor noise",
    "jpeg q10-30", "thumb over code", "phone light", "phone dark mode", "empty 720p", "empty 1080p",
)  # fmt: skip


def build_set(per_category: int = 30, seed: int = 2023, categories=CATEGORIES) -> list[Sample]:  # type: ignore[no-untyped-def]
    samples: list[Sample] = []
    for number, name in enumerate(categories):
        rng = np.random.default_rng([seed, number])
        for _ in range(per_category * (2 if name.startswith("empty") else 1)):
            frame, payload = _category(name, rng)
            samples.append((name, frame, frozenset([payload]) if payload else frozenset()))
    return samples


def random_code() -> str:
    return "".join(secrets.choice(codes.ALPHABET) for _ in range(16))
