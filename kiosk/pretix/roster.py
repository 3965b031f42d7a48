"""pretix's orders as the kiosk's roster: one page of orders applied in one transaction.

Each main position (not an add-on) is a delegate whose badge code is its secret; its add-ons
are its forums. Every position, every secret it ever had and pretix's own check-ins are kept
for deciding offline (kiosk.pretix.decide). Paging state is written with each page, so a
sync stopped half-way goes on from the next page (docs/pretix.md).
"""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Any

from kiosk.model import Badge, Delegate
from kiosk.names import search_text
from kiosk.pretix.mapping import Mapping
from kiosk.pretix.store import ORDERS_RESUME, ORDERS_SINCE, ensure
from kiosk.store import Store
from kiosk.store.roster import delegate_to_row
from kiosk.sync.apply import bookkeeping

_HAN = re.compile(r"[\u3400-\u9fff]")
_POSITION_COLUMNS = 15


def _names(position: dict[str, Any]) -> tuple[str, str]:
    """(name as written, Latin name): both scripts where the name parts allow."""
    parts = position.get("attendee_name_parts") or {}
    full = parts.get("full_name") or " ".join(
        str(parts[k]) for k in ("title", "given_name", "middle_name", "family_name") if parts.get(k)
    )
    name = str(full or position.get("attendee_name") or "").strip()
    latin = str(parts.get("latin_transcription") or "").strip()
    if not latin and name and not _HAN.search(name):
        latin = name
    return name, latin


def _delegate(
    order: dict[str, Any], main: dict[str, Any], addons: list[dict[str, Any]], m: Mapping
) -> Delegate:
    name, latin = _names(main)
    forums = [m.forum_of(a["item"]) for a in addons if not a.get("canceled")]
    active = order["status"] in ("p", "n") and not main.get("canceled")
    texts = [t for t in (order.get("checkin_text"), m.text_of(main["item"], main.get("variation"))) if t]
    notes = {"desk": "; ".join(texts)} if texts else {}
    if order.get("checkin_attention"):
        notes["attention"] = "yes"
    if order["status"] == "n":
        notes["pretix"] = "unpaid"
    locale = str(order.get("locale") or "")
    return Delegate(
        id=f"{order['code']}-{main['positionid']}", code=main["secret"], name=name or latin or order["code"],
        name_en=latin, organization=str(main.get("company") or ""), phone=str(order.get("phone") or ""),
        email=str(main.get("attendee_email") or order.get("email") or ""),
        category=m.category_of(main["item"], main.get("variation")),
        forums=tuple(dict.fromkeys(f for f in forums if f)), status="active" if active else "cancelled",
        language="zh" if locale.startswith("zh") else ("en" if locale.startswith("en") else ""), notes=notes,
    )  # fmt: skip


def _position_row(order: dict[str, Any], p: dict[str, Any], delegate_id: str) -> tuple:
    return (
        p["id"], order["code"], p["positionid"], delegate_id, p["secret"], p["item"], p.get("variation"),
        p.get("addon_to_id"), int(bool(p.get("canceled"))), order["status"],
        int(bool(order.get("valid_if_pending"))), int(bool(order.get("require_approval"))),
        int(bool(p.get("blocked"))), p.get("valid_from"), p.get("valid_until"),
    )  # fmt: skip


def apply_orders(store: Store, m: Mapping, orders: list[dict[str, Any]], resume: dict[str, Any] | None,
                 finished_since: str | None) -> int:  # fmt: skip
    """Write one page of orders and the paging state in one transaction; returns delegates written.

    ``resume`` is where the next page starts (None on the last page); ``finished_since``
    is the next ``modified_since`` once the last page is in.
    """
    ensure(store)
    delegates, positions, checkins, secrets = [], [], [], []
    for order in orders:
        ids = {p["id"]: p for p in order.get("positions") or []}
        for p in ids.values():
            p["addon_to_id"] = p.get("addon_to") if p.get("addon_to") in ids else None
        for p in ids.values():
            top = ids.get(p["addon_to_id"]) or p
            addons = [a for a in ids.values() if a["addon_to_id"] == p["id"]]
            delegate_id = f"{order['code']}-{top['positionid']}"
            if p["addon_to_id"] is None:
                delegates.append(_delegate(order, p, addons, m))
            positions.append(_position_row(order, p, delegate_id))
            secrets.append((p["secret"], p["id"]))
            checkins += [(c["id"], p["id"], c["list"], c.get("type") or "entry", c["datetime"])
                         for c in p.get("checkins") or []]  # fmt: skip
    with bookkeeping(store) as conn:
        _write(store, conn, delegates, positions, checkins, secrets)
        _meta(conn, ORDERS_RESUME, json.dumps(resume) if resume else None)
        if finished_since is not None:
            _meta(conn, ORDERS_SINCE, finished_since)
    if delegates:
        store.roster.changed()
    return len(delegates)


def _write(store: Store, conn: sqlite3.Connection, delegates: list[Delegate], positions: list[tuple],
           checkins: list[tuple], secrets: list[tuple]) -> None:  # fmt: skip
    rows = [delegate_to_row(d, search_text(d.name, d.name_en, d.organization, d.phone)) for d in delegates]
    store.roster.write_delegates(conn, rows)
    current = {d.code: d.id for d in delegates}
    known = {r[0]: (r[1], r[2]) for r in conn.execute(
        f"SELECT code, delegate_id, status FROM badges WHERE code IN ({', '.join('?' * len(current))})",
        tuple(current),
    )} if current else {}  # fmt: skip
    store.roster.write_badges(
        conn, [Badge(c, i) for c, i in current.items() if known.get(c) != (i, "active")]
    )
    conn.executemany(f"INSERT OR REPLACE INTO pretix_positions VALUES ({', '.join('?' * _POSITION_COLUMNS)})",
                     positions)  # fmt: skip
    conn.executemany("INSERT OR IGNORE INTO pretix_secrets VALUES (?, ?)", secrets)
    conn.executemany("INSERT OR REPLACE INTO pretix_checkins VALUES (?, ?, ?, ?, ?)", checkins)


def _meta(conn: sqlite3.Connection, key: str, value: str | None) -> None:
    if value is None:
        conn.execute("DELETE FROM meta WHERE key = ?", (key,))
    else:
        conn.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
                     "value = excluded.value", (key, value))  # fmt: skip


def replace_secret_list(store: Store, table: str, secrets: list[str]) -> None:
    """The revoked or blocked secrets, as pretix lists them now (one transaction)."""
    ensure(store)
    with bookkeeping(store) as conn:
        conn.execute(f"DELETE FROM {table}")  # noqa: S608 - a constant of this module's callers
        conn.executemany(f"INSERT OR IGNORE INTO {table} VALUES (?)", [(s,) for s in secrets])  # noqa: S608
