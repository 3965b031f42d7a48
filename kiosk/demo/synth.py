"""Synthetic camera pictures of QR codes: badges and phone screens in a scene, with degradations.

Shared by the badge video (the demo's fake camera, the tests' camera) and the benchmark set.
Everything is drawn from a ``numpy.random.Generator`` so a seed gives the same pictures.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import cv2
import numpy as np
import qrcode
import qrcode.constants

QUIET = 4  # quiet-zone modules around a code

# Categories that look like a badge on a lanyard or a phone screen.
STYLES = ("badge", "phone_light", "phone_dark")


def qr_matrix(payload: str | bytes, error: str = "M") -> np.ndarray:
    """The module matrix of a QR code (True = dark), without quiet zone."""
    levels = {"L": qrcode.constants.ERROR_CORRECT_L, "M": qrcode.constants.ERROR_CORRECT_M,
              "Q": qrcode.constants.ERROR_CORRECT_Q, "H": qrcode.constants.ERROR_CORRECT_H}  # fmt: skip
    code = qrcode.QRCode(border=0, error_correction=levels[error])
    code.add_data(payload)
    code.make(fit=True)
    return np.array(code.get_matrix(), dtype=bool)


def card_image(
    matrix: np.ndarray, style: str, rng: np.random.Generator, px: int = 6
) -> tuple[np.ndarray, tuple]:
    """A badge or a phone showing the code, ``px`` pixels per module (BGR).

    Returns the picture and the code's box (x0, y0, x1, y1) in it, quiet zone excluded.
    """
    n = matrix.shape[0]
    side = (n + 2 * QUIET) * px
    dark, light = (20, 20, 20), (250, 250, 250)
    if style == "phone_dark":  # a dark-mode wallet: light modules on a near-black screen
        dark, light = (235, 235, 235), (18, 18, 18)
    modules = np.where(matrix[..., None], np.array(dark, np.uint8), np.array(light, np.uint8)).astype(
        np.uint8
    )
    code = cv2.resize(modules, (n * px, n * px), interpolation=cv2.INTER_NEAREST)
    if style == "badge":
        w, h = int(side * 1.5), int(side * 2.1)
        card = np.full((h, w, 3), 246, np.uint8)
        band = tuple(int(c) for c in rng.integers(40, 220, 3))
        cv2.rectangle(card, (0, 0), (w, int(h * 0.16)), band, -1)
        for i in range(3):  # name and organisation lines
            y = int(h * (0.22 + 0.07 * i))
            cv2.rectangle(
                card, (w // 8, y), (w // 8 + int(w * rng.uniform(0.4, 0.75)), y + h // 30), (60, 60, 60), -1
            )
        x0, y0 = (w - side) // 2, int(h * 0.45)
    else:
        w, h = int(side * 1.25), int(side * 2.2)
        card = np.full((h, w, 3), 12, np.uint8)  # bezel
        screen = light if style == "phone_light" else (18, 18, 18)
        cv2.rectangle(card, (w // 20, h // 30), (w - w // 20, h - h // 30), screen, -1)
        x0, y0 = (w - side) // 2, int(h * 0.3)
    card[y0 : y0 + side, x0 : x0 + side] = light
    card[y0 + QUIET * px : y0 + (QUIET + n) * px, x0 + QUIET * px : x0 + (QUIET + n) * px] = code
    box = (x0 + QUIET * px, y0 + QUIET * px, x0 + (QUIET + n) * px, y0 + (QUIET + n) * px)
    return card, box


def scene(width: int, height: int, rng: np.random.Generator, brightness: float = 1.0) -> np.ndarray:
    """A cluttered background: a room, a desk, shapes, stripes, some printed text (BGR)."""
    small = rng.integers(60, 200, (6, 10, 3)).astype(np.uint8)
    img = cv2.resize(small, (width, height), interpolation=cv2.INTER_CUBIC)
    for _ in range(int(rng.integers(6, 16))):
        color = tuple(int(c) for c in rng.integers(0, 255, 3))
        x, y = int(rng.integers(0, width)), int(rng.integers(0, height))
        if rng.random() < 0.5:
            cv2.rectangle(
                img,
                (x, y),
                (x + int(rng.integers(20, width // 3)), y + int(rng.integers(20, height // 3))),
                color,
                -1,
            )
        else:
            cv2.circle(img, (x, y), int(rng.integers(10, height // 5)), color, -1)
    if rng.random() < 0.5:  # stripes (a shirt, blinds)
        period = int(rng.integers(4, 20))
        x0 = int(rng.integers(0, width // 2))
        for x in range(x0, min(width, x0 + width // 3), period):
            cv2.line(img, (x, 0), (x, height), (30, 30, 30), max(1, period // 3))
    for _ in range(int(rng.integers(0, 4))):  # printed text: small dark marks
        x, y = int(rng.integers(0, max(1, width - 200))), int(rng.integers(0, max(1, height - 40)))
        cv2.putText(
            img,
            "Forum 2023 Hall B",
            (x, y + 30),
            cv2.FONT_HERSHEY_SIMPLEX,
            rng.uniform(0.5, 1.2),
            (20, 20, 20),
            2,
        )
    if rng.random() < 0.3:  # a checkerboard poster: finder-like squares everywhere
        cell = int(rng.integers(6, 24))
        x, y = int(rng.integers(0, max(1, width - 8 * cell))), int(rng.integers(0, max(1, height - 8 * cell)))
        for i in range(8):
            for j in range(8):
                if (i + j) % 2 == 0:
                    cv2.rectangle(
                        img,
                        (x + i * cell, y + j * cell),
                        (x + (i + 1) * cell, y + (j + 1) * cell),
                        (15, 15, 15),
                        -1,
                    )
    return _scale(img, brightness)


def _scale(img: np.ndarray, factor: float) -> np.ndarray:
    return np.clip(img.astype(np.float32) * factor, 0, 255).astype(np.uint8)


@dataclass(frozen=True)
class Pose:
    """Where a card sits in the frame: centre, code module size in pixels, rotation, tilt (degrees)."""

    cx: float
    cy: float
    module_px: float
    rotation: float = 0.0
    tilt_x: float = 0.0  # about the horizontal axis (top edge away from the camera)
    tilt_y: float = 0.0  # about the vertical axis


def place(
    frame: np.ndarray, card: np.ndarray, box: tuple, card_px: int, pose: Pose, motion: float = 0.0
) -> np.ndarray:
    """Paste ``card`` (drawn at ``card_px`` px/module) into ``frame`` at ``pose``, with perspective.

    ``motion`` smears the card (not the background) horizontally by that many pixels.
    Returns the code's four corners in the frame.
    """
    scale = pose.module_px / card_px
    if scale < 0.7:  # pre-shrink with area averaging so the warp does not alias
        card = cv2.resize(card, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        box = tuple(v * scale for v in box)
        scale = 1.0
    h, w = card.shape[:2]
    corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32)
    target = _project(corners - [w / 2, h / 2], scale, pose)
    fh, fw = frame.shape[:2]
    pad = int(motion) + 2
    x0, y0 = (max(0, int(v) - pad) for v in target.min(axis=0))
    x1, y1 = (int(v) + pad + 1 for v in target.max(axis=0))
    x1, y1 = min(fw, x1), min(fh, y1)
    matrix = cv2.getPerspectiveTransform(corners, (target - [x0, y0]).astype(np.float32))
    size = (x1 - x0, y1 - y0)
    if size[0] > 0 and size[1] > 0:
        warped = cv2.warpPerspective(card, matrix, size, flags=cv2.INTER_LINEAR)
        mask = cv2.warpPerspective(np.full((h, w), 255, np.uint8), matrix, size, flags=cv2.INTER_LINEAR)
        if motion >= 1:
            warped, mask = motion_blur(warped, int(motion) + 1, 0.0), motion_blur(mask, int(motion) + 1, 0.0)
        alpha = (mask.astype(np.float32) / 255.0)[..., None]
        roi = frame[y0:y1, x0:x1]
        roi[:] = (warped * alpha + roi * (1 - alpha)).astype(np.uint8)
    bx0, by0, bx1, by1 = box
    code = np.array([[[bx0, by0], [bx1, by0], [bx1, by1], [bx0, by1]]], np.float32)
    return cv2.perspectiveTransform(code, matrix)[0] + np.array([x0, y0], np.float32)


def _project(points: np.ndarray, scale: float, pose: Pose) -> np.ndarray:
    ax, ay, az = (math.radians(v) for v in (pose.tilt_x, pose.tilt_y, pose.rotation))
    rx = np.array([[1, 0, 0], [0, math.cos(ax), -math.sin(ax)], [0, math.sin(ax), math.cos(ax)]])
    ry = np.array([[math.cos(ay), 0, math.sin(ay)], [0, 1, 0], [-math.sin(ay), 0, math.cos(ay)]])
    rz = np.array([[math.cos(az), -math.sin(az), 0], [math.sin(az), math.cos(az), 0], [0, 0, 1]])
    pts = np.c_[points * scale, np.zeros(len(points))] @ (rz @ ry @ rx).T
    focal = 2.5 * float(np.abs(points).max() * scale * 2)
    factor = focal / (focal + pts[:, 2])
    return (pts[:, :2] * factor[:, None] + [pose.cx, pose.cy]).astype(np.float32)


# -- degradations (each takes and returns a BGR frame) -------------------------------------------


def gaussian_blur(img: np.ndarray, sigma: float) -> np.ndarray:
    return cv2.GaussianBlur(img, (0, 0), sigma)


def motion_blur(img: np.ndarray, length: int, angle: float) -> np.ndarray:
    kernel = np.zeros((length, length), np.float32)
    kernel[length // 2, :] = 1.0 / length
    rot = cv2.getRotationMatrix2D((length / 2 - 0.5, length / 2 - 0.5), angle, 1.0)
    line = cv2.warpAffine(kernel, rot, (length, length))
    return cv2.filter2D(img, -1, (line / max(float(line.sum()), 1e-6)).astype(np.float32))


def low_light(img: np.ndarray, rng: np.random.Generator, level: float) -> np.ndarray:
    return sensor_noise(_scale(img, level), rng, 4.0 + 6.0 * (1 - level))


def low_contrast(img: np.ndarray, amount: float) -> np.ndarray:
    f = img.astype(np.float32)
    return np.clip(128 + (f - 128) * amount + 30, 0, 255).astype(np.uint8)


def glare(img: np.ndarray, rng: np.random.Generator, corners: np.ndarray, strength: float) -> np.ndarray:
    """A bright specular patch over part of the code."""
    c = corners.mean(axis=0) + (corners[1] - corners[0]) * rng.uniform(-0.35, 0.35)
    r = float(np.linalg.norm(corners[1] - corners[0])) * rng.uniform(0.2, 0.45)
    h, w = img.shape[:2]
    yy, xx = np.ogrid[:h, :w]
    spot = np.exp(-(((xx - c[0]) ** 2 + (yy - c[1]) ** 2) / (2 * r * r))).astype(np.float32)
    return np.clip(img + (255 * strength * spot)[..., None], 0, 255).astype(np.uint8)


def sensor_noise(img: np.ndarray, rng: np.random.Generator, sigma: float) -> np.ndarray:
    noise = rng.normal(0, sigma, img.shape[:2]).astype(np.float32)[..., None]
    return np.clip(img + noise, 0, 255).astype(np.uint8)


def jpeg(img: np.ndarray, quality: int) -> np.ndarray:
    ok, data = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, quality])
    decoded = cv2.imdecode(data, cv2.IMREAD_COLOR) if ok else None
    return img if decoded is None else decoded


def thumb(img: np.ndarray, rng: np.random.Generator, corners: np.ndarray, cover: float) -> np.ndarray:
    """A thumb over the middle of one edge of the code, reaching ``cover`` of the way in."""
    side = int(rng.integers(0, 4))
    a, b = corners[side], corners[(side + 1) % 4]
    centre = corners.mean(axis=0)
    edge_mid = (a + b) / 2
    tip = edge_mid + (centre - edge_mid) * cover * 2
    length = float(np.linalg.norm(b - a))
    direction = edge_mid - centre
    base = edge_mid + direction * 0.8
    out = img.copy()
    skin = (int(rng.integers(90, 140)), int(rng.integers(130, 170)), int(rng.integers(180, 225)))
    width = max(3, int(length * 0.18))
    cv2.line(out, tuple(int(v) for v in base), tuple(int(v) for v in tip), skin, width * 2)
    cv2.circle(out, tuple(int(v) for v in tip), width, skin, -1)
    return out
