"""Reading a located QR code's modules on a grid that bends with the code.

zxing-cpp samples a located code on one perspective grid from its corners. A code printed on
cloth, creased or curved, is not flat: that grid drifts off the modules by up to one module in
places, past error correction. Here the grid is fitted to the picture coarse to fine: first one
offset for the whole code, then offsets at 2×2, 3×3, … control points (each searched within a
fraction of a module, windows down to about four modules), interpolated between them. A grid sits
on the modules where the sampled values are far from their local threshold (module centres, not
edges) and where the modules every code has in the same place (finder patterns, separators,
timing lines, alignment patterns, the dark module) come out as they must. The modules read that
way are drawn as a clean code for zxing-cpp to decode, so its error correction still decides.
"""

from __future__ import annotations

import cv2
import numpy as np

CANDIDATES = 9  # offsets searched per axis at each level
KNOWN_WEIGHT = 0.5  # how much the fixed modules count against the contrast of all modules
MIN_WINDOW = 4.0  # the finest control-point window's half-size, modules
MODULE_PX = 4  # the redrawn code's module size, px


def side(version: int) -> int:
    return 17 + 4 * version


def alignment_centres(version: int) -> list[int]:
    """Rows (and columns) of the alignment pattern centres (ISO/IEC 18004 annex E)."""
    if version < 2:
        return []
    count = version // 7 + 2
    step = 26 if version == 32 else (version * 4 + count * 2 + 1) // (count * 2 - 2) * 2
    last = side(version) - 7
    return [6] + [last - i * step for i in reversed(range(count - 1))]


def fixed_modules(version: int) -> np.ndarray:
    """1 dark, 0 light, -1 data or format/version information, for every module of the code."""
    n = side(version)
    known = np.full((n, n), -1, np.int8)
    timing = (np.arange(n) % 2 == 0).astype(np.int8)
    known[6, :] = timing
    known[:, 6] = timing
    finder = np.ones((7, 7), np.int8)
    finder[1:6, 1:6] = 0
    finder[2:5, 2:5] = 1
    for y, x in ((0, 0), (0, n - 7), (n - 7, 0)):
        known[max(0, y - 1) : y + 8, max(0, x - 1) : x + 8] = 0  # the separator around it
        known[y : y + 7, x : x + 7] = finder
    alignment = np.ones((5, 5), np.int8)
    alignment[1:4, 1:4] = 0
    alignment[2, 2] = 1
    centres = alignment_centres(version)
    for cy in centres:
        for cx in centres:
            if (cy, cx) not in ((6, 6), (6, centres[-1]), (centres[-1], 6)):
                known[cy - 2 : cy + 3, cx - 2 : cx + 3] = alignment
    known[n - 8, 8] = 1
    return known


def modules(luma: np.ndarray, corners: np.ndarray, version: int) -> np.ndarray:
    """Dark (True) or light for each module of the code whose outer corners are ``corners``
    (top-left, top-right, bottom-right, bottom-left in the code's own orientation)."""
    n = side(version)
    pitch = float(np.mean(np.linalg.norm(corners - np.roll(corners, -1, axis=0), axis=1))) / n
    # Only the code and a margin of a few modules are looked at (and blurred).
    h, w = luma.shape
    margin = 4 * pitch
    x0, y0 = (max(0, int(v - margin)) for v in corners.min(axis=0))
    x1, y1 = (min(size, int(v + margin) + 1) for v, size in zip(corners.max(axis=0), (w, h), strict=True))
    picture = luma[y0:y1, x0:x1].astype(np.float32)
    to_crop = cv2.getPerspectiveTransform(
        np.array([[0, 0], [n, 0], [n, n], [0, n]], np.float32), (corners - (x0, y0)).astype(np.float32)
    )
    # Sampled value minus its local threshold: negative on dark modules, near 0 on module edges.
    local = cv2.GaussianBlur(picture, (0, 0), max(0.5, pitch / 4)) - cv2.GaussianBlur(
        picture, (0, 0), max(1.0, pitch * 3)
    )
    u, v = (c.astype(np.float32) for c in np.meshgrid(np.arange(n) + 0.5, np.arange(n) + 0.5))
    known = fixed_modules(version)

    def contrast(gu: np.ndarray, gv: np.ndarray) -> np.ndarray:
        """``local`` at grid points given in module coordinates (arrays of any shape)."""
        m = to_crop.tolist()  # Python floats keep the arrays float32
        w = m[2][0] * gu + m[2][1] * gv + m[2][2]
        x = ((m[0][0] * gu + m[0][1] * gv + m[0][2]) / w).reshape(-1, n)
        y = ((m[1][0] * gu + m[1][1] * gv + m[1][2]) / w).reshape(-1, n)
        return cv2.remap(local, x, y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE).reshape(gu.shape)

    # Fixed modules pull the grid onto the code only when their polarity is known: a light-on-dark
    # code (a phone in dark mode) has them the other way round.
    first = contrast(u, v)
    flip = -1.0 if (first[known == 1].mean() > first[known == 0].mean()) else 1.0
    expected = np.where(known == 1, -flip, flip).astype(np.float32) * (known >= 0)

    parts, reach = 1, 0.5
    while parts == 1 or n / parts >= MIN_WINDOW:
        du, dv = _level(contrast, u, v, expected, parts, reach)
        u, v = u + du, v + dv
        parts, reach = _finer(parts), max(0.2, reach * 0.8)
    values = contrast(u, v)
    return values < 0 if flip > 0 else values > 0


