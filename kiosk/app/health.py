"""What this kiosk tells the hub about itself with its sync contacts (the organisers' dashboard).

The sync worker asks ``desk_facts(…)`` before each health report and adds what it knows
itself (backlog, last decision, clock offset, disk free; ``kiosk.sync.health``): the
configured mode and gate, the print queue's state and length, the camera's state, each in
the hub's closed vocabulary. A change of any of them is reported at the next push pass.
"""

from __future__ import annotations

from kiosk.app.camera import CameraFeed
from kiosk.app.settings import Settings
from kiosk.model import Mode
from kiosk.printing.queue import PrinterState, PrintQueue
from kiosk.sync.health import HealthFacts

MODES = {Mode.SELFSERVICE: "selfservice", Mode.DESK: "desk", Mode.DOOR: "gate"}
PRINTER = {"ready": "ok", "printing": "ok", "offline": "offline", "stuck": "error"}
CAMERA = {"live": "ok", "paused": "paused", "failed:lost": "no_signal"}  # the rest: offline


def printer_health(state: PrinterState | None) -> tuple[str, int]:
    """The print queue as the hub names it, and how many passes wait; ``none`` without a printer."""
    if state is None:
        return "none", 0
    if state.paper_out:
        return "out_of_paper", state.waiting
    return PRINTER.get(state.status, "error"), state.waiting


def camera_health(state: str | None) -> str:
    """The camera feed's state (``kiosk.app.camera``) as the hub names it; ``none`` without one."""
    return "none" if state is None else CAMERA.get(state, "offline")


def desk_facts(settings: Settings, queue: PrintQueue | None, camera: CameraFeed | None) -> HealthFacts:
    """The app's part of its health report, from its settings, print queue and camera feed."""
    printer, waiting = printer_health(queue.state() if queue is not None else None)
    return HealthFacts(
        desk=settings.desk,
        mode=MODES.get(Mode(settings.mode), "unknown"),
        gate=settings.gate,
        printer_state=printer,
        printer_queue=waiting,
        camera_state=camera_health(camera.state if camera is not None else None),
    )
