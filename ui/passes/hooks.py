"""Plugs the Qt renderer and the Qt/CUPS back end into ``kiosk.printing.wiring``.

Imports no Qt itself: the factories import it when a printer is first made, so headless
commands stay fast to start.
"""

from __future__ import annotations

from kiosk.printing import wiring
from kiosk.printing.backends import PassRenderer, Printer


def _renderer() -> PassRenderer:
    from ui.passes import QtPassRenderer

    return QtPassRenderer()


def _system_printer(target: str, renderer: PassRenderer) -> Printer:
    from ui.passes.system_printer import QtSystemPrinter

    return QtSystemPrinter(target)


def install() -> None:
    wiring.register_renderer(_renderer)
    wiring.register_scheme("cups", _system_printer)
