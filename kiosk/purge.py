"""Removing personal data after the event, from the tables and from the disk.

What happens to each text column is declared once in ``kiosk.purge_plan``: names, phones,
emails, notes, organisations, titles, search text, free-text reasons and the volunteers' names
are blanked, the print queue (each pass's content) is emptied, and the search index is rebuilt
from the blank text; the journal and the admissions keep delegate ids, categories, gates and
times, so the statistics still add up. A column the plan does not name stops the purge before
anything changes. Then the pass PDFs in every print folder the kiosk wrote to and the exports
it wrote are deleted, the WAL is checkpointed and truncated and the file is vacuumed: the old
pages are gone from the file, its -wal and its -shm.
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from pathlib import Path

from kiosk import purge_plan as plan
from kiosk.errors import KioskError
from kiosk.export import EXPORTS_KEY, exports_written
from kiosk.store import Store, search_index

log = logging.getLogger(__name__)


class PurgeError(KioskError):
    pass


@dataclass(frozen=True, slots=True)
class PurgeReport:
    delegates: int
    journal_reasons: int
    columns: tuple[str, ...]
    bytes_before: int
    bytes_after: int
    files_removed: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "delegates": self.delegates,
            "journal_reasons_cleared": self.journal_reasons,
            "columns": list(self.columns),
            "bytes_before": self.bytes_before,
            "bytes_after": self.bytes_after,
            "files_removed": list(self.files_removed),
        }


def _disk_size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists())


def text_columns(store: Store) -> list[tuple[str, str]]:
    """Every (table, column) of the database that can hold text, but SQLite's and the index's own."""
    tables = [r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return [
        (table, col["name"])
        for table in tables
        if not plan.skipped(table)
        for col in store.query(f'PRAGMA table_info("{table}")')
        if plan.is_text(col["type"])
    ]


def unclassified(columns: list[tuple[str, str]]) -> list[str]:
    return [f"{t}.{c}" for t, c in columns if t not in plan.DELETED and c not in plan.COLUMNS.get(t, {})]


def purge(store: Store, extra_folders: tuple[Path, ...] = ()) -> PurgeReport:
    """Blank personal data, delete the passes and exports, rewrite the file so nothing is left."""
    before = _disk_size(store.path)
    columns = text_columns(store)
    if missing := unclassified(columns):
        raise PurgeError(f"the purge does not know these columns, nothing was changed: {', '.join(missing)}")
    blank = [(t, c) for t, c in columns if plan.COLUMNS.get(t, {}).get(c) == plan.BLANK]
    folders = {*_print_folders(store), *extra_folders}
    exports = exports_written(store)
    with store.lock:
        store.conn.execute("PRAGMA secure_delete = ON")
        with store.transaction() as conn:
            delegates = int(conn.execute("SELECT COUNT(*) FROM delegates").fetchone()[0])
            reasons = conn.execute("SELECT COUNT(*) FROM journal WHERE reason != ''").fetchone()[0]
            for table, column in blank:
                empty = plan.EMPTY.get(column, "")
                conn.execute(
                    f'UPDATE "{table}" SET "{column}" = ? WHERE "{column}" IS NOT NULL AND "{column}" != ?',
                    (empty, empty),
                )
            for table in {t for t, _ in columns} & set(plan.DELETED):
                conn.execute(f'DELETE FROM "{table}"')
            for key in (*plan.PERSONAL_META, EXPORTS_KEY):
                conn.execute("UPDATE meta SET value = '' WHERE key = ?", (key,))
            search_index.rebuild(conn)  # the old trigrams and pairs held names too
        _compact(store)
    store.roster.changed()
    removed = _remove_files(folders, exports)
    after = _disk_size(store.path)
    log.warning("purged personal data of %d delegates (%d bytes -> %d)", delegates, before, after)
    return PurgeReport(delegates, reasons, tuple(f"{t}.{c}" for t, c in blank), before, after, removed)


def _print_folders(store: Store) -> set[Path]:
    """Every PDF folder a print job of this kiosk was sent to (the job names its printer)."""
    folders: set[Path] = set()
    with contextlib.suppress(Exception):  # no print queue yet on this kiosk
        for (printer,) in store.query("SELECT DISTINCT printer FROM print_jobs WHERE printer LIKE 'pdf:%'"):
            folders.add(Path(printer.removeprefix("pdf:")))
    return folders


def _remove_files(folders: set[Path], exports: list[Path]) -> tuple[str, ...]:
    candidates = [*exports]
    for folder in sorted(folders):
        if folder.is_dir():
            candidates += sorted(folder.glob("pass-*.pdf")) + sorted(folder.glob("pass-*.part"))
    removed = []
    for path in candidates:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(str(path))
    return tuple(removed)


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
