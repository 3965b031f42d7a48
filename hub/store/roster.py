"""The hub's event, trusted keys and roster, with a change cursor for delta sync.

Every delegate row carries ``rev``, the roster cursor value of the transaction that
last changed it; ``changes(since)`` is every delegate whose rev is above ``since``.
A revocation is a change like any other (status ``cancelled``), so it travels too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from hub.store.base import Database, now_text
from hub.store.tokens import Tokens
from kiosk.importers.apply import ImportReport, check_rows, sort_out
from kiosk.importers.event import declared_default, parse_event
from kiosk.importers.readers import RosterFileError, read_table
from kiosk.importers.rows import RowParser, sheet_warnings
from kiosk.keys import key_id, parse_public, public_pem
from kiosk.model import Action, Category, Delegate, Forum
from kiosk.names import search_text
from kiosk.sync.wire import delegate_to_wire


def _dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def body_of(delegate: Delegate) -> str:
    """The stored (and served) JSON of a delegate, search text included."""
    search = search_text(delegate.name, delegate.name_en, delegate.organization, delegate.phone)
    return json.dumps(delegate_to_wire(delegate, search), ensure_ascii=False, sort_keys=True)


class HubRoster:
    def __init__(self, store: Database, tokens: Tokens) -> None:
        self._store = store
        self._tokens = tokens  # desk tokens are for one event (hub/store/tokens.py)

    # -- event and keys ------------------------------------------------------------------------

    def set_event(self, data: dict[str, Any]) -> str:
        """Install an event file's content (validated as the kiosk does); returns the event id."""
        event, forums, categories = parse_event(data)
        keys = data.get("public_keys") or []
        if isinstance(keys, str):
            keys = [keys]
        pems = [public_pem(parse_public(str(pem))).decode() for pem in keys]
        body = {k: v for k, v in data.items() if k in ("event", "forums", "categories")}
        now = now_text()
        with self._store.transaction() as conn:
            rev = self._store.take(conn, "roster", 1)
            conn.execute("DELETE FROM hub_event")
            conn.execute(
                "INSERT INTO hub_event (id, body, updated_at) VALUES (?, ?, ?)",
                (event.id, json.dumps(body, ensure_ascii=False), now),
            )
            self._tokens.bind_event(conn, event.id)
            for pem in pems:
                conn.execute(
                    "INSERT INTO hub_keys (key_id, event_id, pem, added_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (key_id) DO UPDATE SET event_id = excluded.event_id",
                    (key_id(parse_public(pem)), event.id, pem, now),
                )
            conn.execute(
                "INSERT INTO hub_meta (key, value) VALUES ('event_version', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (str(rev),),
            )
        self._tokens.forget()  # a token of the event replaced is refused from now on
        return event.id

    def event_document(self) -> dict[str, Any] | None:
        """The event, forums and categories as an event file has them, plus trusted keys."""
        with self._store.read() as conn:
            row = conn.execute("SELECT id, body FROM hub_event").fetchone()
            if row is None:
                return None
            keys = conn.execute("SELECT pem FROM hub_keys WHERE event_id = ? ORDER BY added_at", (row[0],))
            document = json.loads(row[1])
            document["public_keys"] = [k[0] for k in keys.fetchall()]
            version = conn.execute("SELECT value FROM hub_meta WHERE key = 'event_version'").fetchone()
        document["version"] = int(version[0]) if version else 0
        return document

    def event_version(self) -> int:
        with self._store.read() as conn:
            row = conn.execute("SELECT value FROM hub_meta WHERE key = 'event_version'").fetchone()
        return int(row[0]) if row else 0

    # -- delegates -----------------------------------------------------------------------------

    def parser(self, headers: list[str]) -> RowParser:
        document = self.event_document()
        forums: list[Forum] = []
        categories: list[Category] = []
        default = ""
        if document is not None:
            _, forums, categories = parse_event(document)
            default = declared_default(document)
        return RowParser(headers, forums, categories, default)

    def import_file(self, path: Path, replace: bool = False) -> ImportReport:
        """A roster file, read and checked by the kiosk's own importers; same report."""
        report = ImportReport()
        try:
            headers, rows, unread_sheets = read_table(Path(path))
            report.warnings += sheet_warnings(unread_sheets)
            self.import_rows(headers, rows, report, replace)
        except RosterFileError as exc:  # even at the file's last line: nothing was applied
            return ImportReport(error=str(exc))
        return report

    def import_rows(
        self, headers: list[str], rows: Iterable[tuple[int, list[str]]], report: ImportReport, replace: bool
    ) -> None:
        self.apply(check_rows(self.parser(headers), rows, report), report, replace)

    def apply(self, parsed: Iterable[tuple[int, Delegate]], report: ImportReport, replace_all: bool) -> None:
        """Write valid delegates in one transaction, each change under one new cursor value."""
        with self._store.transaction() as conn:
            existing = {r[0]: (r[1], r[2], r[3]) for r in conn.execute(
                "SELECT id, code, status, body FROM hub_delegates").fetchall()}  # fmt: skip
            owners = {code: i for i, (code, _, _) in existing.items()}
            bodies: dict[str, str] = {}

            def comparable(delegate: Delegate) -> str:
                bodies[delegate.id] = body_of(delegate)
                return bodies[delegate.id]

            changes, seen = sort_out(
                parsed,
                {i: (code, text) for i, (code, _, text) in existing.items()},
                owners,
                comparable,
                report,
            )
            writes = [(d.id, d.code, d.status, bodies.get(d.id) or body_of(d)) for d in changes]
            if replace_all:
                for delegate_id, (code, status, body) in existing.items():
                    if delegate_id not in seen and status == "active":
                        data = json.loads(body)
                        data["status"] = "cancelled"
                        writes.append(
                            (
                                delegate_id,
                                code,
                                "cancelled",
                                json.dumps(data, ensure_ascii=False, sort_keys=True),
                            )
                        )
                        report.revoked += 1
            self._write(conn, writes)
        report.rejected.sort(key=lambda r: r.line)

    def _write(self, conn: Any, writes: list[tuple[str, str, str, str]]) -> None:
        if not writes:
            return
        last = self._store.take(conn, "roster", len(writes))
        first, now = last - len(writes) + 1, now_text()
        conn.executemany(
            "INSERT INTO hub_delegates (id, code, status, body, rev, updated_at) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET code = excluded.code, status = excluded.status, "
            "body = excluded.body, rev = excluded.rev, updated_at = excluded.updated_at",
            [(*w, first + i, now) for i, w in enumerate(writes)],
        )

    def from_desk(self, changes: list[tuple[Action, Delegate]]) -> int:
        """Walk-ins and reissued codes from a desk: a walk-in is added when its id is new, a
        reissue changes only the code; a code another delegate holds is refused. Returns how
        many were taken (the rest are left to the organiser's roster)."""
        writes = []
        with self._store.transaction() as conn:
            for action, delegate in changes:
                owner = conn.execute(
                    "SELECT id FROM hub_delegates WHERE code = ?", (delegate.code,)
                ).fetchone()
                row = conn.execute("SELECT body FROM hub_delegates WHERE id = ?", (delegate.id,)).fetchone()
                if owner is not None and owner[0] != delegate.id:
                    continue
                if action is Action.WALKIN and row is None:
                    writes.append((delegate.id, delegate.code, delegate.status, body_of(delegate)))
                elif action is Action.REISSUE and row is not None and owner is None:
                    data = json.loads(row[0])
                    data["code"] = delegate.code
                    writes.append((delegate.id, delegate.code, data["status"], _dumps(data)))
            self._write(conn, writes)
        return len(writes)

    def revoke(self, delegate_ids: Iterable[str]) -> int:
        """Cancel delegates (their badges stop admitting at every desk after sync)."""
        with self._store.transaction() as conn:
            writes = []
            for delegate_id in delegate_ids:
                row = conn.execute(
                    "SELECT code, body FROM hub_delegates WHERE id = ?", (delegate_id,)
                ).fetchone()
                if row is None:
                    continue
                data = json.loads(row[1])
                data["status"] = "cancelled"
                writes.append(
                    (delegate_id, row[0], "cancelled", json.dumps(data, ensure_ascii=False, sort_keys=True))
                )
            self._write(conn, writes)
        return len(writes)

    def put(self, delegates: Iterable[Delegate]) -> None:
        """Upsert delegates as given (benchmarks and tests: no row-level report)."""
        report = ImportReport()
        self.apply(list(enumerate(delegates, start=1)), report, replace_all=False)
        if report.rejected:
            raise ValueError(f"{len(report.rejected)} delegates refused: {report.rejected[0].message}")

    def changes(self, since: int, limit: int) -> tuple[list[tuple[int, str, str]], int, bool]:
        """(rev, status, delegate JSON) after ``since``, the new cursor, and whether more remain."""
        with self._store.read() as conn:
            high = int(conn.execute("SELECT value FROM hub_counters WHERE name = 'roster'").fetchone()[0])
            if since > high:  # a cursor from another hub database: start again from the beginning
                since = 0
            rows = conn.execute(
                "SELECT rev, status, body FROM hub_delegates WHERE rev > ? AND rev <= ? ORDER BY rev LIMIT ?",
                (since, high, limit + 1),
            ).fetchall()
        more = len(rows) > limit
        rows = rows[:limit]
        cursor = int(rows[-1][0]) if more else max(high, since)
        return [(int(r[0]), r[1], r[2]) for r in rows], cursor, more

    def count(self) -> int:
        with self._store.read() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM hub_delegates").fetchone()[0])
