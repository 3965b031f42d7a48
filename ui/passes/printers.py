"""The printers this build can drive: the Qt pass renderer, plus the Qt/CUPS ``cups:`` scheme.

Imports no Qt itself: the factories import it when a printer is first made, so headless
commands stay fast to start.
"""

from __future__ import annotations

from kiosk.printing.backends import PassRenderer, Printer
from kiosk.printing.wiring import Printers


def _renderer() -> PassRenderer:
    from ui.passes import QtPassRenderer

    return QtPassRenderer()


def _system_printer(target: str, renderer: PassRenderer) -> Printer:
    from ui.passes.system_printer import QtSystemPrinter

    return QtSystemPrinter(target)


def _prepare() -> None:
    """Make the Qt application and load the font on the main thread: passes are then painted on
    the scan and print threads (QImage/QPdfWriter painting is thread-safe; creating the
    application is not)."""
    from ui.passes.fonts import ensure_app, family

    ensure_app()
    family()


def qt_printers() -> Printers:
    return Printers(renderer=_renderer, schemes={"cups": _system_printer}, prepare=_prepare)
