"""The bundled CJK font and the Qt application the renderer needs (offscreen when headless)."""

from __future__ import annotations

import ctypes
import logging
import os
import sys
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

log = logging.getLogger(__name__)

FONT_FILE = Path(__file__).resolve().parents[2] / "resources" / "fonts" / "wqy-microhei.ttc"
_family: str | None = None


_none_guarded = False


def guard_none_refcount() -> None:
    """Work around PySide6 6.12.0 on Python 3.11: every call of a void Qt method drops one
    reference to ``None`` (measured: 1000 ``QFont.setBold`` calls, refcount of None -1000), so a
    few thousand paints end in "Fatal Python error: none_dealloc". Python 3.12+ has an immortal
    None; here we give it a huge refcount once, when the bug is detected. Harmless otherwise."""
    global _none_guarded
    if _none_guarded or sys.version_info >= (3, 12):
        return
    probe = QFont()
    before = sys.getrefcount(None)
    for _ in range(64):
        probe.setBold(True)
    if sys.getrefcount(None) < before - 32:
        ctypes.c_ssize_t.from_address(id(None)).value += 1 << 48
        log.debug("PySide6 drops references to None; None made effectively immortal")
    _none_guarded = True


def ensure_app() -> QGuiApplication:
    """The running Qt application, or a new offscreen one for headless rendering."""
    app = QGuiApplication.instance()
    if app is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([])
    assert isinstance(app, QGuiApplication)
    guard_none_refcount()
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


def font(point_size: float, bold: bool = False) -> QFont:
    result = QFont(family())
    result.setPointSizeF(max(point_size, 1.0))
    result.setBold(bold)
    result.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return result
