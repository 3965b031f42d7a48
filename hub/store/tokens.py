"""Desk and admin tokens. Only a SHA-256 of each token is stored.

A token is 256 random bits, so a plain hash (no salt, no stretching) cannot be
reversed or guessed; it only keeps the tokens themselves out of the database.

A desk token is for one event: the hub's event when it was made (or, made before the hub
had one, the first event installed, ``bind_event``). Once the hub holds another event the
token is refused like a revoked one. Admin tokens are the organisers' and span events.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import time
from dataclasses import dataclass
from typing import Any

from hub.store.base import Database, now_text
from hub.store.dialect import HubStoreError

log = logging.getLogger(__name__)

PREFIX = "kh_"
CAPABILITIES = ("walkin", "reissue", "roster")  # what a desk may change in the roster beyond check-ins
# (walk-ins, reissued codes, roster uploads); admin tokens may do all


@dataclass(frozen=True, slots=True)
class TokenInfo:
    id: str
    desk: str
    admin: bool
    created_at: str
    revoked_at: str | None = None
    can: frozenset[str] = frozenset()
    event: str = ""  # the event a desk token is for ("" for admin tokens, or before the hub has one)

    def may(self, capability: str) -> bool:
        return self.admin or capability in self.can


def capabilities(text: str) -> frozenset[str]:
    """``walkin,reissue`` as a set; an unknown word is an error naming the known ones."""
    given = frozenset(w.strip() for w in text.split(",") if w.strip())
    if unknown := sorted(given - set(CAPABILITIES)):
        raise HubStoreError(f"unknown capability {', '.join(unknown)}: choose from {', '.join(CAPABILITIES)}")
    return given


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


class Tokens:
    """Tokens, checked against the store at most once per ``ttl`` seconds per token.

    A revocation made through this object takes effect at once; one made by another
    process (``hub token revoke`` while the hub runs) within ``ttl`` seconds.
    """

    def __init__(self, store: Database, ttl: float = 1.0) -> None:
        self._store = store
        self._ttl = ttl
        self._seen: dict[str, tuple[TokenInfo, float]] = {}

    def cached(self, token: str) -> TokenInfo | None:
        """The token's desk if it was found valid less than ``ttl`` seconds ago, else None."""
        seen = self._seen.get(token_hash(token))
        return seen[0] if seen and time.monotonic() < seen[1] else None

    def create(
        self, desk: str, admin: bool = False, can: frozenset[str] = frozenset()
    ) -> tuple[TokenInfo, str]:
        """A new token for a desk, allowed ``can``; the token itself is returned once, never stored."""
        can = capabilities(",".join(can))
        desk = desk.strip()
        if not desk or desk == "local" or len(desk) > 100:
            raise HubStoreError("a desk name must be 1-100 characters and not 'local'")
        token = PREFIX + secrets.token_urlsafe(32)
        with self._store.transaction() as conn:
            event = "" if admin else self._event(conn)
            info = TokenInfo(secrets.token_hex(4), desk, admin, now_text(), can=can, event=event)
            conn.execute(
                "INSERT INTO hub_tokens (id, desk, admin, hash, created_at, can, event) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (info.id, desk, int(admin), token_hash(token), info.created_at, ",".join(sorted(can)), event),
            )
        return info, token

    @staticmethod
    def _event(conn: Any) -> str:
        row = conn.execute("SELECT id FROM hub_event").fetchone()
        return str(row[0]) if row else ""

    def bind_event(self, conn: Any, event: str) -> None:
        """The hub installs ``event`` (in ``conn``'s transaction): desk tokens made before it had
        an event are for this one."""
        conn.execute("UPDATE hub_tokens SET event = ? WHERE event = '' AND admin = 0", (event,))

    def forget(self) -> None:
        """Check every token against the store again at its next use."""
        self._seen.clear()

    def check(self, token: str) -> TokenInfo | None:
        """The token's desk, or None when it is unknown, revoked, or a desk token of another event."""
        if not token.startswith(PREFIX) or len(token) > 200:
            return None
        with self._store.read() as conn:
            row = conn.execute(
                "SELECT id, desk, admin, created_at, can, event FROM hub_tokens WHERE hash = ? AND revoked_at IS NULL",
                (token_hash(token),),
            ).fetchone()
            if row is not None and row[5] and row[5] != self._event(conn):
                log.info("hub: refused a token of event %s (the hub holds another event)", row[5])
                return None
        if row is None:
            return None
        info = TokenInfo(row[0], row[1], bool(row[2]), row[3], can=capabilities(row[4]), event=row[5])
        if len(self._seen) > 10_000:
            self._seen.clear()
        self._seen[token_hash(token)] = (info, time.monotonic() + self._ttl)
        return info

    def revoke(self, token_id: str | None = None, desk: str | None = None, token: str | None = None) -> int:
        """Revoke by token id, by token, or every token of a desk; returns how many."""
        clauses, params = [], []
        for column, value in (
            ("id", token_id),
            ("desk", desk),
            ("hash", token_hash(token) if token else None),
        ):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if not clauses:
            return 0
        self.forget()
        with self._store.transaction() as conn:
            cursor = conn.execute(
                f"UPDATE hub_tokens SET revoked_at = ? WHERE revoked_at IS NULL AND ({' OR '.join(clauses)})",
                (now_text(), *params),
            )
            count = int(cursor.rowcount)
        self.forget()
        return count

    def list(self) -> list[TokenInfo]:
        with self._store.read() as conn:
            rows = conn.execute(
                "SELECT id, desk, admin, created_at, revoked_at, can, event FROM hub_tokens ORDER BY created_at"
            ).fetchall()
        return [TokenInfo(r[0], r[1], bool(r[2]), r[3], r[4], capabilities(r[5]), r[6]) for r in rows]
