"""Putting the admin's camera and printer to use at once, and a test pass: no restart."""

from __future__ import annotations

import uuid
from pathlib import Path

from kiosk import paths
from kiosk.app.kiosk_app import KioskApp
from kiosk.model import Delegate
from kiosk.printing.backends import PdfFolderPrinter
from ui.passes.printers import device_for, make_print_queue


def use_camera(app: KioskApp, value: str) -> None:
    """Scan from the chosen camera from now on: a device, a video file, the demo video or none."""
    demo = paths.demo_video()
    if value == "none" or (value == "demo" and not demo.exists()):
        app.stop_camera()
        return
    app.start_camera(str(demo) if value == "demo" else int(value) if value.isdigit() else value)


def pdf_home(app: KioskApp) -> Path:
    """The folder the app's PDF passes go to when no folder is set: the one it started with."""
    queue = app.print_queue
    printer = queue.printer if queue is not None else None
    return printer.directory if isinstance(printer, PdfFolderPrinter) else app.passes.pdf_home


def use_printer(app: KioskApp, value: str, pdf_folder: str, home: Path) -> None:
    """Send passes to the chosen printer from now on: another printer, or printing turned on or
    off (a queue made, or none), all without a restart."""
    folder = Path(pdf_folder) if pdf_folder else home
    queue = app.print_queue
    if queue is not None and value != "none":
        queue.use(device_for(value, folder))
        return
    app.passes.use_queue(make_print_queue(app.store, value, folder, app.settings.layout, app.service.clock))


def print_sample(app: KioskApp) -> str | None:
    """Queue a sample pass; the printer's name, or None when printing is off."""
    sample = Delegate(
        "test-print", "TEST-PRINT", "测试 样张", name_en="Test Pass", organization="Forum kiosk"
    )
    queue = app.print_queue
    if queue is None or not app.passes.print_for(sample, f"test-print-{uuid.uuid4()}", "test print"):
        return None
    return queue.printer.name
