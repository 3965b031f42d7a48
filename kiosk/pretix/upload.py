"""Every check-in and exit to pretix's ``checkinrpc/redeem``, through the journal as the outbox.

``meta["pretix.push_seq"]`` is the last journal ``seq`` pretix answered; it moves with the
answer's record in one transaction. Each entry is sent with its own nonce (the journal
entry's UUID) and its original time, so a resend after a crash or an outage stores nothing
twice: pretix ignores a nonce it already has. A refusal of a scan the kiosk admitted offline
(the order was cancelled meanwhile, another scanner was first …) is kept as a conflict to
review (``pretix conflicts``), never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from kiosk.model import Action, CheckIn, Outcome
from kiosk.pretix.client import PretixClient
from kiosk.pretix.mapping import Mapping
from kiosk.pretix.store import PUSH_CURSOR, ensure
from kiosk.store import Store
from kiosk.sync.apply import bookkeeping, meta_int

_SENT = (Action.SCAN, Action.OVERRIDE, Action.WALKIN)


@dataclass
class UploadReport:
    sent: int = 0
    conflicts: int = 0


def _kind(entry: CheckIn) -> str | None:
    """``entry`` or ``exit`` for what pretix should hear of, None for the rest."""
    if entry.rehearsal or entry.origin != "local":
        return None
    if entry.action is Action.EXIT:
        return "exit"
    return "entry" if entry.outcome is Outcome.ADMITTED and entry.action in _SENT else None


def backlog(store: Store) -> int:
    """Journal entries not yet answered by pretix (refusals included: they are skipped when sent)."""
    row = store.query_one(
        "SELECT COUNT(*) FROM journal WHERE seq > ? AND origin = 'local' AND rehearsal = 0 AND "
        "((outcome = 'admitted' AND action IN ('scan', 'override', 'walkin')) OR action = 'exit')",
        (meta_int(store, PUSH_CURSOR),),
    )
    return int(row[0]) if row else 0


def _stored_before(store: Store, client: PretixClient, list_id: int, entry: CheckIn, kind: str) -> bool:
    """True when pretix already holds this very check-in (same list, type and time).

    A resend after a crash between pretix's answer and the kiosk's record is normally
    recognised by its nonce; but pretix checks the list's rules before the nonce, so a
    resent second entry can be refused by an entry-count rule it itself satisfied.
    """
    row = store.query_one(
        "SELECT p.order_code FROM pretix_secrets s JOIN pretix_positions p ON p.id = s.position_id "
        "WHERE s.secret = ?",
        (entry.code,),
    )
    if row is not None:
        positions = client.get(f"/events/{client.connection.event}/orders/{row[0]}/").get("positions") or []
    else:  # a signed ticket the roster does not know yet: pretix finds it by its own secret
        positions = client.search(list_id, entry.code)
    for position in positions:
        for checkin in position.get("checkins") or []:
            same_list = checkin.get("list") == list_id and checkin.get("type", "entry") == kind
            if same_list and datetime.fromisoformat(str(checkin["datetime"])) == entry.at:
                return True
    return False


def _record(
    store: Store, seq: int, entry: CheckIn | None, list_id: int, answer: dict[str, Any] | None
) -> bool:
    """The answer and the cursor in one transaction; True when it is a conflict."""
    conflict = answer is not None and answer.get("status") != "ok"
    with bookkeeping(store) as conn:
        if entry is not None and answer is not None:
            conn.execute(
                "INSERT OR REPLACE INTO pretix_uploads VALUES (?, ?, ?, ?, ?)",
                (entry.id, list_id, "conflict" if conflict else "ok",
                 str(answer.get("reason") or answer.get("status") or ""), datetime.now(UTC).isoformat()),
            )  # fmt: skip
        conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (PUSH_CURSOR, str(seq)),
        )
    return conflict


def push(store: Store, client: PretixClient, mapping: Mapping, batch: int = 200) -> UploadReport:
    """Send every unsent check-in and exit, oldest first, until the journal is done."""
    ensure(store)
    lists = {gate: int(list_id) for list_id, gate in mapping.gates.items()}
    report = UploadReport()
    while True:
        pending = store.journal.since(meta_int(store, PUSH_CURSOR), limit=batch, origin="local")
        if not pending:
            return report
        for seq, entry in pending:
            kind, list_id = _kind(entry), lists.get(entry.gate)
            if kind is None or list_id is None:
                _record(store, seq, None, 0, None)
                continue
            answer = client.redeem(entry.code, list_id, kind, nonce=entry.id, at=entry.at,
                                   force=entry.action is Action.OVERRIDE)  # fmt: skip
            if answer.get("status") != "ok" and _stored_before(store, client, list_id, entry, kind):
                answer = {"status": "ok", "reason": "stored_before"}
            report.conflicts += _record(store, seq, entry, list_id, answer)
            report.sent += 1


def conflicts(store: Store) -> list[dict[str, Any]]:
    """Scans admitted here that pretix refused when they were uploaded: for the desk to review."""
    ensure(store)
    rows = store.query(
        "SELECT u.checkin_id, u.list_id, u.reason, u.answered_at, j.at, j.gate, j.code, j.delegate_id, j.desk "
        "FROM pretix_uploads u JOIN journal j ON j.id = u.checkin_id WHERE u.status = 'conflict' ORDER BY j.seq"
    )
    return [dict(r) for r in rows]
