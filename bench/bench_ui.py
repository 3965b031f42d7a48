"""The kiosk app under load, offscreen: decision -> green on screen, event-loop stalls while the demo
video is scanned, cold start to a live attract screen, memory after many scans.

python -m bench.bench_ui [--latency 200] [--stall-seconds 60] [--scans 10000] [--starts 5]

Each figure has a baseline measured in the same run (the same measurement on a bare widget,
an idle app, a bare window), so the table says what the kiosk adds. Medians are quoted.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer, Signal  # noqa: E402
from PySide6.QtGui import QPaintEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from bench.table import median, p95, table  # noqa: E402
from kiosk.app.flow import Mode  # noqa: E402
from kiosk.app.intake import CodeSource
from kiosk.app.kiosk_app import KioskApp
from kiosk.app.settings import Settings  # noqa: E402
from kiosk.demo.workspace import prepare_demo  # noqa: E402
from kiosk.service import CheckinService  # noqa: E402
from ui.bridge import AppContext  # noqa: E402
from ui.passes.printers import make_print_queue  # noqa: E402
from ui.shell.app import build_context, make_application  # noqa: E402
from ui.shell.main_window import MainWindow  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def pump(app: Any, until: Any, timeout: float = 10.0) -> bool:
    end = time.perf_counter() + timeout
    while not until():
        if time.perf_counter() > end:
            return False
        app.processEvents()
    return True


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def make_context(folder: Path, printing: bool = True) -> AppContext:
    demo = prepare_demo(folder)
    settings = Settings(language="en", reset_seconds=3600, sounds=False)
    queue = make_print_queue(demo.store, "pdf", demo.passes, settings.layout) if printing else None
    context = AppContext(
        KioskApp(demo.store, service=CheckinService(demo.store), settings=settings, print_queue=queue)
    )
    if queue is not None:
        queue.start()
    return context


# -- 1. decision -> green on screen ----------------------------------------------------------------


class Probe(QWidget):
    """The baseline: a bare widget repainted on a signal from a worker thread."""

    poke = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.painted_at = 0.0
        self.poke.connect(self.update)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        self.painted_at = time.perf_counter()


def latency(app: Any, folder: Path, n: int) -> tuple[list[float], list[float]]:
    context = make_context(folder)
    window = MainWindow(context)
    window.resize(1280, 800)
    window.show()
    screen: Any = window.screens[Mode.SELFSERVICE]
    committed: dict[str, float] = {}
    painted: dict[str, float] = {}
    context.app.service.decided.connect(
        lambda d: committed.__setitem__(str(d.checkin_id), time.perf_counter())
    )

    def on_paint() -> None:
        decision = screen.last_decision
        if decision is not None and decision.checkin_id not in painted:
            painted[decision.checkin_id] = time.perf_counter()

    screen.result.painted.append(on_paint)
    delegates = [d for d in context.app.store.roster.iter_delegates() if d.active][:n]
    samples = []
    for delegate in delegates:
        future = context.app.intake.submit(delegate.code, CodeSource.SCANNER)
        assert future is not None
        decision = future.result(timeout=10)
        assert decision is not None and decision.checkin_id is not None
        checkin_id = decision.checkin_id
        pump(app, lambda checkin_id=checkin_id: checkin_id in painted)  # type: ignore[misc]
        samples.append(painted[checkin_id] - committed[checkin_id])
        pump(app, lambda: False, 0.01)  # a guest walks up: let the print queue and timers run
    window.allow_close = True
    window.close()
    context.close()

    probe = Probe()
    probe.resize(200, 100)
    probe.show()
    pump(app, lambda: False, 0.1)
    baseline = []
    for _ in range(n):
        sent: list[float] = []

        def poke(sent: list[float] = sent) -> None:
            sent.append(time.perf_counter())
            probe.poke.emit()

        thread = threading.Thread(target=poke)
        thread.start()
        thread.join()
        start = sent[0]
        pump(app, lambda start=start: probe.painted_at > start)  # type: ignore[misc]
        baseline.append(probe.painted_at - start)
    probe.close()
    return samples, baseline


# -- 2. event-loop stalls while scanning the demo video ---------------------------------------------


def longest_stall(app: Any, seconds: float, interval_ms: int = 5, over: list[float] | None = None) -> float:
    """The longest gap between two ticks of a 5 ms timer, minus the interval (seconds).

    Gaps longer than 50 ms are appended to ``over``.
    """
    last = [time.perf_counter()]
    worst = [0.0]

    def tick() -> None:
        now = time.perf_counter()
        gap = now - last[0] - interval_ms / 1000
        worst[0] = max(worst[0], gap)
        if over is not None and gap > 0.050:
            over.append(gap)
        last[0] = now

    timer = QTimer(interval=interval_ms)
    timer.timeout.connect(tick)
    timer.start()
    pump(app, lambda: False, 0.05)
    last[0], worst[0] = time.perf_counter(), 0.0
    pump(app, lambda: False, seconds)
    timer.stop()
    return worst[0]


def stalls(app: Any, folder: Path, seconds: float) -> tuple[float, float, int, list[float]]:
    context = make_context(folder)
    context.app.update_settings(reset_seconds=5)
    window = MainWindow(context)
    window.resize(1280, 800)
    window.show()
    pump(app, lambda: False, 0.3)
    idle = longest_stall(app, min(5.0, seconds))
    decided: list[object] = []
    context.events.decided.connect(decided.append)
    context.app.start_camera(str(folder / "badge-video.avi"))
    over: list[float] = []
    scanning = longest_stall(app, seconds, over=over)
    window.allow_close = True
    window.close()
    context.close()
    return scanning, idle, len(decided), over


# -- 3. cold start ------------------------------------------------------------------------------------


def child_cold_start(folder: Path, t0: float) -> None:
    """Runs in a fresh process: start the demo app; print seconds from ``t0`` to a live camera picture."""
    app = make_application()
    args = argparse.Namespace(demo=True, db=folder / "demo.sqlite", lang="en", mode=None, fullscreen=False,
                              camera=None, verbose=False)  # fmt: skip
    context = build_context(args)
    window = MainWindow(context)
    window.resize(1280, 800)
    window.show()
    # Live: the window is up and the pipeline is delivering frames (the demo video opens with a
    # badge in view, so the first thing painted may be that guest's result, not the attract screen).
    pump(app, lambda: context.app.camera.latest() is not None and window.isVisible(), 20)
    app.processEvents()
    sys.stdout.write(f"{time.time() - t0:.4f}\n")
    sys.stdout.flush()
    os._exit(0)  # the camera threads need not be wound down for this figure


def child_bare(t0: float) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QWidget()
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    sys.stdout.write(f"{time.time() - t0:.4f}\n")
    sys.stdout.flush()
    os._exit(0)


def cold_starts(folder: Path, starts: int) -> tuple[list[float], list[float]]:
    def run(*extra: str) -> float:
        t0 = time.time()
        out = subprocess.run([sys.executable, "-m", "bench.bench_ui", *extra, "--t0", repr(t0)], cwd=ROOT,
                             capture_output=True, text=True, timeout=120, check=True)  # fmt: skip
        return float(out.stdout.strip().splitlines()[-1])

    app_times = [run("--child-cold-start", str(folder)) for _ in range(starts)]
    bare_times = [run("--child-bare") for _ in range(starts)]
    return app_times, bare_times


# -- 4. memory after many scans ----------------------------------------------------------------------


def child_memory(folder: Path, scans: int) -> None:
    """Runs in a fresh process: print 'scans MB' lines while scanning through the UI."""
    import logging

    logging.basicConfig(level=logging.WARNING)
    for n, mb in memory(make_application(), folder, scans):
        sys.stdout.write(f"{n} {mb:.1f}\n")
    sys.stdout.flush()
    os._exit(0)


def memory_in_child(folder: Path, scans: int) -> list[tuple[int, float]]:
    out = subprocess.run([sys.executable, "-m", "bench.bench_ui", "--child-memory", str(folder), "--scans", str(scans)],
                         cwd=ROOT, capture_output=True, text=True, timeout=1800, check=True)  # fmt: skip
    return [(int(a), float(b)) for a, b in (line.split() for line in out.stdout.strip().splitlines())]


def memory(app: Any, folder: Path, scans: int) -> list[tuple[int, float]]:
    context = make_context(folder, printing=False)
    window = MainWindow(context)
    window.resize(1280, 800)
    window.show()
    codes = [d.code for d in context.app.store.roster.iter_delegates()]
    pump(app, lambda: False, 0.2)
    marks = [(0, rss_mb())]
    step = max(1, scans // 5)
    for i in range(1, scans + 1):
        future = context.app.intake.submit(codes[i % len(codes)], CodeSource.SCANNER)
        if future is not None:
            future.result(timeout=10)
        app.processEvents()
        if i % step == 0:
            pump(app, lambda: False, 0.05)
            marks.append((i, rss_mb()))
    window.allow_close = True
    window.close()
    context.close()
    return marks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", type=int, default=200, help="decisions timed to the screen")
    parser.add_argument("--stall-seconds", type=float, default=60.0)
    parser.add_argument("--scans", type=int, default=10000)
    parser.add_argument("--starts", type=int, default=5)
    parser.add_argument("--child-cold-start", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-bare", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--child-memory", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--t0", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_cold_start:
        child_cold_start(args.child_cold_start, args.t0)
    if args.child_bare:
        child_bare(args.t0)
    if args.child_memory:
        child_memory(args.child_memory, args.scans)

    import logging

    logging.basicConfig(level=logging.WARNING)
    app = make_application()
    with tempfile.TemporaryDirectory(prefix="bench-ui-") as tmp:
        folder = Path(tmp)
        prepare_demo(folder).store.close()  # the demo data, built once (the first start ever)
        ms = 1000.0
        rows: list[list[object]] = []
        lat, lat_base = latency(app, folder, args.latency)
        rows.append(["decision → green on screen (journal commit to repaint)", f"{median(lat) * ms:.1f} ms",
                     f"{p95(lat) * ms:.1f} ms", f"bare widget repaint from a thread: {median(lat_base) * ms:.2f} ms"
                     f" (p95 {p95(lat_base) * ms:.2f})", f"n={len(lat)}"])  # fmt: skip
        scanning, idle, decisions, over = stalls(app, folder, args.stall_seconds)
        rows.append([f"longest UI stall, scanning the demo video {args.stall_seconds:.0f} s", f"{scanning * ms:.1f} ms",
                     "", f"idle app (5 s): {idle * ms:.1f} ms", f"{decisions} decisions shown; stalls > 50 ms: "
                     f"{len(over)} ({', '.join(f'{g * ms:.0f}' for g in over)}); target ≤ 50 ms"])  # fmt: skip
        cold, bare = cold_starts(folder, args.starts)
        rows.append(["cold start to attract screen, camera live", f"{median(cold):.2f} s", f"max {max(cold):.2f} s",
                     f"bare Qt window: {median(bare):.2f} s", f"n={len(cold)}; target ≤ 1.5 s"])  # fmt: skip
        marks = memory_in_child(folder, args.scans)
        trail = ", ".join(f"{n}: {mb:.0f}" for n, mb in marks)
        rows.append([f"resident memory after {args.scans} scans", f"{marks[-1][1]:.0f} MB", "",
                     f"app up, before the first scan: {marks[0][1]:.0f} MB",
                     f"fresh process, no printer; MB by scans: {trail}; target ≤ 200 MB"])  # fmt: skip
    sys.stdout.write(table(["measure", "median", "p95 / max", "baseline (same run)", "notes"], rows) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
