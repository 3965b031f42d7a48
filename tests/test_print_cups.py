"""A pass printed through Qt and a real CUPS (cups-pdf queue) comes out as a page whose QR scans.

CI starts CUPS with the ``kiosk-pdf`` queue (scripts/setup.d/cups.sh). cups-pdf re-renders text
through Ghostscript as Type 3 glyphs, so the text is checked on the renderer's own PDF
(test_pass_render) and here only pixels and the QR.
"""

from __future__ import annotations

import os
import pwd
import re
import shutil
import subprocess
import time
from datetime import UTC, datetime
from pathlib import Path

import cv2
import pytest
import zxingcpp

from kiosk.clock import FixedClock
from kiosk.demo.samples import sample_passes
from kiosk.printing.queue import PrintQueue
from kiosk.store import Store
from ui.passes.printers import qt_printers

QUEUE = os.environ.get("KIOSK_CUPS_QUEUE", "kiosk-pdf")
pytestmark = pytest.mark.cups


def _cups_pdf_out() -> Path:
    conf = Path("/etc/cups/cups-pdf.conf")
    out = "/var/spool/cups-pdf/${USER}"
    for line in conf.read_text().splitlines():
        if re.match(r"^\s*Out\s", line):
            out = line.split(None, 1)[1].strip()
    user = pwd.getpwuid(os.getuid())
    return Path(out.replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name))


@pytest.fixture(scope="module")
def cups_queue() -> str:
    if shutil.which("lpstat") is None or not Path("/etc/cups/cups-pdf.conf").exists():
        pytest.skip("CUPS with cups-pdf is not installed (scripts/setup.d/cups.sh installs and starts it)")
    if subprocess.run(["lpstat", "-p", QUEUE], capture_output=True).returncode != 0:
        pytest.skip(f"CUPS is not running or has no {QUEUE} queue (run scripts/setup.d/cups.sh as root)")
    return QUEUE


def _landed(job_id: str, timeout: float = 60) -> Path:
    out = _cups_pdf_out()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [p for p in out.glob("*.pdf") if job_id in p.name] if out.exists() else []
        if found and found[0].read_bytes().rstrip().endswith(b"%%EOF"):  # cups-pdf wrote all of it
            return found[0]
        time.sleep(0.2)
    raise AssertionError(f"no PDF for job {job_id} in {out} after {timeout}s")


@pytest.mark.parametrize("stock", ["label-62", "a6-card"])
def test_pass_printed_through_cups_lands_as_a_pdf_whose_qr_scans(cups_queue, stock, tmp_path):
    clock = FixedClock(datetime(2023, 12, 6, 1, 0, tzinfo=UTC))
    queue = PrintQueue(
        Store(tmp_path / "k.sqlite"), qt_printers().printer_for(f"cups:{cups_queue}"), clock, stock
    )
    content = sample_passes()["d-zh"]
    job = queue.enqueue("checkin-1", content)
    assert queue.pump() == 1 and queue.jobs.job(job).state == "done"
    pdf = _landed(job)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    width_pt = float(re.search(r"Page size:\s+([\d.]+) x", info).group(1))
    assert abs(width_pt - {"label-62": 62, "a6-card": 105}[stock] * 72 / 25.4) < 3  # the stock's own width
    png = tmp_path / "page"
    subprocess.run(["pdftoppm", "-q", "-r", "200", "-png", "-singlefile", str(pdf), str(png)], check=True)
    image = cv2.imread(str(png) + ".png", cv2.IMREAD_GRAYSCALE)
    assert [r.text for r in zxingcpp.read_barcodes(image)] == [content.qr]
    assert (image < 128).mean() > 0.02  # a printed page, not a blank one


def test_unknown_system_printer_keeps_the_job_waiting(cups_queue, tmp_path):
    clock = FixedClock(datetime(2023, 12, 6, 1, 0, tzinfo=UTC))
    queue = PrintQueue(Store(tmp_path / "k.sqlite"), qt_printers().printer_for("cups:no-such-printer"), clock)
    job = queue.enqueue("checkin-1", sample_passes()["d-en"])
    assert queue.pump() == 0
    assert queue.jobs.job(job).state == "queued" and "no-such-printer" in queue.state().last_error
