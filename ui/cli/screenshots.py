"""``python main.py screenshots DIR [--demo]``: the real windows in their real states, as PNGs.

Importing this module does not import Qt (main.py imports every command module).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "screenshots", help="render every kiosk screen to PNG (1280x800, zh and en), offscreen"
    )
    parser.add_argument("dir", type=Path, help="folder for the PNG files")
    parser.add_argument(
        "--demo", action="store_true", help="use a fresh demo store (the default without --db)"
    )
    parser.add_argument("--db", type=Path, default=argparse.SUPPRESS,  # a --db before the sub-command stays
                        help="render with this kiosk database instead of the demo")  # fmt: skip
    parser.set_defaults(func=_screenshots)


def _screenshots(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.shell.qt_messages import quiet_qt

    quiet_qt()
    from ui.screenshots.render import render_all

    written = render_all(args.dir, db=None if args.demo else getattr(args, "db", None))
    for path in written:
        print(path)  # the command's output: one file per line
    return 0
