"""Putting the admin's camera and printer to use at once, and a test pass: no restart."""

from __future__ import annotations

import uuid
from pathlib import Path

from kiosk import paths
from kiosk.app.kiosk_app import KioskApp
from kiosk.model import Delegate
from kiosk.printing.backends import PdfFolderPrinter
from kiosk.printing.issue import pass_content
from ui.passes.printers import device_for


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
    return printer.directory if isinstance(printer, PdfFolderPrinter) else paths.passes_folder()


def use_printer(app: KioskApp, value: str, pdf_folder: str, home: Path) -> bool:
    """Send passes to the chosen printer from now on; False when printing itself is turned on or
    off (that needs a restart: the pass policy is built with the app)."""
    queue = app.print_queue
    if queue is None or value == "none":
        return False
    queue.use(device_for(value, Path(pdf_folder) if pdf_folder else home))
    return True


def print_sample(app: KioskApp, language: str) -> str | None:
    """Queue a sample pass; the printer's name, or None when printing is off."""
    queue = app.print_queue
    if queue is None:
        return None
    sample = Delegate(
        "test-print", "TEST-PRINT", "测试 样张", name_en="Test Pass", organization="Forum kiosk"
    )
    content = pass_content(app.service, sample, "zh" if language.startswith("zh") else "en")
    queue.enqueue(f"test-print-{uuid.uuid4()}", content, reason="test print")
    return queue.printer.name
