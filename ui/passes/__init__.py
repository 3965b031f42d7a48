"""The Qt pass renderer: PDF, image and 1-bit raster of a pass, and the Qt/CUPS printer.

Small API for the app and the CLI (Qt is imported on first use, not with this package)::

    render_pdf(content, layout, path=None) -> bytes
    render_image(content, layout, dpi=None) -> QImage
    render_raster(content, layout, dpi=None) -> Raster   # what thermal printers get
    QtPassRenderer()                                     # the renderer print back ends take
"""

from __future__ import annotations

import importlib
from typing import Any

_LAZY = {
    "render_pdf": "ui.passes.render",
    "render_image": "ui.passes.render",
    "render_raster": "ui.passes.render",
    "to_raster": "ui.passes.render",
    "measure": "ui.passes.render",
    "QtPassRenderer": "ui.passes.renderer",
    "QtSystemPrinter": "ui.passes.system_printer",
}
__all__ = list(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)
