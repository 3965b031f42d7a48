"""`sync`: one pass with the hub (--once, the default) or keep syncing (--watch)."""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time

from kiosk.cli.common import add_db, print_json, store_from
from kiosk.errors import KioskError


def _once(args: argparse.Namespace, token: str) -> int:
    from kiosk.sync.client import HubClient
    from kiosk.sync.engine import backlog, sync_once

    store = store_from(args, create=True)  # a new desk's database is filled by its first sync
    client = HubClient(args.hub, token, pin=args.pin, insecure=args.insecure)
    try:
        report = sync_once(store, client)
    finally:
        client.close()
    if args.json:
        print_json(report.to_json() | {"backlog": backlog(store)})
        return 0
    event = store.roster.event()
    print(
        f"event {event.id if event else '-'}; roster: {report.upserts} delegates in, {report.revocations} revoked "
        f"(cursor {report.roster_cursor}); pushed {report.pushed}; pulled {report.pulled} from other desks"
    )
    for note in report.notes:
        print(f"note: {note}")
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _watch(args: argparse.Namespace, token: str) -> int:
    from kiosk.sync.worker import SyncWorker

    # Ctrl-C and a service manager's SIGTERM both stop the watch cleanly, also when it was started
    # in the background by a shell (which starts it with SIGINT ignored).
    signal.signal(signal.SIGINT, _interrupt)
    signal.signal(signal.SIGTERM, _interrupt)
    worker = SyncWorker(store_from(args, create=True), args.hub, token, pin=args.pin, insecure=args.insecure)
    shown = None
    worker.start()
    try:
        while True:
            state = worker.state()
            if state.connected:
                status = "connected"
            else:  # nothing heard from the hub yet is not "offline"
                status = "offline" if state.last_error else f"connecting to {args.hub}"
            line = f"{status}, backlog {state.backlog}, roster cursor {state.roster_cursor}" + (
                f", {state.last_error}" if state.last_error else ""
            )
            if line != shown:
                print(line, file=sys.stderr, flush=True)
                shown = line
            time.sleep(1)
    except KeyboardInterrupt:
        return 0
    finally:
        worker.stop()


def _sync(args: argparse.Namespace) -> int:
    token = args.token or os.environ.get("KIOSK_HUB_TOKEN")
    if not token:
        raise KioskError("no token: pass --token T or set KIOSK_HUB_TOKEN / 缺少令牌")
    from kiosk.sync.client import hub_url
    from kiosk.sync.trust import check_plain, normalize_pin

    check_plain(hub_url(args.hub), args.insecure)  # before any connection, --watch included
    args.pin = normalize_pin(args.pin or "")
    return _watch(args, token) if args.watch else _once(args, token)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("sync", help="sync with the hub: roster, event, check-ins of every desk")
    p.add_argument(
        "--hub", required=True, help="the hub's address, e.g. 10.0.0.2:8787 or http://10.0.0.2:8787"
    )
    p.add_argument("--token", help="this desk's token (default: $KIOSK_HUB_TOKEN)")
    p.add_argument("--pin", metavar="sha256:AB:CD:…",
                   help="an https hub's certificate fingerprint (hub tls init prints it); refused if it differs")  # fmt: skip
    p.add_argument("--insecure", action="store_true",
                   help="allow plain HTTP to a hub on another machine (token and names cross unencrypted)")  # fmt: skip
    mode = p.add_mutually_exclusive_group()
    mode.add_argument(
        "--once",
        action="store_true",
        help="one pass, then exit (default); exit 3 refused, 4 unreachable, 8 wrong certificate",
    )
    mode.add_argument("--watch", action="store_true", help="keep syncing until interrupted")
    p.add_argument("--json", action="store_true", help="print the report as one JSON object")
    add_db(p)
    p.set_defaults(func=_sync)
