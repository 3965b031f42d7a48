"""Dashboard sessions: an admin logs in once (admin token or one-time code) and gets a cookie.

The cookie holds a random session id (never the token), is ``HttpOnly`` and
``SameSite=Strict`` and scoped to ``/dashboard``. The session lives in the hub store
(``hub.store.sessions``; only its hash is kept), so a restarted hub, or another hub process
on the same database, knows it, and a log-out in one is a log-out in all. A session lasts
``ttl`` seconds, and one opened with an admin token ends when the token is revoked.
"""

from __future__ import annotations

from fastapi import Request, Response

from hub.store import HubStore
from hub.store.tokens import PREFIX

COOKIE = "hub_dashboard"
PATH = "/dashboard"


class Sessions:
    def __init__(self, store: HubStore, ttl: float = 12 * 3600.0) -> None:
        self._store = store
        self.ttl = ttl

    def log_in(self, secret: str) -> str | None:
        """A new session id for an admin token or an unused login code, else None."""
        secret = secret.strip()
        if secret.startswith(PREFIX):
            info = self._store.tokens.check(secret)
            if info is None or not info.admin:
                return None
            return self._store.sessions.open(f"admin token {info.id}", self.ttl, token_id=info.id)
        if self._store.logins.redeem(secret):
            return self._store.sessions.open("one-time code", self.ttl)
        return None

    def who(self, request: Request) -> str | None:
        """Who holds the request's session, or None (no cookie, unknown, ended or expired)."""
        session = request.cookies.get(COOKIE)
        if not session or len(session) > 100:
            return None
        return self._store.sessions.holder(session)

    def log_out(self, request: Request) -> None:
        session = request.cookies.get(COOKIE)
        if session and len(session) <= 100:
            self._store.sessions.end(session)

    def set_cookie(self, response: Response, session: str) -> None:
        response.set_cookie(
            COOKIE, session, max_age=int(self.ttl), path=PATH, httponly=True, samesite="strict"
        )
