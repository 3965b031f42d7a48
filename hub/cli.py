"""The ``hub`` sub-commands: serve, tls init, event import, roster import, stats, dashboard code, purge,
token create/revoke/list.

Every one takes ``--db PATH`` or ``--database-url URL`` (else $KIOSK_HUB_DB): the
hub's own store, never a kiosk database.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hub.store import HubStore, open_hub_store
from kiosk.cli.common import print_json
from kiosk.cli.core import print_import_report


def _store(args: argparse.Namespace) -> HubStore:
    return open_hub_store(args.db, args.database_url)


def _serve(args: argparse.Namespace) -> int:
    from hub.api.server import make_server

    if bool(args.tls_cert) != bool(args.tls_key):
        print("error: give both --tls-cert and --tls-key (hub tls init makes them)", file=sys.stderr)
        return 2
    tls = (args.tls_cert, args.tls_key) if args.tls_cert else None
    store = _store(args)
    if tls:
        from hub.api.tls import certificate_fingerprint

        print(f"hub on https://{args.host}:{args.port} ({store.kind} store), certificate "
              f"{certificate_fingerprint(args.tls_cert)}", file=sys.stderr, flush=True)  # fmt: skip
    else:
        print(
            f"hub on http://{args.host}:{args.port} ({store.kind} store), no TLS", file=sys.stderr, flush=True
        )
    make_server(store, args.host, args.port, log_level="info" if args.verbose else "warning", tls=tls).run()
    return 0


def _tls_init(args: argparse.Namespace) -> int:
    from hub.api.tls import init

    cert, key, fingerprint = init(args.out, args.name, force=args.force)
    print(f"certificate {cert}, private key {key} (0600); desks pin this fingerprint:")
    print(fingerprint)
    return 0


def _event_import(args: argparse.Namespace) -> int:
    from kiosk.importers.event import load_event_file

    store = _store(args)
    event_id = store.roster.set_event(load_event_file(args.file))
    document = store.roster.event_document() or {}
    print(
        f"event {event_id}: {len(document.get('forums') or [])} forums, "
        f"{len(document.get('categories') or [])} categories, {len(document.get('public_keys') or [])} keys"
    )
    return 0


def _roster_import(args: argparse.Namespace) -> int:
    report = _store(args).roster.import_file(args.file, replace=args.replace)
    return print_import_report(report, args.json)


def _token_create(args: argparse.Namespace) -> int:
    from hub.store.tokens import capabilities

    store = _store(args)
    info, token = store.tokens.create(args.desk, admin=args.admin, can=capabilities(args.can))
    kind = "admin token" if info.admin else "desk token"
    allowed = f", may {'+'.join(sorted(info.can))}" if info.can and not info.admin else ""
    print(f"{kind} {info.id} for {info.desk}{allowed}; it is shown only this once:")
    print(token)
    return 0


def _token_revoke(args: argparse.Namespace) -> int:
    if not (args.id or args.desk or args.token):
        print("error: name a token id, --desk NAME or --token TOKEN", file=sys.stderr)
        return 2
    count = _store(args).tokens.revoke(token_id=args.id, desk=args.desk, token=args.token)
    print(f"revoked {count} token(s)")
    return 0 if count else 1


def _token_list(args: argparse.Namespace) -> int:
    for info in _store(args).tokens.list():
        state = f"revoked {info.revoked_at}" if info.revoked_at else "active"
        kind = "admin" if info.admin else "desk" + "".join(f"+{c}" for c in sorted(info.can))
        scope = "every event" if info.admin else f"event {info.event or '(the first installed)'}"
        print(f"{info.id}\t{info.desk}\t{kind}\t{info.created_at}\t{state}\t{scope}")
    return 0


def _stats(args: argparse.Namespace) -> int:
    summary = _store(args).checkins.summary(rehearsal=args.rehearsal)
    if args.json:
        print_json(summary)
        return 0
    for gate, numbers in sorted(summary.items()):
        print(
            f"{gate}: {numbers['admitted']} admitted, {numbers['inside']} inside, "
            f"{numbers['offline_duplicates']} offline duplicates"
        )
    if not summary:
        print("no admissions yet")
    return 0


def _dashboard_code(args: argparse.Namespace) -> int:
    code = _store(args).logins.create(ttl=args.minutes * 60)
    print(
        f"a one-time login code for http://HUB:PORT/dashboard, valid {args.minutes} minutes and for one login:"
    )
    print(code)
    return 0


def _purge(args: argparse.Namespace) -> int:
    from hub.store.purge import purge_hub

    if not args.yes:
        print(
            "error: purge deletes personal data for good: add --yes / 此操作不可撤销，请加 --yes",
            file=sys.stderr,
        )
        return 2
    store = _store(args)
    try:
        print_json(purge_hub(store).to_json())
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    return 0


def _enrol(args: argparse.Namespace) -> int:
    import qrcode

    from hub.store.tokens import capabilities
    from kiosk.sync.enrol import Enrolment
    from kiosk.sync.trust import HubInsecure, check_plain

    desk = args.desk.strip()
    if not desk or desk == "local" or len(desk) > 100:
        print("hub enrol: a desk name must be 1-100 characters and not 'local'", file=sys.stderr)
        return 2
    if not args.url.startswith(("http://", "https://")):
        print(
            "hub enrol: --url is the address desks reach the hub at, e.g. https://10.0.0.5:8787",
            file=sys.stderr,
        )
        return 2
    pin = ""
    if args.tls_cert:
        from hub.api.tls import certificate_fingerprint

        pin = certificate_fingerprint(args.tls_cert)
    elif args.url.startswith("https://"):
        print("hub enrol: no --tls-cert, so the desk checks the hub's certificate against the system's "
              "authorities (a `hub tls init` certificate needs --tls-cert)", file=sys.stderr)  # fmt: skip
    try:
        check_plain(args.url, insecure=False)
    except HubInsecure:
        print("hub enrol: plain HTTP to another machine: the desk joins only if Admin → Sync allows plain HTTP "
              "(serve with --tls-cert and enrol with https:// and --tls-cert instead)", file=sys.stderr)  # fmt: skip
    can = capabilities(args.can)
    code = _store(args).enrolments.create(desk, ttl=args.minutes * 60, can=can)
    text = Enrolment(args.url.rstrip("/"), desk, code, pin).text()
    if not args.no_qr:
        picture = qrcode.QRCode(border=2)
        picture.add_data(text)
        picture.print_ascii(invert=True)
    allowed = f" (may {'+'.join(sorted(can))})" if can else ""
    print(f"desk {desk}{allowed}: scan the QR or paste the line below in Admin → Sync, "
          f"within {args.minutes} minutes (once):")  # fmt: skip
    print(text)
    return 0


def _add_store(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--db", type=Path, help="the hub's SQLite file (default: $KIOSK_HUB_DB)")
    group.add_argument("--database-url", help="the hub's PostgreSQL, postgresql://user:password@host/db")


def register(subparsers: argparse._SubParsersAction) -> None:
    hub = subparsers.add_parser("hub", help="the hub server that many desks share")
    sub = hub.add_subparsers(dest="hub_command", metavar="ACTION", required=True)

    p = sub.add_parser("serve", help="serve the hub API over HTTP")
    p.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1; 0.0.0.0: all)"
    )
    p.add_argument("--port", type=int, default=8787, help="TCP port (default 8787)")
    p.add_argument("--tls-cert", type=Path, help="serve HTTPS with this PEM certificate (hub tls init)")
    p.add_argument("--tls-key", type=Path, help="the certificate's PEM private key")
    _add_store(p)
    p.set_defaults(func=_serve)

    tls = sub.add_parser("tls", help="the hub's TLS certificate")
    tls_sub = tls.add_subparsers(dest="hub_tls_command", metavar="ACTION", required=True)
    p = tls_sub.add_parser("init", help="a self-signed certificate and key; prints the fingerprint desks pin")
    p.add_argument("--out", type=Path, default=Path("hub-tls"), help="folder for hub-cert.pem, hub-key.pem")
    p.add_argument("--name", action="append", default=[], metavar="HOST",
                   help="a host name or IP address desks use for the hub (repeatable)")  # fmt: skip
    p.add_argument("--force", action="store_true", help="replace an existing key (desks must pin anew)")
    p.set_defaults(func=_tls_init)

    event = sub.add_parser("event", help="the event on the hub")
    event_sub = event.add_subparsers(dest="hub_event_command", metavar="ACTION", required=True)
    p = event_sub.add_parser("import", help="install an event file (JSON; 'public_keys' are trusted)")
    p.add_argument("file", type=Path, help="the event file, e.g. resources/demo_event.json")
    _add_store(p)
    p.set_defaults(func=_event_import)

    roster = sub.add_parser("roster", help="the delegates on the hub")
    roster_sub = roster.add_subparsers(dest="hub_roster_command", metavar="ACTION", required=True)
    p = roster_sub.add_parser("import", help="import a roster file (CSV in UTF-8/GBK, or XLSX)")
    p.add_argument("file", type=Path, help="CSV (UTF-8, UTF-8 with BOM or GBK) or XLSX, one delegate a row")
    p.add_argument("--replace", action="store_true", help="the file is the whole roster: revoke the rest")
    p.add_argument("--json", action="store_true", help="print the report as one JSON object")
    _add_store(p)
    p.set_defaults(func=_roster_import)

    p = sub.add_parser("stats", help="people admitted per gate, every desk together (each person once)")
    p.add_argument("--rehearsal", action="store_true", help="the rehearsal's check-ins instead")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    _add_store(p)
    p.set_defaults(func=_stats)

    dashboard = sub.add_parser("dashboard", help="the organisers' live page at /dashboard")
    dashboard_sub = dashboard.add_subparsers(dest="hub_dashboard_command", metavar="ACTION", required=True)
    p = dashboard_sub.add_parser("code", help="a one-time login code (instead of typing an admin token)")
    p.add_argument("--minutes", type=int, default=10, choices=range(1, 1441), metavar="1-1440",
                   help="how long the code stays valid (default 10 minutes)")  # fmt: skip
    _add_store(p)
    p.set_defaults(func=_dashboard_code)

    p = sub.add_parser("purge", help="remove personal data from the hub after the event (keeps counts)")
    p.add_argument("--yes", action="store_true", help="really purge (required)")
    _add_store(p)
    p.set_defaults(func=_purge)

    p = sub.add_parser("enrol", help="a one-time code (and QR) a desk joins the hub with, instead of a token")
    p.add_argument("desk", help="the desk's name (its check-ins carry it)")
    p.add_argument(
        "--url", required=True, help="the address desks reach this hub at, e.g. https://10.0.0.5:8787"
    )
    p.add_argument("--tls-cert", type=Path, help="the certificate hub serve uses: desks pin its fingerprint")
    p.add_argument("--can", default="", metavar="walkin,reissue,roster",
                   help="what the desk's token may change in the hub's roster (as hub token create --can)")  # fmt: skip
    p.add_argument("--minutes", type=int, default=10, choices=range(1, 1441), metavar="1-1440",
                   help="how long the code stays valid (default 10 minutes)")  # fmt: skip
    p.add_argument("--no-qr", action="store_true", help="print the line only")
    _add_store(p)
    p.set_defaults(func=_enrol)

    token = sub.add_parser("token", help="desk and admin tokens")
    token_sub = token.add_subparsers(dest="hub_token_command", metavar="ACTION", required=True)
    p = token_sub.add_parser("create", help="a new token; printed once, alone on the last line")
    p.add_argument("--desk", required=True, help="the desk's name (its check-ins carry it)")
    p.add_argument(
        "--admin", action="store_true", help="may do everything, for every event (the organisers')"
    )
    p.add_argument("--can", default="", metavar="walkin,reissue,roster",
                   help="what this desk may change in the hub's roster: walk-ins, reissued badge codes, "
                   "roster uploads")  # fmt: skip
    _add_store(p)
    p.set_defaults(func=_token_create)
    p = token_sub.add_parser("revoke", help="revoke a token by id, by value, or all of a desk's")
    p.add_argument("id", nargs="?", help="the token's id (hub token list shows them)")
    p.add_argument("--desk", help="revoke every token of this desk")
    p.add_argument("--token", help="revoke the token with this value")
    _add_store(p)
    p.set_defaults(func=_token_revoke)
    p = token_sub.add_parser("list", help="tokens (ids and desks, never the tokens)")
    _add_store(p)
    p.set_defaults(func=_token_list)
