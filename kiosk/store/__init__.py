"""The kiosk's SQLite store: roster, journal and settings in one file.

``Database`` (``db``) owns the connection, transactions, migrations and settings; the
roster and the journal are parts of their own, reached as ``store.roster`` and
``store.journal``.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from kiosk.store.db import Database, StoreError
from kiosk.store.journal import Journal
from kiosk.store.problems import problem_from
from kiosk.store.roster import Roster

__all__ = ["Store", "StoreError", "open_store"]


class Store(Database):
    def __init__(self, path: Path | str) -> None:
        super().__init__(path)
        self.roster = Roster(self)
        self.journal = Journal(self)


def open_store(path: Path | str) -> Store:
    """The store at ``path``; a file that cannot be used raises DatabaseProblem or StoreError."""
    try:
        return Store(path)
    except sqlite3.Error as exc:
        problem = problem_from(exc, path)
        raise problem or StoreError(f"{path}: not a usable kiosk database ({exc})") from exc
