"""`badges keygen|sign|issue`, `purge`, and `event trust` (registered by the event group)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk import codes, keys
from kiosk.cli.common import add_db, print_json, store_from
from kiosk.clock import parse_time
from kiosk.errors import KioskError
from kiosk.model import Event, SignedClaims
from kiosk.store import Store

log = logging.getLogger(__name__)
DEMO_EVENT = Path(__file__).resolve().parents[2] / "resources" / "demo_event.json"


def badge_actions(subparsers: argparse._SubParsersAction) -> argparse._SubParsersAction:
    """The `badges` group's actions (created once per parser), so ui/cli/badges.py adds `issue`."""
    badges = subparsers.choices.get("badges")
    if badges is None:
        badges = subparsers.add_parser("badges", help="signing keys, signed badge codes, printable badges")
        badges.actions = badges.add_subparsers(dest="badges_command", metavar="ACTION", required=True)  # type: ignore[attr-defined]
    return badges.actions  # type: ignore[attr-defined, no-any-return]


def register(subparsers: argparse._SubParsersAction) -> None:
    sub = badge_actions(subparsers)
    keygen = sub.add_parser("keygen", help="write DIR/private.pem (0600) and DIR/public.pem")
    keygen.add_argument("--out", type=Path, required=True, help="folder for the two key files")
    keygen.add_argument("--force", action="store_true", help="replace an existing key")
    keygen.set_defaults(func=cmd_keygen)

    sign = sub.add_parser("sign", help="print one signed code (alone on the last line)")
    sign.add_argument("--key", type=Path, required=True, help="the event's private key (private.pem)")
    sign.add_argument("--event", help="event id (default: the store's event, else the demo event)")
    sign.add_argument("--delegate", required=True, help="the delegate id the code stands for")
    sign.add_argument(
        "--serial", type=int, default=1, help="badge serial; a higher one supersedes (default 1)"
    )
    sign.add_argument("--category", default="", help="category id carried in the code (default none)")
    sign.add_argument("--forums", default="", help="comma-separated forum ids, e.g. main,p1")
    sign.add_argument("--valid-until", help="ISO time after which the code is refused")
    add_db(sign)
    sign.set_defaults(func=cmd_sign)

    purge = subparsers.add_parser("purge", help="remove personal data after the event (keeps counts)")
    purge.add_argument("--yes", action="store_true", help="really purge (required)")
    add_db(purge)
    purge.set_defaults(func=cmd_purge)


def register_event_trust(event_subparsers: argparse._SubParsersAction) -> None:
    """Adds `event trust PUBLIC.pem` to the lead's `event` sub-command group."""
    trust = event_subparsers.add_parser("trust", help="install the event's public key on this kiosk")
    trust.add_argument(
        "public_key", type=Path, metavar="PUBLIC.pem", help="the event's public key (badges keygen)"
    )
    trust.add_argument("--event", help="event id the key signs for (default: the store's event)")
    add_db(trust)
    trust.set_defaults(func=cmd_trust)


# -- handlers -----------------------------------------------------------------------------------


def cmd_keygen(args: argparse.Namespace) -> int:
    private, public = keys.generate(args.out, force=args.force)
    print_json(
        {"private": str(private), "public": str(public), "key_id": keys.key_id(keys.load_public(public))}
    )
    return 0


def store_event(store: Store) -> Event:
    event = store.roster.event()
    if event is None:
        raise KioskError("no event in this database: run `event import FILE.json` first")
    return event


def _layout_and_event(args: argparse.Namespace) -> tuple[codes.Layout, str]:
    if getattr(args, "db", None) or os.environ.get("KIOSK_DB"):
        store = store_from(args)
        try:
            return codes.Layout.of(store), store_event(store).id
        finally:
            store.close()
    if DEMO_EVENT.exists():
        from kiosk.importers.event import load_event_file, parse_event

        event, forums, categories = parse_event(load_event_file(DEMO_EVENT))
        return codes.Layout(tuple(f.id for f in forums), tuple(c.id for c in categories)), event.id
    if args.event:
        return codes.Layout(), args.event
    raise KioskError("give --event ID or --db PATH (no demo event is installed)")


def cmd_sign(args: argparse.Namespace) -> int:
    key = keys.load_private(args.key)
    layout, event_id = _layout_and_event(args)
    until = parse_time(args.valid_until) if args.valid_until else None
    claims = SignedClaims(
        event_id=args.event or event_id,
        delegate_id=args.delegate,
        serial=args.serial,
        category=args.category,
        forums=tuple(f.strip() for f in args.forums.split(",") if f.strip()),
        valid_until=until,
    )
    sys.stdout.write(codes.sign(key, claims, layout) + "\n")
    return 0


def issue_codes(store: Store, key: Ed25519PrivateKey, valid_until: datetime | None) -> int:
    """Sign and store a code for every active delegate without an active signed badge."""
    event = store_event(store)
    layout = codes.Layout.of(store)
    known = {
        r[0]
        for r in store.query("SELECT delegate_id FROM badges WHERE kind = 'signed' AND status = 'active'")
    }
    now = datetime.now(UTC).isoformat()
    rows = []
    for delegate in store.roster.iter_delegates():
        if not delegate.active or delegate.id in known:
            continue
        serial = store.roster.next_serial(delegate.id)
        category = delegate.category if delegate.category in layout.categories else ""
        forums = tuple(f for f in delegate.forums if f in layout.forums)
        claims = SignedClaims(event.id, delegate.id, serial, category, forums, valid_until)
        rows.append((codes.sign(key, claims, layout), delegate.id, serial, now))
    with store.transaction() as conn:
        # Beside the delegate's opaque token, which keeps working: nothing is superseded.
        conn.executemany(
            "INSERT INTO badges (code, delegate_id, serial, status, kind, issued_at) "
            "VALUES (?, ?, ?, 'active', 'signed', ?)",
            rows,
        )
    store.roster.changed()
    return len(rows)


def cmd_trust(args: argparse.Namespace) -> int:
    key = keys.load_public(args.public_key)
    store = store_from(args)
    try:
        event_id = args.event or store_event(store).id
        kid = keys.trust(store, key, event_id)
    finally:
        store.close()
    print_json({"trusted": kid, "event": event_id})
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    from kiosk.purge import purge

    if not args.yes:
        raise KioskError("purge deletes personal data for good: add --yes / 此操作不可撤销，请加 --yes")
    store = store_from(args)
    try:
        report = purge(store)
    finally:
        store.close()
    print_json(report.to_json())
    return 0
