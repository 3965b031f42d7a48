"""One-time login codes for the organisers' dashboard (``hub dashboard code``).

A code is short enough to type, valid for ``ttl`` seconds and good for one login; only
its SHA-256 is stored, and redeeming it is one conditional UPDATE, so two browsers racing
with the same code cannot both get in.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from hub.store.base import Database
from hub.store.tokens import token_hash

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


class LoginCodes:
    def __init__(self, store: Database) -> None:
        self._store = store

    def create(self, ttl: float = 600.0) -> str:
        code = "-".join("".join(secrets.choice(ALPHABET) for _ in range(4)) for _ in range(3))
        expires = datetime.now(UTC) + timedelta(seconds=ttl)
        with self._store.transaction() as conn:
            conn.execute("DELETE FROM hub_login_codes WHERE expires_at < ?", (datetime.now(UTC).isoformat(),))
            conn.execute(
                "INSERT INTO hub_login_codes (hash, expires_at) VALUES (?, ?)",
                (token_hash(code), expires.isoformat()),
            )
        return code

    def redeem(self, code: str) -> bool:
        """True once for a valid code, typed with or without dashes, in any case."""
        code = code.strip().upper().replace(" ", "")
        if len(code) == 12:
            code = "-".join(code[i : i + 4] for i in range(0, 12, 4))
        if len(code) != 14:
            return False
        now = datetime.now(UTC).isoformat()
        with self._store.transaction() as conn:
            cursor = conn.execute(
                "UPDATE hub_login_codes SET used_at = ? WHERE hash = ? AND used_at IS NULL AND expires_at > ?",
                (now, token_hash(code), now),
            )
            return int(cursor.rowcount) == 1
