"""`pretix connect | sync | conflicts`: this kiosk as a check-in client of a pretix event."""

from __future__ import annotations

import argparse
import os
import sys
import time

from kiosk.cli.common import add_db, print_json, store_from
from kiosk.errors import KioskError


def _connect(args: argparse.Namespace) -> int:
    from kiosk.pretix import store as pstore
    from kiosk.pretix.client import Connection, PretixClient
    from kiosk.pretix.sync import read_mapping

    token = args.token or os.environ.get("KIOSK_PRETIX_TOKEN")
    if not token:
        raise KioskError("no token: pass --token T or set KIOSK_PRETIX_TOKEN / 缺少令牌")
    connection = Connection(args.url, args.organizer, args.event, token, tuple(args.list or ()))
    client = PretixClient(connection)
    try:
        found = read_mapping(client)
    finally:
        client.close()
    if not found.gates:
        raise KioskError(
            f"event {args.event!r} has none of the check-in lists asked for / 没有可用的签到列表"
        )
    pstore.save(store_from(args, create=True), connection, found)
    if args.json:
        print_json(found.to_json())
        return 0
    event = found.event
    print(f"connected to {args.url} {args.organizer}/{args.event}: {event['name_en']}")
    for list_id, gate in found.gates.items():
        print(f"  list {list_id} {found.lists[list_id]['name']!r} -> gate {gate}")
    print(f"  {len(found.categories)} categories, {sum(f['kind'] == 'addon' for f in found.forums)} forums; "
          f"{len(found.public_keys)} signing keys")  # fmt: skip
    return 0


def _client(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from kiosk.pretix import store as pstore
    from kiosk.pretix.client import PretixClient

    store = store_from(args)
    connection = pstore.connection(store)
    if connection is None:
        raise pstore.NotConnected()
    return store, PretixClient(connection)


def _line(report) -> str:  # type: ignore[no-untyped-def]
    return (f"roster: {report.delegates} delegates in {report.pages} pages; {report.revoked} revoked, "
            f"{report.blocked} blocked secrets; uploaded {report.uploaded} ({report.conflicts} conflicts), "
            f"backlog {report.backlog}")  # fmt: skip


def _sync(args: argparse.Namespace) -> int:
    from kiosk.pretix.sync import sync_once

    store, client = _client(args)
    try:
        if not args.watch:
            report = sync_once(store, client)
            print_json(report.to_json()) if args.json else print(_line(report))
            return 0
        shown, delay = None, args.interval
        while True:
            try:
                line = _line(sync_once(store, client))
                delay = args.interval
            except KioskError as exc:
                if getattr(exc, "exit_code", 2) == 3:
                    raise
                line, delay = f"offline: {exc}", min(delay * 2, 30.0)
            if line != shown:
                print(line, file=sys.stderr, flush=True)
                shown = line
            time.sleep(delay)
    except KeyboardInterrupt:
        return 0
    finally:
        client.close()


def _conflicts(args: argparse.Namespace) -> int:
    from kiosk.pretix.upload import conflicts

    found = conflicts(store_from(args))
    if args.json:
        print_json(found)
        return 0
    for c in found:
        print(
            f"{c['at']}  gate {c['gate']}  {c['delegate_id'] or '-'}  pretix: {c['reason']}  (check-in {c['checkin_id']})"
        )
    print(f"{len(found)} conflicts to review")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("pretix", help="check in a pretix event: connect, sync, conflicts")
    sub = p.add_subparsers(dest="pretix_command", metavar="ACTION", required=True)
    c = sub.add_parser("connect", help="connect to a pretix event and show how it maps onto gates and forums")
    c.add_argument("--url", required=True, help="pretix's address, e.g. https://pretix.example.org")
    c.add_argument("--organizer", required=True, help="the organizer slug in pretix")
    c.add_argument("--event", required=True, help="the event slug in pretix")
    c.add_argument("--token", help="an API token with check-in permission (default: $KIOSK_PRETIX_TOKEN)")
    c.add_argument(
        "--list", type=int, nargs="+", help="check-in list ids to serve; the first is the entrance"
    )
    c.add_argument("--json", action="store_true", help="print the mapping as JSON")
    add_db(c)
    c.set_defaults(func=_connect)
    s = sub.add_parser("sync", help="pull the roster and secret lists, upload check-ins")
    mode = s.add_mutually_exclusive_group()
    mode.add_argument(
        "--once", action="store_true", help="one pass, then exit (default); 3 refused, 4 unreachable"
    )
    mode.add_argument("--watch", action="store_true", help="keep syncing until interrupted")
    s.add_argument("--interval", type=float, default=5.0, help="seconds between passes with --watch")
    s.add_argument("--json", action="store_true", help="print the report as one JSON object")
    add_db(s)
    s.set_defaults(func=_sync)
    k = sub.add_parser("conflicts", help="scans admitted offline that pretix refused on upload")
    k.add_argument("--json", action="store_true", help="print the conflicts as JSON")
    add_db(k)
    k.set_defaults(func=_conflicts)
