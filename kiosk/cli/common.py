"""What every sub-command shares: the database argument, the clock, JSON output."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from kiosk.clock import Clock, StartedClock, SystemClock, parse_time
from kiosk.errors import KioskError
from kiosk.store import Store, open_store


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