def _finer(parts: int) -> int:
    return {1: 2, 2: 3, 3: 5}.get(parts, parts + 2)


def _level(contrast, u: np.ndarray, v: np.ndarray, expected: np.ndarray, parts: int, reach: float):  # type: ignore[no-untyped-def]
    """The best offset at each of (parts+1)² control points, interpolated to every module.

    A control point's window holds the modules within n / parts of it; its score for an offset
    is the mean distance of those modules from their threshold plus the mean agreement of the
    fixed ones with what they must be."""
    n = u.shape[0]
    steps = np.linspace(-reach, reach, CANDIDATES, dtype=np.float32)
    ou, ov = (o.reshape(-1, 1, 1) for o in np.meshgrid(steps, steps))
    d = contrast(u[None] + ou, v[None] + ov)  # candidates × n × n
    points = np.linspace(0, n, parts + 1)
    lo = np.clip(np.ceil(points - n / parts - 0.5), 0, n).astype(int)
    hi = np.clip(np.floor(points + n / parts - 0.5) + 1, 0, n).astype(int)
    spread = _window_means(np.abs(d), lo, hi)
    counted = _window_means((expected != 0).astype(np.float32)[None], lo, hi)
    agreement = _window_means(d * expected, lo, hi) / np.maximum(counted, 1e-6)
    score = spread + KNOWN_WEIGHT * agreement * (counted > 0)
    best = score.reshape(len(ou), -1).argmax(axis=0).reshape(parts + 1, parts + 1)
    where = np.interp(np.arange(n) + 0.5, points, np.arange(parts + 1)).astype(np.float32)
    gx, gy = np.meshgrid(where, where)
    return tuple(
        cv2.remap(
            o.ravel()[best].astype(np.float32), gx, gy, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
        )
        for o in (ou, ov)
    )


def _window_means(values: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """Mean of ``values`` (k × n × n) over rows lo[i]:hi[i] and columns lo[j]:hi[j], each i, j."""
    k, n, _ = values.shape
    # One summed-area table over the k tables stacked: a window's rows never leave its table.
    table = cv2.integral(np.ascontiguousarray(values, np.float32).reshape(k * n, n), sdepth=cv2.CV_32F)
    rows = (np.arange(k) * n)[:, None, None]
    y0, y1, x0, x1 = rows + lo[:, None], rows + hi[:, None], lo[None, None, :], hi[None, None, :]
    sums = table[y1, x1] - table[y0, x1] - table[y1, x0] + table[y0, x0]
    return sums / ((hi - lo)[:, None] * (hi - lo)[None, :])


def drawn(dark: np.ndarray) -> np.ndarray:
    """The modules as a clean dark-on-light code with a four-module quiet zone."""
    one_px = np.where(dark, 0, 255).astype(np.uint8)
    picture = cv2.resize(one_px, None, fx=MODULE_PX, fy=MODULE_PX, interpolation=cv2.INTER_NEAREST)
    quiet = 4 * MODULE_PX
    return cv2.copyMakeBorder(picture, quiet, quiet, quiet, quiet, cv2.BORDER_CONSTANT, value=255)


def drawn_to_frame(corners: np.ndarray, version: int) -> np.ndarray:
    """The perspective from the drawn code's pixels back to the frame."""
    n = side(version)
    q = 4 * MODULE_PX
    far = q + n * MODULE_PX
    drawn_corners = np.array([[q, q], [far, q], [far, far], [q, far]], np.float32)
    return cv2.getPerspectiveTransform(drawn_corners, corners.astype(np.float32))
