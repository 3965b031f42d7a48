"""``scan SOURCE``: decide on every badge shown to a camera, in a video file or an image folder.

    python main.py scan 0 --gate entrance --json          camera 0 until Ctrl-C
    python main.py scan desk.avi --every-frame --json     every frame of a file, as fast as possible
    python main.py scan - < codes.txt                     one code a line, typed or piped in

With ``--json``, one line per decision:
``{"code": ..., "outcome": ..., "frame": N, "t": seconds, "delegate": {...} | null}``
(from ``-``, ``frame`` is the 0-based line number).

The journal says how each code came in: ``camera`` for a code read from pictures (a camera, a
video file, an image folder), ``typed`` for one read as text from ``-``.

With ``--print-to TARGET``, each decision the pass policy says prints a pass is printed on
TARGET, with the printers ``main.py`` hands over as ``args.printers`` (the Qt renderer).
"""

from __future__ import annotations

import argparse
import atexit
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import IO, TYPE_CHECKING, Any

from kiosk.cli.common import add_clock, add_db, clock_from, print_json, store_from
from kiosk.errors import KioskError
from kiosk.events import Listeners
from kiosk.model import Decision, How
from kiosk.store import Store

if TYPE_CHECKING:
    from kiosk.service import CheckinService

STDIN = "-"


def result_json(result: Any) -> dict[str, Any]:
    decision = result.decision
    return {
        "code": decision.code,
        "outcome": str(decision.outcome),
        "frame": result.frame,
        "t": round(result.t, 3),
        "delegate": decision.delegate.to_json() if decision.delegate else None,
    }


def _printer(args: argparse.Namespace) -> Callable[[Any], None]:
    def show(result: Any) -> None:
        if args.json:
            print_json(result_json(result))
            return
        decision = result.decision
        who = decision.delegate.name if decision.delegate else "-"
        print(
            f"frame {result.frame:>6}  t={result.t:8.3f}s  {decision.outcome:<20} {who}  {decision.code}",
            flush=True,
        )

    return show


def run_scan(args: argparse.Namespace, extra_listeners: Iterable[Callable[[Any], None]] = ()) -> int:
    """The ``scan`` sub-command; ``extra_listeners`` get every ScanResult (after the output line)."""
    from kiosk.printing.wiring import pass_printer
    from kiosk.service import CheckinService

    spec, store = _source_and_store(args)
    event = store.roster.event()
    clock = clock_from(args, event.timezone if event else "Asia/Shanghai")
    service = CheckinService(store, clock, desk=args.desk, gate=args.gate)
    listeners: list[Callable[[Any], None]] = [_printer(args), *extra_listeners]
    if args.print_to:
        printers = getattr(args, "printers", None)
        if printers is None:
            raise KioskError("--print-to: printing is not available in this build (no pass renderer)")
        queue, on_decision = pass_printer(service, printers, args.print_to)
        queue.start()
        atexit.register(queue.stop, 2.0)
        listeners.append(lambda result: on_decision(result.decision))
    if spec == STDIN:
        return _scan_lines(sys.stdin, service, listeners)
    return _scan_pictures(spec, args, service, listeners)


@dataclass(frozen=True, slots=True)
class _Presented:
    """The service as the pipeline's decider, journalling how the codes came in."""

    service: CheckinService
    how: How

    def check_in(self, raw_code: str | bytes) -> Decision:
        return self.service.check_in(raw_code, self.how)


def _scan_lines(lines: IO[str], service: CheckinService, listeners: list[Callable[[Any], None]]) -> int:
    """A code a line (a volunteer typing, a scanner in a terminal, a file piped in) until the end."""
    from kiosk.scan.pipeline import ScanResult

    results: Listeners[ScanResult] = Listeners()
    for listener in listeners:
        results.connect(listener)
    start = time.monotonic()
    try:
        for index, line in enumerate(lines):
            if code := line.strip():
                decision = service.check_in(code, How.TYPED)
                t = time.monotonic() - start
                results.emit(ScanResult(decision, index, t, t))
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
    return 0


