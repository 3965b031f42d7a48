"""Plugs the Qt renderer and the Qt/CUPS back end into ``kiosk.printing.wiring``.

Imports no Qt itself: the factories import it when a printer is first made, so headless
commands stay fast to start.
"""

from __future__ import annotations

import atexit
from collections.abc import Callable

from kiosk.model import Decision
from kiosk.printing import wiring
from kiosk.printing.backends import PassRenderer, Printer


def _renderer() -> PassRenderer:
    from ui.passes import QtPassRenderer

    return QtPassRenderer()


def _system_printer(target: str, renderer: PassRenderer) -> Printer:
    from ui.passes.system_printer import QtSystemPrinter

    return QtSystemPrinter(target)


def _scan_hook(target: str, service) -> Callable[[Decision], None]:  # type: ignore[no-untyped-def]
    """``scan --print-to``: print each admitted delegate's pass; retry in the background.

    Called on the main thread before scanning starts: the Qt application is made here, since
    passes are then rendered on the scan and print threads (QImage/QPdfWriter painting is
    thread-safe; creating the application is not)."""
    from ui.passes.fonts import ensure_app, family

    ensure_app()
    family()
    queue, on_admitted = wiring.pass_printer(service, target)
    queue.start()
    atexit.register(queue.stop, 2.0)
    return on_admitted


def install() -> None:
    """Register the Qt renderer, the ``cups:`` scheme and the ``scan --print-to`` hook (once)."""
    wiring.register_renderer(_renderer)
    wiring.register_scheme("cups", _system_printer)
    try:
        from kiosk.cli import scan
    except ImportError:  # a build without the scan command
        return
    if _scan_hook not in scan.PRINT_HOOKS:
        scan.PRINT_HOOKS.append(_scan_hook)
