"""The colour-blind check: the three outcome screens as people with protanopia, deuteranopia and
tritanopia see them, and how far apart they stay.

Simulation: Machado, Oliveira and Fernandes (2009), "A physiologically-based model for
simulation of color vision deficiency", severity 1.0, applied to linear sRGB. Distance: CIE 1976
ΔE*ab in CIELAB (D65). About 2.3 is a just-noticeable difference; the outcomes are kept ≥ 30
apart under every simulation (``MIN_DISTANCE``), as different as a teal and a yellow.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import numpy as np

MACHADO: dict[str, np.ndarray] = {
    "normal": np.eye(3),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}  # fmt: skip
MIN_DISTANCE = 30.0
_XYZ = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
_WHITE = np.array([0.95047, 1.0, 1.08883])


def _linear(rgb: np.ndarray) -> np.ndarray:
    c = np.asarray(rgb, dtype=float) / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _encoded(linear: np.ndarray) -> np.ndarray:
    c = np.clip(linear, 0.0, 1.0)
    return np.where(c <= 0.0031308, c * 12.92, 1.055 * c ** (1 / 2.4) - 0.055) * 255.0


def simulate(rgb: np.ndarray, kind: str) -> np.ndarray:
    """``rgb`` (any shape ending in 3, 0–255) as seen with ``kind`` of colour vision."""
    linear = _linear(rgb) @ MACHADO[kind].T
    return np.asarray(np.round(_encoded(linear)), dtype=np.uint8)


def lab(rgb: np.ndarray) -> np.ndarray:
    xyz = (_linear(rgb) @ _XYZ.T) / _WHITE
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.stack([116 * f[..., 1] - 16, 500 * (f[..., 0] - f[..., 1]), 200 * (f[..., 1] - f[..., 2])], -1)


def delta_e(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.linalg.norm(lab(a) - lab(b)))


def background(image: np.ndarray) -> np.ndarray:
    """The colour that covers most of an RGB image (a result screen's background)."""
    pixels = image.reshape(-1, 3)
    values, counts = np.unique(pixels, axis=0, return_counts=True)
    return np.asarray(values[int(np.argmax(counts))])


def distances(colours: dict[str, np.ndarray]) -> dict[str, dict[tuple[str, str], float]]:
    """For each vision, the ΔE between every two named colours after simulation."""
    result: dict[str, dict[tuple[str, str], float]] = {}
    for kind in MACHADO:
        seen = {name: simulate(rgb, kind) for name, rgb in colours.items()}
        result[kind] = {(a, b): delta_e(seen[a], seen[b]) for a, b in itertools.combinations(seen, 2)}
    return result


def read_png(path: Path) -> np.ndarray:
    """An RGB array of a PNG (through OpenCV, which the scanner already needs)."""
    import cv2

    image = cv2.imread(str(path), cv2.IMREAD_COLOR)
    if image is None:
        raise OSError(f"cannot read {path}")
    return np.asarray(image[:, :, ::-1])


def write_check(shots: dict[str, Path], out: Path) -> tuple[Path, dict[str, dict[tuple[str, str], float]]]:
    """A sheet: one row per vision, one column per outcome screen; and the distances measured."""
    import cv2

    images = {name: read_png(path) for name, path in shots.items()}
    colours = {name: background(image) for name, image in images.items()}
    tiles = []
    for kind in MACHADO:
        row = [
            cv2.resize(simulate(image, kind), (480, 300), interpolation=cv2.INTER_AREA)
            for image in images.values()
        ]
        tiles.append(np.concatenate(row, axis=1))
    sheet = np.concatenate(tiles, axis=0)
    cv2.imwrite(str(out), np.ascontiguousarray(sheet[:, :, ::-1]))
    return out, distances(colours)
