"""Print jobs in the kiosk's SQLite store: one row per pass, every move committed and logged.

A job moves queued -> sent -> done | failed. ``PrintQueue`` (queue.py) drives the moves.
"""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass
from datetime import datetime

from kiosk.clock import Clock
from kiosk.printing.content import PassContent
from kiosk.store import Store

MIGRATIONS = [
    (
        "print-0001-jobs",
        """
        CREATE TABLE print_jobs (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE, checkin_id TEXT NOT NULL, delegate_id TEXT NOT NULL DEFAULT '',
            content TEXT NOT NULL, layout TEXT NOT NULL, state TEXT NOT NULL,
            reason TEXT, attempts INTEGER NOT NULL DEFAULT 0, next_at REAL NOT NULL,
            last_error TEXT NOT NULL DEFAULT '', printer TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        -- One first pass per check-in, however often it is enqueued; reprints carry a reason.
        CREATE UNIQUE INDEX print_jobs_first_pass ON print_jobs (checkin_id) WHERE reason IS NULL;
        CREATE INDEX print_jobs_due ON print_jobs (state, next_at);
        CREATE TABLE print_log (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, job_id TEXT NOT NULL, at TEXT NOT NULL,
            event TEXT NOT NULL, detail TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX print_log_by_job ON print_log (job_id);
        """,
    )
]


@dataclass(frozen=True, slots=True)
class PrintJob:
    id: str
    checkin_id: str
    state: str  # queued | sent | done | failed
    reason: str | None
    attempts: int
    last_error: str
    content: PassContent
    layout: str


class PrintJobs:
    """The jobs table and the print log."""

    def __init__(self, store: Store, clock: Clock, printer_name: str, layout: str) -> None:
        self.store = store
        self.clock = clock
        self.printer_name = printer_name
        self.layout = layout
        store.migrate(MIGRATIONS)

    # -- writing jobs ------------------------------------------------------------------------

    def _now(self) -> datetime:
        return self.clock.now()

    def _log(self, conn: sqlite3.Connection, job_id: str, event: str, detail: str = "") -> None:
        conn.execute(
            "INSERT INTO print_log (job_id, at, event, detail) VALUES (?, ?, ?, ?)",
            (job_id, self._now().isoformat(), event, detail),
        )

    def enqueue(
        self, checkin_id: str, content: PassContent, reason: str | None = None, layout: str | None = None
    ) -> str:
        """Queue a pass for a check-in; the first pass of a check-in is queued once only.

        ``reason`` (lost pass, printer jam …) makes it a reprint: always a new job, logged.
        """
        reason = reason.strip() if reason else None
        now = self._now()
        with self.store.transaction() as conn:
            if reason is None:
                row = conn.execute(
                    "SELECT id FROM print_jobs WHERE checkin_id = ? AND reason IS NULL", (checkin_id,)
                ).fetchone()
                if row is not None:
                    return str(row[0])
            job_id = str(uuid.uuid4())
            conn.execute(
                "INSERT INTO print_jobs (id, checkin_id, delegate_id, content, layout, state, reason, "
                "next_at, printer, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?, ?)",
                (
                    job_id,
                    checkin_id,
                    content.delegate_id,
                    content.to_json(),
                    layout or self.layout,
                    reason,
                    now.timestamp(),
                    self.printer_name,
                    now.isoformat(),
                    now.isoformat(),
                ),
            )
            self._log(conn, job_id, "reprint" if reason else "queued", reason or "")
        return job_id

    def move(
        self,
        job_id: str,
        state: str,
        event: str,
        detail: str = "",
        *,
        retry_in: float | None = None,
        attempt: bool = False,
    ) -> None:
        """Move a job to ``state`` and log it; a failed ``attempt`` records ``detail`` as the error."""
        now = self._now()
        error = detail if attempt else ("" if state == "done" else None)
        with self.store.transaction() as conn:
            conn.execute(
                "UPDATE print_jobs SET state = ?, updated_at = ?, attempts = attempts + ?, "
                "last_error = COALESCE(?, last_error), next_at = COALESCE(?, next_at) WHERE id = ?",
                (
                    state,
                    now.isoformat(),
                    int(attempt),
                    error,
                    now.timestamp() + retry_in if retry_in is not None else None,
                    job_id,
                ),
            )
            self._log(conn, job_id, event, detail)

    # -- reading jobs ------------------------------------------------------------------------

    def job(self, job_id: str) -> PrintJob | None:
        row = self.store.query_one("SELECT * FROM print_jobs WHERE id = ?", (job_id,))
        return _job(row) if row else None

    def jobs(self, checkin_id: str | None = None) -> list[PrintJob]:
        if checkin_id is None:
            return [_job(r) for r in self.store.query("SELECT * FROM print_jobs ORDER BY seq")]
        rows = self.store.query("SELECT * FROM print_jobs WHERE checkin_id = ? ORDER BY seq", (checkin_id,))
        return [_job(r) for r in rows]

    def print_log(self, job_id: str | None = None) -> list[tuple[str, str, str, str]]:
        """(job id, time, event, detail), oldest first."""
        sql = "SELECT job_id, at, event, detail FROM print_log"
        rows = (
            self.store.query(sql + " WHERE job_id = ? ORDER BY seq", (job_id,))
            if job_id
            else self.store.query(sql + " ORDER BY seq")
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]

    def due(self) -> PrintJob | None:
        row = self.store.query_one(
            "SELECT * FROM print_jobs WHERE state = 'queued' AND next_at <= ? ORDER BY next_at, seq LIMIT 1",
            (self._now().timestamp(),),
        )
        return _job(row) if row else None

    def due_now(self) -> int:
        """Make every waiting pass due at once (a printer was chosen or the queue started: what was
        backing off from the last printer is tried now, in order); how many were backing off."""
        now = self._now().timestamp()
        with self.store.transaction() as conn:
            return conn.execute(
                "UPDATE print_jobs SET next_at = ? WHERE state = 'queued' AND next_at > ?", (now, now)
            ).rowcount

    def next_due_in(self) -> float | None:
        row = self.store.query_one("SELECT MIN(next_at) FROM print_jobs WHERE state = 'queued'")
        if row is None or row[0] is None:
            return None
        return max(0.0, float(row[0]) - self._now().timestamp())

    def in_state(self, state: str) -> list[PrintJob]:
        rows = self.store.query("SELECT * FROM print_jobs WHERE state = ? ORDER BY seq", (state,))
        return [_job(r) for r in rows]

    def summary(self) -> tuple[int, int, float | None, str]:
        """(waiting, failed, oldest waiting job's creation as epoch seconds, its last error)."""
        row = self.store.query_one(
            "SELECT SUM(state IN ('queued', 'sent')), SUM(state = 'failed') FROM print_jobs"
        )
        oldest = self.store.query_one(
            "SELECT created_at, last_error FROM print_jobs WHERE state IN ('queued', 'sent') "
            "ORDER BY seq LIMIT 1"
        )
        waiting, failed = (int(row[0] or 0), int(row[1] or 0)) if row else (0, 0)
        since = datetime.fromisoformat(oldest[0]).timestamp() if oldest else None
        return waiting, failed, since, oldest[1] if oldest else ""


def _job(row: sqlite3.Row) -> PrintJob:
    return PrintJob(
        row["id"],
        row["checkin_id"],
        row["state"],
        row["reason"],
        row["attempts"],
        row["last_error"],
        PassContent.from_json(row["content"]),
        row["layout"],
    )
