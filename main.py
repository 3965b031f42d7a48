"""Forum check-in kiosk: the desktop app by default, sub-commands for headless work.

python main.py                 start the kiosk app (``--demo`` for the built-in demo)
python main.py SUBCOMMAND ...  headless work; ``python main.py -h`` lists them
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from ui.passes.printers import qt_printers

# Each module has ``register(subparsers)``; a handler returns the exit code.
COMMAND_MODULES = (
    "ui.cli.screenshots",
    "kiosk.cli.core",
    "kiosk.cli.db",
    "kiosk.cli.scan",
    "kiosk.cli.badges",
    "ui.cli.badges",
    "ui.cli.passes",
    "kiosk.cli.sync",
    "kiosk.cli.pretix",
    "hub.cli",
)


def build_parser() -> argparse.ArgumentParser:
    from ui.shell.app import add_app_arguments  # no Qt at import

    parser = argparse.ArgumentParser(
        prog="main.py",
        description="Forum check-in kiosk. Without a sub-command, starts the app.",
        epilog="Exit codes: 0 done (checkin: admitted), 1 refused (checkin) or rows rejected (import), "
        "2 usage or input error; the database: 3 damaged, 4 read-only, 5 disk full, 6 held by another "
        "program, 7 I/O error; sync: 3 token refused, 4 hub unreachable, 5 hub answered nonsense. "
        "-v and --db may come before or after the sub-command.",
    )
    add_app_arguments(parser.add_argument_group("the app (no SUBCOMMAND)"))
    parser.set_defaults(printers=qt_printers())  # what --print-to prints with (Qt loads on first use)
    subparsers = parser.add_subparsers(dest="command", metavar="SUBCOMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    _accept_verbose_everywhere(subparsers)
    return parser


def _accept_verbose_everywhere(subparsers: argparse._SubParsersAction) -> None:
    for sub in set(subparsers.choices.values()):
        if "-v" not in sub._option_string_actions:
            sub.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                             help="log at DEBUG level")  # fmt: skip
        for action in sub._actions:
            if isinstance(action, argparse._SubParsersAction):
                _accept_verbose_everywhere(action)


def run(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from ui.shell.app import run_app

        return run_app(args)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    from kiosk.cli.common import TerminalSafe

    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalSafe(sys.stdout), TerminalSafe(sys.stderr)  # type: ignore[assignment]
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        from kiosk.cli.common import failure_line

        failure = failure_line(exc, args)
        if failure is None:
            raise
        print(failure[0], file=sys.stderr)
        return failure[1]
    finally:
        sys.stdout, sys.stderr = streams


if __name__ == "__main__":
    sys.exit(run())
