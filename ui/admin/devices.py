"""What this machine offers the admin: cameras OpenCV can open (and a frame from one),
system printers, pass layouts. Called on worker threads where they may block.
"""

from __future__ import annotations

import logging

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap

log = logging.getLogger(__name__)

MAX_CAMERA_INDEX = 4
PREVIEW_SIZE = (320, 180)


def find_cameras(limit: int = MAX_CAMERA_INDEX) -> list[int]:
    """The camera indexes OpenCV can open on this machine."""
    import cv2

    found = []
    for index in range(limit):
        capture = cv2.VideoCapture(index)
        try:
            if capture.isOpened():
                found.append(index)
        finally:
            capture.release()
    return found


def grab_frame(source: str) -> np.ndarray | None:
    """One frame from a camera index or a video file, or None."""
    import cv2

    capture = cv2.VideoCapture(int(source) if source.isdigit() else source)
    try:
        ok, frame = capture.read() if capture.isOpened() else (False, None)
        return frame if ok else None
    finally:
        capture.release()


def frame_pixmap(frame: np.ndarray, width: int, height: int) -> QPixmap:
    frame = np.ascontiguousarray(frame)
    h, w = frame.shape[:2]
    image = QImage(frame.data, w, h, frame.strides[0], QImage.Format.Format_BGR888).copy()
    return QPixmap.fromImage(image).scaled(width, height, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.SmoothTransformation)  # fmt: skip


def system_printers() -> list[str]:
    from PySide6.QtPrintSupport import QPrinterInfo

    return list(QPrinterInfo.availablePrinterNames())


def layouts() -> list[tuple[str, str]]:
    """(name, title) of every pass layout."""
    from kiosk.printing.layout import layout_names, load_layout

    result = []
    for name in layout_names():
        try:
            result.append((name, load_layout(name).title_in("zh") + " / " + load_layout(name).title_in("en")))
        except Exception:  # noqa: BLE001 - a broken layout file is skipped, not fatal
            log.warning("pass layout %s cannot be read", name)
    return result
