"""Dashboard sessions: an admin logs in once (admin token or one-time code) and gets a cookie.

The cookie holds a random session id (never the token), is ``HttpOnly`` and
``SameSite=Strict`` and scoped to ``/dashboard``; only its hash is kept, in this process's
memory, so restarting the hub logs everyone out. A session lasts ``ttl`` seconds.
"""

from __future__ import annotations

import secrets
import threading
import time

from fastapi import Request, Response

from hub.store import HubStore
from hub.store.tokens import PREFIX, token_hash

COOKIE = "hub_dashboard"
PATH = "/dashboard"


class Sessions:
    def __init__(self, store: HubStore, ttl: float = 12 * 3600.0) -> None:
        self._store = store
        self.ttl = ttl
        self._live: dict[str, tuple[str, float]] = {}
        self._lock = threading.Lock()

    def log_in(self, secret: str) -> str | None:
        """A new session id for an admin token or an unused login code, else None."""
        secret = secret.strip()
        if secret.startswith(PREFIX):
            info = self._store.tokens.check(secret)
            if info is None or not info.admin:
                return None
            who = f"admin token {info.id}"
        elif self._store.logins.redeem(secret):
            who = "one-time code"
        else:
            return None
        session = secrets.token_urlsafe(32)
        with self._lock:
            now = time.monotonic()
            self._live = {k: v for k, v in self._live.items() if v[1] > now}
            self._live[token_hash(session)] = (who, now + self.ttl)
        return session

    def who(self, request: Request) -> str | None:
        """Who holds the request's session, or None (no cookie, unknown or expired)."""
        session = request.cookies.get(COOKIE)
        if not session:
            return None
        with self._lock:
            found = self._live.get(token_hash(session))
        return found[0] if found and found[1] > time.monotonic() else None

    def log_out(self, request: Request) -> None:
        session = request.cookies.get(COOKIE)
        if session:
            with self._lock:
                self._live.pop(token_hash(session), None)

    def set_cookie(self, response: Response, session: str) -> None:
        response.set_cookie(
            COOKIE, session, max_age=int(self.ttl), path=PATH, httponly=True, samesite="strict"
        )
