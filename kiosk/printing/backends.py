"""The printer interface every back end implements, and the PDF-folder back end (the demo default).

A back end is handed the pass as data and renders it with the renderer it was built with
(``ui.passes`` provides the Qt one), so the queue never knows about pixels or pages.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from kiosk.printing.content import PassContent
from kiosk.printing.layout import PassLayout

log = logging.getLogger(__name__)


class PrinterUnavailable(Exception):
    """The printer cannot take the job now (off, unreachable, out of paper): try again later."""

    def __init__(self, message: str, paper_out: bool = False) -> None:
        super().__init__(message)
        self.paper_out = paper_out  # the printer said it has no paper (the desk says "paper out")


class PrintRejected(Exception):
    """The job itself cannot be printed (bad layout, too wide): retrying will not help."""


@dataclass(frozen=True, slots=True)
class Raster:
    """A 1-bit image, rows packed MSB first, padded to whole bytes; a set bit is ink."""

    width: int
    height: int
    bits: bytes

    @property
    def row_bytes(self) -> int:
        return (self.width + 7) // 8

    def ink(self, x: int, y: int) -> bool:
        return bool(self.bits[y * self.row_bytes + x // 8] & (0x80 >> (x % 8)))


class PassRenderer(Protocol):
    def pdf(self, content: PassContent, layout: PassLayout) -> bytes: ...

    def raster(self, content: PassContent, layout: PassLayout) -> Raster: ...


class Printer(Protocol):
    """One printer. ``send`` returns once the printer (or its spooler) has the whole job."""

    name: str

    def send(self, job_id: str, content: PassContent, layout: PassLayout) -> None:
        """Print; raise PrinterUnavailable (retry later) or PrintRejected (give up)."""
        ...

    def delivered(self, job_id: str) -> bool | None:
        """Whether a job sent before a crash arrived: True/False when the back end can tell,
        None when its protocol cannot (then the queue sends it again)."""
        ...


class PdfFolderPrinter:
    """Writes each pass as ``pass-<job id>.pdf`` into a folder: atomic, so exactly once; the
    files are 0600 and a folder it creates is 0700 (passes hold names and badge codes)."""

    def __init__(self, directory: Path | str, renderer: PassRenderer) -> None:
        self.directory = Path(directory)
        self.renderer = renderer
        self.name = f"pdf:{self.directory}"

    def path_for(self, job_id: str) -> Path:
        return self.directory / f"pass-{job_id}.pdf"

    def send(self, job_id: str, content: PassContent, layout: PassLayout) -> None:
        pdf = self.renderer.pdf(content, layout)
        target = self.path_for(job_id)
        temp = target.with_suffix(".part")
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)  # passes hold names and codes
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with open(fd, "wb") as out:
                os.fchmod(fd, 0o600)
                out.write(pdf)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, target)
        except OSError as exc:  # folder gone, disk full, unmounted stick: retry later
            raise PrinterUnavailable(f"cannot write to {self.directory}: {exc.strerror or exc}") from exc
        log.debug("pass written to %s", target.name)

    def delivered(self, job_id: str) -> bool | None:
        return self.path_for(job_id).exists()
