"""What this machine offers the admin: the cameras Qt lists (QMediaDevices; a frame from one
through OpenCV), the system's printers (QPrinterInfo: the CUPS queues), pass layouts.
"""

from __future__ import annotations

import logging

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap

log = logging.getLogger(__name__)

PREVIEW_SIZE = (320, 180)


def video_inputs() -> list[tuple[str, str]]:
    """(camera setting, name) of each camera Qt sees: its /dev/videoN on Linux, else its index."""
    from PySide6.QtMultimedia import QMediaDevices

    found = []
    for index, device in enumerate(QMediaDevices.videoInputs()):
        ident = bytes(device.id().data()).decode("utf-8", "replace")
        found.append((ident if ident.startswith("/dev/video") else str(index), device.description()))
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
