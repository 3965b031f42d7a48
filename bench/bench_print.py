"""Pass printing speed: render + hand to the spooler, per pass, PDF and 203-dpi raster.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_print.py [--n 60]

Prints a markdown table (median and p95 in ms). The baseline, measured in the same process,
is a plain QPainter page with one line of text (PDF, and a 203-dpi image). Rows:
- PDF folder: render the pass to PDF and write it (fsync) into the folder (the demo printer);
- CUPS: paint the pass onto a QPrinter for the cups-pdf queue until CUPS has spooled it
  (only when CUPS with the kiosk-pdf queue is running);
- ESC/POS: render the 203-dpi 1-bit raster and send it with a cut to a TCP sink on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from kiosk.demo.samples import sample_passes  # noqa: E402
from kiosk.printing.backends import PdfFolderPrinter  # noqa: E402
from kiosk.printing.escpos import EscposPrinter  # noqa: E402
from kiosk.printing.layout import PassLayout, load_layout  # noqa: E402
from ui.passes import QtPassRenderer  # noqa: E402
from ui.passes.fonts import ensure_app, font  # noqa: E402


def _sink() -> int:
    """A TCP server that reads and discards, answering the paper status query at once."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()

    def serve(conn: socket.socket) -> None:
        with conn:
            first = True
            while chunk := conn.recv(1 << 16):
                if first and chunk.startswith(b"\x10\x04\x04"):
                    conn.sendall(b"\x12")
                first = False

    def accept() -> None:
        while True:
            conn, _ = server.accept()
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    return int(server.getsockname()[1])


def _baseline_pdf() -> None:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF
    from PySide6.QtGui import QPainter, QPdfWriter

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    painter = QPainter(writer)
    painter.setFont(font(12))
    painter.drawText(QPointF(100, 100), "欢迎 Welcome")
    painter.end()


def _baseline_image() -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor, QImage, QPainter

    image = QImage(576, 800, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font(12))
    painter.drawText(QPointF(20, 40), "欢迎 Welcome")
    painter.end()


def measure(fn: Callable[[int], None], n: int) -> tuple[float, float]:
    fn(0)  # warm-up (font loading, first-use caches)
    times = []
    for i in range(n):
        t0 = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=60)
    args = parser.parse_args()
    ensure_app()
    renderer = QtPassRenderer()
    passes = list(sample_passes().values())
    rows: list[tuple[str, float, float]] = []
    rows.append(("baseline: one text line, QPdfWriter", *measure(lambda i: _baseline_pdf(), args.n)))
    rows.append(("baseline: one text line, 203-dpi QImage", *measure(lambda i: _baseline_image(), args.n)))
    with tempfile.TemporaryDirectory() as folder:
        printer = PdfFolderPrinter(folder, renderer)
        for stock in ("thermal-80", "a6-card"):
            layout = load_layout(stock)

            def to_folder(i: int, layout: PassLayout = layout) -> None:
                printer.send(f"j{i}", passes[i % 4], layout)

            rows.append((f"PDF folder, {stock} (render + write + fsync)", *measure(to_folder, args.n)))
    port = _sink()
    escpos = EscposPrinter(f"127.0.0.1:{port}", renderer)
    thermal = load_layout("thermal-80")
    rows.append(
        (
            "ESC/POS TCP, thermal-80 203-dpi raster (render + dither + send)",
            *measure(lambda i: escpos.send(f"j{i}", passes[i % 4], thermal), args.n),
        )
    )
    if subprocess.run(["lpstat", "-p", "kiosk-pdf"], capture_output=True).returncode == 0:
        from ui.passes.system_printer import QtSystemPrinter

        cups = QtSystemPrinter("kiosk-pdf")
        a6 = load_layout("a6-card")
        rows.append(
            (
                "Qt/CUPS kiosk-pdf, a6-card (paint + spool)",
                *measure(lambda i: cups.send(f"bench-{i}", passes[i % 4], a6), min(args.n, 20)),
            )
        )
    sys.stdout.write(f"\nPass printing, per pass (n={args.n}, the four sample passes in turn)\n\n")
    sys.stdout.write("| case | median ms | p95 ms |\n| --- | ---: | ---: |\n")
    for name, median, p95 in rows:
        sys.stdout.write(f"| {name} | {median:.1f} | {p95:.1f} |\n")


if __name__ == "__main__":
    main()
