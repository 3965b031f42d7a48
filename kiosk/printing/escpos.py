"""Raw ESC/POS thermal printers over TCP (port 9100) or USB, through python-escpos.

The pass arrives as a 1-bit raster at the printer's dpi (``GS v 0``), then a cut. Raw 9100
has no job ids and no acknowledgement: once the bytes are out, the printer has them, and a
job cut off mid-transfer cannot be asked about (see docs/printing.md on doubles).
"""

from __future__ import annotations

import copy
import logging
import socket

from kiosk.printing.backends import PassRenderer, PrinterUnavailable, PrintRejected, Raster
from kiosk.printing.content import PassContent
from kiosk.printing.layout import PassLayout

log = logging.getLogger(__name__)

PAPER_STATUS = b"\x10\x04\x04"  # DLE EOT 4: paper roll sensor
PAPER_END_BITS = 0x60
STATUS_WAIT = 0.3  # seconds a printer may take to answer a status query


def raster_to_pil(raster: Raster):  # type: ignore[no-untyped-def]
    from PIL import Image, ImageOps

    # PIL's mode "1" has 1 = white; our rasters have 1 = ink.
    image = Image.frombytes("1", (raster.width, raster.height), raster.bits)
    return ImageOps.invert(image.convert("L")).convert("1")


class EscposPrinter:
    """``host[:port]`` for a network printer, or ``usb:VID:PID`` (hex) for a USB one."""

    def __init__(
        self, target: str, renderer: PassRenderer, timeout: float = 10.0, check_paper: bool = True
    ) -> None:
        self.target = target
        self.renderer = renderer
        self.timeout = timeout
        self.check_paper = check_paper
        self.name = f"escpos:{target}"

    def _device(self):  # type: ignore[no-untyped-def]
        from escpos.exceptions import DeviceNotFoundError
        from escpos.printer import Network, Usb

        try:
            if self.target.startswith("usb:"):
                _, vendor, product = self.target.split(":")
                device = Usb(int(vendor, 16), int(product, 16), timeout=int(self.timeout * 1000))
            else:
                host, _, port = self.target.partition(":")
                device = Network(host, int(port or 9100), timeout=self.timeout)
            device.open()
        except (DeviceNotFoundError, OSError, ValueError) as exc:
            raise PrinterUnavailable(f"printer {self.target} unreachable: {exc}") from exc
        except Exception as exc:  # pyusb missing or USB errors surface as their own types
            raise PrinterUnavailable(f"printer {self.target} unusable: {exc}") from exc
        device.profile.profile_data = copy.deepcopy(device.profile.profile_data)
        return device

    def _paper_out(self, device) -> bool:  # type: ignore[no-untyped-def]
        """Ask the paper sensor; a printer that does not answer is taken as ready."""
        sock = getattr(device, "device", None)
        if not self.check_paper or not isinstance(sock, socket.socket):
            return False
        try:
            sock.sendall(PAPER_STATUS)
            sock.settimeout(STATUS_WAIT)
            answer = sock.recv(16)
        except TimeoutError:
            return False
        except OSError as exc:
            raise PrinterUnavailable(f"printer {self.target} dropped the connection: {exc}") from exc
        finally:
            sock.settimeout(self.timeout)
        if not answer:
            raise PrinterUnavailable(f"printer {self.target} closed the connection")
        return bool(answer[0] & PAPER_END_BITS)

    def send(self, job_id: str, content: PassContent, layout: PassLayout) -> None:
        raster = self.renderer.raster(content, layout)
        device = self._device()
        try:
            if self._paper_out(device):
                raise PrinterUnavailable(f"printer {self.target} is out of paper", paper_out=True)
            device.profile.profile_data["media"]["width"]["pixels"] = raster.width
            device.image(raster_to_pil(raster), impl="bitImageRaster")
            device.cut()
        except PrinterUnavailable:
            raise
        except OSError as exc:
            raise PrinterUnavailable(f"printer {self.target} failed mid-job: {exc}") from exc
        except ValueError as exc:
            raise PrintRejected(f"printer {self.target} cannot print this pass: {exc}") from exc
        finally:
            device.close()
        log.debug("pass %s sent to %s", job_id, self.name)

    def delivered(self, job_id: str) -> bool | None:
        return None  # raw 9100 / USB: no way to ask
