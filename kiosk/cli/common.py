"""What every sub-command shares: the database argument, the clock, JSON output."""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
from pathlib import Path
from typing import Any, TextIO

from kiosk.clock import Clock, StartedClock, SystemClock, parse_time
from kiosk.errors import KioskError
from kiosk.messages import ERROR_PREFIX, cli_language
from kiosk.paths import default_db_path
from kiosk.store import Store, StoreError, open_store
from kiosk.store.problems import DatabaseProblem, problem_from


def add_db(parser: argparse.ArgumentParser) -> None:
    # SUPPRESS: a --db given before the sub-command (on the main parser) is not reset to None.
    parser.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                        help="kiosk database (default: $KIOSK_DB, then the user data folder)")  # fmt: skip


def db_path(args: argparse.Namespace) -> Path:
    return getattr(args, "db", None) or default_db_path()


def store_from(args: argparse.Namespace, create: bool = False) -> Store:
    """The kiosk database of ``--db``; unless ``create``, one that does not exist is refused."""
    path = db_path(args)
    if not create and not path.exists():
        raise KioskError(
            f"no kiosk database at {path}: check --db / $KIOSK_DB, or create it with `event import FILE.json`"
        )
    return open_store(path)


def add_clock(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--at", help="start the clock at this ISO time; it runs on from there")


def clock_from(args: argparse.Namespace, timezone: str = "Asia/Shanghai") -> Clock:
    if not getattr(args, "at", None):
        return SystemClock()
    try:
        return StartedClock(parse_time(args.at, timezone))
    except ValueError as exc:
        raise KioskError(f"--at {args.at!r} is not an ISO 8601 time (e.g. 2023-12-06T09:30)") from exc


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def failure_line(exc: BaseException, args: argparse.Namespace) -> tuple[str, int] | None:
    """One translated line and the exit code for a failure the user can act on; None for a bug.

    Input errors keep their own line; SQLite and disk errors become the DatabaseProblem
    their error code means (damaged, read-only, disk full, busy, I/O error)."""
    language = cli_language()
    prefix = ERROR_PREFIX[0 if language == "zh" else 1]
    if isinstance(exc, sqlite3.Error | OSError) and not isinstance(exc, BrokenPipeError):
        where = getattr(exc, "filename", None) or db_path(args)
        exc = problem_from(exc, where) or exc
    if isinstance(exc, DatabaseProblem):
        return prefix + exc.text(language), exc.exit_code
    if isinstance(exc, KioskError | StoreError):
        return prefix + str(exc), getattr(exc, "exit_code", 2)
    if isinstance(exc, OSError):
        return prefix + f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "), 2
    return None


# Controls and format characters (C0 but newline and tab, DEL, C1, bidi overrides, zero-width
# marks), line and paragraph separators, surrogates, private use. Spaces (U+3000) stay.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u061c\u180e\u200b-\u200f\u2028-\u202e"
                      r"\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\uf8ff\U000f0000-\U0010ffff]")  # fmt: skip


def escape_controls(text: str) -> str:
    """Text with every character that could drive a terminal (ESC and the other C0/C1 controls,
    DEL, bidirectional overrides) written as ``\\uXXXX``; newlines and tabs stay. The escape is
    also valid inside a JSON string, so JSON output stays parseable and means the same."""
    if text.isprintable():
        return text
    return "".join(_escape(c) if _CONTROL.match(c) else c for c in text)


def _escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # a UTF-16 surrogate pair, as JSON writes characters past the BMP
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


class TerminalSafe:
    """A text stream that escapes control characters in whatever the commands print (roster
    names, organisations, file names): a roster cannot clear the screen or recolour it."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(escape_controls(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)
