"""Desk health: the latest report of every desk, and the history of each desk's state changes.

A desk's *state* is what an organiser acts on: its mode, gate, printer and camera, and the
problems its report shows (printer out of paper, a backlog that has not come down for
``backlog_grace`` seconds, a clock more than ``clock_limit`` seconds off the hub's). Silence
(no report for ``stale_after`` seconds) is judged when the fleet is read, on ``clock``, which
tests replace.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from hub.store.base import Database

STATE_KEYS = ("mode", "gate", "printer_state", "camera_state")


def utc_now() -> datetime:
    return datetime.now(UTC)


class Desks:
    def __init__(self, store: Database) -> None:
        self._store = store
        self.clock: Callable[[], datetime] = utc_now
        self.stale_after = 60.0
        self.backlog_grace = 30.0
        self.clock_limit = 30.0
        self.version = 0  # bumped by every report through this object (the dashboard's cache key)

    def report(self, desk: str, report: dict[str, Any]) -> datetime:
        """Keep a desk's report (already validated); a change of state is added to its history."""
        now = self.clock()
        with self._store.transaction() as conn:
            row = conn.execute(
                "SELECT report, state, backlog_ok_at FROM hub_desks WHERE desk = ?", (desk,)
            ).fetchone()
            before = json.loads(row[0]) if row else {}
            backlog = int(report.get("backlog") or 0)
            backlog_ok_at = now.isoformat()
            if row is not None and backlog > 0 and backlog >= int(before.get("backlog") or 0):
                backlog_ok_at = row[2]
            state = self._state(report, now, datetime.fromisoformat(backlog_ok_at))
            conn.execute(
                "INSERT INTO hub_desks (desk, report, state, received_at, backlog_ok_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (desk) DO UPDATE SET report = excluded.report, state = excluded.state, "
                "received_at = excluded.received_at, backlog_ok_at = excluded.backlog_ok_at",
                (desk, json.dumps(report, ensure_ascii=False), state, now.isoformat(), backlog_ok_at),
            )
            if row is None or row[1] != state:
                change = self._store.take(conn, "desk_changes", 1)
                conn.execute(
                    "INSERT INTO hub_desk_changes (id, desk, at, state) VALUES (?, ?, ?, ?)",
                    (change, desk, now.isoformat(), state),
                )
        self.version += 1
        return now

    def _state(self, report: dict[str, Any], now: datetime, backlog_ok_at: datetime) -> str:
        problems = []
        if report.get("printer_state") == "out_of_paper":
            problems.append("out_of_paper")
        if (
            int(report.get("backlog") or 0) > 0
            and (now - backlog_ok_at).total_seconds() >= self.backlog_grace
        ):
            problems.append("backlog_growing")
        offset = report.get("clock_offset_s")
        if offset is not None and abs(float(offset)) > self.clock_limit:
            problems.append("clock_off")
        state = {key: report.get(key) for key in STATE_KEYS} | {"problems": problems}
        return json.dumps(state, sort_keys=True)

    def fleet(self) -> list[dict[str, Any]]:
        """One row per desk: its last report, when it came, and every problem (silence included)."""
        now = self.clock()
        with self._store.read() as conn:
            rows = conn.execute(
                "SELECT desk, report, state, received_at FROM hub_desks ORDER BY desk"
            ).fetchall()
        fleet = []
        for desk, report, state, received_at in rows:
            problems = list(json.loads(state)["problems"])
            silent_for = (now - datetime.fromisoformat(received_at)).total_seconds()
            if silent_for >= self.stale_after:
                problems.insert(0, "silent")
            fleet.append({"desk": desk, "report": json.loads(report), "received_at": received_at,
                          "silent_for_s": round(max(0.0, silent_for), 1), "problems": problems})  # fmt: skip
        return fleet

    def changes(self, desk: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """The latest state changes, newest first (of one desk, or of all)."""
        sql, params = "SELECT desk, at, state FROM hub_desk_changes", []
        if desk is not None:
            sql, params = sql + " WHERE desk = ?", [desk]
        with self._store.read() as conn:
            rows = conn.execute(sql + " ORDER BY id DESC LIMIT ?", (*params, limit)).fetchall()
        return [{"desk": r[0], "at": r[1], "state": json.loads(r[2])} for r in rows]
