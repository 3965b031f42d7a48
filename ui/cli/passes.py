"""`pass CODE --out FILE.pdf|.png`: render one delegate's forum pass (or print it with --print-to).

Headless: Qt is imported inside the handler, on the offscreen platform when there is no display.
"""

from __future__ import annotations

import argparse
import os
import uuid
from pathlib import Path

from kiosk.cli.common import add_clock, add_db, clock_from, print_json, store_from
from kiosk.errors import KioskError, NoEventError, NotFoundError
from kiosk.printing.layout import DEFAULT_LAYOUT, layout_names
from kiosk.printing.wiring import SPEC_HELP


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("pass", help="render (or print) one delegate's forum access pass")
    p.add_argument("code", help="the delegate's badge code (or delegate id)")
    p.add_argument("--out", type=Path, help="write FILE.pdf (vector, text kept) or FILE.png")
    p.add_argument("--print-to", metavar="SPEC", help=f"print through the durable queue: {SPEC_HELP}")
    p.add_argument(
        "--layout", default=DEFAULT_LAYOUT, help=f"stock: {', '.join(layout_names())} or a JSON file"
    )
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="when the roster has no language")
    p.add_argument("--dpi", type=int, help="PNG resolution (default: the stock's)")
    p.add_argument("--raster", action="store_true", help="PNG as a thermal printer prints it (1-bit)")
    p.add_argument("--desk", default="cli", help="desk name written to the journal (default cli)")
    add_db(p)
    add_clock(p)
    p.set_defaults(func=cmd_pass)


def cmd_pass(args: argparse.Namespace) -> int:
    if not args.out and not args.print_to:
        raise KioskError("say where the pass goes: --out FILE.pdf|.png or --print-to SPEC")
    if args.out and args.out.suffix.lower() not in (".pdf", ".png"):
        raise KioskError(f"--out {args.out}: the file must end in .pdf or .png")
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.printing.issue import pass_content
    from kiosk.printing.layout import load_layout
    from kiosk.service import CheckinService

    store = store_from(args)
    event = store.roster.event()
    if event is None:
        raise NoEventError()
    found = store.roster.lookup(args.code)
    delegate = found[1] if found else store.roster.delegate(args.code)
    if delegate is None:
        raise NotFoundError("no delegate with that code or id")
    layout = load_layout(args.layout)
    clock = clock_from(args, event.timezone)
    service = CheckinService(store, clock, desk=args.desk)
    content = pass_content(service, delegate, args.lang, args.code if found else "")
    result: dict[str, object] = {"delegate": delegate.id, "layout": layout.name, "language": content.language}
    if args.out:
        result["out"] = str(_render(content, layout, args))
    if args.print_to:
        result.update(_print(store, content, args, clock))
    print_json(result)
    return 0 if result.get("status", "done") == "done" else 1


def _render(content, layout, args: argparse.Namespace) -> Path:  # type: ignore[no-untyped-def]
    from ui.passes import render_image, render_pdf, render_raster
    from ui.passes.render import raster_image

    out: Path = args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix.lower() == ".pdf":
        render_pdf(content, layout, out)
    elif args.raster:
        raster_image(render_raster(content, layout, args.dpi)).save(str(out))
    elif not render_image(content, layout, args.dpi).save(str(out)):
        raise KioskError(f"cannot write {out}")
    return out


def _print(store, content, args: argparse.Namespace, clock) -> dict[str, object]:  # type: ignore[no-untyped-def]
    from kiosk.printing.queue import PrintQueue

    queue = PrintQueue(store, args.printers.printer_for(args.print_to), clock, args.layout)
    job_id = queue.enqueue(f"cli-{uuid.uuid4()}", content, reason="printed from the command line")
    queue.pump()
    job = queue.jobs.job(job_id)
    state = queue.state()
    return {
        "job": job_id,
        "status": job.state if job else "?",
        "printer": state.printer,
        "error": job.last_error if job else "",
    }
