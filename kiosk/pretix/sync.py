"""One pass with pretix: the mapping, the roster (incremental), the secret lists, the uploads.

The roster is pulled with ``modified_since`` = the ``X-Page-Generated`` of the first page of
the previous complete pass; each page is applied in one transaction with the paging state,
so a pass cut off half-way resumes at its next page (kiosk.pretix.roster).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from kiosk.pretix import mapping as pmapping
from kiosk.pretix import store as pstore
from kiosk.pretix.client import PretixClient, PretixProtocolError
from kiosk.pretix.roster import apply_orders, replace_secret_list
from kiosk.pretix.upload import backlog, push
from kiosk.store import Store


@dataclass
class PretixReport:
    delegates: int = 0
    pages: int = 0
    revoked: int = 0
    blocked: int = 0
    uploaded: int = 0
    conflicts: int = 0
    backlog: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def read_mapping(client: PretixClient) -> pmapping.Mapping:
    """The event, products, categories and check-in lists, as this product's mapping."""
    return pmapping.build(
        client.event(), client.all_pages("items/"), client.all_pages("categories/"),
        client.all_pages("checkinlists/"), client.connection.lists,
    )  # fmt: skip


def pull_roster(store: Store, client: PretixClient, found: pmapping.Mapping, report: PretixReport,
                page_size: int = 50) -> None:  # fmt: skip
    resume = json.loads(store.get_meta(pstore.ORDERS_RESUME) or "null")
    if resume:
        since, generated, page = resume["since"], resume["generated"], resume["page"]
    else:
        since, generated, page = store.get_meta(pstore.ORDERS_SINCE), None, 1
    while True:
        body, page_generated = client.orders_page(since, page, page_size)
        generated = generated or page_generated or None
        more = bool(body.get("next"))
        nxt = {"since": since, "generated": generated, "page": page + 1} if more else None
        report.delegates += apply_orders(
            store, found, body["results"], nxt, None if more else (generated or "")
        )
        report.pages += 1
        if not more:
            return
        page += 1


def pull_secret_lists(store: Store, client: PretixClient, report: PretixReport) -> None:
    revoked = [str(r["secret"]) for r in client.all_pages("revokedsecrets/")]
    blocked = [str(r["secret"]) for r in client.all_pages("blockedsecrets/") if r.get("blocked", True)]
    replace_secret_list(store, "pretix_revoked", revoked)
    replace_secret_list(store, "pretix_blocked", blocked)
    report.revoked, report.blocked = len(revoked), len(blocked)


def sync_once(store: Store, client: PretixClient) -> PretixReport:
    """Mapping, roster, secret lists, then the uploads: one pass of everything."""
    report = PretixReport()
    found = read_mapping(client)
    if not found.gates:
        raise PretixProtocolError("the pretix event has no check-in list this kiosk can serve")
    if found != pstore.mapping(store):
        pstore.save(store, client.connection, found)
    pull_roster(store, client, found, report)
    pull_secret_lists(store, client, report)
    uploaded = push(store, client, found)
    report.uploaded, report.conflicts, report.backlog = uploaded.sent, uploaded.conflicts, backlog(store)
    return report
