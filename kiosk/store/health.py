"""The database file's health (integrity, WAL, free space) and online backups; neither writes the file."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.errors import KioskError
from kiosk.store.db import Database, connect_read_only
from kiosk.store.problems import DatabaseProblem, Problem, kind_of, problem_from

LOW_FREE_SPACE = 200 * 1024 * 1024  # below this on the database's disk, `db check` warns
_WAL_HEADER, _FRAME_HEADER = 32, 24


@dataclass
class Health:
    path: Path
    integrity: list[str] = field(default_factory=list)  # ["ok"], or what integrity_check found
    journal_mode: str = ""
    page_size: int = 0
    pages: int = 0
    free_pages: int = 0
    wal_bytes: int = 0
    wal_frames: int = 0
    free_disk: int = 0

    @property
    def intact(self) -> bool:
        return self.integrity == ["ok"]

    @property
    def low_disk(self) -> bool:
        return self.free_disk < LOW_FREE_SPACE

    def to_json(self) -> dict[str, object]:
        return {
            "path": str(self.path), "intact": self.intact, "integrity": self.integrity,
            "journal_mode": self.journal_mode, "page_size": self.page_size, "pages": self.pages,
            "free_pages": self.free_pages, "wal_bytes": self.wal_bytes, "wal_frames": self.wal_frames,
            "free_disk": self.free_disk, "low_disk": self.low_disk,
        }  # fmt: skip


def check(path: Path, limit: int = 20) -> Health:
    """SQLite's full integrity check, the WAL's size, the disk's free space: read only."""
    path = Path(path)
    if not path.is_file():
        raise KioskError(f"{path}: no such database file")
    health = Health(path, free_disk=shutil.disk_usage(path.parent).free)
    wal = path.with_name(path.name + "-wal")
    conn = None
    try:
        conn = connect_read_only(path)
        health.journal_mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        health.page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        health.pages = conn.execute("PRAGMA page_count").fetchone()[0]
        health.free_pages = conn.execute("PRAGMA freelist_count").fetchone()[0]
        health.integrity = [r[0] for r in conn.execute(f"PRAGMA integrity_check({int(limit)})")]
    except sqlite3.DatabaseError as exc:
        if kind_of(exc) is not Problem.DAMAGED:
            raise problem_from(exc, path) or exc from exc
        health.integrity = [str(exc)]
    finally:
        if conn is not None:
            conn.close()
    if wal.exists() and health.page_size:
        health.wal_bytes = wal.stat().st_size
        health.wal_frames = max(0, health.wal_bytes - _WAL_HEADER) // (health.page_size + _FRAME_HEADER)
    return health


def ensure_intact(store: Database) -> None:
    """Raise DatabaseProblem(DAMAGED) unless SQLite's quick check passes: for reports that must not
    print a partial answer from a damaged file as if it were the whole one."""
    with store.lock:
        try:
            result = store.conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise problem_from(exc, store.path) or exc from exc
    if result != "ok":
        raise DatabaseProblem(Problem.DAMAGED, store.path, result)


def backup(path: Path, target: Path) -> Health:
    """Copy the database with SQLite's online backup API (safe while desks are writing).

    The copy is owner-only, never overwrites a file, and is removed again when the copy fails;
    returns the copy's health."""
    path, target = Path(path), Path(target)
    if not path.is_file():
        raise KioskError(f"{path}: no such database file")
    if target.exists():
        raise KioskError(f"{target} already exists: choose a new file name")
    source = connect_read_only(path)
    try:
        fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except OSError as exc:
        source.close()
        raise problem_from(exc, target) or exc from exc
    os.close(fd)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    except sqlite3.Error as exc:
        with contextlib.suppress(OSError):
            target.unlink()
        writing = kind_of(exc) in (Problem.DISK_FULL, Problem.READ_ONLY)
        problem = problem_from(exc, target if writing else path)
        raise problem or exc from exc
    finally:
        source.close()
    return check(target)
