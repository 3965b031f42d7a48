"""Removing personal data after the event, from the tables and from the disk.

Names, phones, emails, notes, organisations, titles and search text are blanked, and the
search index is rebuilt from the blank text; the journal and the admissions keep delegate
ids, categories, gates and times, so the statistics still add up. Free-text journal reasons (typed by volunteers, so they may name
people) are blanked too, and so are the names of the volunteers who signed in at a desk. Then the WAL is checkpointed and truncated and the file is
vacuumed: the old pages are gone from the file, its -wal and its -shm.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from kiosk.errors import KioskError
from kiosk.store import Store, search_index

log = logging.getLogger(__name__)

# Columns that hold personal data, in whichever table has them (other components' tables
# that use these names are purged the same way).
PERSONAL_COLUMNS = (
    "name", "name_en", "organization", "title", "phone", "email", "notes", "search",
    "delegate_name", "display_name", "payload_text", "operator",
)  # fmt: skip
_BLANK = {"notes": "{}"}
_KEEP_TABLES = {"migrations", "meta", "event", "forums", "categories"}


class PurgeError(KioskError):
    pass


@dataclass(frozen=True, slots=True)
class PurgeReport:
    delegates: int
    journal_reasons: int
    columns: tuple[str, ...]
    bytes_before: int
    bytes_after: int

    def to_json(self) -> dict[str, object]:
        return {
            "delegates": self.delegates,
            "journal_reasons_cleared": self.journal_reasons,
            "columns": list(self.columns),
            "bytes_before": self.bytes_before,
            "bytes_after": self.bytes_after,
        }


def _disk_size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists())


def _columns(store: Store) -> list[tuple[str, str]]:
    tables = [
        r[0]
        for r in store.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'"
        )
    ]
    found = []
    for table in tables:
        if table in _KEEP_TABLES:
            continue
        for col in store.query(f'PRAGMA table_info("{table}")'):
            if col["name"] in PERSONAL_COLUMNS and not col["pk"]:
                found.append((table, col["name"]))
    return found


def purge(store: Store) -> PurgeReport:
    """Blank personal data and rewrite the file so nothing of it is left on disk."""
    before = _disk_size(store.path)
    columns = _columns(store)
    with store.lock:
        store.conn.execute("PRAGMA secure_delete = ON")
        with store.transaction() as conn:
            delegates = int(conn.execute("SELECT COUNT(*) FROM delegates").fetchone()[0])
            for table, column in columns:
                conn.execute(f'UPDATE "{table}" SET "{column}" = ?', (_BLANK.get(column, ""),))
            reasons = conn.execute("UPDATE journal SET reason = '' WHERE reason != ''").rowcount
            conn.execute(
                "UPDATE meta SET value = '' WHERE key IN ('settings.operator', 'settings.supervisor')"
            )
            search_index.rebuild(conn)  # the old trigrams and pairs held names too
        _compact(store)
    store.roster.changed()
    after = _disk_size(store.path)
    log.warning("purged personal data of %d delegates (%d bytes -> %d)", delegates, before, after)
    return PurgeReport(delegates, reasons, tuple(f"{t}.{c}" for t, c in columns), before, after)


def _compact(store: Store) -> None:
    """Checkpoint and truncate the WAL, vacuum, and checkpoint the vacuum's own pages."""
    conn = store.conn
    for step in ("checkpoint", "VACUUM", "checkpoint"):
        if step == "VACUUM":
            conn.execute("VACUUM")
            continue
        busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if busy:
            raise PurgeError(
                "another program has the database open (close the kiosk app, then purge again) / "
                "数据库正被其他程序使用"
            )