def _scan_pictures(
    spec: str, args: argparse.Namespace, service: CheckinService, listeners: list[Callable[[Any], None]]
) -> int:
    """Every badge seen by a camera, in a video file or an image folder, journalled as ``camera``."""
    import cv2

    from kiosk.scan.pipeline import ScanPipeline
    from kiosk.scan.sources import open_source

    give_up = None if args.wait else args.give_up
    try:
        source = open_source(spec, realtime=not args.every_frame, give_up_after=give_up)
    except (OSError, ValueError) as exc:
        raise KioskError(f"cannot scan {spec!r}: {exc}. For the demo's badge video: scan --demo") from exc
    if hasattr(source, "on_status"):  # a camera: say when it is lost and back, without OpenCV's noise
        cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
        source.on_status.append(lambda status: print(f"camera {spec}: {status}", file=sys.stderr, flush=True))
    decider = _Presented(service, How.CAMERA)
    pipeline = ScanPipeline(source, decider, gap=args.gap, listeners=listeners).start()
    try:
        while not pipeline.join(timeout=0.2):
            pass
    except KeyboardInterrupt:
        pipeline.stop()
        pipeline.join(timeout=5)
        print("stopped", file=sys.stderr)
    if getattr(source, "status", "") == "gave up":
        raise KioskError(
            f"camera {spec}: no picture within {give_up:g} s (tried to open it every second). Check that it "
            "is plugged in (ls /dev/video*) and free, give another index or a video file, or add --wait"
        )
    return 0


def _source_and_store(args: argparse.Namespace) -> tuple[str, Store]:
    """SOURCE (or --camera, or the demo's badge video) and the database to decide in."""
    if args.demo:
        from kiosk.demo.workspace import prepare_demo
        from kiosk.paths import demo_folder

        demo = prepare_demo(demo_folder())
        print(f"demo badge video: {demo.video}", file=sys.stderr, flush=True)
        store = store_from(args) if getattr(args, "db", None) else demo.store
        return str(demo.video), store
    spec = args.source or getattr(args, "camera", None)
    if not spec:
        raise KioskError(
            "scan what? give SOURCE (a camera index, video file, image folder or - for codes on stdin), "
            "--camera N or --demo"
        )
    return str(spec), store_from(args)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "scan", help="decide on badges shown to a camera, in a video or an image folder"
    )
    p.add_argument("source", metavar="SOURCE", nargs="?",
                   help="camera index or /dev/videoN, a video file, an image folder, or - for one code a line "
                        "on stdin")  # fmt: skip
    p.add_argument("--camera", metavar="N|PATH", default=argparse.SUPPRESS,
                   help="the same as SOURCE (also accepted before the sub-command)")  # fmt: skip
    p.add_argument("--demo", action="store_true",
                   help="scan the demo's badge video (made on first use) against the demo's roster")  # fmt: skip
    p.add_argument("--give-up", type=float, default=10.0, metavar="SECONDS",
                   help="stop when a camera gives no picture for this long (default 10)")  # fmt: skip
    p.add_argument("--wait", action="store_true", help="keep trying a missing camera until Ctrl-C")
    p.add_argument("--gate", default="entrance", help="entrance (default) or a forum id")
    p.add_argument("--desk", default="scan", help="desk name written to the journal")
    p.add_argument("--every-frame", action="store_true",
                   help="process every frame of a file as fast as possible (default: play it in real time)")  # fmt: skip
    p.add_argument("--gap", type=float, default=3.0,
                   help="seconds a code must be out of view before it counts as shown again (default 3)")  # fmt: skip
    p.add_argument("--json", action="store_true", help="one JSON line per decision")
    p.add_argument("--print-to", metavar="TARGET", help="print a pass for each admitted delegate on TARGET")
    add_db(p)
    add_clock(p)
    p.set_defaults(func=run_scan)
