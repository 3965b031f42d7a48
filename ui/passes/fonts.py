"""The bundled CJK font and the Qt application the renderer needs (offscreen when headless)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

log = logging.getLogger(__name__)

FONT_FILE = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "wqy-microhei.ttc"
_family: str | None = None


def ensure_app() -> QGuiApplication:
    """The running Qt application, or a new offscreen one for headless rendering.

    A QApplication (not a bare QGuiApplication), so widgets created later in the same
    process (the app, pytest-qt) can share it.
    """
    from PySide6.QtWidgets import QApplication

    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([])
    assert isinstance(app, QGuiApplication)
    return app


def family() -> str:
    """The bundled font's family, loaded once: Chinese renders with no system fonts."""
    global _family
    if _family is None:
        ensure_app()
        font_id = QFontDatabase.addApplicationFont(str(FONT_FILE))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if not families:
            log.warning("bundled font %s could not be loaded; Chinese may not render", FONT_FILE.name)
            families = [QFont().defaultFamily()]
        _family = families[0]
    return _family


def font(point_size: float, bold: bool = False, hinted: bool = False) -> QFont:
    """The bundled font; ``hinted`` for 1-bit rasters (strokes on whole pixels), else unhinted
    (PDF and colour images keep the outlines' true shapes and advances)."""
    result = QFont(family())
    result.setPointSizeF(max(point_size, 1.0))
    result.setBold(bold)
    hinting = QFont.HintingPreference
    result.setHintingPreference(hinting.PreferFullHinting if hinted else hinting.PreferNoHinting)
    return result
