"""`badges issue`: sign codes for the roster and render printable badges to a PDF.

Lives on the ui side because it renders with Qt (imported inside the handler, offscreen
when there is no display); the signing itself is kiosk.cli.badges.issue_codes.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk import keys
from kiosk.cli.badges import badge_actions, issue_codes, store_event
from kiosk.cli.common import add_db, print_json, store_from
from kiosk.clock import parse_time
from kiosk.names import latin_name
from kiosk.store import Store

if TYPE_CHECKING:
    from ui.passes.badges import BadgeCard


def register(subparsers: argparse._SubParsersAction) -> None:
    issue = badge_actions(subparsers).add_parser(
        "issue", help="sign codes for delegates without one and render badges to a PDF"
    )
    issue.add_argument("--key", type=Path, required=True, help="the event's private key (private.pem)")
    issue.add_argument("--out", type=Path, required=True, help="folder for the printable badge files")
    issue.add_argument(
        "--stock", choices=("a4", "4x3"), default="a4", help="A4 sheets (8 up) or 4x3 in badges"
    )
    issue.add_argument("--valid-until", help="ISO time (default: the end of the event)")
    add_db(issue)
    issue.set_defaults(func=cmd_issue)


def badge_cards(store: Store) -> list[BadgeCard]:
    """One card per active delegate with an active signed code, in roster order."""
    from ui.passes.badges import BadgeCard

    event = store_event(store)
    categories = {c.id: c for c in store.roster.categories()}
    signed = {
        r[0]: r[1]
        for r in store.query(
            "SELECT delegate_id, code FROM badges WHERE kind = 'signed' AND status = 'active'"
        )
    }
    cards = []
    for d in store.roster.iter_delegates():
        if not d.active or d.id not in signed:
            continue
        cat = categories.get(d.category)
        cards.append(BadgeCard(
            code=signed[d.id], name=d.name, latin_name=latin_name(d.name, d.name_en),
            organization=d.organization, title=d.title,
            category_zh=cat.name_zh if cat else d.category, category_en=cat.name_en if cat else "",
            color=cat.color if cat else "#455A64", event_zh=event.name_zh, event_en=event.name_en,
        ))  # fmt: skip
    return cards


def cmd_issue(args: argparse.Namespace) -> int:
    key = keys.load_private(args.key)
    store = store_from(args)
    try:
        event = store_event(store)
        until = parse_time(args.valid_until, event.timezone) if args.valid_until else event.ends_at
        issued = issue_codes(store, key, until)
        keys.trust(store, key.public_key(), event.id)  # this database verifies its own badges
        from ui.passes.badges import render_badges

        cards = badge_cards(store)
        pages = render_badges(cards, args.out, args.stock)
    finally:
        store.close()
    print_json({"issued": issued, "badges": len(cards), "pages": pages, "out": str(args.out)})
    return 0
