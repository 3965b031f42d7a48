"""The hub's store: event, roster, check-ins and tokens on SQLite or PostgreSQL.

``Database`` (``base``) owns connections, migrations and counters; each part is its own
module and is reached as ``store.roster``, ``store.checkins``, ``store.tokens``,
``store.desks`` (desk health), ``store.logins`` (dashboard login codes), ``store.enrolments``
(one-time desk enrolment codes), ``store.sessions``
(dashboard sessions).
"""

from __future__ import annotations

import os
from pathlib import Path

from hub.store.base import Database, now_text
from hub.store.checkins import Checkins
from hub.store.desks import Desks
from hub.store.dialect import HubStoreError
from hub.store.enrolments import Enrolments
from hub.store.logins import LoginCodes
from hub.store.roster import HubRoster
from hub.store.sessions import DashboardSessions
from hub.store.tokens import Tokens

__all__ = ["ENV_VAR", "HubStore", "HubStoreError", "now_text", "open_hub_store"]

ENV_VAR = "KIOSK_HUB_DB"


class HubStore(Database):
    """The whole hub store, opened from a SQLite path or a PostgreSQL URL."""

    def __init__(self, target: str | Path, pool_size: int = 12) -> None:
        super().__init__(target, pool_size)
        self.tokens = Tokens(self)
        self.roster = HubRoster(self, self.tokens)
        self.checkins = Checkins(self)
        self.desks = Desks(self)
        self.logins = LoginCodes(self)
        self.enrolments = Enrolments(self, self.tokens)
        self.sessions = DashboardSessions(self)


def open_hub_store(db: str | Path | None = None, database_url: str | None = None) -> HubStore:
    """The hub store named by --db, --database-url or $KIOSK_HUB_DB (in that order)."""
    target = database_url or (str(db) if db else None) or os.environ.get(ENV_VAR)
    if not target:
        raise HubStoreError("no hub database: pass --db PATH or --database-url URL, or set KIOSK_HUB_DB")
    try:
        return HubStore(target)
    except HubStoreError:
        raise
    except Exception as exc:  # sqlite3 / psycopg errors on a file or server that is not a hub store
        raise HubStoreError(f"cannot use the hub database: {exc}".splitlines()[0]) from exc
