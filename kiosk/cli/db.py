"""`db check` and `db backup`: the database file's health and an online copy of it."""

from __future__ import annotations

import argparse
from pathlib import Path

from kiosk.cli.common import add_db, db_path, print_json
from kiosk.store.health import Health, backup, check
from kiosk.store.problems import EXIT_CODES, Problem


def _size(count: int) -> str:
    return f"{count / 1024 / 1024:,.1f} MB"


def _print_health(health: Health) -> None:
    verdict = "ok" if health.intact else "DAMAGED: " + "; ".join(health.integrity)
    print(f"integrity: {verdict}")
    if health.page_size:
        print(
            f"file: {_size(health.pages * health.page_size)} ({health.pages:,} pages of "
            f"{health.page_size} bytes, {health.free_pages:,} free)"
        )
        print(f"journal: {health.journal_mode}, WAL {_size(health.wal_bytes)} ({health.wal_frames:,} frames "
              "not yet checkpointed)")  # fmt: skip
    print(
        f"free disk space: {_size(health.free_disk)}"
        + ("  (low: free some space)" if health.low_disk else "")
    )


def _exit(health: Health) -> int:
    return 0 if health.intact else EXIT_CODES[Problem.DAMAGED]


def _check(args: argparse.Namespace) -> int:
    health = check(db_path(args))
    if args.json:
        print_json(health.to_json())
    else:
        _print_health(health)
    return _exit(health)


def _backup(args: argparse.Namespace) -> int:
    source = db_path(args)
    health = backup(source, args.file)
    if args.json:
        print_json(health.to_json())
    else:
        print(f"backed up {source} to {args.file} ({_size(health.pages * health.page_size)})")
        if not health.intact:
            print("the copy is of a damaged database: " + "; ".join(health.integrity))
    return _exit(health)


def register(subparsers: argparse._SubParsersAction) -> None:
    db = subparsers.add_parser("db", help="the database file: check it, back it up")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    p = db_sub.add_parser("check", help="integrity check, WAL state, free disk space (reads only)")
    p.add_argument("--json", action="store_true", help="print the result as one JSON object")
    add_db(p)
    p.set_defaults(func=_check)
    p = db_sub.add_parser("backup", help="copy the database to FILE (safe while desks are writing)")
    p.add_argument("file", type=Path, help="where to write the copy (a new file)")
    p.add_argument("--json", action="store_true", help="print the result as one JSON object")
    add_db(p)
    p.set_defaults(func=_backup)
