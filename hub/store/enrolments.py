"""One-time enrolment codes: how a desk joins the hub without anyone typing a token.

``hub enrol DESK --url URL [--can walkin,reissue]`` makes a code for one desk, valid for a
few minutes and good once, whose token may do what ``--can`` names (as ``hub token create
--can``); it travels with the hub's address in one string (and its QR), which the admin
screen takes by paste or scan. Only the code's SHA-256 is stored (as tokens are), and
redeeming it is one conditional UPDATE, so two desks racing with one code cannot both join.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from hub.store.base import Database
from hub.store.logins import ALPHABET
from hub.store.tokens import Tokens, capabilities, token_hash


def new_code() -> str:
    return "-".join("".join(secrets.choice(ALPHABET) for _ in range(4)) for _ in range(3))


class Enrolments:
    def __init__(self, store: Database, tokens: Tokens) -> None:
        self._store = store
        self._tokens = tokens

    def create(self, desk: str, ttl: float = 600.0, can: frozenset[str] = frozenset()) -> str:
        """A code that makes a token for ``desk``, allowed ``can``, once, within ``ttl`` seconds."""
        desk, allowed = desk.strip(), ",".join(sorted(capabilities(",".join(can))))
        code, now = new_code(), datetime.now(UTC)
        with self._store.transaction() as conn:
            conn.execute("DELETE FROM hub_enrolments WHERE expires_at < ?", (now.isoformat(),))
            conn.execute(
                "INSERT INTO hub_enrolments (hash, desk, expires_at, can) VALUES (?, ?, ?, ?)",
                (token_hash(code), desk, (now + timedelta(seconds=ttl)).isoformat(), allowed),
            )
        return code

    def redeem(self, code: str) -> tuple[str, str] | None:
        """(desk, a new token for it) once for a valid code; None for a used, expired or wrong one."""
        code = code.strip().upper().replace(" ", "").replace("-", "")
        if len(code) != 12:
            return None
        code = "-".join(code[i : i + 4] for i in range(0, 12, 4))
        now = datetime.now(UTC).isoformat()
        with self._store.transaction() as conn:
            row = conn.execute(
                "SELECT desk, can FROM hub_enrolments WHERE hash = ? AND used_at IS NULL AND expires_at > ?",
                (token_hash(code), now),
            ).fetchone()
            if row is None:
                return None
            taken = conn.execute(
                "UPDATE hub_enrolments SET used_at = ? WHERE hash = ? AND used_at IS NULL",
                (now, token_hash(code)),
            ).rowcount
        if int(taken) != 1:
            return None
        return row[0], self._tokens.create(row[0], can=capabilities(row[1]))[1]
