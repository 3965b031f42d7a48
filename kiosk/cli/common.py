"""What every sub-command shares: the database argument, the clock, JSON output."""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

from kiosk.clock import Clock, StartedClock, SystemClock, parse_time
from kiosk.errors import KioskError
from kiosk.messages import ERROR_PREFIX, cli_language
from kiosk.store import Store, StoreError, open_store
from kiosk.store.problems import DatabaseProblem, problem_from


def default_db_path() -> Path:
    env = os.environ.get("KIOSK_DB")
    if env:
        return Path(env)
    from platformdirs import user_data_dir

    return Path(user_data_dir("forum-kiosk", appauthor=False)) / "kiosk.sqlite"


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", type=Path, help="kiosk database (default: $KIOSK_DB, then the user data dir)")


def store_from(args: argparse.Namespace) -> Store:
    return open_store(args.db or default_db_path())


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
        where = getattr(exc, "filename", None) or getattr(args, "db", None) or default_db_path()
        exc = problem_from(exc, where) or exc
    if isinstance(exc, DatabaseProblem):
        return prefix + exc.text(language), exc.exit_code
    if isinstance(exc, KioskError | StoreError):
        return prefix + str(exc), getattr(exc, "exit_code", 2)
    if isinstance(exc, OSError):
        return prefix + f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": "), 2
    return None
