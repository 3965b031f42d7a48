"""Dashboard sessions, kept in the hub store so that every hub process (and a restarted one)
knows them: an organiser stays logged in across a restart, and a log-out anywhere counts
everywhere.

Only the SHA-256 of a session id is stored, with who opened it and until when. A session
opened with an admin token ends when that token is revoked. Times are whole seconds on
``clock`` (UTC), which tests replace.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from datetime import UTC, datetime

from hub.store.base import Database
from hub.store.tokens import token_hash


def utc_now() -> datetime:
    return datetime.now(UTC)


class DashboardSessions:
    def __init__(self, store: Database) -> None:
        self._store = store
        self.clock: Callable[[], datetime] = utc_now

    def _now(self) -> int:
        return int(self.clock().timestamp())

    def open(self, who: str, ttl: float, token_id: str | None = None) -> str:
        """A new session id (the only copy: the store keeps its hash); expired sessions go."""
        session, now = secrets.token_urlsafe(32), self._now()
        with self._store.transaction() as conn:
            conn.execute("DELETE FROM hub_sessions WHERE expires_at <= ?", (now,))
            conn.execute(
                "INSERT INTO hub_sessions (hash, who, token_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                (token_hash(session), who, token_id, now, now + int(ttl)),
            )
        return session

    def holder(self, session: str) -> str | None:
        """Who holds a live session (not expired, not ended, its admin token not revoked), else None."""
        with self._store.read() as conn:
            row = conn.execute(
                "SELECT s.who FROM hub_sessions s LEFT JOIN hub_tokens t ON t.id = s.token_id "
                "WHERE s.hash = ? AND s.expires_at > ? AND (s.token_id IS NULL OR t.revoked_at IS NULL)",
                (token_hash(session), self._now()),
            ).fetchone()
        return str(row[0]) if row else None

    def end(self, session: str) -> None:
        with self._store.transaction() as conn:
            conn.execute("DELETE FROM hub_sessions WHERE hash = ?", (token_hash(session),))
